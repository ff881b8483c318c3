//! Click to call: `tel:` and `callto:` links anywhere in the CRM page dial through Daktela
//! instead of opening the operating system's phone handler.
//!
//! ONE capture-phase `click` listener on the document, not a listener per link and no rewriting
//! of the CRM's nodes: links added later (a SPA rendering a contact) and DOM owned by a framework
//! (which may re-render and would drop our changes) work the same. Capture phase, because the
//! document sees the click before the link's own handlers and before any bubble-phase handler
//! that stops propagation.
//!
//! The link is found through `event.composedPath()` rather than `event.target`: for a click
//! inside a shadow root, the target seen at document level is retargeted to the shadow host, so
//! `target.closest("a")` would miss links in open shadow roots of the CRM's web components. The
//! same path is why clicks inside the panel (host `#daktela-cti`) are ignored: the panel's own
//! `tel:` links (a caller's number) are handled by the panel; intercepting them here would dial
//! twice or swallow the panel's own behaviour.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::host::HOST_ID;
use super::storage::js_message;

/// Why the listener could not be installed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TelLinksError {
    /// Not running in a page.
    #[error("no document: tel: links can only be intercepted in a browser page")]
    NoDocument,
    /// The browser refused the listener.
    #[error("the browser refused the click listener: {0}")]
    Listen(String),
}

/// The installed listener. Dropping it removes the listener; [`TelLinks::forget`] keeps it for
/// the life of the page.
pub struct TelLinks {
    document: web_sys::Document,
    listener: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

impl std::fmt::Debug for TelLinks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TelLinks")
            .field("installed", &self.listener.is_some())
            .finish()
    }
}

impl TelLinks {
    /// Keeps intercepting for the rest of the page's life (the listener is never removed).
    pub fn forget(mut self) {
        if let Some(listener) = self.listener.take() {
            listener.forget();
        }
    }
}

impl Drop for TelLinks {
    fn drop(&mut self) {
        if let Some(listener) = self.listener.take() {
            // `true`: the capture flag must match the one it was added with.
            let _ = self.document.remove_event_listener_with_callback_and_bool(
                "click",
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
    }
}

/// Installs the listener (module docs). For a plain primary-button click on or inside a
/// `tel:`/`callto:` link it prevents the default action and calls `on_dial` with the link's
/// `href` attribute as written (`tel:+420 777 123 456`); normalising it is the caller's job.
/// Clicks with a modifier key (the agent asking for a new tab or a copy), clicks the page
/// already handled (`defaultPrevented`) and clicks inside the panel are left alone.
///
/// # Errors
/// [`TelLinksError`] when there is no document or the browser refuses the listener.
pub fn intercept_tel_links(on_dial: impl Fn(String) + 'static) -> Result<TelLinks, TelLinksError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(TelLinksError::NoDocument)?;
    let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        if let Some(href) = dial_href(&event) {
            event.prevent_default();
            on_dial(href);
        }
    });
    document
        .add_event_listener_with_callback_and_bool("click", listener.as_ref().unchecked_ref(), true)
        .map_err(|e| TelLinksError::Listen(js_message(&e)))?;
    Ok(TelLinks {
        document,
        listener: Some(listener),
    })
}

/// The `href` to dial, if this click should dial.
fn dial_href(event: &web_sys::Event) -> Option<String> {
    let mouse = event.dyn_ref::<web_sys::MouseEvent>()?;
    let modified = mouse.ctrl_key() || mouse.meta_key() || mouse.shift_key() || mouse.alt_key();
    if mouse.button() != 0 || modified || event.default_prevented() {
        return None;
    }
    let mut link = None;
    for target in event.composed_path().iter() {
        let Some(element) = target.dyn_ref::<web_sys::Element>() else {
            continue;
        };
        if element.id() == HOST_ID {
            return None;
        }
        // The innermost link is the one the browser would follow; keep walking only to see
        // whether the click came from inside the panel.
        if link.is_none()
            && let Some(anchor) = element.dyn_ref::<web_sys::HtmlAnchorElement>()
        {
            link = Some(anchor.get_attribute("href"));
        }
    }
    link.flatten().filter(|href| is_dial_href(href))
}

/// Whether an `href` is a phone link: `tel:` or `callto:`, any case, leading spaces allowed
/// (browsers strip them too).
pub fn is_dial_href(href: &str) -> bool {
    let href = href.trim_start().as_bytes();
    ["tel:", "callto:"].iter().any(|scheme| {
        href.len() >= scheme.len() && href[..scheme.len()].eq_ignore_ascii_case(scheme.as_bytes())
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn tel_and_callto_links_are_phone_links_in_any_case() {
        for href in [
            "tel:+420777123456",
            "TEL:777",
            " tel:1",
            "callto:+420 777",
            "CallTo:x",
        ] {
            assert!(is_dial_href(href), "{href}");
        }
    }

    #[test]
    fn other_links_are_not_phone_links() {
        for href in [
            "",
            "tel",
            "https://x/tel:1",
            "mailto:a@b",
            "sip:1",
            "/tel:1",
            "te",
        ] {
            assert!(!is_dial_href(href), "{href}");
        }
    }
}
