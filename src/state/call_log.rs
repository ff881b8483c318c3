//! The call-log record sent to the CRM adapter (`shared/crm/research.md` §0 and §1.8): one
//! shape every CRM can be fed from, upserted by `external_id` (the Daktela activity name).
//!
//! `started_at` is the panel's own observation ([`CallInfo::rang_at_ms`](super::call::CallInfo),
//! the browser clock, always UTC) rather than Daktela's `call_time`: that is a local
//! `YYYY-MM-DD HH:MM:SS` in the instance's time zone, which the API does not state, so reading
//! it as UTC would shift every log by hours. The panel saw the ring within a poll interval.

use daktela_api::models::CallDirection;
use daktela_api::phone::daktela_to_e164;
use serde::{Deserialize, Serialize};

use super::call::{EndedCall, NamedRef};

/// How a call went, as far as the CRM needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Someone talked.
    Answered,
    /// An inbound call the agent did not answer.
    Missed,
    /// An outbound (or internal) call nobody answered, or whose end Daktela did not explain.
    NoAnswer,
    /// The other side was busy (`disconnection_cause: busy`).
    Busy,
    /// The call could not be placed (`disconnection_cause: failed`).
    Failed,
    /// An answering machine picked up (`disconnection_cause: amdmachine`).
    Voicemail,
}

impl Outcome {
    /// Derives the outcome conservatively: answered wins; an unanswered inbound call is always
    /// `missed` (whatever the cause, the customer did not reach the agent); an unanswered
    /// outbound call reads `busy`, `failed` or `amdmachine` from Daktela's disconnection cause
    /// and is otherwise `no_answer`; an unanswered internal call is `no_answer`.
    pub fn derive(direction: &CallDirection, answered: bool, cause: Option<&str>) -> Self {
        match (answered, direction, cause) {
            (true, _, _) => Self::Answered,
            (false, CallDirection::In, _) => Self::Missed,
            (false, CallDirection::Internal, _) => Self::NoAnswer,
            (false, _, Some("busy")) => Self::Busy,
            (false, _, Some("failed")) => Self::Failed,
            (false, _, Some("amdmachine")) => Self::Voicemail,
            (false, _, _) => Self::NoAnswer,
        }
    }
}

/// Where the call lives in Daktela.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaktelaRef {
    /// The activity name.
    pub activity: String,
    /// The call id.
    pub call_id: Option<String>,
    /// The queue name.
    pub queue: Option<String>,
}

/// The record the CRM adapter upserts, keyed by `external_id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallLogRecord {
    /// The Daktela activity name: the idempotency key of the upsert.
    pub external_id: String,
    /// Daktela's call id.
    pub call_id: Option<String>,
    /// `in`, `out` or `internal`.
    pub direction: String,
    /// The customer's number in E.164 (`+420…`), when known.
    pub remote_number: Option<String>,
    /// When the call started, UTC, `2026-11-24T10:00:00Z`.
    pub started_at: String,
    /// Talk time in seconds (0 when unanswered).
    pub duration_s: u64,
    /// Whether someone talked.
    pub answered: bool,
    /// How it went.
    pub outcome: Outcome,
    /// The agent's Daktela login.
    pub agent: String,
    /// The CRM record the call belongs to (the one popped or chosen).
    pub crm_record: Option<String>,
    /// The disposition status names.
    pub disposition: Vec<String>,
    /// Their titles, in the same order.
    pub disposition_titles: Vec<String>,
    /// The agent's note.
    pub note: Option<String>,
    /// A one-line summary, e.g. `Inbound call from +420226211245` (English: it is CRM data,
    /// read by people in every language the CRM has, not panel text).
    pub subject: String,
    /// Where the call lives in Daktela.
    pub daktela: DaktelaRef,
}

/// What the panel adds to an ended call to log it.
#[derive(Debug, Clone, Copy)]
pub struct LogInputs<'a> {
    /// The call, as the tracker ended it.
    pub call: &'a EndedCall,
    /// The customer's number normalised to E.164 by the panel (default country applied). When
    /// `None`, Daktela's `00…` or `+…` form is converted; a national number is left out.
    pub remote_e164: Option<&'a str>,
    /// The agent's login.
    pub agent: &'a str,
    /// The CRM record id.
    pub crm_record: Option<&'a str>,
    /// The chosen statuses (name and title).
    pub disposition: &'a [NamedRef],
    /// The note; blank counts as none.
    pub note: Option<&'a str>,
}

