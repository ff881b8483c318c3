//! Call records (`activitiesCall`).

use serde::Serialize;
use serde_json::Value;

use super::{CallDirection, CallId, Contact, Named, Queue, Related, User};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// One call (OpenAPI `CallItem-2`). For a call activity this is its expanded `item`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CallItem {
    /// The call id; the record's name in `activitiesCall/{id_call}.json`.
    pub id_call: Option<CallId>,
    /// When the call started.
    pub call_time: Option<String>,
    /// `in`, `out` or `internal`.
    pub direction: Option<CallDirection>,
    /// Answered.
    pub answered: Option<bool>,
    /// The queue.
    pub id_queue: Option<Related<Queue>>,
    /// The agent.
    pub id_agent: Option<Related<User>>,
    /// Caller id: the customer's number on inbound calls.
    pub clid: Option<String>,
    /// Caller name prefix.
    pub prefix_clid_name: Option<String>,
    /// The dialled number (DID).
    pub did: Option<String>,
    /// The matched contact (writable: see `link_call_to_contact`).
    pub contact: Option<Related<Contact>>,
    /// Seconds waiting in the queue.
    pub waiting_time: Option<i64>,
    /// Seconds ringing.
    pub ringing_time: Option<i64>,
    /// Seconds on hold.
    pub hold_time: Option<i64>,
    /// Seconds talking.
    pub duration: Option<i64>,
    /// Who hung up: `caller`, `agent`, `transfer`, `system` or `""`.
    pub disposition_cause: Option<String>,
    /// Why it ended: `abandon`, `busy`, `noanswer`, `failed`, ... or `""`.
    pub disconnection_cause: Option<String>,
    /// 1 = missed, 0 = called back.
    pub missed_call: Option<i64>,
    /// Dial attempts.
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

impl FromJson for CallItem {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a call item")?;
        Ok(Self {
            id_call: f.get("id_call")?,
            call_time: f.string("call_time")?,
            direction: f.get("direction")?,
            answered: f.boolean("answered")?,
            id_queue: f.get("id_queue")?,
            id_agent: f.get("id_agent")?,
            clid: f.string("clid")?,
            prefix_clid_name: f.string("prefix_clid_name")?,
            did: f.string("did")?,
            contact: f.get("contact")?,
            waiting_time: f.integer("waiting_time")?,
            ringing_time: f.integer("ringing_time")?,
            hold_time: f.integer("hold_time")?,
            duration: f.integer("duration")?,
            disposition_cause: f.string("disposition_cause")?,
            disconnection_cause: f.string("disconnection_cause")?,
            missed_call: f.integer("missed_call")?,
            attempts: f.integer("attempts")?,
            options: f.raw("options"),
            cdr: f.raw("cdr"),
        })
    }
}

deserialize_with_reader!(CallItem);
