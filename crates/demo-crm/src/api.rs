//! The JSON API the panel's generic REST adapter talks to: record lookup by phone and the
//! call-log upsert keyed by the external id.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use crate::call_log::{CallLog, FieldError};
use crate::clock::now_iso;
use crate::crm::Crm;
use crate::page::url_component;
use crate::pages::{PhoneQuery, plus_from_query};
use crate::store::StoreError;

/// A refused API request; the body is `{"error": "...", "field": "..."}` (field when one is to
/// blame).
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// 422: a field is missing or wrong.
    #[error(transparent)]
    Field(#[from] FieldError),
    /// 400: the body is not JSON.
    #[error("the body is not JSON: {0}")]
    NotJson(String),
    /// 404.
    #[error("{0}")]
    NotFound(String),
    /// 500: the change could not be saved (and was not made).
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::Field(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::NotJson(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Store(err) => {
                tracing::error!(%err, "call log not saved");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        let body = match &self {
            ApiError::Field(f) => json!({"error": self.to_string(), "field": f.field}),
            _ => json!({"error": self.to_string()}),
        };
        (status, Json(body)).into_response()
    }
}

/// `GET /api/lookup?phone=<E.164>`: `[{id, name, url, kind: "contact"}]`, empty when no contact
/// has the number. Stored numbers are E.164, so this is an equality match after normalising
/// the query (which may also be typed: `00420...`, `777 123 456`).
pub async fn lookup(
    State(crm): State<Crm>,
    Query(q): Query<PhoneQuery>,
) -> Result<Json<Value>, ApiError> {
    let typed = plus_from_query(&q.phone);
    let problem = if typed.trim().is_empty() {
        "is required"
    } else {
        "is not a phone number"
    };
    let e164 = crm.e164(&typed).ok_or_else(|| FieldError {
        field: "phone".into(),
        problem: problem.into(),
    })?;
    let found: Vec<Value> = crm
        .with_number(&e164)
        .iter()
        .map(|c| json!({"id": c.id, "name": c.name, "url": c.url(), "kind": "contact", "company": c.company}))
        .collect();
    Ok(Json(Value::Array(found)))
}

fn parse(body: &Bytes) -> Result<CallLog, ApiError> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| ApiError::NotJson(e.to_string()))?;
    Ok(CallLog::from_value(value)?)
}

/// `PUT /api/call-logs/{external_id}`: the upsert. The body's `external_id` may be left out; if
/// present it must equal the URL's.
pub async fn put_log(
    State(crm): State<Crm>,
    Path(external_id): Path<String>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let value: Value =
        serde_json::from_slice(&body).map_err(|e| ApiError::NotJson(e.to_string()))?;
    let value = match value {
        Value::Object(mut map) => {
            match map.get("external_id") {
                None | Some(Value::Null) => {
                    map.insert("external_id".into(), Value::String(external_id.clone()));
                }
                Some(v) if v.as_str() != Some(external_id.as_str()) => {
                    return Err(FieldError {
                        field: "external_id".into(),
                        problem: format!("does not match the URL's `{external_id}`"),
                    }
                    .into());
                }
                Some(_) => {}
            }
            Value::Object(map)
        }
        other => other,
    };
    let record = CallLog::from_value(value)?;
    upsert(&crm, record)
}

/// `POST /api/call-logs`: the same upsert with `external_id` in the body, for adapters that
/// cannot put it in the URL.
pub async fn post_log(State(crm): State<Crm>, body: Bytes) -> Result<Response, ApiError> {
    let record = parse(&body)?;
    upsert(&crm, record)
}

/// First time 201 `{id, external_id, created: true}` (with `Location`), later 200 with
/// `created: false` and the record replaced.
fn upsert(crm: &Crm, record: CallLog) -> Result<Response, ApiError> {
    let now = now_iso();
    let (log, created) = crm
        .store
        .update(|data| Ok::<_, ApiError>(data.upsert_log(record, &now)))?;
    let ext = log.record.external_id();
    let body = Json(json!({"id": log.id, "external_id": ext, "created": created}));
    if created {
        let location = format!("/api/call-logs/{}", url_component(ext));
        Ok((StatusCode::CREATED, [(header::LOCATION, location)], body).into_response())
    } else {
        Ok((StatusCode::OK, body).into_response())
    }
}

/// `GET /api/call-logs`: every log, oldest first, as `{id, created_at, updated_at, updates,
/// record}`.
pub async fn list_logs(State(crm): State<Crm>) -> Json<Value> {
    Json(crm.store.read(|d| json!(d.call_logs)))
}

/// `GET /api/call-logs/{external_id}`: one log, or 404.
pub async fn get_log(
    State(crm): State<Crm>,
    Path(external_id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    crm.store
        .read(|d| {
            d.call_logs
                .iter()
                .find(|l| l.record.external_id() == external_id)
                .map(|l| json!(l))
        })
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no call log has the external id {external_id}")))
}
