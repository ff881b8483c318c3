//! Where the panel's configuration comes from: one element in the CRM page.
//!
//! ```html
//! <!-- inline -->
//! <script type="application/json" id="daktela-cti-config">{"api_base": "/daktela"}</script>
//! <!-- or fetched (same origin, or a CORS-enabled URL); the element's text is then ignored -->
//! <script type="application/json" id="daktela-cti-config" data-src="/cti/config.json"></script>
//! ```
//!
//! `type="application/json"` matters: the browser neither runs nor renders such a script, so the
//! JSON is inert page data. Errors name the faulty field ([`ConfigLoadError::field`]) and are
//! also written to the console for the integrator.

use super::clock;
use crate::state::config::{ConfigError, PanelConfig};

/// The id of the configuration element.
pub const CONFIG_ELEMENT_ID: &str = "daktela-cti-config";

/// How long fetching a `data-src` configuration may take.
pub const FETCH_TIMEOUT_MS: u64 = 15_000;

/// The snippet an integrator is told to add when there is no configuration.
const EXAMPLE: &str =
    r#"<script type="application/json" id="daktela-cti-config">{"api_base": "/daktela"}</script>"#;

/// Why the configuration could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigLoadError {
    /// Not running in a page.
    #[error("no document: the panel must run in a browser page")]
    NoDocument,
    /// The page has no configuration element.
    #[error("the page has no panel configuration: add {EXAMPLE} before the panel's script")]
    Missing,
    /// The element is not an inert JSON script.
    #[error(
        "the element #daktela-cti-config must be <script type=\"application/json\">, not {found}"
    )]
    WrongElement {
        /// What the element is (`<div>`, `<script type="text/javascript">`).
        found: String,
    },
    /// The inline element is empty.
    #[error(
        "the configuration element #daktela-cti-config is empty: put the JSON inside, e.g. {{\"api_base\": \"/daktela\"}}"
    )]
    Empty,
    /// `data-src` could not be fetched (network, CORS, timeout).
    #[error("the configuration at {url} could not be fetched: {message}")]
    Fetch {
        /// The `data-src` value.
        url: String,
        /// Why.
        message: String,
    },
    /// `data-src` answered with an error status.
    #[error("the configuration at {url} could not be fetched: the server answered {status}")]
    FetchStatus {
        /// The `data-src` value.
        url: String,
        /// The HTTP status.
        status: u16,
    },
    /// The JSON is not a valid configuration.
    #[error("{}", describe(.0))]
    Invalid(ConfigError),
}

impl ConfigLoadError {
    /// The JSON path of the faulty field (`screen_pop.when`), when one is to blame.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Invalid(e) => e.field(),
            _ => None,
        }
    }
}

/// "Configuration error in screen_pop.when: …", or the JSON syntax error as is.
fn describe(error: &ConfigError) -> String {
    match error {
        ConfigError::Field { field, message } => {
            format!("Configuration error in {field}: {message}")
        }
        other => format!("Configuration error: {other}"),
    }
}

/// Reads and checks configuration JSON.
///
/// # Errors
/// [`ConfigLoadError::Empty`] for blank text, [`ConfigLoadError::Invalid`] naming the field.
pub fn parse_config(json: &str) -> Result<PanelConfig, ConfigLoadError> {
    if json.trim().is_empty() {
        return Err(ConfigLoadError::Empty);
    }
    PanelConfig::from_json(json).map_err(ConfigLoadError::Invalid)
}

/// Loads the configuration from the page (module docs) and checks it. A failure is also written
/// to the console, prefixed `daktela-cti:`.
///
/// # Errors
/// [`ConfigLoadError`] saying what the integrator should add or fix.
pub async fn load_config() -> Result<PanelConfig, ConfigLoadError> {
    let result = load().await;
    if let Err(e) = &result {
        super::console::error(&format!("daktela-cti: {e}"));
    }
    result
}

async fn load() -> Result<PanelConfig, ConfigLoadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ConfigLoadError::NoDocument)?;
    let element = document
        .get_element_by_id(CONFIG_ELEMENT_ID)
        .ok_or(ConfigLoadError::Missing)?;
    check_element(&element)?;
    match element.get_attribute("data-src") {
        Some(url) if !url.trim().is_empty() => parse_config(&fetch(url.trim()).await?),
        _ => parse_config(&element.text_content().unwrap_or_default()),
    }
}

fn check_element(element: &web_sys::Element) -> Result<(), ConfigLoadError> {
    let tag = element.tag_name().to_ascii_lowercase();
    let kind = element.get_attribute("type").unwrap_or_default();
    if tag == "script" && kind.trim().eq_ignore_ascii_case("application/json") {
        return Ok(());
    }
    let found = match (tag.as_str(), kind.is_empty()) {
        ("script", true) => "<script> without a type (the browser would run it)".to_owned(),
        ("script", false) => format!("<script type=\"{kind}\">"),
        (other, _) => format!("<{other}>"),
    };
    Err(ConfigLoadError::WrongElement { found })
}

/// GETs `url` (relative to the page) as text.
async fn fetch(url: &str) -> Result<String, ConfigLoadError> {
    let failed = |message: String| ConfigLoadError::Fetch {
        url: url.to_owned(),
        message,
    };
    let request = gloo_net::http::Request::get(url)
        .header("Accept", "application/json")
        .build()
        .map_err(|e| failed(e.to_string()))?;
    let response = clock::timeout(FETCH_TIMEOUT_MS, request.send())
        .await
        .map_err(|e| failed(e.to_string()))?
        .map_err(|e| failed(gloo_message(e)))?;
    if !response.ok() {
        return Err(ConfigLoadError::FetchStatus {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    clock::timeout(FETCH_TIMEOUT_MS, response.text())
        .await
        .map_err(|e| failed(e.to_string()))?
        .map_err(|e| failed(gloo_message(e)))
}

/// fetch reports network failures and CORS refusals alike, as a TypeError: say both.
fn gloo_message(error: gloo_net::Error) -> String {
    match error {
        gloo_net::Error::JsError(js) if js.name == "TypeError" => format!(
            "{} (the server is unreachable, or it is on another origin without CORS)",
            js.message
        ),
        gloo_net::Error::JsError(js) => js.message,
        other => other.to_string(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_config_is_read() {
        let c = parse_config(r#"{"api_base": "/daktela"}"#);
        assert_eq!(c.map(|c| c.api_base), Ok("/daktela".to_owned()));
    }

    #[test]
    fn a_field_error_says_configuration_error_in_that_field() {
        let e = parse_config(r#"{"api_base": "/d", "screen_pop": {"when": "rang"}}"#).unwrap_err();
        assert_eq!(e.field(), Some("screen_pop.when"));
        let text = e.to_string();
        assert!(
            text.starts_with("Configuration error in screen_pop.when: "),
            "{text}"
        );
    }

    #[test]
    fn broken_json_and_blank_text_say_so() {
        let e = parse_config("{\"api_base\": ").unwrap_err();
        assert_eq!(e.field(), None);
        assert!(e.to_string().contains("not valid JSON"), "{e}");
        assert_eq!(parse_config("  \n "), Err(ConfigLoadError::Empty));
    }

    #[test]
    fn a_missing_element_tells_the_integrator_what_to_add() {
        let text = ConfigLoadError::Missing.to_string();
        assert!(
            text.contains(r#"<script type="application/json" id="daktela-cti-config">"#),
            "{text}"
        );
    }
}
