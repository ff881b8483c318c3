//! Queues (`queues`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Named, QueueName, Sys, lenient};

/// A queue. Its `name` is an integer on real instances (`3001`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Queue {
    /// Its name: what queue login and click-to-call send.
    pub name: Option<QueueName>,
    /// Display name.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// Short alias.
    #[serde(deserialize_with = "lenient::string")]
    pub alias: Option<String>,
    /// Description.
    #[serde(deserialize_with = "lenient::string")]
    pub description: Option<String>,
    /// `in`, `ctc`, `out`, `outbounder`, `progressive`, `dialer`, `interviewer`, `email`, `sms`,
    /// `chat`, ... (OpenAPI `Queue-2`).
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub queue_type: Option<String>,
    /// `in` or `out` (OpenAPI `Queue-2`; a real capture has `direction: "in"`).
    #[serde(deserialize_with = "lenient::string")]
    pub direction: Option<String>,
    /// Queue options, raw.
    pub options: Option<Value>,
    /// Deactivated queue.
    #[serde(deserialize_with = "lenient::boolean")]
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
