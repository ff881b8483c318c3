//! Statuses (`statuses`): the dispositions an agent sets on an activity.

use serde::{Deserialize, Serialize};

use super::{Named, StatusName, Sys, lenient};

/// A status (disposition).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Status {
    /// Its name: what an activity update sends in `statuses`.
    pub name: Option<StatusName>,
    /// Display name.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// Description.
    #[serde(deserialize_with = "lenient::string")]
    pub description: Option<String>,
    /// Colour for the UI, e.g. `#d15b47`.
    #[serde(deserialize_with = "lenient::string")]
    pub color: Option<String>,
    /// Marks a successful contact.
    #[serde(deserialize_with = "lenient::boolean")]
    pub validation: Option<bool>,
    /// Asks for a next call (campaigns).
    #[serde(deserialize_with = "lenient::boolean")]
    pub nextcall: Option<bool>,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl Named for Status {
    fn record_name(&self) -> Option<&str> {
        self.name.as_ref().map(StatusName::as_str)
    }
}
