//! The running scanner: the MutationObserver, the batch timer, the hover and selection
//! callbacks (their listeners are in `events.rs`), and the handle that removes them all.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::events;
use super::listen::Listener;
use super::overlay::{Overlay, Source};
use super::pointer::{number_at, selection_offer};
use super::scanner::{PageNumber, Scanner};
use super::{Options, PageNumbersError};

/// Wait after a mutation before scanning: a framework rendering a list mutates many times in a
/// row, and one batch after it settles is cheaper than one per mutation.
const DEBOUNCE_MS: i32 = 150;
/// Wait after the selection last changed (it changes on every pointer move while dragging).
pub(super) const SELECTION_MS: i32 = 150;

/// State shared by the callbacks. They hold it weakly: dropping [`PageNumbers`] frees it.
pub(super) struct Shared {
    pub(super) window: web_sys::Window,
    pub(super) document: web_sys::Document,
    pub(super) scanner: RefCell<Scanner>,
    pub(super) overlay: RefCell<Overlay>,
    pub(super) on_dial: Box<dyn Fn(String)>,
    pub(super) batch_timer: Cell<Option<i32>>,
    pub(super) batch: RefCell<Option<Closure<dyn FnMut()>>>,
    pub(super) pointer: Cell<(f64, f64)>,
    pub(super) frame: Cell<Option<i32>>,
    pub(super) hover: RefCell<Option<Closure<dyn FnMut()>>>,
    pub(super) selection_timer: Cell<Option<i32>>,
    pub(super) selection: RefCell<Option<Closure<dyn FnMut()>>>,
}

impl Shared {
    /// Runs a batch after `delay` ms unless one is already due.
    fn schedule(&self, delay: i32) {
        if self.batch_timer.get().is_some() {
            return;
        }
        if let Some(batch) = self.batch.borrow().as_ref() {
            let id = self
                .window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    batch.as_ref().unchecked_ref(),
                    delay,
                )
                .ok();
            self.batch_timer.set(id);
        }
    }

    fn run_batch(&self) {
        self.batch_timer.set(None);
        let more = self.scanner.borrow_mut().run_batch();
        if more {
            // 0 ms: the rest of the page gets the main thread between batches.
            self.schedule(0);
        }
    }

    fn hover_at_pointer(&self) {
        self.frame.set(None);
        let (x, y) = self.pointer.get();
        let hit = number_at(&self.document, &self.scanner.borrow(), x, y);
        let mut overlay = self.overlay.borrow_mut();
        match hit {
            Some((rect, e164)) => overlay.show(&rect, e164, Source::Hover),
            None => overlay.hide(Some(Source::Hover)),
        }
    }

    fn refresh_selection(&self) {
        self.selection_timer.set(None);
        let offer = selection_offer(&self.document, &self.scanner.borrow());
        let mut overlay = self.overlay.borrow_mut();
        match offer {
            Some((rect, number)) => overlay.show(&rect, number, Source::Selection),
            None => overlay.hide(Some(Source::Selection)),
        }
    }

    pub(super) fn after(
        &self,
        slot: &Cell<Option<i32>>,
        f: &RefCell<Option<Closure<dyn FnMut()>>>,
        ms: i32,
    ) {
        if let Some(id) = slot.take() {
            self.window.clear_timeout_with_handle(id);
        }
        if let Some(f) = f.borrow().as_ref() {
            let id = self
                .window
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    f.as_ref().unchecked_ref(),
                    ms,
                )
                .ok();
            slot.set(id);
        }
    }
}

/// The running scanner. Dropping it stops everything and removes the highlight and the overlay;
/// [`PageNumbers::forget`] keeps it for the life of the page.
pub struct PageNumbers {
    shared: Rc<Shared>,
    observer: web_sys::MutationObserver,
    _on_mutation: Closure<dyn FnMut(Array, web_sys::MutationObserver)>,
    _listeners: Vec<Listener>,
}

impl std::fmt::Debug for PageNumbers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PageNumbers").finish_non_exhaustive()
    }
}

impl PageNumbers {
    /// Scans everything queued now, without waiting for the batch timer (tests, benchmarks).
    pub fn flush(&self) {
        if let Some(id) = self.shared.batch_timer.take() {
            self.shared.window.clear_timeout_with_handle(id);
        }
        // Mutations the observer holds but has not delivered yet.
        let records = self.observer.take_records();
        queue_records(&self.shared, &records);
        while self.shared.scanner.borrow_mut().run_batch() {}
    }

    /// Whether mutations or a first scan are still waiting for a batch.
    pub fn pending(&self) -> bool {
        self.shared.scanner.borrow().pending()
    }

