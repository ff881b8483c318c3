//! `activities` (list, single, click-to-call, disposition/note) and `activitiesCall`.

use super::{list_response, record_name};
use crate::envelope::{ApiError, ok};
use crate::extract::ApiRequest;
use crate::query::loose_string;
use crate::state::SimState;
use crate::world::{ActivityUpdate, ClickToCall};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

type Handler = Result<Response, ApiError>;

/// `GET activities.json` with filters, sort, paging and fields; `item` is the expanded call.
pub(super) async fn list(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    let rows = state.read(|w| w.activities.iter().map(|a| w.activity_json(a)).collect());
    list_response(rows, &req.query)
}

/// `GET activities/{name}.json` (a single record also carries `attachments`, as the real one).
pub(super) async fn one(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file);
    let mut found = state
        .read(|w| w.activity(name).map(|a| w.activity_json(a)))
        .ok_or(ApiError::NotFound)?;
    found["attachments"] = json!([]);
    Ok(ok(StatusCode::OK, found))
}

/// `POST activities.json {type: "CALL", number, queue}`: click-to-call, 201 with the new
/// activity (ringing, `item.direction: "out"`).
pub(super) async fn create(State(state): State<SimState>, req: ApiRequest) -> Handler {
    let agent = req.agent(&state)?;
    let call = ClickToCall {
        kind: req.field("type"),
        number: req.field("number"),
        queue: req.field("queue"),
    };
    let created = state.click_to_call(&agent, &call).map_err(|r| {
        // The record as submitted, with defaults, as Daktela echoes it on a failed save.
        let record = json!({"name": null, "ticket": null, "title": null, "important": false, "action": "",
            "type": call.kind, "queue": req.body.get("queue").cloned().unwrap_or(Value::Null),
            "user": agent, "contact": null, "survey": null, "record": null, "priority": 0,
            "options": null, "description": null, "statuses": [], "customFields": []});
        ApiError::rejected(r, record)
    })?;
    let body = state.read(|w| w.activity(&created.activity).map(|a| w.activity_json(a)));
    Ok(ok(StatusCode::CREATED, body.unwrap_or(Value::Null)))
}

/// `statuses` as a JSON array, a form `statuses[]=..` array, or one name.
fn status_list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(loose_string).collect(),
        Value::Null => Vec::new(),
        Value::String(s) if s.is_empty() => Vec::new(),
        other => loose_string(other).into_iter().collect(),
    }
}

/// `PUT activities/{name}.json {statuses, description[, action, contact]}`.
pub(super) async fn update(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file);
    let current = state
        .read(|w| w.activity(name).map(|a| w.activity_json(a)))
        .ok_or(ApiError::NotFound)?;
    let update = ActivityUpdate {
        statuses: req.body.get("statuses").map(status_list),
        description: req.field("description"),
        action: req.field("action"),
        contact: req
            .body
            .get("contact")
            .map(|c| loose_string(c).unwrap_or_default()),
    };
    state.update_activity(name, &update).map_err(|r| {
        let mut echo = current;
        if let (Value::Object(rec), Value::Object(sent)) = (&mut echo, &req.body) {
            rec.extend(
                sent.iter()
                    .filter(|(k, _)| k.as_str() != "accessToken")
                    .map(|(k, v)| (k.clone(), v.clone())),
            );
        }
        ApiError::rejected(r, echo)
    })?;
    let body = state.read(|w| w.activity(name).map(|a| w.activity_json(a)));
    Ok(ok(StatusCode::OK, body.unwrap_or(Value::Null)))
}

/// `GET activitiesCall.json`.
pub(super) async fn calls(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    let rows = state.read(|w| w.calls.iter().map(|c| w.call_json(c)).collect());
    list_response(rows, &req.query)
}

/// `GET activitiesCall/{id_call}.json`.
pub(super) async fn call(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let id = record_name(&file);
    let found = state
        .read(|w| w.call(id).map(|c| w.call_json(c)))
        .ok_or(ApiError::NotFound)?;
    Ok(ok(StatusCode::OK, found))
}

/// `PUT activitiesCall/{id_call}.json {contact}`: links the call to a contact.
pub(super) async fn link_call(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let id = record_name(&file);
    let current = state
        .read(|w| w.call(id).map(|c| w.call_json(c)))
        .ok_or(ApiError::NotFound)?;
    let contact = req
        .body
        .get("contact")
        .map(|c| loose_string(c).unwrap_or_default());
    let Some(contact) = contact else {
        return Err(ApiError::rejected(
            crate::world::Rejection::field("contact", crate::world::REQUIRED),
            current,
        ));
    };
    state.link_call_contact(id, Some(&contact)).map_err(|r| {
        let mut echo = current;
        echo["contact"] = Value::String(contact.clone());
        ApiError::rejected(r, echo)
    })?;
    let body = state.read(|w| w.call(id).map(|c| w.call_json(c)));
    Ok(ok(StatusCode::OK, body.unwrap_or(Value::Null)))
}
