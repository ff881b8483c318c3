//! Browser tests of the glue between the panel and the page: storage, the configuration
//! element, tel: link interception, navigation, the title flasher and the host-page CRM adapter.
//!
//! Run with `cargo test --target wasm32-unknown-unknown -p daktela-cti --test browser_glue`
//! (scripts/test.sh runs every browser test). Tests run one at a time on one page; each one
//! removes what it added.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::rc::Rc;

use daktela_cti::browser::clock::sleep_ms;
use daktela_cti::browser::config_source::{ConfigLoadError, load_config};
use daktela_cti::browser::crm::{CrmAdapter, CrmError, HostPageCrm};
use daktela_cti::browser::navigate::{NavigateError, POP_WINDOW_NAME, open_url, page_base};
use daktela_cti::browser::storage::{LocalStore, SessionStore, StorageError};
use daktela_cti::browser::tel_links::intercept_tel_links;
use daktela_cti::browser::title::TitleFlasher;
use daktela_cti::state::call_log::{CallLogRecord, DaktelaRef, Outcome};
use daktela_cti::state::config::{Crm, PopTarget};
use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Runs JavaScript in the page (for what a CRM page would do).
fn js(code: &str) -> JsValue {
    Function::new_no_args(code).call0(&JsValue::NULL).unwrap()
}

