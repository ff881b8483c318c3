//! Read-only models: `pauses`, `queues`, `statuses`, `contacts` (with `q` search).

use super::{list_response, record_name};
use crate::envelope::{ApiError, ok};
use crate::extract::ApiRequest;
use crate::query::loose_string;
use crate::state::SimState;
use crate::world::{Contact, World};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

type Handler = Result<Response, ApiError>;

fn single(found: Option<Value>) -> Handler {
    found
        .map(|v| ok(StatusCode::OK, v))
        .ok_or(ApiError::NotFound)
}

/// `GET pauses.json`.
pub(super) async fn pauses(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    list_response(
        state.read(|w| w.pauses.iter().map(World::pause_json).collect()),
        &req.query,
    )
}

/// `GET pauses/{name}.json`.
pub(super) async fn pause(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file);
    single(state.read(|w| {
        w.pauses
            .iter()
            .find(|p| p.name == name)
            .map(World::pause_json)
    }))
}

/// `GET queues.json` (inbound and outbound; `filter[..][field]=direction` works).
pub(super) async fn queues(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    list_response(
        state.read(|w| w.queues.iter().map(World::queue_json).collect()),
        &req.query,
    )
}

/// `GET queues/{name}.json`.
pub(super) async fn queue(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file)
        .parse::<i64>()
        .map_err(|_| ApiError::NotFound)?;
    single(state.read(|w| w.queue(name).map(World::queue_json)))
}

/// `GET statuses.json`.
pub(super) async fn statuses(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    list_response(
        state.read(|w| w.statuses.iter().map(World::status_json).collect()),
        &req.query,
    )
}

/// `GET statuses/{name}.json`.
pub(super) async fn status(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file);
    single(state.read(|w| {
        w.statuses
            .iter()
            .find(|s| s.name == name)
            .map(World::status_json)
    }))
}

/// Full-text `q`: name parts, e-mails and the PHONE custom field in any typed form.
fn q_matches(w: &World, c: &Contact, q: &str) -> bool {
    let needle = q.trim().to_lowercase();
    if needle.is_empty() {
        return true;
    }
    let text = [c.firstname.as_str(), c.lastname.as_str(), c.name.as_str()]
        .into_iter()
        .chain(
            c.account
                .as_deref()
                .and_then(|n| w.account(n))
                .map(|a| a.title.as_str()),
        )
        .chain(c.emails.iter().map(String::as_str))
        .any(|t| t.to_lowercase().contains(&needle))
        || format!("{} {}", c.firstname, c.lastname)
            .to_lowercase()
            .contains(&needle);
    text || c.numbers.iter().any(|n| crate::phone::query_matches(q, n))
}

/// `GET contacts.json[?q=...]`.
pub(super) async fn contacts(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    let q = req
        .query
        .get("q")
        .and_then(loose_string)
        .unwrap_or_default();
    let rows = state.read(|w| {
        w.contacts
            .iter()
            .filter(|c| q_matches(w, c, &q))
            .map(|c| w.contact_json(c))
            .collect()
    });
    list_response(rows, &req.query)
}

/// `GET contacts/{name}.json`.
pub(super) async fn contact(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file);
    single(state.read(|w| w.contact(name).map(|c| w.contact_json(c))))
}
