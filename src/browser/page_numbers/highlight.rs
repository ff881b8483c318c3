//! Marking found numbers without touching the CRM's DOM: the CSS Custom Highlight API.
//!
//! `CSS.highlights.set("daktela-phone", new Highlight(...ranges))` plus one
//! `::highlight(daktela-phone)` rule in a constructed stylesheet adopted by the document. No
//! element is added, wrapped or restyled, so React, Angular or Vue never see a node they did not
//! render. web-sys has no bindings for the API, hence `Reflect`. Browsers without it (Firefox
//! before 140) get no marking; the hover and selection affordances still work.

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The highlight's name, used in the CSS rule.
pub const HIGHLIGHT_NAME: &str = "daktela-phone";

/// How a found number looks: a dotted green underline and a faint tint, readable on any CRM
/// theme; `::highlight` accepts only colours and decorations, never layout.
const RULE: &str = "::highlight(daktela-phone) { background-color: rgba(16, 130, 70, 0.12); \
    text-decoration: underline dotted rgb(16, 130, 70); }";

/// The registered highlight.
#[derive(Debug)]
pub(super) struct Highlight {
    set: JsValue,
    add: Function,
    delete: Function,
    clear: Function,
}

impl Highlight {
    /// Registers the highlight and its style, or `None` when the browser lacks the API.
    pub(super) fn install(document: &web_sys::Document) -> Option<Highlight> {
        let global = js_sys::global();
        let ctor = Reflect::get(&global, &"Highlight".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        let css = Reflect::get(&global, &"CSS".into()).ok()?;
        let registry = Reflect::get(&css, &"highlights".into()).ok()?;
        let register = method(&registry, "set")?;
        let set = Reflect::construct(&ctor, &Array::new()).ok()?;
        register
            .call2(&registry, &HIGHLIGHT_NAME.into(), &set)
            .ok()?;
        add_rule(document);
        Some(Highlight {
            add: method(&set, "add")?,
            delete: method(&set, "delete")?,
            clear: method(&set, "clear")?,
            set,
        })
    }

    /// Marks `range`.
    pub(super) fn add(&self, range: &web_sys::Range) {
        let _ = self.add.call1(&self.set, range);
    }

    /// Unmarks `range`.
    pub(super) fn delete(&self, range: &web_sys::Range) {
        let _ = self.delete.call1(&self.set, range);
    }

    /// Unmarks everything and unregisters the highlight.
    pub(super) fn remove(&self) {
        let _ = self.clear.call0(&self.set);
        let global = js_sys::global();
        if let Ok(css) = Reflect::get(&global, &"CSS".into())
            && let Ok(registry) = Reflect::get(&css, &"highlights".into())
            && let Some(delete) = method(&registry, "delete")
        {
            let _ = delete.call1(&registry, &HIGHLIGHT_NAME.into());
        }
    }
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into()).ok()?.dyn_into().ok()
}

/// Adds the `::highlight` rule once: as a constructed stylesheet adopted by the document (no
/// element in the page, fine under a strict CSP), else as a `<style>` in `<head>`.
fn add_rule(document: &web_sys::Document) {
    let marker = "__daktelaPhoneHighlight";
    if Reflect::get(document, &marker.into()).is_ok_and(|v| v.is_truthy()) {
        return;
    }
    let _ = Reflect::set(document, &marker.into(), &JsValue::TRUE);
    if let Ok(sheet) = web_sys::CssStyleSheet::new()
        && sheet.replace_sync(RULE).is_ok()
        && let Ok(existing) = Reflect::get(document, &"adoptedStyleSheets".into())
        && Array::is_array(&existing)
    {
        let sheets = Array::from(&existing);
        sheets.push(&sheet);
        if Reflect::set(document, &"adoptedStyleSheets".into(), &sheets).is_ok() {
            return;
        }
    }
    if let Some(head) = document.head()
        && let Ok(style) = document.create_element("style")
    {
        style.set_text_content(Some(RULE));
        let _ = head.append_child(&style);
    }
}