    /// Every number currently found on the page (order unspecified).
    pub fn found(&self) -> Vec<PageNumber> {
        self.shared.scanner.borrow().all()
    }

    /// What the "Call" button currently offers to dial, if it is shown.
    pub fn offered(&self) -> Option<String> {
        self.shared
            .overlay
            .borrow()
            .offer
            .as_ref()
            .map(|(n, _)| n.clone())
    }

    /// Keeps scanning for the rest of the page's life.
    pub fn forget(self) {
        std::mem::forget(self);
    }
}

impl Drop for PageNumbers {
    fn drop(&mut self) {
        self.observer.disconnect();
        let s = &self.shared;
        for slot in [&s.batch_timer, &s.selection_timer] {
            if let Some(id) = slot.take() {
                s.window.clear_timeout_with_handle(id);
            }
        }
        if let Some(id) = s.frame.take() {
            let _ = s.window.cancel_animation_frame(id);
        }
        s.scanner.borrow_mut().clear();
        s.overlay.borrow().host.remove();
    }
}

fn queue_records(shared: &Shared, records: &Array) {
    let mut scanner = shared.scanner.borrow_mut();
    for record in records.iter() {
        let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else {
            continue;
        };
        if record.type_() == "characterData" {
            if let Some(target) = record.target() {
                scanner.enqueue(target);
            }
            continue;
        }
        let added = record.added_nodes();
        for i in 0..added.length() {
            if let Some(node) = added.item(i) {
                scanner.enqueue(node);
            }
        }
        if record.removed_nodes().length() > 0 {
            scanner.note_removal();
        }
    }
}

/// Builds the session: overlay, observer on each root, first scan queued, listeners.
pub(super) fn start(
    document: web_sys::Document,
    roots: Vec<web_sys::Node>,
    detector: phone_detect::Detector,
    skip: String,
    options: &Options,
    on_dial: Box<dyn Fn(String)>,
) -> Result<PageNumbers, PageNumbersError> {
    let dom = |what: &str| {
        let what = what.to_owned();
        move |_: JsValue| PageNumbersError::Dom(what)
    };
    let window = web_sys::window().ok_or(PageNumbersError::NoDocument)?;
    // The overlay first: its insertion into <body> happens before the observer watches.
    let overlay = Overlay::new(
        &document,
        options.call_label.clone(),
        options.call_title.clone(),
    )
    .map_err(dom("create the call button overlay"))?;
    let mut scanner = Scanner::new(detector, skip, document.clone());
    for root in &roots {
        scanner.enqueue(root.clone());
    }
    let shared = Rc::new(Shared {
        window,
        document: document.clone(),
        scanner: RefCell::new(scanner),
        overlay: RefCell::new(overlay),
        on_dial,
        batch_timer: Cell::new(None),
        batch: RefCell::new(None),
        pointer: Cell::new((0.0, 0.0)),
        frame: Cell::new(None),
        hover: RefCell::new(None),
        selection_timer: Cell::new(None),
        selection: RefCell::new(None),
    });
    let weak = Rc::downgrade(&shared);
    *shared.batch.borrow_mut() = Some(callback(&weak, Shared::run_batch));
    *shared.hover.borrow_mut() = Some(callback(&weak, Shared::hover_at_pointer));
    *shared.selection.borrow_mut() = Some(callback(&weak, Shared::refresh_selection));

    let w = weak.clone();
    let on_mutation = Closure::<dyn FnMut(Array, web_sys::MutationObserver)>::new(
        move |records: Array, _: web_sys::MutationObserver| {
            if let Some(shared) = w.upgrade() {
                queue_records(&shared, &records);
                shared.schedule(DEBOUNCE_MS);
            }
        },
    );
    let observer = web_sys::MutationObserver::new(on_mutation.as_ref().unchecked_ref())
        .map_err(dom("create a MutationObserver"))?;
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_character_data(true);
    init.set_subtree(true);
    for root in &roots {
        observer
            .observe_with_options(root, &init)
            .map_err(dom("observe the page"))?;
    }
    let listeners = events::listeners(&shared, &weak).map_err(dom("listen to the pointer"))?;
    shared.schedule(0);
    Ok(PageNumbers {
        shared,
        observer,
        _on_mutation: on_mutation,
        _listeners: listeners,
    })
}

fn callback(weak: &Weak<Shared>, f: fn(&Shared)) -> Closure<dyn FnMut()> {
    let weak = weak.clone();
    Closure::new(move || {
        if let Some(shared) = weak.upgrade() {
            f(&shared);
        }
    })
}
