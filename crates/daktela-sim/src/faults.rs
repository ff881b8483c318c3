//! Scripted failures for the next N Daktela requests. Control routes (`/__sim/...`) are
//! never affected, so a test can always inspect and repair the simulator.

use crate::state::SimState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// What a fault does to a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultKind {
    /// Answer with this status (e.g. 500, 502, 503, or 401 for a surprise logout) and an
    /// optional raw body (a proxy's HTML page, say); empty by default.
    Status {
        /// HTTP status code (400..=599).
        status: u16,
        /// Raw body.
        #[serde(default)]
        body: Option<String>,
    },
    /// 429 with `Retry-After` and the vendor's body `{"error":["Too many requests"]}`.
    RateLimit {
        /// `Retry-After` in seconds.
        #[serde(default = "one")]
        retry_after_secs: u64,
    },
    /// Wait, then handle the request normally.
    Delay {
        /// Milliseconds to wait.
        ms: u64,
    },
    /// Send the status line and drop the connection: the body stream fails at once.
    Drop,
}

fn one() -> u64 {
    1
}

/// A fault armed for the next `count` matching requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FaultSpec {
    /// What happens.
    #[serde(flatten)]
    pub kind: FaultKind,
    /// How many matching requests it hits (default 1).
    #[serde(default = "one_u32")]
    pub count: u32,
    /// Only requests whose path contains this text (e.g. `activities.json`).
    #[serde(default)]
    pub path_contains: Option<String>,
}

fn one_u32() -> u32 {
    1
}

/// Takes one hit from the first armed fault matching `path`, dropping spent faults.
pub(crate) fn take_fault(faults: &mut Vec<FaultSpec>, path: &str) -> Option<FaultKind> {
    let idx = faults
        .iter()
        .position(|f| f.count > 0 && f.path_contains.as_deref().is_none_or(|p| path.contains(p)))?;
    let kind = faults[idx].kind.clone();
    faults[idx].count -= 1;
    if faults[idx].count == 0 {
        faults.remove(idx);
    }
    Some(kind)
}

/// Middleware: applies the next armed fault, if any, to a Daktela request.
pub(crate) async fn apply_faults(
    State(state): State<SimState>,
    req: Request,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/__sim") {
        return next.run(req).await;
    }
    match state.take_fault(req.uri().path()) {
        None => next.run(req).await,
        Some(FaultKind::Delay { ms }) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            next.run(req).await
        }
        Some(FaultKind::Status { status, body }) => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, body.unwrap_or_default()).into_response()
        }
        Some(FaultKind::RateLimit { retry_after_secs }) => {
            let mut resp = (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::CONTENT_TYPE, "application/json")],
                r#"{"error":["Too many requests"]}"#,
            )
                .into_response();
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
            resp
        }
        Some(FaultKind::Drop) => {
            let failing = futures_util::stream::once(async {
                Err::<axum::body::Bytes, _>(std::io::Error::new(
                    std::io::ErrorKind::ConnectionReset,
                    "simulated drop",
                ))
            });
            Response::new(Body::from_stream(failing))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_and_honours_path_filters() {
        let mut faults = vec![
            FaultSpec {
                kind: FaultKind::Drop,
                count: 1,
                path_contains: Some("activities".into()),
            },
            FaultSpec {
                kind: FaultKind::Delay { ms: 5 },
                count: 2,
                path_contains: None,
            },
        ];
        assert_eq!(
            take_fault(&mut faults, "/api/v6/whoim.json"),
            Some(FaultKind::Delay { ms: 5 })
        );
        assert_eq!(
            take_fault(&mut faults, "/api/v6/activities.json"),
            Some(FaultKind::Drop)
        );
        assert_eq!(
            take_fault(&mut faults, "/api/v6/activities.json"),
            Some(FaultKind::Delay { ms: 5 })
        );
        assert_eq!(take_fault(&mut faults, "/api/v6/activities.json"), None);
        assert!(faults.is_empty());
    }
}
