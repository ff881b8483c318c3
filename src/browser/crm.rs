//! The CRM, behind one small API: look a caller up, log a call, and (host page only) let the CRM
//! open its own record. Two adapters, chosen by the configuration's `crm.adapter`:
//! [`host_page`] (JavaScript functions the CRM page registers) and [`rest`] (configured URLs).
//!
//! Errors carry what the outbox needs to decide between retrying and parking a log:
//! [`CrmError::retry`] applies [`Retry::for_status`] to the HTTP status (none for "no answer")
//! and the `Retry-After` seconds.

pub mod host_page;
pub mod rest;

use serde::Deserialize;
use serde_json::Value;

use crate::state::call_log::CallLogRecord;
use crate::state::config::{Crm, PopTarget};
use crate::state::retry::{Backoff, Retry};
use crate::state::screen_pop::CrmRecord;
use crate::state::widget::Pairing;
pub use host_page::HostPageCrm;
pub use rest::{PageTransport, RestCrmAdapter};

/// A delivered call log.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LogOutcome {
    /// The HTTP status (REST adapter), `None` for the host page.
    pub status: Option<u16>,
    /// The CRM's id for the log, when its answer had one (`{"id": …}` or a bare string/number).
    pub crm_id: Option<String>,
}

/// Why a CRM call failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CrmError {
    /// The CRM answered with an error status.
    #[error("the CRM answered HTTP {status}: {message}")]
    Status {
        /// The HTTP status.
        status: u16,
        /// `Retry-After` in seconds, when the CRM sent one.
        retry_after_s: Option<u64>,
        /// The CRM's error message (its `error` or `message` field, or the start of the body).
        message: String,
    },
    /// No answer: network failure, CORS refusal, timeout or abort.
    #[error("the CRM could not be reached: {0}")]
    Unreachable(String),
    /// A success answer the panel cannot read (lookup results only).
    #[error("the CRM's answer is not what the panel expects: {0}")]
    BadAnswer(String),
    /// The host-page adapter is configured but the page registered no host object.
    #[error(
        "the CRM page has not registered window.DaktelaCtiHost: define it before the panel loads (README, \"Host-page adapter\")"
    )]
    NoHost,
    /// The host object lacks a function the panel needs.
    #[error("window.DaktelaCtiHost.{0} is not a function")]
    NotAFunction(&'static str),
    /// The host page's function threw or its promise was rejected (or never settled).
    #[error("the CRM page's {function}() failed: {message}")]
    Rejected {
        /// `lookup`, `log` or `open`.
        function: &'static str,
        /// The rejection's message.
        message: String,
        /// The page said retrying cannot help (`{permanent: true}`).
        permanent: bool,
    },
    /// The request could not be built (an invalid configured header, a non-ASCII key).
    #[error("the CRM request could not be built: {0}")]
    InvalidRequest(String),
    /// The activity widget cannot save a pairing: no `crm.pair_url` (REST adapter only).
    #[error(
        "the activity widget cannot save: set crm.adapter to \"rest\" and crm.pair_url (docs/activity-widget.md)"
    )]
    NoPairUrl,
}

impl CrmError {
    /// The HTTP status, when the CRM answered with one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// `Retry-After` in seconds, when the CRM sent one.
    pub fn retry_after_s(&self) -> Option<u64> {
        match self {
            Self::Status { retry_after_s, .. } => *retry_after_s,
            _ => None,
        }
    }

    /// Whether sending the same thing again can succeed later. A missing host object is
    /// retryable (a single-page CRM may register it after the panel starts); a bad answer, a
    /// missing function, an unbuildable request, a permanent rejection and 4xx (but 408 and
    /// 429) are not.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Status { status, .. } => matches!(status, 408 | 429 | 500..=599),
            Self::Unreachable(_) | Self::NoHost => true,
            Self::Rejected { permanent, .. } => !permanent,
            Self::BadAnswer(_)
            | Self::NotAFunction(_)
            | Self::InvalidRequest(_)
            | Self::NoPairUrl => false,
        }
    }

    /// Retry or park, for the outbox: [`Retry::for_status`] for HTTP answers and failures with
    /// no answer; [`Retry::Never`] for what [`CrmError::is_retryable`] calls permanent.
    pub fn retry(&self, attempt: u32, backoff: &Backoff, jitter: f64) -> Retry {
        match self {
            Self::Status { status, .. } => Retry::for_status(
                Some(*status),
                self.retry_after_s(),
                attempt,
                backoff,
                jitter,
            ),
            _ if self.is_retryable() => Retry::for_status(None, None, attempt, backoff, jitter),
            _ => Retry::Never,
        }
    }
}

