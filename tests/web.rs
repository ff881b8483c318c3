//! Browser tests: the panel mounted into a real page in headless Chromium.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p daktela-cti` (scripts/test.sh does).
//! All tests share one page, so each one works whether or not another mounted the panel first.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use daktela_cti::browser::host::{HOST_ID, Mounted, mount_panel};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// The configuration a CRM page would carry (Daktela on the same origin; nothing is called
/// until the agent logs in).
const CONFIG: &str = r#"{"api_base": "/daktela", "language": "en"}"#;

/// Mounts the panel if no earlier test did, and returns its shadow root once it rendered.
async fn panel_root() -> web_sys::ShadowRoot {
    if document().get_element_by_id("daktela-cti-config").is_none() {
        let config = document().create_element("script").unwrap();
        config.set_id("daktela-cti-config");
        config.set_attribute("type", "application/json").unwrap();
        config.set_text_content(Some(CONFIG));
        document().body().unwrap().append_child(&config).unwrap();
    }
    let outcome = mount_panel().unwrap();
    assert!(matches!(outcome, Mounted::New | Mounted::AlreadyThere));
    let root = document()
        .get_element_by_id(HOST_ID)
        .expect("the host element is in the page")
        .shadow_root()
        .expect("the host has an open shadow root");
    // The panel renders once its configuration is read (a microtask or two).
    for _ in 0..100 {
        if root.query_selector(".dcti-panel").unwrap().is_some() {
            return root;
        }
        gloo_timers::future::TimeoutFuture::new(10).await;
    }
    panic!("the panel did not render within a second");
}

fn computed(element: &web_sys::Element, property: &str) -> String {
    web_sys::window()
        .unwrap()
        .get_computed_style(element)
        .unwrap()
        .unwrap()
        .get_property_value(property)
        .unwrap()
}

#[wasm_bindgen_test]
async fn panel_shows_its_name_that_it_is_not_connected_and_the_login_form() {
    let root = panel_root().await;
    let title = root.query_selector(".dcti-title").unwrap().unwrap();
    assert_eq!(title.text_content().unwrap(), "daktela-cti");
    let status = root.query_selector(".dcti-connection").unwrap().unwrap();
    assert_eq!(status.text_content().unwrap(), "Not connected");
    assert!(
        root.query_selector("form.dcti-login input[name=username]")
            .unwrap()
            .is_some()
    );
    assert_eq!(
        status.get_attribute("data-state").as_deref(),
        Some("not-connected")
    );
}

#[wasm_bindgen_test]
async fn panel_included_twice_mounts_once() {
    panel_root().await;
    assert_eq!(mount_panel().unwrap(), Mounted::AlreadyThere);
    leptos::task::tick().await;
    let hosts = document()
        .query_selector_all(&format!("#{HOST_ID}"))
        .unwrap();
    assert_eq!(hosts.length(), 1);
    let root = panel_root().await;
    assert_eq!(root.query_selector_all(".dcti-panel").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn crm_styles_do_not_reach_the_panel() {
    let root = panel_root().await;
    // A hostile CRM stylesheet: it targets the panel's own class names and element types.
    let style = document().create_element("style").unwrap();
    style.set_text_content(Some(
        ".dcti-panel { display: none !important; }\
         .dcti-title, h1 { color: rgb(255, 0, 0) !important; }\
         body { font-family: Georgia, serif; }",
    ));
    document().head().unwrap().append_child(&style).unwrap();

    let panel = root.query_selector(".dcti-panel").unwrap().unwrap();
    assert_eq!(computed(&panel, "display"), "block");
    let title = root.query_selector(".dcti-title").unwrap().unwrap();
    assert_eq!(computed(&title, "color"), "rgb(255, 255, 255)");
    assert!(!computed(&title, "font-family").contains("Georgia"));
    style.remove();
}

#[wasm_bindgen_test]
async fn panel_styles_do_not_leak_into_the_crm() {
    panel_root().await;
    // A CRM element that happens to use the panel's class name keeps the browser's defaults.
    let crm_div = document()
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    crm_div.set_class_name("dcti-panel");
    document().body().unwrap().append_child(&crm_div).unwrap();
    assert_eq!(computed(&crm_div, "border-top-left-radius"), "0px");
    assert_eq!(computed(&crm_div, "position"), "static");
    crm_div.remove();
}
