//! Daktela's response envelope and error answers.

use crate::clock::{TIMEZONE, now_string};
use crate::query::{FilterError, ListError};
use crate::world::Rejection;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

/// `{error, result, _serverTime, _time, _timezone}` as a 2025+ server sends it.
pub fn envelope(error: Value, result: Value) -> Value {
    let now = now_string();
    json!({"error": error, "result": result, "_serverTime": now, "_time": now, "_timezone": TIMEZONE})
}

/// A success: `error: []`.
pub fn ok(status: StatusCode, result: Value) -> Response {
    (status, Json(envelope(json!([]), result))).into_response()
}

/// A list: `result: {data: [...], total}`.
pub fn list(data: Vec<Value>, total: usize) -> Response {
    ok(StatusCode::OK, json!({"data": data, "total": total}))
}

/// Every way a Daktela route refuses a request.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// 401 with an EMPTY body (no or invalid token, bad credentials).
    #[error("unauthorized")]
    Unauthorized,
    /// 404 with an EMPTY body (unknown record or route, pull data disabled).
    #[error("not found")]
    NotFound,
    /// 400 `{"error": ["<message>"], "result": null}` (bad query, e.g. take over 1000).
    #[error("{0}")]
    BadQuery(String),
    /// A refused write: `error: {form, primary}` with the record echoed in `result`.
    #[error("rejected")]
    Rejected {
        /// Status to answer with.
        status: StatusCode,
        /// The error content.
        rejection: Rejection,
        /// The record as submitted, with defaults (`null` for non-form errors). Boxed: a
        /// `Value` object is large, and this rare variant would make every route's `Result` so.
        record: Box<Value>,
    },
}

impl ApiError {
    /// A refused write answered with 400.
    pub fn rejected(rejection: Rejection, record: Value) -> Self {
        // UNCONFIRMED: the status of the real "User have not available devices" body was not
        // recorded. We answer it 201 (a 2xx with errors), which the contract says a client
        // must treat as a failure; form errors are 400 as in the real captures.
        let status = match &rejection {
            Rejection::Primary(p)
                if p.first()
                    .is_some_and(|m| m == "User have not available devices") =>
            {
                StatusCode::CREATED
            }
            _ => StatusCode::BAD_REQUEST,
        };
        let record = if matches!(rejection, Rejection::Form(_)) {
            record
        } else {
            Value::Null
        };
        ApiError::Rejected {
            status,
            rejection,
            record: Box::new(record),
        }
    }
}

impl From<ListError> for ApiError {
    fn from(e: ListError) -> Self {
        ApiError::BadQuery(e.to_string())
    }
}

impl From<FilterError> for ApiError {
    fn from(e: FilterError) -> Self {
        ApiError::BadQuery(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED.into_response(),
            ApiError::NotFound => StatusCode::NOT_FOUND.into_response(),
            ApiError::BadQuery(msg) => (
                StatusCode::BAD_REQUEST,
                Json(envelope(json!([msg]), Value::Null)),
            )
                .into_response(),
            ApiError::Rejected {
                status,
                rejection,
                record,
            } => {
                let error = match rejection {
                    Rejection::Form(form) => json!({"form": form, "primary": []}),
                    Rejection::Primary(primary) => json!({"primary": primary}),
                };
                (status, Json(envelope(error, *record))).into_response()
            }
        }
    }
}