fn element(html: &str) -> web_sys::HtmlElement {
    let holder = document().create_element("div").unwrap();
    holder.set_inner_html(html);
    let el = holder.first_element_child().unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

// ---- storage ----

#[wasm_bindgen_test]
fn stores_round_trip_values_under_the_panel_prefix() {
    let session = SessionStore::open().unwrap();
    session.set("session", r#"{"token":"t"}"#).unwrap();
    assert_eq!(
        session.get("session").unwrap().as_deref(),
        Some(r#"{"token":"t"}"#)
    );
    let raw = window().session_storage().unwrap().unwrap();
    assert_eq!(
        raw.get_item("daktela-cti:session").unwrap().as_deref(),
        Some(r#"{"token":"t"}"#)
    );
    assert_eq!(raw.get_item("session").unwrap(), None);
    session.remove("session").unwrap();
    assert_eq!(session.get("session").unwrap(), None);
    session.remove("session").unwrap();

    let local = LocalStore::open().unwrap();
    local.set("outbox", "[]").unwrap();
    let raw = window().local_storage().unwrap().unwrap();
    assert_eq!(
        raw.get_item("daktela-cti:outbox").unwrap().as_deref(),
        Some("[]")
    );
    // The session store does not see the local one's entries.
    assert_eq!(session.get("outbox").unwrap(), None);
    local.remove("outbox").unwrap();
}

#[wasm_bindgen_test]
fn a_value_over_the_quota_is_a_typed_error_and_the_store_keeps_working() {
    let local = LocalStore::open().unwrap();
    local.set("prefs", "kept").unwrap();
    let huge = "x".repeat(12 * 1024 * 1024);
    let err = local.set("prefs", &huge).unwrap_err();
    assert!(matches!(err, StorageError::QuotaExceeded { .. }), "{err:?}");
    assert_eq!(local.get("prefs").unwrap().as_deref(), Some("kept"));
    local.remove("prefs").unwrap();
}

// ---- configuration ----

async fn config_from(html: &str) -> Result<String, ConfigLoadError> {
    let el = element(html);
    let result = load_config().await.map(|c| c.api_base);
    el.remove();
    result
}

#[wasm_bindgen_test]
async fn the_configuration_is_read_from_the_inline_element() {
    let html = r#"<script type="application/json" id="daktela-cti-config">
        {"api_base": "/daktela", "crm": {"adapter": "host_page"}}</script>"#;
    assert_eq!(config_from(html).await, Ok("/daktela".to_owned()));
}

#[wasm_bindgen_test]
async fn an_invalid_configuration_names_the_field() {
    let html = r#"<script type="application/json" id="daktela-cti-config">
        {"api_base": "/daktela", "screen_pop": {"when": "rang"}}</script>"#;
    let err = config_from(html).await.unwrap_err();
    assert_eq!(err.field(), Some("screen_pop.when"));
    assert!(
        err.to_string()
            .starts_with("Configuration error in screen_pop.when:"),
        "{err}"
    );
}

#[wasm_bindgen_test]
async fn a_page_without_configuration_is_told_what_to_add() {
    let err = load_config().await.unwrap_err();
    assert_eq!(err, ConfigLoadError::Missing);
    assert!(
        err.to_string().contains(r#"id="daktela-cti-config""#),
        "{err}"
    );
    let err = config_from(r#"<script id="daktela-cti-config"></script>"#)
        .await
        .unwrap_err();
    assert!(
        matches!(err, ConfigLoadError::WrongElement { .. }),
        "{err:?}"
    );
}

#[wasm_bindgen_test]
async fn the_configuration_is_fetched_from_data_src() {
    let html = r#"<script type="application/json" id="daktela-cti-config"
        data-src="data:application/json,%7B%22api_base%22%3A%22%2Ffetched%22%7D">{"api_base": "/inline"}</script>"#;
    assert_eq!(config_from(html).await, Ok("/fetched".to_owned()));
    let html = r#"<script type="application/json" id="daktela-cti-config"
        data-src="/no-such-daktela-cti-config.json"></script>"#;
    let err = config_from(html).await.unwrap_err();
    assert!(
        matches!(err, ConfigLoadError::FetchStatus { status: 404, .. }),
        "{err:?}"
    );
}

// ---- tel: links ----

/// Dispatches a click the way a browser does, with `modifier` (`ctrlKey`, ...) held if given,
/// and returns whether the panel prevented its default action. A window listener (which runs
/// after the panel's) then prevents it anyway, so the test page never navigates.
fn click(target: &web_sys::EventTarget, modifier: Option<&str>) -> bool {
    let init = Object::new();
    for key in ["bubbles", "cancelable", "composed"] {
        Reflect::set(&init, &key.into(), &true.into()).unwrap();
    }
    if let Some(m) = modifier {
        Reflect::set(&init, &m.into(), &true.into()).unwrap();
    }
    let ctor: Function = Reflect::get(&window(), &"MouseEvent".into())
        .unwrap()
        .unchecked_into();
    let event: web_sys::Event = Reflect::construct(&ctor, &Array::of2(&"click".into(), &init))
        .unwrap()
        .unchecked_into();
    let seen = Rc::new(RefCell::new(None));
    let guard = {
        let seen = Rc::clone(&seen);
        Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            *seen.borrow_mut() = Some(e.default_prevented());
            e.prevent_default();
        })
    };
    let w = window();
    w.add_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .unwrap();
    target.dispatch_event(&event).unwrap();
    w.remove_event_listener_with_callback("click", guard.as_ref().unchecked_ref())
        .unwrap();
    seen.borrow().expect("the click reached the window")
}

fn dialled() -> (Rc<RefCell<Vec<String>>>, impl Fn(String) + 'static) {
    let log = Rc::new(RefCell::new(Vec::new()));
    let sink = Rc::clone(&log);
    (log, move |href| sink.borrow_mut().push(href))
}

#[wasm_bindgen_test]
fn a_click_on_a_tel_link_dials_once_instead_of_opening_the_phone_app() {
    let (calls, on_dial) = dialled();
    let _links = intercept_tel_links(on_dial).unwrap();
    let link = element(r#"<a href="tel:+420 777 123 456"><span>Call Jana</span></a>"#);
    let inner = link.first_element_child().unwrap();
    assert!(click(&inner, None), "the OS handler must not open");
    let callto = element(r#"<a href="CALLTO:00420777000111">Skype</a>"#);
    assert!(click(&callto, None));
    assert_eq!(
        *calls.borrow(),
        ["tel:+420 777 123 456", "CALLTO:00420777000111"]
    );
    link.remove();
    callto.remove();
}

#[wasm_bindgen_test]
fn modified_clicks_and_other_links_are_left_alone() {
    let (calls, on_dial) = dialled();
    let _links = intercept_tel_links(on_dial).unwrap();
    let link = element(r#"<a href="tel:+420777123456">Call</a>"#);
    for modifier in ["ctrlKey", "metaKey", "shiftKey", "altKey"] {
        assert!(!click(&link, Some(modifier)), "{modifier}");
    }
    let other = element(r##"<a href="#contact">Contact</a>"##);
    assert!(!click(&other, None));
    let mail = element(r#"<a href="mailto:jana@example.com">Mail</a>"#);
    assert!(!click(&mail, None));
    assert!(calls.borrow().is_empty(), "{:?}", calls.borrow());
    for el in [link, other, mail] {
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn links_added_later_and_in_other_shadow_roots_dial_but_the_panels_own_do_not() {
    let (calls, on_dial) = dialled();
    let _links = intercept_tel_links(on_dial).unwrap();
    // Rendered after the listener was installed, inside a CRM web component.
    let component = element("<div></div>");
    let shadow = component
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    shadow.set_inner_html(r#"<a href="tel:111">111</a>"#);
    assert!(click(&shadow.first_element_child().unwrap(), None));
    // The panel's host: its own links are its business.
    let panel = element(r#"<div id="daktela-cti"></div>"#);
    let panel_root = panel
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    panel_root.set_inner_html(r#"<a href="tel:222">222</a>"#);
    assert!(!click(&panel_root.first_element_child().unwrap(), None));
    assert_eq!(*calls.borrow(), ["tel:111"]);
    component.remove();
    panel.remove();
}

#[wasm_bindgen_test]
fn a_dropped_interceptor_no_longer_intercepts() {
    let (calls, on_dial) = dialled();
    let links = intercept_tel_links(on_dial).unwrap();
    let link = element(r#"<a href="tel:+420777123456">Call</a>"#);
    drop(links);
    assert!(!click(&link, None));
    assert!(calls.borrow().is_empty());
    link.remove();
}

// ---- navigation ----

#[wasm_bindgen_test]
fn only_http_links_are_opened() {
    for target in [PopTarget::SameTab, PopTarget::NewTab] {
        for url in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            "data:text/html,x",
            "/relative",
        ] {
            let err = open_url(url, target).unwrap_err();
            assert!(matches!(err, NavigateError::NotHttp(_)), "{url}: {err:?}");
        }
    }
    assert!(page_base().starts_with("http://"), "{}", page_base());
}

#[wasm_bindgen_test]
async fn repeated_pops_reuse_one_named_tab() {
    let origin = window().location().origin().unwrap();
    // A page the test server has (its script); the fragments tell the two pops apart.
    let page = format!("{origin}/wasm-bindgen-test");
    let first = open_url(&format!("{page}#one"), PopTarget::NewTab)
        .unwrap()
        .expect("a new tab");
    // The pop cannot reach back to navigate the CRM tab (checked on the tab the panel opened;
    // reacquiring it by name below may link it to this page again).
    assert!(first.opener().unwrap().is_null());
    let second = open_url(&format!("{page}#two"), PopTarget::NewTab)
        .unwrap()
        .expect("the same tab");
    assert!(second.opener().unwrap().is_null());
    sleep_ms(800).await;
    // An empty URL with an existing name returns that tab without navigating it.
    let tab = window()
        .open_with_url_and_target("", POP_WINDOW_NAME)
        .unwrap()
        .unwrap();
    let href = tab.location().href().unwrap();
    tab.close().unwrap();
    assert_eq!(href, format!("{page}#two"));
}

// ---- title ----

#[wasm_bindgen_test]
async fn the_title_flashes_and_comes_back_and_never_stacks() {
    document().set_title("Jana Nováková · CRM");
    let flasher = TitleFlasher::new();
    flasher.start("☎ Incoming call…");
    assert_eq!(document().title(), "☎ Incoming call…");
    sleep_ms(1_150).await;
    assert_eq!(document().title(), "Jana Nováková · CRM");
    flasher.start("☎ Incoming call from +420…");
    assert_eq!(document().title(), "☎ Incoming call from +420…");
    flasher.stop();
    assert!(!flasher.is_flashing());
    assert_eq!(document().title(), "Jana Nováková · CRM");
    sleep_ms(1_150).await;
    assert_eq!(
        document().title(),
        "Jana Nováková · CRM",
        "no timer left behind"
    );

    flasher.start("☎");
    drop(flasher);
    assert_eq!(document().title(), "Jana Nováková · CRM");
}

#[wasm_bindgen_test]
fn the_agent_coming_to_the_tab_stops_the_flashing() {
    document().set_title("CRM");
    let flasher = TitleFlasher::new();
    flasher.start("☎ Incoming call…");
    // The test page is visible and focused, as a tab the agent switched to.
    let focus = web_sys::Event::new("focus").unwrap();
    window().dispatch_event(&focus).unwrap();
    assert!(!flasher.is_flashing());
    assert_eq!(document().title(), "CRM");
}

// ---- host-page CRM adapter ----

fn record(external_id: &str) -> CallLogRecord {
    CallLogRecord {
        external_id: external_id.into(),
        call_id: Some("call-1".into()),
        direction: "in".into(),
        remote_number: Some("+420226211245".into()),
        started_at: "2026-11-24T10:00:00Z".into(),
        duration_s: 42,
        answered: true,
        outcome: Outcome::Answered,
        agent: "agent1".into(),
        crm_record: Some("7".into()),
        disposition: vec![],
        disposition_titles: vec![],
        note: Some("callback".into()),
        subject: "Inbound call from +420226211245".into(),
        daktela: DaktelaRef {
            activity: external_id.into(),
            call_id: Some("call-1".into()),
            queue: None,
        },
    }
}

#[wasm_bindgen_test]
async fn the_host_page_answers_lookups_and_takes_logs() {
    js(r#"window.DaktelaCtiHost = {
        logged: [],
        lookup(e164) {
            return Promise.resolve(e164 === "+420226211245"
                ? [{id: 7, name: "Jana", url: "/contacts/7", extra: true}] : []);
        },
        async log(record) { this.logged.push(record); return {id: "log-" + record.external_id}; },
    };"#);
    let crm = CrmAdapter::from_config(&Crm::HostPage);
    let found = crm.lookup("+420226211245").await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].id.as_str(), found[0].url.as_str()),
        ("7", "/contacts/7")
    );
    assert!(crm.lookup("+420000").await.unwrap().is_empty());

    let outcome = crm.log_call(&record("activity_1")).await.unwrap();
    assert_eq!(outcome.crm_id.as_deref(), Some("log-activity_1"));
    let logged = js("return window.DaktelaCtiHost.logged;");
    let first = Reflect::get(&logged, &0.into()).unwrap();
    let get = |key: &str| Reflect::get(&first, &key.into()).unwrap();
    assert_eq!(
        get("external_id").as_string().as_deref(),
        Some("activity_1")
    );
    assert_eq!(get("duration_s").as_f64(), Some(42.0));
    assert_eq!(get("outcome").as_string().as_deref(), Some("answered"));
    // No `open` function: the panel opens the pop itself.
    assert_eq!(
        crm.open_by_host("https://crm.example/7", PopTarget::NewTab)
            .await,
        Ok(false)
    );
    js("delete window.DaktelaCtiHost;");
}

#[wasm_bindgen_test]
async fn host_page_failures_say_whether_to_retry() {
    js("delete window.DaktelaCtiHost;");
    let crm = HostPageCrm::new();
    assert_eq!(crm.lookup("+1").await, Err(CrmError::NoHost));
    assert!(
        CrmError::NoHost
            .to_string()
            .contains("window.DaktelaCtiHost")
    );

    js(r#"window.DaktelaCtiHost = {
        lookup() { throw new Error("session expired"); },
        log() { return Promise.reject(Object.assign(new Error("note too long"), {permanent: true})); },
        open(target) { window.__opened = target; return false; },
    };"#);
    let err = crm.lookup("+1").await.unwrap_err();
    assert_eq!(
        err,
        CrmError::Rejected {
            function: "lookup",
            message: "session expired".into(),
            permanent: false
        }
    );
    let err = crm.log_call(&record("activity_2")).await.unwrap_err();
    assert!(
        matches!(
            err,
            CrmError::Rejected {
                permanent: true,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(!err.is_retryable());
    assert_eq!(
        crm.open("https://crm.example/7", PopTarget::SameTab).await,
        Ok(false)
    );
    let opened = js("return window.__opened.target + ' ' + window.__opened.url;");
    assert_eq!(
        opened.as_string().as_deref(),
        Some("same_tab https://crm.example/7")
    );

    js(r#"window.DaktelaCtiHost = { lookup: 5, log() { return new Promise(() => {}); } };"#);
    assert_eq!(
        crm.lookup("+1").await,
        Err(CrmError::NotAFunction("lookup"))
    );
    let err = crm
        .clone()
        .with_timeout_ms(50)
        .log_call(&record("a"))
        .await
        .unwrap_err();
    assert!(
        err.is_retryable() && err.to_string().contains("50 ms"),
        "{err}"
    );
    js("delete window.DaktelaCtiHost; delete window.__opened;");
}
