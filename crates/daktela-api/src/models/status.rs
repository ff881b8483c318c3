//! Statuses (`statuses`): the dispositions an agent sets on an activity.

use serde::Serialize;

use serde_json::Value;

use super::{Named, StatusName, Sys};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// A status (disposition).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Status {
    /// Its name: what an activity update sends in `statuses`.
    pub name: Option<StatusName>,
    /// Display name.
    pub title: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Colour for the UI, e.g. `#d15b47`.
    pub color: Option<String>,
    /// Marks a successful contact.
    pub validation: Option<bool>,
    /// Asks for a next call (campaigns).
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

impl FromJson for Status {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a status")?;
        Ok(Self {
            name: f.get("name")?,
            title: f.string("title")?,
            description: f.string("description")?,
            color: f.string("color")?,
            validation: f.boolean("validation")?,
            nextcall: f.boolean("nextcall")?,
            sys: f.get("_sys")?,
        })
    }
}

deserialize_with_reader!(Status);