/// The configured CRM adapter.
#[derive(Debug)]
pub enum CrmAdapter {
    /// Functions on `window.DaktelaCtiHost`.
    HostPage(HostPageCrm),
    /// Configured REST endpoints.
    Rest(RestCrmAdapter<PageTransport>),
}

impl CrmAdapter {
    /// The adapter the configuration asks for.
    pub fn from_config(crm: &Crm) -> Self {
        match crm {
            Crm::HostPage => Self::HostPage(HostPageCrm::new()),
            Crm::Rest(rest) => Self::Rest(RestCrmAdapter::new(rest.clone(), PageTransport::new())),
        }
    }

    /// The CRM records with this E.164 number (empty when none).
    ///
    /// # Errors
    /// [`CrmError`]; a lookup is not retried by the panel (the call has moved on).
    pub async fn lookup(&self, e164: &str) -> Result<Vec<CrmRecord>, CrmError> {
        match self {
            Self::HostPage(host) => host.lookup(e164).await,
            Self::Rest(rest) => rest.lookup(e164).await,
        }
    }

    /// Upserts the call log, keyed by `record.external_id`: sending the same record twice
    /// updates it, never duplicates it.
    ///
    /// # Errors
    /// [`CrmError`]; see [`CrmError::retry`].
    pub async fn log_call(&self, record: &CallLogRecord) -> Result<LogOutcome, CrmError> {
        match self {
            Self::HostPage(host) => host.log_call(record).await,
            Self::Rest(rest) => rest.log_call(record).await,
        }
    }

    /// Saves the activity widget's pairing (an upsert keyed by the activity).
    ///
    /// # Errors
    /// [`CrmError::NoPairUrl`] for the host-page adapter or without `crm.pair_url`; else see
    /// [`CrmError::retry`].
    pub async fn pair(&self, pairing: &Pairing) -> Result<(), CrmError> {
        match self {
            Self::HostPage(_) => Err(CrmError::NoPairUrl),
            Self::Rest(rest) => rest.pair(pairing).await,
        }
    }

    /// Reads back the saved pairing of `activity` (`None`: not saved, or no `crm.pair_url`).
    ///
    /// # Errors
    /// [`CrmError`] when the CRM fails to answer or answers something else.
    pub async fn read_pairing(&self, activity: &str) -> Result<Option<Pairing>, CrmError> {
        match self {
            Self::Rest(rest) if rest.has_pair_url() => rest.read_pairing(activity).await,
            _ => Ok(None),
        }
    }

    /// Offers a screen pop to the host page's optional `open` function. `Ok(true)`: the page
    /// opened it; `Ok(false)`: the panel should open it itself (REST adapter, no `open`
    /// function, or the function returned `false`).
    ///
    /// # Errors
    /// [`CrmError::Rejected`] when the page's `open` failed.
    pub async fn open_by_host(&self, url: &str, target: PopTarget) -> Result<bool, CrmError> {
        match self {
            Self::HostPage(host) => host.open(url, target).await,
            Self::Rest(_) => Ok(false),
        }
    }
}

/// A lookup result as CRMs send it: ids may be numbers, names and URLs may be missing or null,
/// extra fields are ignored.
#[derive(Deserialize)]
struct WireRecord {
    id: Value,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    kind: Option<String>,
}

/// Reads a lookup answer: a JSON array of `{id, name, url, kind?}`.
///
/// # Errors
/// [`CrmError::BadAnswer`] naming the first record that cannot be read.
pub fn parse_records(value: Value) -> Result<Vec<CrmRecord>, CrmError> {
    let Value::Array(items) = value else {
        return Err(CrmError::BadAnswer(format!(
            "a lookup must answer a JSON array of {{id, name, url}}, not {}",
            kind_of(&value)
        )));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let wire: WireRecord = serde_json::from_value(item)
                .map_err(|e| CrmError::BadAnswer(format!("record [{i}]: {e}")))?;
            let id = match wire.id {
                Value::String(s) if !s.is_empty() => s,
                Value::Number(n) => n.to_string(),
                _ => {
                    return Err(CrmError::BadAnswer(format!(
                        "record [{i}]: `id` must be a non-empty string or a number"
                    )));
                }
            };
            Ok(CrmRecord {
                id,
                name: wire.name.unwrap_or_default(),
                url: wire.url.unwrap_or_default(),
                kind: wire.kind,
            })
        })
        .collect()
}

/// The CRM's id in a log answer: `{"id": …}`, or a bare string or number.
fn crm_id(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(map) => map.get("id").and_then(crm_id),
        _ => None,
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
