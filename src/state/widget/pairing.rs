//! The pairing the widget writes: this activity and its call belong to this CRM record, with
//! the agent's note. It is its own record in the CRM, keyed by the activity, and never the
//! panel's call log (`crm-log:<activity>`, `crm.log_url`): the widget knows less about the call
//! than the panel does, and must not overwrite the panel's full log with it.
//!
//! Wire format (the body of `PUT crm.pair_url`, and what `GET crm.pair_url` answers):
//!
//! ```json
//! {"activity": "activities_181sd845a16ds84612sd84", "call_id": "1WS.58184",
//!  "direction": "in", "clid": "773794604", "remote_number": "+420773794604",
//!  "crm_record": {"id": "C-1002", "name": "Jan Novák", "url": "https://crm/contacts/C-1002"},
//!  "note": "Wants a quote"}
//! ```
//!
//! `remote_number` is `null` for internal calls, `note` is `null` without one, `crm_record.url`
//! may be empty. The CRM upserts by `activity`: a second PUT for the same activity replaces the
//! first (a changed note), never adds a second pairing.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::params::WidgetParams;
use crate::state::screen_pop::CrmRecord;

/// Outbox key prefix of a pairing: `crm-pairing:<activity>`.
pub const PAIRING_KEY_PREFIX: &str = "crm-pairing:";
/// The longest note accepted (a CRM text field, not a document).
pub const MAX_NOTE_CHARS: usize = 4000;

/// The record a call is paired to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PairingRecord {
    /// The CRM's id.
    pub id: String,
    /// Its name, as the lookup gave it.
    #[serde(default)]
    pub name: String,
    /// Its page (absolute http(s), or empty).
    #[serde(default)]
    pub url: String,
}

impl From<&CrmRecord> for PairingRecord {
    fn from(record: &CrmRecord) -> Self {
        Self {
            id: record.id.clone(),
            name: record.name.clone(),
            url: record.url.clone(),
        }
    }
}

/// A pairing (module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pairing {
    /// The Daktela activity: the key.
    pub activity: String,
    /// The Daktela call id, the same for every activity of a transferred call.
    pub call_id: String,
    /// `in`, `out` or `internal`.
    pub direction: String,
    /// `clid` as Daktela passed it.
    #[serde(default)]
    pub clid: String,
    /// The remote party in E.164 (`None` for internal calls).
    #[serde(default)]
    pub remote_number: Option<String>,
    /// The record the agent confirmed.
    pub crm_record: PairingRecord,
    /// The agent's note.
    #[serde(default)]
    pub note: Option<String>,
}

/// Why a pairing cannot be saved as the agent wrote it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PairingError {
    /// The note is longer than [`MAX_NOTE_CHARS`].
    #[error("the note is longer than {MAX_NOTE_CHARS} characters: shorten it")]
    NoteTooLong,
}

impl Pairing {
    /// The pairing of the widget's call to `record`, with `note` (blank = none).
    ///
    /// # Errors
    /// [`PairingError::NoteTooLong`].
    pub fn new(
        params: &WidgetParams,
        record: &CrmRecord,
        note: &str,
    ) -> Result<Self, PairingError> {
        let note = note.trim();
        if note.chars().count() > MAX_NOTE_CHARS {
            return Err(PairingError::NoteTooLong);
        }
        Ok(Self {
            activity: params.activity.clone(),
            call_id: params.call_id.clone(),
            direction: params.direction.token().to_owned(),
            clid: params.clid.clone(),
            remote_number: params.number.as_ref().map(|n| n.as_str().to_owned()),
            crm_record: record.into(),
            note: (!note.is_empty()).then(|| note.to_owned()),
        })
    }

    /// Its outbox key.
    pub fn key(&self) -> String {
        key_for(&self.activity)
    }

    /// The outbox payload.
    pub fn to_payload(&self) -> Value {
        // A struct of strings always serialises.
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// Reads a payload or a CRM answer back; `None` when it is not a pairing.
    pub fn from_value(value: Value) -> Option<Self> {
        serde_json::from_value(value).ok()
    }

    /// Whether this pairing belongs to the widget's call (a read-back from the CRM or the
    /// outbox for another activity or call is not shown).
    pub fn is_for(&self, params: &WidgetParams) -> bool {
        self.activity == params.activity && self.call_id == params.call_id
    }
}

/// The outbox key of `activity`'s pairing.
pub fn key_for(activity: &str) -> String {
    format!("{PAIRING_KEY_PREFIX}{activity}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::state::phone::Region;

    fn params(query: &str) -> WidgetParams {
        WidgetParams::from_query(query, Region::Cz).unwrap()
    }

    fn record() -> CrmRecord {
        CrmRecord {
            id: "C-1002".into(),
            name: "Jan Novák".into(),
            url: "https://crm/contacts/C-1002".into(),
            kind: Some("contact".into()),
        }
    }

    #[test]
    fn a_pairing_is_keyed_by_the_activity_and_carries_the_call() {
        let p = params("activity=act_1&callid=1WS.5&direction=in&clid=773794604");
        let pairing = Pairing::new(&p, &record(), "  Wants a quote \n").unwrap();
        assert_eq!(pairing.key(), "crm-pairing:act_1");
        assert_eq!(
            pairing.to_payload(),
            json!({
                "activity": "act_1", "call_id": "1WS.5", "direction": "in",
                "clid": "773794604", "remote_number": "+420773794604",
                "crm_record": {"id": "C-1002", "name": "Jan Novák", "url": "https://crm/contacts/C-1002"},
                "note": "Wants a quote"
            })
        );
        assert_eq!(
            Pairing::from_value(pairing.to_payload()),
            Some(pairing.clone())
        );
        assert!(pairing.is_for(&p));
        let transferred = params("activity=act_2&callid=1WS.5&direction=in&clid=773794604");
        assert!(!pairing.is_for(&transferred));
    }

    #[test]
    fn a_blank_note_is_none_and_a_huge_one_is_refused() {
        let p = params("activity=a&callid=c&direction=internal");
        let pairing = Pairing::new(&p, &record(), "   ").unwrap();
        assert_eq!((pairing.note, pairing.remote_number), (None, None));
        let long = "x".repeat(MAX_NOTE_CHARS + 1);
        assert_eq!(
            Pairing::new(&p, &record(), &long),
            Err(PairingError::NoteTooLong)
        );
    }

    #[test]
    fn a_crm_answer_with_extra_fields_reads_back() {
        let answer = json!({"id": "P-1", "activity": "a", "call_id": "c", "direction": "out",
            "crm_record": {"id": "C-1"}, "updated_at": "2026-01-01T00:00:00Z"});
        let pairing = Pairing::from_value(answer).unwrap();
        assert_eq!(pairing.crm_record.id, "C-1");
        assert_eq!(pairing.note, None);
        assert_eq!(Pairing::from_value(json!({"activity": "a"})), None);
    }
}
