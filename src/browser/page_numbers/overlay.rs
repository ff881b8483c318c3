//! The "Call" button shown over a found number or a selection.
//!
//! It lives in our own element (`#daktela-cti-numbers`, a zero-size fixed box in `<body>`, just
//! before the panel) inside its own shadow root: the CRM's CSS cannot restyle it, ours cannot
//! leak out, and the CRM's DOM is never touched. The button is `position: fixed` at the number's
//! client rectangle, so it needs no knowledge of the CRM's layout.

use js_sys::{Array, Reflect};
use wasm_bindgen::JsCast;

use crate::browser::host::HOST_ID;

/// The id of the overlay's host element.
pub const OVERLAY_ID: &str = "daktela-cti-numbers";

const STYLES: &str = "button { position: fixed; z-index: 2147483647; margin: 0; \
    padding: 1px 8px; border: 0; border-radius: 9px; background: rgb(16, 130, 70); \
    color: #fff; font: 600 12px/18px system-ui, sans-serif; cursor: pointer; \
    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.3); white-space: nowrap; } \
    button:hover, button:focus-visible { background: rgb(10, 100, 52); } \
    button[hidden] { display: none; }";

/// Where a shown button came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Source {
    /// The pointer is over a found number.
    Hover,
    /// The agent selected text holding a number.
    Selection,
}

/// The overlay element and its button.
#[derive(Debug)]
pub(super) struct Overlay {
    pub(super) host: web_sys::HtmlElement,
    pub(super) button: web_sys::HtmlElement,
    /// What the shown button dials, and why it is shown.
    pub(super) offer: Option<(String, Source)>,
    label: String,
    title: String,
}

impl Overlay {
    /// Creates the overlay (hidden) in `<body>`, just before the panel. `title` holds `{number}`.
    pub(super) fn new(
        document: &web_sys::Document,
        label: String,
        title: String,
    ) -> Result<Overlay, wasm_bindgen::JsValue> {
        let host: web_sys::HtmlElement = document.create_element("div")?.unchecked_into();
        host.set_id(OVERLAY_ID);
        let style = host.style();
        for (name, value) in [
            ("position", "fixed"),
            ("top", "0"),
            ("left", "0"),
            ("width", "0"),
            ("height", "0"),
            ("z-index", "2147483647"),
        ] {
            style.set_property(name, value)?;
        }
        let shadow =
            host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(STYLES)?;
        Reflect::set(&shadow, &"adoptedStyleSheets".into(), &Array::of1(&sheet))?;
        let button: web_sys::HtmlElement = document.create_element("button")?.unchecked_into();
        button.set_attribute("type", "button")?;
        button.set_attribute("part", "call")?;
        button.set_hidden(true);
        shadow.append_child(&button)?;
        let body = document
            .body()
            .ok_or_else(|| wasm_bindgen::JsValue::from_str("no <body>"))?;
        // Just before the panel's host, which stays the body's last element (integrators and
        // tests rely on that); at the end when the panel is not mounted.
        let body_node: &web_sys::Node = body.as_ref();
        let panel = document
            .get_element_by_id(HOST_ID)
            .map(web_sys::Node::from)
            .filter(|p| p.parent_node().as_ref() == Some(body_node));
        body.insert_before(&host, panel.as_ref())?;
        Ok(Overlay {
            host,
            button,
            offer: None,
            label,
            title,
        })
    }

    /// Shows the button just right of `rect` (the number or the selection), offering `number`.
    pub(super) fn show(&mut self, rect: &web_sys::DomRect, number: String, source: Source) {
        let style = self.button.style();
        let top = rect.top() + (rect.height() - 20.0) / 2.0;
        let _ = style.set_property("top", &format!("{top:.0}px"));
        // One pixel over the number: the pointer moving right goes from the number straight
        // onto the button, never through a gap that would hide it.
        let _ = style.set_property("left", &format!("{:.0}px", rect.right() - 1.0));
        self.button.set_text_content(Some(&self.label));
        let title = self.title.replace("{number}", &number);
        let _ = self.button.set_attribute("title", &title);
        let _ = self.button.set_attribute("aria-label", &title);
        let _ = self.button.set_attribute("data-number", &number);
        self.button.set_hidden(false);
        self.offer = Some((number, source));
    }

    /// Hides the button if it shows an offer from `source` (any offer when `None`).
    pub(super) fn hide(&mut self, source: Option<Source>) {
        let matches = match (&self.offer, source) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some((_, shown)), Some(source)) => *shown == source,
        };
        if matches {
            self.button.set_hidden(true);
            let _ = self.button.remove_attribute("data-number");
            self.offer = None;
        }
    }
}
