//! `appPullData`: long polling. UNCONFIRMED(D2): the project reads it as a doorbell.

use crate::envelope::{ApiError, ok};
use crate::extract::ApiRequest;
use crate::query::loose_string;
use crate::state::SimState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::json;
use std::time::Duration;

/// `GET appPullData.json?hash=<hash>` (POST with `hash` in the body also works).
///
/// Answers at once when the agent's state or activities changed since `hash` (an empty or
/// unknown hash counts as changed), otherwise waits until a change or the idle time passes.
/// The body is always only `{result: {hash}}`: the real event payload is not public, so the
/// simulator does not invent one. Disabled by configuration → 404 with an empty body.
pub(super) async fn pull_data(
    State(state): State<SimState>,
    req: ApiRequest,
) -> Result<Response, ApiError> {
    let settings = state.settings();
    if !settings.pull_data_enabled {
        return Err(ApiError::NotFound);
    }
    let agent = req.agent(&state)?;
    let sent = req
        .query
        .get("hash")
        .or_else(|| req.body.get("hash"))
        .and_then(loose_string)
        .unwrap_or_default();
    let mut rx = state.pull_watch(&agent).ok_or(ApiError::NotFound)?;
    let current = state.pull_hash(*rx.borrow_and_update());
    if sent != current {
        return Ok(ok(StatusCode::OK, json!({"hash": current})));
    }
    // Woken by `Notifier::bump` within microseconds of a change; otherwise the idle answer.
    let _ = tokio::time::timeout(Duration::from_millis(settings.pull_idle_ms), rx.changed()).await;
    let hash = state.pull_hash(*rx.borrow());
    Ok(ok(StatusCode::OK, json!({"hash": hash})))
}
