//! `login.json` (log in, refresh) and `whoim.json`.

use crate::config::LoginShape;
use crate::envelope::{ApiError, ok};
use crate::extract::ApiRequest;
use crate::state::SimState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

/// `POST login.json {username, password, only_token}`: the token as a bare string or as
/// `{accessToken, refreshToken}`, per the configured [`LoginShape`]. Bad credentials: 401,
/// empty body.
pub(super) async fn login(
    State(state): State<SimState>,
    req: ApiRequest,
) -> Result<Response, ApiError> {
    let (Some(user), Some(pass)) = (req.field("username"), req.field("password")) else {
        return Err(ApiError::Unauthorized);
    };
    let (access, refresh) = state.login(&user, &pass).ok_or(ApiError::Unauthorized)?;
    let result = match state.settings().login_shape {
        LoginShape::String => Value::String(access),
        LoginShape::Object => json!({"accessToken": access, "refreshToken": refresh}),
    };
    Ok(ok(StatusCode::CREATED, result))
}

/// `PUT login.json {refreshToken}` → `{accessToken, refreshToken}`; an unknown or used
/// refresh token: 401, empty body.
pub(super) async fn refresh(
    State(state): State<SimState>,
    req: ApiRequest,
) -> Result<Response, ApiError> {
    let token = req.field("refreshToken").ok_or(ApiError::Unauthorized)?;
    let (access, refresh) = state.refresh(&token).ok_or(ApiError::Unauthorized)?;
    Ok(ok(
        StatusCode::OK,
        json!({"accessToken": access, "refreshToken": refresh}),
    ))
}

/// `GET whoim.json`: always 200; `user` is `null` without a valid token (the vendor's live
/// tests), else the user with `_sys.accessToken` = the token in use.
pub(super) async fn whoim(State(state): State<SimState>, req: ApiRequest) -> Response {
    let version = format!("daktela-sim {}", env!("CARGO_PKG_VERSION"));
    let user = req.token.as_deref().and_then(|token| {
        let login = state.agent_for_token(token)?;
        state.read(|w| {
            let mut user = w.user_json(w.agent(&login)?);
            user["_sys"]["accessToken"] = Value::String(token.to_owned());
            Some(user)
        })
    });
    ok(StatusCode::OK, json!({"version": version, "user": user}))
}
