//! Browser tests of the page-number scanner: what it finds in real DOM, what it skips, how it
//! follows changes, and that the CRM's nodes are never touched.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p daktela-cti --test page_numbers`.
//! Tests run one at a time on one page; each one removes what it added (dropping the scanner
//! removes its overlay and highlight).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::rc::Rc;

use daktela_cti::browser::clock::sleep_ms;
use daktela_cti::browser::page_numbers::{
    HIGHLIGHT_NAME, OVERLAY_ID, Options, PageNumbers, PageNumbersError, install_page_numbers,
};
use js_sys::Function;
use phone_detect::{DetectorConfig, Exclusion, Region};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn js(code: &str) -> JsValue {
    Function::new_no_args(code).call0(&JsValue::NULL).unwrap()
}

/// A fixture element at the end of `<body>` with `id`, holding `html`.
fn fixture(id: &str, html: &str) -> web_sys::Element {
    let el = document().create_element("section").unwrap();
    el.set_id(id);
    el.set_inner_html(html);
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn options(root: &str) -> Options {
    Options {
        roots: vec![root.to_owned()],
        exclude_selectors: Vec::new(),
        detector: DetectorConfig::new(Region::Cz),
        call_label: "Call".into(),
        call_title: "Call {number}".into(),
    }
}

type Dialled = Rc<RefCell<Vec<String>>>;

fn install(options: Options) -> (PageNumbers, Dialled) {
    let dialled: Dialled = Rc::default();
    let sink = dialled.clone();
    let numbers = install_page_numbers(options, move |n| sink.borrow_mut().push(n)).unwrap();
    numbers.flush();
    (numbers, dialled)
}

/// `(e164, text as shown)` of everything found, sorted.
fn found(numbers: &PageNumbers) -> Vec<(String, String)> {
    let mut all: Vec<_> = numbers
        .found()
        .into_iter()
        .map(|n| (n.e164, n.text))
        .collect();
    all.sort();
    all
}

fn pair(e164: &str, text: &str) -> (String, String) {
    (e164.to_owned(), text.to_owned())
}

/// How many ranges the page's highlight holds; -1 when it is not registered.
fn highlighted() -> i32 {
    js(&format!(
        "const h = CSS.highlights.get('{HIGHLIGHT_NAME}'); return h ? h.size : -1;"
    ))
    .as_f64()
    .unwrap() as i32
}

/// The call button in the overlay's shadow root.
fn call_button() -> web_sys::HtmlElement {
    let host = document().get_element_by_id(OVERLAY_ID).unwrap();
    host.shadow_root()
        .unwrap()
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
fn numbers_in_text_are_found_and_the_distractors_around_them_are_not() {
    let el = fixture(
        "pn-basic",
        "<table><tr><th>Telefon</th><td>602 987 654</td></tr>\
         <tr><td>IČO: 27082440, DIČ CZ27082440</td></tr>\
         <tr><td>Objednávka č. 123456789 ze dne 12. 3. 2024, cena 1 250 000 Kč</td></tr>\
         <tr><td>Účet 19-2000145399/0800, IBAN CZ65 0800 0000 1920 0014 5399</td></tr>\
         <tr><td>Mobil: +420 731 555 666, fax 00420 226 211 245</td></tr></table>",
    );
    let (numbers, _) = install(options("#pn-basic"));
    assert_eq!(
        found(&numbers),
        [
            pair("+420226211245", "00420 226 211 245"),
            pair("+420602987654", "602 987 654"),
            pair("+420731555666", "+420 731 555 666"),
        ]
    );
    assert_eq!(highlighted(), 3);
    drop(numbers);
    assert_eq!(highlighted(), -1, "the highlight is unregistered");
    el.remove();
}

#[wasm_bindgen_test]
fn scripts_fields_code_editable_text_links_and_excluded_elements_are_skipped() {
    let el = fixture(
        "pn-skip",
        "<script type=\"text/plain\">777 123 456</script><style>/* 777 123 457 */</style>\
         <textarea>777 123 458</textarea><input value=\"777 123 459\">\
         <select><option>777 123 460</option></select><pre>777 123 461</pre>\
         <p><code>777 123 462</code></p><div contenteditable=\"true\"><b>777 123 463</b></div>\
         <a href=\"tel:+420777123464\">777 123 464</a><div class=\"no-dial\"><i>777 123 465</i></div>\
         <div contenteditable=\"false\">777 123 466</div><p>Kontakt: <span>777 123 467</span></p>",
    );
    let mut options = options("#pn-skip");
    options.exclude_selectors = vec![".no-dial".into()];
    let (numbers, _) = install(options);
    assert_eq!(
        found(&numbers),
        [
            pair("+420777123466", "777 123 466"),
            pair("+420777123467", "777 123 467")
        ]
    );
    drop(numbers);
    el.remove();
}

#[wasm_bindgen_test]
fn ranges_land_on_the_number_after_czech_letters_and_emoji() {
    let el = fixture(
        "pn-utf16",
        "<p>Žluťoučký kůň 📞 příjemce: 602 987 654 👍 a 🇨🇿 +420 731 555 666</p>",
    );
    let (numbers, _) = install(options("#pn-utf16"));
    assert_eq!(
        found(&numbers),
        [
            pair("+420602987654", "602 987 654"),
            pair("+420731555666", "+420 731 555 666")
        ]
    );
    drop(numbers);
    el.remove();
}

#[wasm_bindgen_test]
async fn numbers_added_changed_or_removed_later_are_followed() {
    let el = fixture(
        "pn-live",
        "<ul><li id=\"pn-first\">Jana: 602 987 654</li></ul>",
    );
    let (numbers, _) = install(options("#pn-live"));
    assert_eq!(found(&numbers).len(), 1);

    // A framework appends a row, rewrites a text and removes a row, the way React would.
    let list = el.query_selector("ul").unwrap().unwrap();
    let row = document().create_element("li").unwrap();
    row.set_text_content(Some("Petr: +421 905 555 123"));
    list.append_child(&row).unwrap();
    let first = document().get_element_by_id("pn-first").unwrap();
    first
        .first_child()
        .unwrap()
        .set_node_value(Some("Jana: 731 555 666"));
    assert!(numbers.pending() || !found(&numbers).is_empty());
    sleep_ms(400).await;
    assert_eq!(
        found(&numbers),
        [
            pair("+420731555666", "731 555 666"),
            pair("+421905555123", "+421 905 555 123")
        ]
    );
    assert_eq!(highlighted(), 2, "the old number's mark is gone");

    row.remove();
    sleep_ms(400).await;
    assert_eq!(found(&numbers), [pair("+420731555666", "731 555 666")]);
    assert_eq!(highlighted(), 1);
    drop(numbers);
    el.remove();
}

#[wasm_bindgen_test]
async fn hovering_a_number_offers_it_and_a_click_dials_it_once_without_touching_the_crm_dom() {
    let el = fixture(
        "pn-hover",
        "<p style=\"font: 20px monospace\">Volejte <b>602 987 654</b> nebo pište.</p>",
    );
    let before = el.inner_html();
    let (numbers, dialled) = install(options("#pn-hover"));
    // The pointer over the middle of the number, as a real mouse would report it.
    js("const b = document.querySelector('#pn-hover b').getBoundingClientRect();
        document.querySelector('#pn-hover b').dispatchEvent(new MouseEvent('mousemove',
          { bubbles: true, composed: true, clientX: b.left + b.width / 2, clientY: b.top + b.height / 2 }));");
    sleep_ms(150).await;
    assert_eq!(numbers.offered().as_deref(), Some("+420602987654"));
    let button = call_button();
    assert!(!button.hidden());
    assert_eq!(button.text_content().as_deref(), Some("Call"));
    assert_eq!(
        button.get_attribute("title").as_deref(),
        Some("Call +420602987654")
    );
    button.click();
    assert_eq!(*dialled.borrow(), ["+420602987654"]);
    assert!(button.hidden(), "the button goes away after dialling");

    // Pointer elsewhere: nothing offered.
    js(
        "const p = document.querySelector('#pn-hover p').getBoundingClientRect();
        document.querySelector('#pn-hover p').dispatchEvent(new MouseEvent('mousemove',
          { bubbles: true, composed: true, clientX: p.left + 2, clientY: p.top + 2 }));",
    );
    sleep_ms(150).await;
    assert_eq!(numbers.offered(), None);
    assert_eq!(el.inner_html(), before, "the CRM's nodes are untouched");
    drop(numbers);
    assert!(document().get_element_by_id(OVERLAY_ID).is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn selecting_text_with_one_number_offers_that_number() {
    let el = fixture(
        "pn-select",
        "<p>Reference 4455 6677 (not a number): <span id=\"pn-sel\">ID 602 987 654</span></p>",
    );
    let before = el.inner_html();
    let (numbers, dialled) = install(options("#pn-select"));
    js(
        "const r = document.createRange(); r.selectNodeContents(document.getElementById('pn-sel'));
        const s = getSelection(); s.removeAllRanges(); s.addRange(r);",
    );
    sleep_ms(350).await;
    // "ID" makes the digits an identifier to the detector, and words are not dialable text.
    assert_eq!(numbers.offered(), None);
    js("const t = document.getElementById('pn-sel').firstChild; const r = document.createRange();
        r.setStart(t, 3); r.setEnd(t, 14); const s = getSelection(); s.removeAllRanges(); s.addRange(r);");
    sleep_ms(350).await;
    assert_eq!(numbers.offered().as_deref(), Some("+420602987654"));
    call_button().click();
    assert_eq!(*dialled.borrow(), ["+420602987654"]);
    // Digits the detector passes over are still offered as selected: the panel's dial then
    // normalises them or tells the agent what is wrong.
    js("const t = document.querySelector('#pn-select p').firstChild; const r = document.createRange();
        r.setStart(t, 10); r.setEnd(t, 19); const s = getSelection(); s.removeAllRanges(); s.addRange(r);");
    sleep_ms(350).await;
    assert_eq!(numbers.offered().as_deref(), Some("4455 6677"));
    js("getSelection().removeAllRanges();");
    sleep_ms(350).await;
    assert_eq!(numbers.offered(), None);
    assert_eq!(el.inner_html(), before);
    drop(numbers);
    el.remove();
}

#[wasm_bindgen_test]
fn tenant_exclusions_and_refused_selectors_are_applied() {
    let el = fixture(
        "pn-tenant",
        "<p>Smlouva 602 987 654</p><p>Mobil 731 555 666</p>",
    );
    let mut opts = options("#pn-tenant");
    opts.detector.exclusions = vec![Exclusion::Label("smlouv*".into())];
    let (numbers, _) = install(opts);
    let e164s: Vec<_> = found(&numbers).into_iter().map(|(e, _)| e).collect();
    assert!(!e164s.contains(&"+420602987654".to_owned()), "{e164s:?}");
    assert!(e164s.contains(&"+420731555666".to_owned()), "{e164s:?}");
    drop(numbers);

    let mut bad = options("#pn-tenant");
    bad.exclude_selectors = vec!["p[".into()];
    let err = install_page_numbers(bad, |_| {}).unwrap_err();
    assert_eq!(
        err,
        PageNumbersError::BadSelector {
            field: "page_numbers.exclude_selectors[0]".into(),
            selector: "p[".into()
        }
    );
    assert!(document().get_element_by_id(OVERLAY_ID).is_none());
    el.remove();
}

#[wasm_bindgen_test]
async fn a_large_page_is_scanned_in_several_batches_without_help() {
    // 4,000 text nodes: more than one batch (3,000 nodes), so the batches must chain by
    // themselves (no flush here).
    let rows: String = (0..4000)
        .map(|i| format!("<p>Tel. 601 {:03} {:03}</p>", i / 1000, i % 1000))
        .collect();
    let el = fixture("pn-large", &rows);
    let dialled: Dialled = Rc::default();
    let sink = dialled.clone();
    let numbers =
        install_page_numbers(options("#pn-large"), move |n| sink.borrow_mut().push(n)).unwrap();
    for _ in 0..100 {
        if !numbers.pending() {
            break;
        }
        sleep_ms(50).await;
    }
    assert!(!numbers.pending(), "the first scan never finished");
    let all = numbers.found();
    assert_eq!(all.len(), 4000);
    assert!(all.iter().any(|n| n.e164 == "+420601003999"));
    assert_eq!(highlighted(), 4000);
    drop(numbers);
    el.remove();
}
