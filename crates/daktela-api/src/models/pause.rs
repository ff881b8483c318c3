//! Pause reasons (`pauses`).

use serde::Serialize;

use serde_json::Value;

use super::{Named, PauseName, Sys};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// A pause reason the agent can pick.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Pause {
    /// Its name: what the pause request sends.
    pub name: Option<PauseName>,
    /// Display name.
    pub title: Option<String>,
    /// `""` (custom), `wrap`, `dnd` or `lajdak` (automatic idle pause).
    #[serde(rename = "type")]
    pub pause_type: Option<String>,
    /// Paid pause.
    pub paid: Option<bool>,
    /// Maximum length in minutes; 0 = unlimited.
    pub max_duration: Option<i64>,
    /// `""` or `"- 1 day"`.
    pub calculated_from: Option<String>,
    /// May be taken repeatedly.
    pub repeatable: Option<bool>,
    /// How many times it may be taken.
    pub max_amount: Option<i64>,
    /// Minimum time between two of these pauses.
    pub min_timeout: Option<i64>,
    /// Started automatically by Daktela.
    pub auto_pause: Option<bool>,
    /// Blocks direct calls while on it.
    pub prevent_direct_calls: Option<bool>,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl Named for Pause {
    fn record_name(&self) -> Option<&str> {
        self.name.as_ref().map(PauseName::as_str)
    }
}

impl FromJson for Pause {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a pause")?;
        Ok(Self {
            name: f.get("name")?,
            title: f.string("title")?,
            pause_type: f.string("type")?,
            paid: f.boolean("paid")?,
            max_duration: f.integer("max_duration")?,
            calculated_from: f.string("calculated_from")?,
            repeatable: f.boolean("repeatable")?,
            max_amount: f.integer("max_amount")?,
            min_timeout: f.integer("min_timeout")?,
            auto_pause: f.boolean("auto_pause")?,
            prevent_direct_calls: f.boolean("prevent_direct_calls")?,
            sys: f.get("_sys")?,
        })
    }
}

deserialize_with_reader!(Pause);
