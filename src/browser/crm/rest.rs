//! The generic REST adapter: configured URL templates on the CRM's server.
//!
//! - Lookup: `GET lookup_url` with `{e164}` (`+420…`) and `{number}` (its digits) filled in;
//!   the answer is a JSON array of `{id, name, url, kind?}` (extra fields ignored).
//! - Log: `log_method` (`PUT` by default) to `log_url` with `{external_id}` and the record's
//!   other values filled in, the [`CallLogRecord`] as the JSON body, and the header
//!   `Idempotency-Key: <external_id>`: the CRM must upsert by that key, so a retry after a lost
//!   answer updates the log instead of adding a second one.
//!
//! The configured static headers (an API key) go with both. Any 2xx is success; 408, 429 and
//! 5xx and no answer at all are retried by the outbox; other statuses are not.
//!
//! Requests are built and answers read by pure functions ([`RestCrmAdapter::lookup_request`],
//! [`RestCrmAdapter::log_request`]), and the HTTP client is `daktela_api`'s [`Transport`], so the
//! whole adapter is tested natively with a fake transport.

use std::time::Duration;

use daktela_api::{HttpRequest, HttpResponse, Method, Transport, TransportError};
use serde_json::Value;

use super::{CrmError, LogOutcome, crm_id, parse_records};
use crate::state::call_log::CallLogRecord;
use crate::state::config::{LogMethod, RestCrm, percent_encode};
use crate::state::screen_pop::CrmRecord;

/// A lookup waits at most this long: the screen pop is useless once the agent has moved on.
pub const LOOKUP_TIMEOUT: Duration = Duration::from_secs(10);

/// How much of an error answer's body goes into the error message.
const SHOWN_BODY_CHARS: usize = 200;

pub use crate::browser::transport::PageTransport;

/// The REST adapter over a transport.
#[derive(Debug, Clone)]
pub struct RestCrmAdapter<T> {
    config: RestCrm,
    transport: T,
}

impl<T: Transport> RestCrmAdapter<T> {
    /// An adapter for these endpoints.
    pub fn new(config: RestCrm, transport: T) -> Self {
        Self { config, transport }
    }

    /// The lookup request for an E.164 number.
    pub fn lookup_request(&self, e164: &str) -> HttpRequest {
        let digits: String = e164.chars().filter(char::is_ascii_digit).collect();
        let url = self.config.lookup_url.fill(&|name| match name {
            "e164" => Some(e164.to_owned()),
            "number" => Some(digits.clone()),
            _ => None,
        });
        HttpRequest {
            method: Method::Get,
            url,
            headers: self.headers(vec![("Accept".into(), "application/json".into())]),
            body: None,
            timeout: Some(LOOKUP_TIMEOUT),
        }
    }

    /// The log upsert request for a record.
    ///
    /// # Errors
    /// [`CrmError::InvalidRequest`] if the record cannot be written as JSON (it always can).
    pub fn log_request(&self, record: &CallLogRecord) -> Result<HttpRequest, CrmError> {
        let body =
            serde_json::to_string(record).map_err(|e| CrmError::InvalidRequest(e.to_string()))?;
        let remote = record.remote_number.as_deref().unwrap_or_default();
        let url = self.config.log_url.fill(&|name| match name {
            "external_id" => Some(record.external_id.clone()),
            "activity" => Some(record.daktela.activity.clone()),
            "call_id" => record.call_id.clone(),
            "record_id" => record.crm_record.clone(),
            "e164" => Some(remote.to_owned()),
            "number" => Some(remote.chars().filter(char::is_ascii_digit).collect()),
            _ => None,
        });
        let method = match self.config.log_method {
            LogMethod::Put => Method::Put,
            LogMethod::Post => Method::Post,
        };
        let ours = vec![
            ("Accept".into(), "application/json".into()),
            ("Content-Type".into(), "application/json".into()),
            ("Idempotency-Key".into(), header_safe(&record.external_id)),
        ];
        Ok(HttpRequest {
            method,
            url,
            headers: self.headers(ours),
            body: Some(body),
            timeout: None,
        })
    }

    /// Looks the number up (module docs).
    ///
    /// # Errors
    /// [`CrmError`]: the status, no answer, or an answer that is not a list of records.
    pub async fn lookup(&self, e164: &str) -> Result<Vec<CrmRecord>, CrmError> {
        let response = self.send(self.lookup_request(e164)).await?;
        // Some CRMs answer "nothing found" with 204 and no body.
        if response.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Vec::new());
        }
        let value: Value = serde_json::from_slice(&response.body)
            .map_err(|e| CrmError::BadAnswer(format!("the lookup answer is not JSON: {e}")))?;
        parse_records(value)
    }

    /// Upserts the call log (module docs).
    ///
    /// # Errors
    /// [`CrmError`]; [`CrmError::retry`] says whether to try again.
    pub async fn log_call(&self, record: &CallLogRecord) -> Result<LogOutcome, CrmError> {
        let response = self.send(self.log_request(record)?).await?;
        // The answer's body is informative only: a 2xx means the CRM has the log.
        let crm_id = serde_json::from_slice::<Value>(&response.body)
            .ok()
            .and_then(|v| crm_id(&v));
        Ok(LogOutcome {
            status: Some(response.status),
            crm_id,
        })
    }

    /// Sends, and turns a non-2xx answer into [`CrmError::Status`].
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, CrmError> {
        let response = self.transport.send(request).await.map_err(|e| match e {
            TransportError::InvalidRequest(m) => CrmError::InvalidRequest(m),
            other => CrmError::Unreachable(other.to_string()),
        })?;
        if (200..300).contains(&response.status) {
            return Ok(response);
        }
        Err(CrmError::Status {
            status: response.status,
            retry_after_s: response
                .header("Retry-After")
                .and_then(|v| v.trim().parse().ok()),
            message: error_message(&response.body),
        })
    }

    /// The configured static headers, then the panel's own (which win: a configured
    /// `Content-Type` or `Idempotency-Key` cannot break the upsert).
    fn headers(&self, ours: Vec<(String, String)>) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = self
            .config
            .headers
            .iter()
            .filter(|(name, _)| !ours.iter().any(|(o, _)| o.eq_ignore_ascii_case(name)))
            .map(|(n, v)| (n.to_owned(), v.to_owned()))
            .collect();
        headers.extend(ours);
        headers
    }
}

/// The external id as a header value: as is when it is visible ASCII (Daktela activity names
/// are), else percent-encoded, since `fetch` refuses other bytes in headers.
fn header_safe(value: &str) -> String {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_graphic()) {
        value.to_owned()
    } else {
        percent_encode(value)
    }
}

/// The CRM's reason for an error status: its JSON `error` or `message`, else the body's start.
fn error_message(body: &[u8]) -> String {
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
        for key in ["error", "message", "detail"] {
            match map.get(key) {
                Some(Value::String(s)) => return s.clone(),
                Some(Value::Object(inner)) => {
                    if let Some(Value::String(s)) = inner.get("message") {
                        return s.clone();
                    }
                }
                _ => {}
            }
        }
    }
    let text = String::from_utf8_lossy(body);
    let text = text.trim();
    if text.is_empty() {
        return "no details in the answer".to_owned();
    }
    text.chars().take(SHOWN_BODY_CHARS).collect()
}

#[path = "rest_pairing.rs"]
mod pairing;

#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "rest_tests.rs"]
mod tests;
