//! The page events the scanner listens to: pointer moves (hover), scrolling, selection changes,
//! and presses and clicks on our own button.

use std::rc::{Rc, Weak};

use wasm_bindgen::{JsCast, JsValue};

use super::listen::Listener;
use super::overlay::Source;
use super::session::{SELECTION_MS, Shared};

/// Installs every listener; they are removed when the returned values are dropped.
pub(super) fn listeners(
    shared: &Rc<Shared>,
    weak: &Weak<Shared>,
) -> Result<Vec<Listener>, JsValue> {
    let doc: &web_sys::EventTarget = shared.document.as_ref();
    let button: web_sys::EventTarget = shared.overlay.borrow().button.clone().into();
    let host: JsValue = shared.overlay.borrow().host.clone().into();

    let w = weak.clone();
    let mousemove = Listener::new(doc, "mousemove", true, move |event| {
        let Some(s) = w.upgrade() else { return };
        // Over our own button (the event is retargeted to its host): keep what is shown.
        if event.target().is_some_and(|t| JsValue::from(t) == host) {
            return;
        }
        let Some(mouse) = event.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        s.pointer
            .set((f64::from(mouse.client_x()), f64::from(mouse.client_y())));
        // At most one hit test per frame, however fast the pointer moves.
        if s.frame.get().is_none()
            && let Some(hover) = s.hover.borrow().as_ref()
        {
            let id = s
                .window
                .request_animation_frame(hover.as_ref().unchecked_ref())
                .ok();
            s.frame.set(id);
        }
    })?;
    let w = weak.clone();
    let scroll = Listener::new(doc, "scroll", true, move |_| {
        if let Some(s) = w.upgrade() {
            // The button sits at the number's old place: hide it; a selection's moves with it.
            s.overlay.borrow_mut().hide(Some(Source::Hover));
            s.after(&s.selection_timer, &s.selection, 0);
        }
    })?;
    let w = weak.clone();
    let selection = Listener::new(doc, "selectionchange", false, move |_| {
        if let Some(s) = w.upgrade() {
            s.after(&s.selection_timer, &s.selection, SELECTION_MS);
        }
    })?;
    // Pressing the button must neither clear the selection nor move the focus.
    let press = Listener::new(&button, "mousedown", false, |event| event.prevent_default())?;
    let w = weak.clone();
    let click = Listener::new(&button, "click", false, move |event| {
        event.prevent_default();
        event.stop_propagation();
        let Some(s) = w.upgrade() else { return };
        let number = {
            let mut overlay = s.overlay.borrow_mut();
            let number = overlay.offer.as_ref().map(|(n, _)| n.clone());
            overlay.hide(None);
            number
        };
        if let Some(number) = number {
            (s.on_dial)(number);
        }
    })?;
    Ok(vec![mousemove, scroll, selection, press, click])
}
