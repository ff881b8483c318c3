//! What the pointer or the selection points at: a found number, or selected text to dial.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use super::overlay::OVERLAY_ID;
use super::scanner::Scanner;
use crate::browser::host::HOST_ID;

/// Longest selection (in characters) offered for dialling: a number with an extension and
/// some blanks fits; a selected paragraph is not a number.
const MAX_SELECTION_CHARS: usize = 64;

/// The found number under the point `(x, y)` (client coordinates), with its rectangle.
pub(super) fn number_at(
    document: &web_sys::Document,
    scanner: &Scanner,
    x: f64,
    y: f64,
) -> Option<(web_sys::DomRect, String)> {
    let (node, offset) = caret_at(document, x, y)?;
    for (range, e164) in scanner.hits(&node) {
        if offset < range.start_offset().ok()? || offset > range.end_offset().ok()? {
            continue;
        }
        // The caret snaps to the nearest character even when the pointer is in blank space
        // beside the text; only a pointer inside the number's own boxes counts.
        let rects = range.get_client_rects()?;
        for i in 0..rects.length() {
            if let Some(rect) = rects.get(i)
                && contains(&rect, x, y)
            {
                return Some((rect, e164));
            }
        }
    }
    None
}

/// What the current selection offers to dial, with the selection's rectangle: the one number
/// the detector finds in it, else the selected text itself when it looks like a number (the
/// panel's dial then normalises it and says what is wrong, if anything).
pub(super) fn selection_offer(
    document: &web_sys::Document,
    scanner: &Scanner,
) -> Option<(web_sys::DomRect, String)> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    // Text selected inside a form field is being edited, not read.
    if let Some(active) = document.active_element() {
        let tag = active.tag_name();
        if tag.eq_ignore_ascii_case("input") || tag.eq_ignore_ascii_case("textarea") {
            return None;
        }
    }
    let range = selection.get_range_at(0).ok()?;
    let container = range.common_ancestor_container().ok()?;
    let element = match container.dyn_ref::<web_sys::Element>() {
        Some(el) => el.clone(),
        None => container.parent_element()?,
    };
    let editing = format!(
        "#{HOST_ID}, #{OVERLAY_ID}, input, textarea, select, \
         [contenteditable]:not([contenteditable=\"false\"])"
    );
    if element.closest(&editing).ok().flatten().is_some() {
        return None;
    }
    let text = String::from(selection.to_string());
    let text = text.trim();
    if text.chars().count() > MAX_SELECTION_CHARS {
        return None;
    }
    let found = scanner.detector.find(text);
    let number = match found.as_slice() {
        [one] => one.e164.clone(),
        [] if looks_dialable(text) => text.to_owned(),
        _ => return None,
    };
    Some((range.get_bounding_client_rect(), number))
}

/// Whether selected text is worth offering to dial though the detector passed it over: only
/// digits, blanks and the characters numbers are written with, and at least 6 digits.
pub fn looks_dialable(text: &str) -> bool {
    let allowed = |c: char| c.is_ascii_digit() || " +()-./\u{a0}\u{2009}\u{202f}".contains(c);
    text.chars().all(allowed) && text.chars().filter(char::is_ascii_digit).count() >= 6
}

/// The text position under `(x, y)`: `caretPositionFromPoint` (standard), else WebKit's
/// `caretRangeFromPoint`. Neither is in web-sys's stable set, hence `Reflect`.
fn caret_at(document: &web_sys::Document, x: f64, y: f64) -> Option<(web_sys::Node, u32)> {
    let (x, y) = (JsValue::from_f64(x), JsValue::from_f64(y));
    if let Some(f) = method(document, "caretPositionFromPoint") {
        let position = f.call2(document, &x, &y).ok()?;
        if position.is_null() || position.is_undefined() {
            return None;
        }
        let node = Reflect::get(&position, &"offsetNode".into()).ok()?;
        let offset = Reflect::get(&position, &"offset".into()).ok()?.as_f64()?;
        return Some((node.dyn_into().ok()?, offset as u32));
    }
    let f = method(document, "caretRangeFromPoint")?;
    let range: web_sys::Range = f.call2(document, &x, &y).ok()?.dyn_into().ok()?;
    Some((range.start_container().ok()?, range.start_offset().ok()?))
}

fn method(target: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(target, &name.into()).ok()?.dyn_into().ok()
}

fn contains(rect: &web_sys::DomRect, x: f64, y: f64) -> bool {
    x >= rect.left() - 1.0 && x <= rect.right() + 1.0 && y >= rect.top() && y <= rect.bottom()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::looks_dialable;

    #[test]
    fn selected_digits_with_number_punctuation_are_dialable() {
        for text in [
            "777 123 456",
            "+420 (777) 123-456",
            "0049.30.123456",
            "123456",
        ] {
            assert!(looks_dialable(text), "{text}");
        }
    }

    #[test]
    fn selected_words_or_short_digit_runs_are_not_dialable() {
        for text in [
            "Jana Nováková",
            "12345",
            "IČO 27082440",
            "777 123 456 (mobil)",
            "",
        ] {
            assert!(!looks_dialable(text), "{text}");
        }
    }
}
