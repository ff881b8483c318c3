//! The request as a Daktela route sees it: query tree, body tree (JSON or form) and token.

use crate::envelope::ApiError;
use crate::query::{loose_string, parse_brackets};
use crate::reqlog::parse_body;
use crate::state::SimState;
use axum::extract::{FromRequest, Request};
use serde_json::Value;

/// Largest body a Daktela route accepts.
const MAX_BODY: usize = 1 << 20;

/// A parsed Daktela API request.
#[derive(Debug, Clone)]
pub struct ApiRequest {
    /// Query parameters as a bracket tree (`filter[filters][0][field]` → nested JSON).
    pub query: Value,
    /// Body from JSON or form encoding (`null` when empty).
    pub body: Value,
    /// The access token, from `X-AUTH-TOKEN`, else `?accessToken=`, else a body field
    /// `accessToken` (the official jQuery examples post it that way).
    pub token: Option<String>,
}

impl ApiRequest {
    /// The logged-in agent, or an empty-body 401.
    pub fn agent(&self, state: &SimState) -> Result<String, ApiError> {
        self.token
            .as_deref()
            .and_then(|t| state.agent_for_token(t))
            .ok_or(ApiError::Unauthorized)
    }

    /// A body field as a string (numbers and booleans included).
    pub fn field(&self, name: &str) -> Option<String> {
        self.body.get(name).and_then(loose_string)
    }
}

impl<S: Send + Sync> FromRequest<S> for ApiRequest {
    type Rejection = ApiError;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        let query = parse_brackets(parts.uri.query().unwrap_or(""));
        let bytes = axum::body::to_bytes(body, MAX_BODY)
            .await
            .map_err(|_| ApiError::BadQuery("Request body too large".into()))?;
        let body =
            parse_body(&bytes).ok_or_else(|| ApiError::BadQuery("Invalid request body".into()))?;
        let header = parts
            .headers
            .get("x-auth-token")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .filter(|t| !t.is_empty());
        let token = header
            .or_else(|| query.get("accessToken").and_then(loose_string))
            .or_else(|| body.get("accessToken").and_then(loose_string))
            .filter(|t| !t.is_empty());
        Ok(ApiRequest { query, body, token })
    }
}
