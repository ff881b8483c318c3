//! `page_numbers`: which plain-text phone numbers of the CRM page become one click to call.
//!
//! Read strictly like the rest of the configuration, then checked so that an error names the
//! exact entry (`page_numbers.exclusions.shapes[1]`). Tenant exclusions are phone-detect's own
//! [`Exclusion`]s; they are checked here with phone-detect's rules (by building a detector), so a
//! configuration that passes here never fails when the scanner starts.

use phone_detect::{Detector, DetectorConfig, Exclusion};
use serde::Deserialize;

use super::ConfigError;

/// The checked `page_numbers` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageNumbers {
    /// Whether the page is scanned at all; default true.
    pub enabled: bool,
    /// CSS selectors of the elements whose text is scanned; default `["body"]`.
    pub roots: Vec<String>,
    /// CSS selectors of elements whose text is never scanned (on top of the built-in list:
    /// scripts, inputs, code, editable text, the panel).
    pub exclude_selectors: Vec<String>,
    /// Tenant rules for digits that are never phone numbers.
    pub exclusions: Vec<Exclusion>,
}

impl Default for PageNumbers {
    fn default() -> Self {
        Self {
            enabled: true,
            roots: vec!["body".to_owned()],
            exclude_selectors: Vec::new(),
            exclusions: Vec::new(),
        }
    }
}

/// `page_numbers` as written.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawPageNumbers {
    enabled: bool,
    roots: Vec<String>,
    exclude_selectors: Vec<String>,
    exclusions: RawExclusions,
}

impl Default for RawPageNumbers {
    fn default() -> Self {
        let d = PageNumbers::default();
        Self {
            enabled: d.enabled,
            roots: d.roots,
            exclude_selectors: d.exclude_selectors,
            exclusions: RawExclusions::default(),
        }
    }
}

/// `page_numbers.exclusions`: one list per kind of [`Exclusion`].
#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawExclusions {
    /// [`Exclusion::Label`]s: `"smlouv*"`.
    labels: Vec<String>,
    /// [`Exclusion::Shape`]s: `"POJ ### ### ###"`.
    shapes: Vec<String>,
    /// [`Exclusion::Prefix`]es: `"+420900"`.
    prefixes: Vec<String>,
}

impl RawPageNumbers {
    pub(super) fn check(self) -> Result<PageNumbers, ConfigError> {
        if self.roots.is_empty() {
            return Err(ConfigError::field_error(
                "page_numbers.roots",
                "is empty: give at least one CSS selector (\"body\" scans the whole page), \
                 or set page_numbers.enabled to false",
            ));
        }
        selectors("page_numbers.roots", &self.roots)?;
        selectors("page_numbers.exclude_selectors", &self.exclude_selectors)?;
        let RawExclusions {
            labels,
            shapes,
            prefixes,
        } = self.exclusions;
        // Labels first: phone-detect reports an empty label by its index in the whole list.
        let exclusions: Vec<Exclusion> = (labels.iter().cloned().map(Exclusion::Label))
            .chain(shapes.iter().cloned().map(Exclusion::Shape))
            .chain(prefixes.iter().cloned().map(Exclusion::Prefix))
            .collect();
        if !exclusions.is_empty() {
            let config = DetectorConfig {
                default_region: phone_detect::Region::Cz,
                exclusions: exclusions.clone(),
            };
            if let Err(err) = Detector::new(config) {
                let field = match &err {
                    phone_detect::ConfigError::EmptyLabel { index } => {
                        format!("page_numbers.exclusions.labels[{index}]")
                    }
                    phone_detect::ConfigError::ShapeWithoutDigits { shape } => {
                        entry("shapes", &shapes, shape)
                    }
                    phone_detect::ConfigError::BadPrefix { prefix } => {
                        entry("prefixes", &prefixes, prefix)
                    }
                    _ => "page_numbers.exclusions".to_owned(),
                };
                return Err(ConfigError::field_error(&field, err.to_string()));
            }
        }
        Ok(PageNumbers {
            enabled: self.enabled,
            roots: trimmed(self.roots),
            exclude_selectors: trimmed(self.exclude_selectors),
            exclusions,
        })
    }
}

/// The JSON path of the entry of `list` equal to `value`.
fn entry(kind: &str, list: &[String], value: &str) -> String {
    match list.iter().position(|v| v == value) {
        Some(i) => format!("page_numbers.exclusions.{kind}[{i}]"),
        None => format!("page_numbers.exclusions.{kind}"),
    }
}

/// Refuses blank selectors and ones that could not be a selector list entry. Full CSS syntax is
/// the browser's to judge; the scanner reports a selector it refuses by this same path.
fn selectors(field: &str, list: &[String]) -> Result<(), ConfigError> {
    for (i, selector) in list.iter().enumerate() {
        let s = selector.trim();
        if s.is_empty() || s.contains(['{', '}', ';']) || s.ends_with(',') {
            return Err(ConfigError::field_error(
                &format!("{field}[{i}]"),
                format!(
                    "{selector:?} is not a CSS selector: write e.g. \"#crm-main\" or \".no-dial\""
                ),
            ));
        }
    }
    Ok(())
}

fn trimmed(list: Vec<String>) -> Vec<String> {
    list.into_iter().map(|s| s.trim().to_owned()).collect()
}
