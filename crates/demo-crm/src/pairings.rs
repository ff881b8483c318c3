//! The activity widget's pairings (docs/activity-widget.md): which CRM record a Daktela activity
//! and its call belong to, with the agent's note. An upsert keyed by the activity, kept apart
//! from the call logs so the widget's partial record never replaces the panel's full one.
//!
//! In memory only: the demo's data file keeps call logs and contacts, and a restart of the demo
//! starts a new day of calls anyway.

use std::sync::{Arc, Mutex};

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Map, Value, json};

use crate::clock::now_iso;

/// A stored pairing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredPairing {
    /// The CRM's id, `P-1`.
    pub id: String,
    /// The Daktela activity: the key.
    pub activity: String,
    /// When the first PUT arrived.
    pub created_at: String,
    /// When the latest PUT arrived.
    pub updated_at: String,
    /// How many PUTs after the first changed it (a repeat of the same body changes nothing).
    pub updates: u32,
    /// How many PUTs arrived for it, repeats included: what a test counts to prove a client
    /// did not send twice.
    pub puts: u32,
    /// The body, as last sent.
    pub record: Map<String, Value>,
}

/// Every pairing, oldest first.
#[derive(Debug, Clone, Default)]
pub struct Pairings(Arc<Mutex<Vec<StoredPairing>>>);

impl Pairings {
    fn with<R>(&self, f: impl FnOnce(&mut Vec<StoredPairing>) -> R) -> R {
        // A panic while holding the lock cannot leave half a pairing: each change is one push
        // or one assignment.
        f(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

fn refuse(status: StatusCode, field: Option<&str>, error: &str) -> Response {
    let body = match field {
        Some(field) => json!({"error": error, "field": field}),
        None => json!({"error": error}),
    };
    (status, Json(body)).into_response()
}

/// Checks a pairing body; the field to blame and why.
fn check(
    activity: &str,
    value: Value,
) -> Result<Map<String, Value>, (Option<&'static str>, String)> {
    let Value::Object(mut map) = value else {
        return Err((None, "the body must be a JSON object".into()));
    };
    match map.get("activity") {
        None | Some(Value::Null) => {
            map.insert("activity".into(), Value::String(activity.to_owned()));
        }
        Some(v) if v.as_str() == Some(activity) => {}
        Some(_) => {
            return Err((
                Some("activity"),
                format!("does not match the URL's `{activity}`"),
            ));
        }
    }
    let text = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    };
    if !text(map.get("call_id")) {
        return Err((Some("call_id"), "is required".into()));
    }
    if !matches!(
        map.get("direction").and_then(Value::as_str),
        Some("in" | "out" | "internal")
    ) {
        return Err((
            Some("direction"),
            "must be \"in\", \"out\" or \"internal\"".into(),
        ));
    }
    if !text(map.get("crm_record").and_then(|r| r.get("id"))) {
        return Err((Some("crm_record.id"), "is required".into()));
    }
    if !matches!(map.get("note"), None | Some(Value::Null | Value::String(_))) {
        return Err((Some("note"), "must be a string or null".into()));
    }
    Ok(map)
}

/// `PUT /api/pairings/{activity}`: 201 the first time, 200 after (the record replaced).
pub async fn put(
    State(pairings): State<Pairings>,
    Path(activity): Path<String>,
    body: Bytes,
) -> Response {
    let value: Value = match serde_json::from_slice(&body) {
        Ok(v) => v,
        Err(e) => {
            return refuse(
                StatusCode::BAD_REQUEST,
                None,
                &format!("the body is not JSON: {e}"),
            );
        }
    };
    let record = match check(&activity, value) {
        Ok(record) => record,
        Err((field, problem)) => {
            let error = format!("field `{}` {problem}", field.unwrap_or("body"));
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, field, &error);
        }
    };
    let now = now_iso();
    let (stored, created) = pairings.with(|all| {
        if let Some(p) = all.iter_mut().find(|p| p.activity == activity) {
            p.puts = p.puts.saturating_add(1);
            if p.record != record {
                p.record = record;
                p.updated_at = now;
                p.updates = p.updates.saturating_add(1);
            }
            return (p.clone(), false);
        }
        let p = StoredPairing {
            id: format!("P-{}", all.len() + 1),
            activity: activity.clone(),
            created_at: now.clone(),
            updated_at: now,
            updates: 0,
            puts: 1,
            record,
        };
        all.push(p.clone());
        (p, true)
    });
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    let body = json!({"id": stored.id, "activity": stored.activity, "created": created});
    (status, Json(body)).into_response()
}

/// `GET /api/pairings/{activity}`: the body as last sent, plus `pairing_id` and `updated_at`;
/// 404 when the activity has none.
pub async fn get_one(State(pairings): State<Pairings>, Path(activity): Path<String>) -> Response {
    match pairings.with(|all| all.iter().find(|p| p.activity == activity).cloned()) {
        Some(p) => {
            let mut body = p.record;
            body.insert("pairing_id".into(), Value::String(p.id));
            body.insert("updated_at".into(), Value::String(p.updated_at));
            Json(Value::Object(body)).into_response()
        }
        None => refuse(
            StatusCode::NOT_FOUND,
            None,
            &format!("no pairing for the activity {activity}"),
        ),
    }
}

/// `GET /api/pairings`: every pairing, oldest first, as `{id, activity, created_at, updated_at,
/// updates, puts, record}`.
pub async fn list(State(pairings): State<Pairings>) -> Json<Value> {
    Json(pairings.with(|all| json!(all)))
}
