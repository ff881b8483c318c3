//! `POST /custom/crm/sync.php`: the white paper's bulk CRM load (§3.2).

use crate::envelope::{ApiError, ok};
use crate::query::{loose_string, parse_brackets};
use crate::state::SimState;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// "The data size is limited by POST request maximum size of 20 MB": read as PHP's
/// `post_max_size = 20M`, i.e. 20 MiB.
pub const SYNC_MAX_BODY: usize = 20 * 1024 * 1024;

/// Applies one bulk load and answers with what it did.
///
/// UNCONFIRMED(S1): authenticated like the REST API: `X-AUTH-TOKEN` header or `accessToken`
/// query parameter; no or a bad token gives 401 with an empty body.
/// UNCONFIRMED(S2): the answer is the API's envelope; `result` counts what was done,
/// `{accounts_created, accounts_updated, contacts_created, contacts_updated,
/// contacts_deleted}`; a bad document is 400 with `error.primary`; a body over
/// [`SYNC_MAX_BODY`] is 413 with an empty body (as a web server refuses it).
pub(super) async fn sync(State(state): State<SimState>, req: Request) -> Response {
    let (parts, body) = req.into_parts();
    let query = parse_brackets(parts.uri.query().unwrap_or(""));
    let token = parts
        .headers
        .get("x-auth-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| query.get("accessToken").and_then(loose_string))
        .filter(|t| !t.is_empty());
    if token.and_then(|t| state.agent_for_token(&t)).is_none() {
        return ApiError::Unauthorized.into_response();
    }
    let declared = parts
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > SYNC_MAX_BODY) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let Ok(bytes) = axum::body::to_bytes(body, SYNC_MAX_BODY).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let Ok(doc) = serde_json::from_slice::<Value>(&bytes) else {
        return ApiError::BadQuery("Invalid JSON".into()).into_response();
    };
    let cc = state.config().default_country_code.clone();
    match state.write_world(|w| w.crm_sync(&doc, &cc)) {
        Ok(summary) => ok(StatusCode::OK, json!(summary)),
        Err(rejection) => ApiError::rejected(rejection, Value::Null).into_response(),
    }
}