impl CallLogRecord {
    /// Builds the record. Pure: the same inputs always give the same record, so re-building it
    /// after a reload yields an identical outbox payload (and no duplicate send).
    pub fn build(inputs: &LogInputs<'_>) -> Self {
        let call = inputs.call;
        let info = &call.info;
        let remote_number = inputs
            .remote_e164
            .map(str::to_owned)
            .or_else(|| info.remote_number.as_deref().and_then(to_e164));
        let cause = call.disconnection_cause.as_deref();
        let outcome = Outcome::derive(&info.direction, call.answered, cause);
        let call_id = info.call_id.as_ref().map(|id| id.as_str().to_owned());
        Self {
            external_id: info.activity.as_str().to_owned(),
            call_id: call_id.clone(),
            direction: info.direction.as_str().to_owned(),
            subject: subject(&info.direction, outcome, remote_number.as_deref()),
            remote_number,
            started_at: format_utc(info.rang_at_ms),
            duration_s: if call.answered { call.talk_seconds } else { 0 },
            answered: call.answered,
            outcome,
            agent: inputs.agent.to_owned(),
            crm_record: inputs.crm_record.map(str::to_owned),
            disposition: inputs.disposition.iter().map(|s| s.name.clone()).collect(),
            disposition_titles: inputs
                .disposition
                .iter()
                .map(|s| s.label().to_owned())
                .collect(),
            note: inputs
                .note
                .filter(|n| !n.trim().is_empty())
                .map(str::to_owned),
            daktela: DaktelaRef {
                activity: info.activity.as_str().to_owned(),
                call_id,
                queue: info.queue.as_ref().map(|q| q.name.clone()),
            },
        }
    }
}

/// `00420…` → `+420…`; `+420…` kept (separators dropped); anything else is not E.164.
fn to_e164(number: &str) -> Option<String> {
    let stored = if number.trim_start().starts_with('+') {
        daktela_api::phone::e164_to_daktela(number)?
    } else {
        number.to_owned()
    };
    daktela_to_e164(&stored)
}

fn subject(direction: &CallDirection, outcome: Outcome, number: Option<&str>) -> String {
    let number = number.unwrap_or("an unknown number");
    match (direction, outcome) {
        (CallDirection::In, Outcome::Missed) => format!("Missed call from {number}"),
        (CallDirection::In, _) => format!("Inbound call from {number}"),
        (CallDirection::Internal, _) => format!("Internal call with {number}"),
        _ => format!("Outbound call to {number}"),
    }
}

