//! `_sys`: the metadata block Daktela attaches to every record.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::lenient;

/// The `_sys` block of a record.
///
/// `whoim` also puts the caller's access token in `_sys.accessToken`; it is deliberately NOT
/// modelled, so it can never reach a `Debug` print or a log line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sys {
    /// The model name, e.g. `contacts`, `activitiesCall`.
    #[serde(deserialize_with = "lenient::string")]
    pub model: Option<String>,
    /// The record's change hash.
    #[serde(deserialize_with = "lenient::string")]
    pub hash: Option<String>,
    /// The custom-field scheme (contacts, accounts, CRM records): field name to its definition.
    #[serde(rename = "cfScheme")]
    pub cf_scheme: Option<BTreeMap<String, CustomFieldScheme>>,
}

/// One entry of `_sys.cfScheme`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CustomFieldScheme {
    /// `PHONE`, `EMAIL`, `TEXT`, `ADDRESS`, `TEXTAREA`, `SELECTBOX`, ...
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub field_type: Option<String>,
    /// The label shown in Daktela (localised, e.g. "Telefon").
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// Hidden in Daktela's UI.
    #[serde(deserialize_with = "lenient::boolean")]
    pub hidden: Option<bool>,
    /// Read-only in Daktela's UI.
    #[serde(deserialize_with = "lenient::boolean")]
    pub readonly: Option<bool>,
}

impl CustomFieldScheme {
    /// True for a phone-number field (`type: "PHONE"`).
    pub fn is_phone(&self) -> bool {
        self.field_type.as_deref() == Some("PHONE")
    }
}
