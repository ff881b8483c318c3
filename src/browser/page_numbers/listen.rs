//! An event listener that is removed when dropped.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// One installed listener.
pub(super) struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(web_sys::Event)>,
}

impl std::fmt::Debug for Listener {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Listener")
            .field("kind", &self.kind)
            .finish()
    }
}

impl Listener {
    /// Adds `handler` for `kind` on `target`; passive, so scrolling is never held up.
    pub(super) fn new(
        target: &web_sys::EventTarget,
        kind: &'static str,
        capture: bool,
        handler: impl FnMut(web_sys::Event) + 'static,
    ) -> Result<Listener, wasm_bindgen::JsValue> {
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(handler);
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(capture);
        options.set_passive(kind != "click" && kind != "mousedown");
        target.add_event_listener_with_callback_and_add_event_listener_options(
            kind,
            closure.as_ref().unchecked_ref(),
            &options,
        )?;
        Ok(Listener {
            target: target.clone(),
            kind,
            capture,
            closure,
        })
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}
