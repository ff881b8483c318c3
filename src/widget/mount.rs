//! Starting the widget on its page: the shared entry point asks [`mount_if_widget_page`] first,
//! and mounts the panel only when the page is not the widget's.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ctl::WidgetCtl;
use super::view::{ActivityWidget, WidgetError};
use crate::browser::config_source::load_config;
use crate::state::widget::WidgetParams;
use crate::state::widget::messages::param_error;

/// The id of the element `widget.html` carries: the widget renders inside it.
pub const MARKER_ID: &str = "daktela-cti-widget";

/// The widget's stylesheet, compiled in like the panel's.
const STYLES: &str = include_str!("../../style/widget.css");

/// Starts the widget if this page has the [`MARKER_ID`] element; `false` when it has none (the
/// page wants the panel). Started once, even if the script is included twice.
pub fn mount_if_widget_page() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(marker) = document.get_element_by_id(MARKER_ID) else {
        return false;
    };
    if marker.has_attribute("data-started") {
        return true;
    }
    // Setting an attribute on our own element only fails for an invalid name.
    let _ = marker.set_attribute("data-started", "");
    if let (Ok(style), Some(head)) = (document.create_element("style"), document.head()) {
        style.set_text_content(Some(STYLES));
        // Without the stylesheet the widget is plain but fully usable.
        let _ = head.append_child(&style);
    }
    if let Ok(root) = marker.dyn_into::<web_sys::HtmlElement>() {
        // Not `leptos::task::spawn_local`: its executor starts with `mount_to`.
        wasm_bindgen_futures::spawn_local(start(root));
    }
    true
}

/// Loads the configuration, checks the URL's parameters, and mounts the widget (or the
/// message naming what is wrong: nothing is looked up or written then).
async fn start(root: web_sys::HtmlElement) {
    let config = match load_config().await {
        Ok(config) => config,
        Err(err) => {
            let message = err.to_string();
            leptos::mount::mount_to(root, move || view! { <WidgetError message param="" /> })
                .forget();
            return;
        }
    };
    set_lang(config.language.code());
    let query = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    match WidgetParams::from_query(&query, config.default_country) {
        Ok(params) => {
            let ctl = WidgetCtl::new(params, config);
            leptos::mount::mount_to(root, move || view! { <ActivityWidget ctl /> }).forget();
            ctl.start();
        }
        Err(err) => {
            let message = param_error(config.language, &err);
            crate::browser::console::error(&format!("daktela-cti widget: {err}"));
            let param = err.param();
            leptos::mount::mount_to(root, move || view! { <WidgetError message param /> }).forget();
        }
    }
}

/// The page's `lang`, for screen readers and hyphenation.
fn set_lang(code: &str) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("lang", code);
    }
}
