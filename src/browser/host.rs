//! Mounting the panel into a CRM page, inside its own shadow root.
//!
//! The shadow root is the boundary between the CRM and us: the CRM's selectors cannot reach the
//! panel's elements and the panel's stylesheet cannot match the CRM's. `:host { all: initial }` in
//! `style/panel.css` also stops inherited properties (fonts, colours) from leaking in.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use crate::app::Ctl;
use crate::browser::config_source::load_config;
use crate::browser::page_numbers::{Options, install_page_numbers};
use crate::browser::tel_links::intercept_tel_links;
use crate::components::{ConfigErrorPanel, Panel};

/// The id of the element the panel creates at the end of `<body>` and mounts into.
pub const HOST_ID: &str = "daktela-cti";

/// The panel's stylesheet, compiled in: one include is all a CRM adds, and no request can fail.
const STYLES: &str = include_str!("../../style/panel.css");

/// Why the panel could not be mounted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostError {
    /// The code is not running in a page (no `window.document`).
    #[error("no document: the panel must run in a browser page")]
    NoDocument,
    /// The page has no `<body>` yet (the script was included in `<head>` without `defer`/`type=module`).
    #[error("the page has no <body> to mount into; include the panel as a module script")]
    NoBody,
    /// A DOM call failed.
    #[error("the browser refused to {action}: {message}")]
    Dom {
        /// What the panel was doing.
        action: &'static str,
        /// The browser's message.
        message: String,
    },
}

/// What [`mount_panel`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mounted {
    /// The panel was mounted now.
    New,
    /// The page already had the panel (included twice); nothing was done.
    AlreadyThere,
}

/// Mounts the panel at the end of the page's `<body>`, once.
///
/// # Errors
/// [`HostError`] when there is no document or body, or the browser refuses a DOM call.
pub fn mount_panel() -> Result<Mounted, HostError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(HostError::NoDocument)?;
    // Included twice (two script tags, a SPA re-running its includes): mount once.
    if document.get_element_by_id(HOST_ID).is_some() {
        return Ok(Mounted::AlreadyThere);
    }
    let body = document.body().ok_or(HostError::NoBody)?;
    let host = document
        .create_element("div")
        .map_err(dom("create the host element"))?;
    host.set_id(HOST_ID);
    // Open, not closed: a closed root adds no protection against page scripts, and an open one
    // lets integrators and tests inspect the panel.
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .map_err(dom("attach a shadow root"))?;
    adopt_styles(&document, &shadow)?;
    let root = document
        .create_element("div")
        .map_err(dom("create the panel root"))?
        .unchecked_into::<web_sys::HtmlElement>();
    root.set_class_name("dcti-root");
    shadow
        .append_child(&root)
        .map_err(dom("fill the shadow root"))?;
    body.append_child(&host)
        .map_err(dom("append the panel to the page"))?;

    // Not `leptos::task::spawn_local`: its executor is set up by `mount_to`, which runs only
    // once the configuration is read.
    wasm_bindgen_futures::spawn_local(start(root));
    Ok(Mounted::New)
}

/// Loads the configuration, then mounts the panel (or, when the configuration is wrong, a
/// message naming the field) and routes the page's `tel:`/`callto:` links to it.
async fn start(root: web_sys::HtmlElement) {
    match load_config().await {
        Ok(config) => {
            let ctl = Ctl::new(config);
            leptos::mount::mount_to(root, move || view! { <Panel ctl /> }).forget();
            ctl.start();
            match intercept_tel_links(move |href| ctl.dial(&href)) {
                // The page's tel: links dial through the panel for as long as the page lives.
                Ok(links) => links.forget(),
                Err(err) => crate::browser::console::error(&err.to_string()),
            }
            start_page_numbers(ctl);
        }
        Err(err) => {
            let message = err.to_string();
            crate::browser::console::error(&message);
            leptos::mount::mount_to(root, move || view! { <ConfigErrorPanel message /> }).forget();
        }
    }
}

/// Puts the panel in `corner` of the page: the host element's `data-corner`, which the
/// stylesheet's `:host([data-corner])` rules place. Without a mounted panel nothing happens.
pub fn place(corner: crate::state::prefs::Corner) {
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(HOST_ID));
    if let Some(host) = host {
        // Setting an attribute on our own element only fails for an invalid name.
        let _ = host.set_attribute("data-corner", corner.token());
    }
}

/// Makes the plain-text numbers of the page one click to call (unless the configuration turns
/// it off), for as long as the page lives.
fn start_page_numbers(ctl: Ctl) {
    let started = Options::from_config(&ctl.config()).and_then(|options| {
        options
            .map(|o| install_page_numbers(o, move |number| ctl.dial(&number)))
            .transpose()
    });
    match started {
        Ok(Some(numbers)) => numbers.forget(),
        Ok(None) => {}
        Err(err) => crate::browser::console::error(&err.to_string()),
    }
}

/// Puts the panel's CSS into the shadow root: as a constructed stylesheet where the browser has
/// them (no `<style>` element in the DOM), else as a `<style>` element.
fn adopt_styles(
    document: &web_sys::Document,
    shadow: &web_sys::ShadowRoot,
) -> Result<(), HostError> {
    if let Ok(sheet) = web_sys::CssStyleSheet::new() {
        sheet
            .replace_sync(STYLES)
            .map_err(dom("parse the panel stylesheet"))?;
        let sheets = js_sys::Array::of1(&sheet);
        js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &sheets)
            .map_err(dom("adopt the panel stylesheet"))?;
        return Ok(());
    }
    let style = document
        .create_element("style")
        .map_err(dom("create a style element"))?;
    style.set_text_content(Some(STYLES));
    shadow
        .append_child(&style)
        .map_err(dom("add the panel stylesheet"))?;
    Ok(())
}

/// Turns a DOM exception into a [`HostError::Dom`] that names what the panel was doing.
fn dom(action: &'static str) -> impl Fn(JsValue) -> HostError {
    move |err| HostError::Dom {
        action,
        message: err
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| format!("{err:?}")),
    }
}