/// Formats epoch milliseconds as UTC ISO 8601 to the second: `2026-11-24T10:00:00Z`.
pub fn format_utc(epoch_ms: u64) -> String {
    let secs = epoch_ms / 1000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}Z")
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar (Howard
/// Hinnant's `civil_from_days`, restricted to dates from 1970 on, so all unsigned).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468; // days since 0000-03-01
    let era = z / 146_097;
    let doe = z % 146_097; // day of the 400-year era
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of the March-based year
    let mp = (5 * doy + 2) / 153; // month, March = 0
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::state::call::CallInfo;
    use daktela_api::models::{ActivityName, CallId};
    use serde_json::json;

    /// 2026-11-24T10:00:00Z.
    const RANG: u64 = 1_795_514_400_000;

    fn ended(direction: CallDirection, answered: bool, cause: Option<&str>) -> EndedCall {
        EndedCall {
            info: CallInfo {
                activity: ActivityName::new("activities_9"),
                call_id: Some(CallId::new("1795514400.3")),
                direction,
                remote_number: Some("00420226211245".into()),
                queue: Some(NamedRef {
                    name: "1001".into(),
                    title: Some("Support CZ".into()),
                }),
                contact: None,
                rang_at_ms: RANG,
                answered_at_ms: answered.then_some(RANG + 5_000),
            },
            ended_at_ms: RANG + 70_000,
            answered,
            talk_seconds: if answered { 65 } else { 0 },
            disconnection_cause: cause.map(str::to_owned),
        }
    }

    fn inputs<'a>(call: &'a EndedCall, disposition: &'a [NamedRef]) -> LogInputs<'a> {
        LogInputs {
            call,
            remote_e164: None,
            agent: "jnovak",
            crm_record: Some("contact-7"),
            disposition,
            note: Some("Wants a callback on Monday"),
        }
    }

    #[test]
    fn an_answered_inbound_call_becomes_the_documented_record() {
        let call = ended(CallDirection::In, true, Some(""));
        let sale = [NamedRef {
            name: "statuses_sale".into(),
            title: Some("Sale".into()),
        }];
        let record = CallLogRecord::build(&inputs(&call, &sale));
        assert_eq!(
            serde_json::to_value(&record).unwrap(),
            json!({
                "external_id": "activities_9", "call_id": "1795514400.3", "direction": "in",
                "remote_number": "+420226211245", "started_at": "2026-11-24T10:00:00Z",
                "duration_s": 65, "answered": true, "outcome": "answered", "agent": "jnovak",
                "crm_record": "contact-7", "disposition": ["statuses_sale"],
                "disposition_titles": ["Sale"], "note": "Wants a callback on Monday",
                "subject": "Inbound call from +420226211245",
                "daktela": {"activity": "activities_9", "call_id": "1795514400.3", "queue": "1001"}
            })
        );
        let back: CallLogRecord =
            serde_json::from_value(serde_json::to_value(&record).unwrap()).unwrap();
        assert_eq!(back, record);
    }

    #[test]
    fn an_unanswered_inbound_call_is_missed_whatever_the_cause() {
        let call = ended(CallDirection::In, false, Some("abandon"));
        let record = CallLogRecord::build(&inputs(&call, &[]));
        assert_eq!(record.outcome, Outcome::Missed);
        assert_eq!((record.answered, record.duration_s), (false, 0));
        assert_eq!(record.subject, "Missed call from +420226211245");
    }

    #[test]
    fn unanswered_outbound_calls_read_daktelas_disconnection_cause() {
        let out = CallDirection::Out;
        for (cause, expected) in [
            (Some("busy"), Outcome::Busy),
            (Some("failed"), Outcome::Failed),
            (Some("amdmachine"), Outcome::Voicemail),
            (Some("noanswer"), Outcome::NoAnswer),
            (Some("cancel"), Outcome::NoAnswer),
            (None, Outcome::NoAnswer),
        ] {
            assert_eq!(Outcome::derive(&out, false, cause), expected, "{cause:?}");
        }
        assert_eq!(Outcome::derive(&out, true, Some("busy")), Outcome::Answered);
        assert_eq!(
            Outcome::derive(&CallDirection::Internal, false, Some("busy")),
            Outcome::NoAnswer
        );
        let busy = serde_json::to_value(Outcome::NoAnswer).unwrap();
        assert_eq!(busy, json!("no_answer"));
    }

    #[test]
    fn the_panels_normalised_number_wins_and_national_numbers_are_not_guessed() {
        let mut call = ended(CallDirection::Out, true, None);
        call.info.remote_number = Some("777123456".into());
        let mut log = inputs(&call, &[]);
        assert_eq!(CallLogRecord::build(&log).remote_number, None);
        assert_eq!(
            CallLogRecord::build(&log).subject,
            "Outbound call to an unknown number"
        );
        log.remote_e164 = Some("+420777123456");
        let record = CallLogRecord::build(&log);
        assert_eq!(record.remote_number.as_deref(), Some("+420777123456"));
        assert_eq!(record.subject, "Outbound call to +420777123456");
        assert_eq!(
            to_e164("+420 777 123 456").as_deref(),
            Some("+420777123456")
        );
    }

    #[test]
    fn a_blank_note_and_untitled_statuses_are_handled() {
        let call = ended(CallDirection::In, true, None);
        let untitled = [NamedRef {
            name: "statuses_x".into(),
            title: None,
        }];
        let mut log = inputs(&call, &untitled);
        log.note = Some("   ");
        let record = CallLogRecord::build(&log);
        assert_eq!(record.note, None);
        assert_eq!(record.disposition_titles, ["statuses_x"]);
        assert_eq!(CallLogRecord::build(&log), record, "pure");
    }

    #[test]
    fn utc_formatting_handles_epoch_leap_days_and_century_rules() {
        for (secs, expected) in [
            (0, "1970-01-01T00:00:00Z"),
            (946_684_799, "1999-12-31T23:59:59Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_709_251_199, "2024-02-29T23:59:59Z"),
            (1_795_514_400, "2026-11-24T10:00:00Z"),
            (4_107_542_399, "2100-02-28T23:59:59Z"),
            (4_107_542_400, "2100-03-01T00:00:00Z"),
            (13_574_563_200, "2400-02-29T00:00:00Z"),
        ] {
            assert_eq!(format_utc(secs * 1000 + 999), expected, "{secs}");
        }
        assert!(format_utc(u64::MAX).ends_with('Z'), "no overflow");
    }
}
