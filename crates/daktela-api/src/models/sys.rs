//! `_sys`: the metadata block Daktela attaches to every record.

use std::collections::BTreeMap;

use serde::Serialize;

use serde_json::Value;

use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// The `_sys` block of a record.
///
/// `whoim` also puts the caller's access token in `_sys.accessToken`; it is deliberately NOT
/// modelled, so it can never reach a `Debug` print or a log line.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Sys {
    /// The model name, e.g. `contacts`, `activitiesCall`.
    pub model: Option<String>,
    /// The record's change hash.
    pub hash: Option<String>,
    /// The custom-field scheme (contacts, accounts, CRM records): field name to its definition.
    #[serde(rename = "cfScheme")]
    pub cf_scheme: Option<BTreeMap<String, CustomFieldScheme>>,
}

/// One entry of `_sys.cfScheme`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CustomFieldScheme {
    /// `PHONE`, `EMAIL`, `TEXT`, `ADDRESS`, `TEXTAREA`, `SELECTBOX`, ...
    #[serde(rename = "type")]
    pub field_type: Option<String>,
    /// The label shown in Daktela (localised, e.g. "Telefon").
    pub title: Option<String>,
    /// Hidden in Daktela's UI.
    pub hidden: Option<bool>,
    /// Read-only in Daktela's UI.
    pub readonly: Option<bool>,
}

impl CustomFieldScheme {
    /// True for a phone-number field (`type: "PHONE"`).
    pub fn is_phone(&self) -> bool {
        self.field_type.as_deref() == Some("PHONE")
    }
}

impl FromJson for Sys {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a _sys block")?;
        Ok(Self {
            model: f.string("model")?,
            hash: f.string("hash")?,
            cf_scheme: f.get("cfScheme")?,
        })
    }
}

impl FromJson for CustomFieldScheme {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a custom field scheme")?;
        Ok(Self {
            field_type: f.string("type")?,
            title: f.string("title")?,
            hidden: f.boolean("hidden")?,
            readonly: f.boolean("readonly")?,
        })
    }
}

deserialize_with_reader!(Sys, CustomFieldScheme);
