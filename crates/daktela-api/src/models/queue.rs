//! Queues (`queues`).

use serde::Serialize;
use serde_json::Value;

use super::{Named, QueueName, Sys};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// A queue. Its `name` is an integer on real instances (`3001`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Queue {
    /// Its name: what queue login and click-to-call send.
    pub name: Option<QueueName>,
    /// Display name.
    pub title: Option<String>,
    /// Short alias.
    pub alias: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// `in`, `ctc`, `out`, `outbounder`, `progressive`, `dialer`, `interviewer`, `email`, `sms`,
    /// `chat`, ... (OpenAPI `Queue-2`).
    #[serde(rename = "type")]
    pub queue_type: Option<String>,
    /// `in` or `out` (OpenAPI `Queue-2`; a real capture has `direction: "in"`).
    pub direction: Option<String>,
    /// Queue options, raw.
    pub options: Option<Value>,
    /// Deactivated queue.
    pub deactivated: Option<bool>,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl Named for Queue {
    fn record_name(&self) -> Option<&str> {
        self.name.as_ref().map(QueueName::as_str)
    }
}

impl Queue {
    /// True when click-to-call may use this queue.
    ///
    /// UNCONFIRMED (no Dn yet in CONTRACT.md; proposed D7): the contract says only that the
    /// queue "must be an outbound queue". This reads `direction: "out"` (OpenAPI `Queue-2`), and,
    /// when a server omits `direction`, `type: "out"` (research.md §12 suggests `filter type eq
    /// out`). Deactivated queues are never outbound. This is the ONE place that decides it.
    pub fn is_outbound(&self) -> bool {
        if self.deactivated == Some(true) {
            return false;
        }
        match self.direction.as_deref() {
            Some("") | None => self.queue_type.as_deref() == Some("out"),
            Some(direction) => direction == "out",
        }
    }
}

impl FromJson for Queue {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a queue")?;
        Ok(Self {
            name: f.get("name")?,
            title: f.string("title")?,
            alias: f.string("alias")?,
            description: f.string("description")?,
            queue_type: f.string("type")?,
            direction: f.string("direction")?,
            options: f.raw("options"),
            deactivated: f.boolean("deactivated")?,
            sys: f.get("_sys")?,
        })
    }
}

deserialize_with_reader!(Queue);
