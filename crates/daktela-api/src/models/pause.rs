//! Pause reasons (`pauses`).

use serde::{Deserialize, Serialize};

use super::{Named, PauseName, Sys, lenient};

/// A pause reason the agent can pick.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Pause {
    /// Its name: what the pause request sends.
    pub name: Option<PauseName>,
    /// Display name.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// `""` (custom), `wrap`, `dnd` or `lajdak` (automatic idle pause).
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub pause_type: Option<String>,
    /// Paid pause.
    #[serde(deserialize_with = "lenient::boolean")]
    pub paid: Option<bool>,
    /// Maximum length in minutes; 0 = unlimited.
    #[serde(deserialize_with = "lenient::integer")]
    pub max_duration: Option<i64>,
    /// `""` or `"- 1 day"`.
    #[serde(deserialize_with = "lenient::string")]
    pub calculated_from: Option<String>,
    /// May be taken repeatedly.
    #[serde(deserialize_with = "lenient::boolean")]
    pub repeatable: Option<bool>,
    /// How many times it may be taken.
    #[serde(deserialize_with = "lenient::integer")]
    pub max_amount: Option<i64>,
    /// Minimum time between two of these pauses.
    #[serde(deserialize_with = "lenient::integer")]
    pub min_timeout: Option<i64>,
    /// Started automatically by Daktela.
    #[serde(deserialize_with = "lenient::boolean")]
    pub auto_pause: Option<bool>,
    /// Blocks direct calls while on it.
    #[serde(deserialize_with = "lenient::boolean")]
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
