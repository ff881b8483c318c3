//! Phone numbers written as plain text in the CRM page become one click to call.
//!
//! How (design and configuration in `docs/page-numbers.md`):
//! - **Scan** the text nodes under the configured roots with phone-detect, skipping scripts,
//!   styles, form fields, editable text, code, `tel:`/`callto:` links (they already dial through
//!   [`super::tel_links`]), the panel, and the tenant's `exclude_selectors`.
//! - **Never rewrite the CRM's nodes**: React, Angular or Vue own that DOM and would drop or
//!   fight wrappers. Numbers are kept as DOM `Range`s, marked with the CSS Custom Highlight API
//!   (no element added), and the "Call" button lives in our own shadow-rooted overlay.
//! - **Follow changes** with a MutationObserver: added subtrees and changed texts are queued and
//!   scanned in batches after a short debounce, each batch capped; removed nodes drop their
//!   numbers. Nothing we do is observed: the highlight and the overlay's shadow root are outside
//!   the CRM's DOM, and our overlay host is in the skip list.
//! - **Hover** a number (the text position under the pointer, then the number's own boxes) or
//!   **select** text holding one, and the button appears beside it; a click dials.

mod events;
mod highlight;
mod listen;
mod overlay;
mod pointer;
mod scanner;
mod segments;
mod session;
mod walk;

pub use highlight::HIGHLIGHT_NAME;
pub use overlay::OVERLAY_ID;
pub use pointer::looks_dialable;
pub use scanner::PageNumber;
pub use segments::{Located, Segments, utf16_len};
pub use session::PageNumbers;

use phone_detect::DetectorConfig;

use super::host::HOST_ID;
use crate::state::config::PanelConfig;
use crate::state::i18n::{Text, t};

/// Elements whose text is never a number to dial (or is already handled elsewhere).
const SKIP: &str = "script, style, noscript, template, textarea, input, select, option, code, \
    pre, kbd, samp, svg, math, iframe, object, \
    [contenteditable]:not([contenteditable=\"false\"]), a[href^=\"tel:\" i], \
    a[href^=\"callto:\" i]";

/// What the scanner needs to start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// CSS selectors of the elements scanned (resolved once, at start).
    pub roots: Vec<String>,
    /// CSS selectors of elements never scanned, besides the built-in ones.
    pub exclude_selectors: Vec<String>,
    /// The detector's region and tenant exclusions.
    pub detector: DetectorConfig,
    /// The button's text ("Call").
    pub call_label: String,
    /// The button's tooltip, with `{number}` for the number it dials.
    pub call_title: String,
}

impl Options {
    /// The options a panel configuration asks for, or `None` when page numbers are disabled.
    ///
    /// # Errors
    /// [`PageNumbersError::Detector`] if the panel's region has no plan in phone-detect.
    pub fn from_config(config: &PanelConfig) -> Result<Option<Options>, PageNumbersError> {
        let section = &config.page_numbers;
        if !section.enabled {
            return Ok(None);
        }
        let region = phone_detect::Region::from_code(config.default_country.code())
            .map_err(PageNumbersError::Detector)?;
        Ok(Some(Options {
            roots: section.roots.clone(),
            exclude_selectors: section.exclude_selectors.clone(),
            detector: DetectorConfig {
                default_region: region,
                exclusions: section.exclusions.clone(),
            },
            call_label: t(config.language, Text::PageNumberCall).to_owned(),
            call_title: t(config.language, Text::PageNumberCallTitle).to_owned(),
        }))
    }

    /// The combined selector of everything never scanned.
    fn skip_selector(&self) -> String {
        let mut skip = format!("{SKIP}, #{HOST_ID}, #{OVERLAY_ID}");
        for selector in &self.exclude_selectors {
            skip.push_str(", ");
            skip.push_str(selector);
        }
        skip
    }
}

/// Why the scanner could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PageNumbersError {
    /// Not running in a page.
    #[error("no document: page numbers can only be scanned in a browser page")]
    NoDocument,
    /// The browser refuses a configured selector.
    #[error("{field}: the browser does not accept {selector:?} as a CSS selector")]
    BadSelector {
        /// JSON path of the configuration entry.
        field: String,
        /// The selector as configured.
        selector: String,
    },
    /// The detector refused its configuration.
    #[error("page_numbers: {0}")]
    Detector(phone_detect::ConfigError),
    /// A DOM call failed.
    #[error("page numbers: the browser refused to {0}")]
    Dom(String),
}

/// Starts scanning and offering numbers; `on_dial` gets the number to dial (E.164 for a found
/// number, the selected text for a selection the detector passed over). The first scan runs
/// in batches right after this returns; [`PageNumbers::flush`] finishes it at once.
///
/// # Errors
/// [`PageNumbersError`] when there is no document, a selector is refused, the detector
/// refuses its configuration or the overlay cannot be created.
pub fn install_page_numbers(
    options: Options,
    on_dial: impl Fn(String) + 'static,
) -> Result<PageNumbers, PageNumbersError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(PageNumbersError::NoDocument)?;
    let mut roots = Vec::new();
    for (i, selector) in options.roots.iter().enumerate() {
        let bad = || PageNumbersError::BadSelector {
            field: format!("page_numbers.roots[{i}]"),
            selector: selector.clone(),
        };
        let found = document.query_selector_all(selector).map_err(|_| bad())?;
        roots.extend((0..found.length()).filter_map(|k| found.item(k)));
    }
    for (i, selector) in options.exclude_selectors.iter().enumerate() {
        if document.query_selector(selector).is_err() {
            return Err(PageNumbersError::BadSelector {
                field: format!("page_numbers.exclude_selectors[{i}]"),
                selector: selector.clone(),
            });
        }
    }
    let skip = options.skip_selector();
    let detector = phone_detect::Detector::new(options.detector.clone())
        .map_err(PageNumbersError::Detector)?;
    session::start(document, roots, detector, skip, &options, Box::new(on_dial))
}
