//! The log of every Daktela request received, for assertions like "exactly one
//! click-to-call for this number". Secrets are redacted before they are stored.

use crate::query::parse_brackets;
use crate::state::SimState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Request bodies above this size are not buffered for the log (Daktela bodies are small).
const MAX_LOGGED_BODY: usize = 1 << 20;
const SECRET_KEYS: &[&str] = &["accessToken", "password", "refreshToken"];

/// One received request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoggedRequest {
    /// Arrival order, from 1.
    pub seq: u64,
    /// `YYYY-MM-DD HH:MM:SS`.
    pub time: String,
    /// HTTP method.
    pub method: String,
    /// Path inside the simulator (without a nesting prefix).
    pub path: String,
    /// Raw query string with `accessToken` redacted.
    pub query: String,
    /// Body parsed from JSON or form encoding, secrets redacted; `null` when empty.
    pub body: Value,
}

/// Which log entries to return (all fields optional, combined with AND).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RequestFilter {
    /// Exact method, any case.
    #[serde(default)]
    pub method: Option<String>,
    /// Text the path contains.
    #[serde(default)]
    pub path: Option<String>,
    /// Text the query or the body's JSON contains.
    #[serde(default)]
    pub contains: Option<String>,
}

impl RequestFilter {
    /// Whether `r` passes.
    pub fn matches(&self, r: &LoggedRequest) -> bool {
        self.method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(&r.method))
            && self.path.as_deref().is_none_or(|p| r.path.contains(p))
            && self
                .contains
                .as_deref()
                .is_none_or(|c| r.query.contains(c) || r.body.to_string().contains(c))
    }
}

fn redact_query(q: &str) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(q.as_bytes()) {
        let v = if SECRET_KEYS.contains(&k.as_ref()) {
            "***".into()
        } else {
            v
        };
        out.append_pair(&k, &v);
    }
    out.finish()
}

fn redact(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if SECRET_KEYS.contains(&k.as_str()) {
                    *child = Value::String("***".into());
                } else {
                    redact(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact),
        _ => {}
    }
}

/// Parses a body the way the API handlers do: JSON when it looks like JSON, else a form.
pub(crate) fn parse_body(bytes: &[u8]) -> Option<Value> {
    let text = std::str::from_utf8(bytes)
        .ok()?
        .trim_start_matches('\u{feff}')
        .trim();
    if text.is_empty() {
        return Some(Value::Null);
    }
    if text.starts_with('{') || text.starts_with('[') {
        serde_json::from_str(text).ok()
    } else {
        Some(parse_brackets(text))
    }
}

/// Middleware: records the request, then hands it on with its body intact.
pub(crate) async fn log_requests(
    State(state): State<SimState>,
    req: Request,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/__sim") {
        return next.run(req).await;
    }
    if req.uri().path().starts_with("/custom/") {
        // Bulk loads are up to 20 MB: logged without their body, which stays unbuffered.
        let (method, path) = (
            req.method().as_str().to_owned(),
            req.uri().path().to_owned(),
        );
        state.log_request(
            &method,
            &path,
            &redact_query(req.uri().query().unwrap_or("")),
            Value::Null,
        );
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_LOGGED_BODY).await {
        Ok(b) => b,
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let mut logged = parse_body(&bytes)
        .unwrap_or_else(|| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    redact(&mut logged);
    state.log_request(
        parts.method.as_str(),
        parts.uri.path(),
        &redact_query(parts.uri.query().unwrap_or("")),
        logged,
    );
    next.run(Request::from_parts(parts, axum::body::Body::from(bytes)))
        .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn redacts_tokens_and_passwords_everywhere() {
        assert_eq!(
            redact_query("accessToken=secret&take=5"),
            "accessToken=***&take=5"
        );
        let mut body = json!({"username": "a", "password": "p", "nested": [{"accessToken": "t"}]});
        redact(&mut body);
        assert_eq!(
            body,
            json!({"username": "a", "password": "***", "nested": [{"accessToken": "***"}]})
        );
    }
}
