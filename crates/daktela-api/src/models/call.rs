//! Call records (`activitiesCall`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{CallDirection, CallId, Contact, Named, Queue, Related, User, lenient};

/// One call (OpenAPI `CallItem-2`). For a call activity this is its expanded `item`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallItem {
    /// The call id; the record's name in `activitiesCall/{id_call}.json`.
    pub id_call: Option<CallId>,
    /// When the call started.
    #[serde(deserialize_with = "lenient::string")]
    pub call_time: Option<String>,
    /// `in`, `out` or `internal`.
    pub direction: Option<CallDirection>,
    /// Answered.
    #[serde(deserialize_with = "lenient::boolean")]
    pub answered: Option<bool>,
    /// The queue.
    pub id_queue: Option<Related<Queue>>,
    /// The agent.
    pub id_agent: Option<Related<User>>,
    /// Caller id: the customer's number on inbound calls.
    #[serde(deserialize_with = "lenient::string")]
    pub clid: Option<String>,
    /// Caller name prefix.
    #[serde(deserialize_with = "lenient::string")]
    pub prefix_clid_name: Option<String>,
    /// The dialled number (DID).
    #[serde(deserialize_with = "lenient::string")]
    pub did: Option<String>,
    /// The matched contact (writable: see `link_call_to_contact`).
    pub contact: Option<Related<Contact>>,
    /// Seconds waiting in the queue.
    #[serde(deserialize_with = "lenient::integer")]
    pub waiting_time: Option<i64>,
    /// Seconds ringing.
    #[serde(deserialize_with = "lenient::integer")]
    pub ringing_time: Option<i64>,
    /// Seconds on hold.
    #[serde(deserialize_with = "lenient::integer")]
    pub hold_time: Option<i64>,
    /// Seconds talking.
    #[serde(deserialize_with = "lenient::integer")]
    pub duration: Option<i64>,
    /// Who hung up: `caller`, `agent`, `transfer`, `system` or `""`.
    #[serde(deserialize_with = "lenient::string")]
    pub disposition_cause: Option<String>,
    /// Why it ended: `abandon`, `busy`, `noanswer`, `failed`, ... or `""`.
    #[serde(deserialize_with = "lenient::string")]
    pub disconnection_cause: Option<String>,
    /// 1 = missed, 0 = called back.
    #[serde(deserialize_with = "lenient::integer")]
    pub missed_call: Option<i64>,
    /// Dial attempts.
    #[serde(deserialize_with = "lenient::integer")]
    pub attempts: Option<i64>,
    /// Call options, raw.
    pub options: Option<Value>,
    /// Call detail record, raw.
    pub cdr: Option<Value>,
}

impl Named for CallItem {
    fn record_name(&self) -> Option<&str> {
        self.id_call.as_ref().map(CallId::as_str)
    }
}
