//! Opening a CRM page for the screen pop.
//!
//! `same_tab` replaces the page (`location.assign`, so Back returns to it). `new_tab` opens the
//! page in ONE tab named [`POP_WINDOW_NAME`]: `window.open` with a name reuses the tab of that
//! name if it is still open, so a day of calls pops into the same tab instead of leaving dozens.
//!
//! Only absolute http(s) URLs are opened. [`crate::state::screen_pop::resolve_url`] already
//! guarantees that; checking again here is defence in depth, because this is the one place
//! where a `javascript:` URL would run in the CRM's origin.

use wasm_bindgen::JsValue;

use super::storage::js_message;
use crate::state::config::PopTarget;

/// The name of the tab screen pops open in (and reuse).
pub const POP_WINDOW_NAME: &str = "daktela-cti-pop";

/// Why a page was not opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NavigateError {
    /// Not an absolute http(s) URL.
    #[error("the link was not opened because it is not an http(s) address: {0}")]
    NotHttp(String),
    /// The browser's pop-up blocker stopped the new tab.
    #[error(
        "the browser blocked the new tab: allow pop-ups for this site (icon at the end of the address bar)"
    )]
    PopupBlocked,
    /// Not running in a page.
    #[error("no window: links can only be opened in a browser page")]
    NoWindow,
    /// The browser refused the navigation.
    #[error("the browser refused to open the link: {0}")]
    Refused(String),
}

/// How much of a refused URL an error repeats.
const SHOWN_URL_CHARS: usize = 100;

/// Opens `url` in this tab or the pop tab (module docs); returns the pop tab it opened or reused.
///
/// # Errors
/// [`NavigateError::NotHttp`] for anything but an absolute http(s) URL,
/// [`NavigateError::PopupBlocked`] when the browser stopped the new tab.
pub fn open_url(url: &str, target: PopTarget) -> Result<Option<web_sys::Window>, NavigateError> {
    if !is_http_url(url) {
        return Err(NavigateError::NotHttp(
            url.chars().take(SHOWN_URL_CHARS).collect(),
        ));
    }
    let window = web_sys::window().ok_or(NavigateError::NoWindow)?;
    // The browser's own parser is the final word on the scheme (it is the one that acts on it).
    let protocol = web_sys::Url::new(url)
        .map_err(|e| NavigateError::NotHttp(js_message(&e)))?
        .protocol();
    if protocol != "http:" && protocol != "https:" {
        return Err(NavigateError::NotHttp(
            url.chars().take(SHOWN_URL_CHARS).collect(),
        ));
    }
    match target {
        PopTarget::SameTab => window
            .location()
            .assign(url)
            .map(|()| None)
            .map_err(|e| NavigateError::Refused(js_message(&e))),
        PopTarget::NewTab => {
            let opened = window
                .open_with_url_and_target(url, POP_WINDOW_NAME)
                .map_err(|e| NavigateError::Refused(js_message(&e)))?
                .ok_or(NavigateError::PopupBlocked)?;
            // Cut the way back (reverse tabnabbing: the opened page could otherwise navigate the
            // CRM tab). Not `noopener`: with it `window.open` always returns null, so a blocked
            // pop-up could not be told from an opened one. Reusing the tab by name still works.
            let _ = js_sys::Reflect::set(&opened, &"opener".into(), &JsValue::NULL);
            // A reused tab is navigated but not raised: bring it to the agent.
            let _ = opened.focus();
            Ok(Some(opened))
        }
    }
}

/// The page's base URL (`document.baseURI`), which relative CRM links resolve against
/// ([`crate::state::screen_pop::resolve_url`]). Empty outside a page, which `resolve_url` then
/// reports as a bad base.
pub fn page_base() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// Whether `url` is an absolute `http://` or `https://` URL with no character a browser would
/// silently drop or rewrite (spaces, control characters, backslashes: `java\tscript:` runs).
pub fn is_http_url(url: &str) -> bool {
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return false;
    }
    let lower = url.to_ascii_lowercase();
    ["http://", "https://"].iter().any(|scheme| {
        lower
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'))
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn absolute_http_urls_are_opened() {
        for url in [
            "https://crm.example/contacts/7",
            "HTTP://crm:8080/x?q=%2B420",
            "http://127.0.0.1/",
        ] {
            assert!(is_http_url(url), "{url}");
        }
    }

    #[test]
    fn scripts_data_relative_and_disguised_urls_are_refused() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>x</script>",
            "/contacts/7",
            "//evil.example/x",
            "https:///x",
            "https://",
            "https:\\\\evil.example",
            "https://crm.example/a b",
            "",
        ] {
            assert!(!is_http_url(url), "{url:?}");
        }
    }
}
