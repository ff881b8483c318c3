//! Flashing the tab's title while a call rings, so an agent working in another tab notices.
//!
//! [`TitleFlasher::start`] alternates `document.title` with a message every second until
//! [`TitleFlasher::stop`], until the agent comes to the tab (it becomes visible and focused), or
//! until the flasher is dropped. The original title always comes back. Starting again while
//! flashing only changes the message: it never stacks a second timer, and never takes the
//! message itself for the "original" title.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Interval;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// How often the title alternates.
pub const FLASH_PERIOD_MS: u32 = 1_000;

/// Flashes the title; restores it on stop or drop. Cheap to create (touches nothing until
/// [`TitleFlasher::start`]).
#[derive(Debug, Default)]
pub struct TitleFlasher {
    inner: Rc<RefCell<Option<Flashing>>>,
}

/// The state while flashing. Dropping it cancels the timer and removes the listeners.
struct Flashing {
    document: web_sys::Document,
    /// The page's title, to restore.
    original: String,
    message: String,
    /// Whether the message is showing now.
    showing: bool,
    _timer: Interval,
    _listeners: Listeners,
}

impl std::fmt::Debug for Flashing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Flashing")
            .field("original", &self.original)
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}

impl TitleFlasher {
    /// A flasher that is not flashing.
    pub fn new() -> Self {
        Self::default()
    }

    /// Starts flashing `message` (showing it at once), or, when already flashing, switches to
    /// `message`. Does nothing outside a page.
    pub fn start(&self, message: &str) {
        if let Some(flashing) = self.inner.borrow_mut().as_mut() {
            flashing.message = message.to_owned();
            flashing.showing = true;
            flashing.document.set_title(message);
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        let Some(document) = window.document() else {
            return;
        };
        let weak = Rc::downgrade(&self.inner);
        let timer = {
            let weak = weak.clone();
            Interval::new(FLASH_PERIOD_MS, move || tick(&weak))
        };
        let listeners = Listeners::install(&window, &document, weak);
        let original = document.title();
        document.set_title(message);
        *self.inner.borrow_mut() = Some(Flashing {
            document,
            original,
            message: message.to_owned(),
            showing: true,
            _timer: timer,
            _listeners: listeners,
        });
    }

    /// Stops flashing and restores the page's title. Does nothing when not flashing.
    pub fn stop(&self) {
        stop(&self.inner);
    }

    /// Whether the title is flashing now.
    pub fn is_flashing(&self) -> bool {
        self.inner.borrow().is_some()
    }
}

impl Drop for TitleFlasher {
    fn drop(&mut self) {
        stop(&self.inner);
    }
}

fn stop(inner: &RefCell<Option<Flashing>>) {
    // Taken out first, so the timer and listeners are dropped with no borrow held.
    let flashing = inner.borrow_mut().take();
    if let Some(flashing) = flashing {
        flashing.document.set_title(&flashing.original);
    }
}

fn tick(weak: &Weak<RefCell<Option<Flashing>>>) {
    let Some(inner) = weak.upgrade() else {
        return;
    };
    let mut guard = inner.borrow_mut();
    let Some(flashing) = guard.as_mut() else {
        return;
    };
    let current = flashing.document.title();
    // The page changed its own title meanwhile (a SPA navigating): that is the one to restore.
    if current != flashing.message && current != flashing.original {
        flashing.original = current;
    }
    flashing.showing = !flashing.showing;
    let next = if flashing.showing {
        &flashing.message
    } else {
        &flashing.original
    };
    flashing.document.set_title(next);
}

/// `focus` on the window and `visibilitychange` on the document: the agent came to the tab.
struct Listeners {
    window: web_sys::Window,
    document: web_sys::Document,
    callback: Closure<dyn FnMut()>,
}

impl Listeners {
    fn install(
        window: &web_sys::Window,
        document: &web_sys::Document,
        weak: Weak<RefCell<Option<Flashing>>>,
    ) -> Self {
        let doc = document.clone();
        let callback = Closure::<dyn FnMut()>::new(move || {
            let seen = doc.visibility_state() == web_sys::VisibilityState::Visible
                && doc.has_focus().unwrap_or(false);
            if let (true, Some(inner)) = (seen, weak.upgrade()) {
                stop(&inner);
            }
        });
        let f = callback.as_ref().unchecked_ref();
        // If the browser refuses a listener the flasher still stops on `stop()`.
        let _ = window.add_event_listener_with_callback("focus", f);
        let _ = document.add_event_listener_with_callback("visibilitychange", f);
        Self {
            window: window.clone(),
            document: document.clone(),
            callback,
        }
    }
}

impl Drop for Listeners {
    fn drop(&mut self) {
        let f = self.callback.as_ref().unchecked_ref();
        let _ = self.window.remove_event_listener_with_callback("focus", f);
        let _ = self
            .document
            .remove_event_listener_with_callback("visibilitychange", f);
    }
}
