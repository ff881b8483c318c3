//! Writes to `contacts` and the `accounts` model: `POST` (201), `PUT` (200), `DELETE` (204),
//! plus reading accounts. Shapes per `openapi.json` (`Daktela.Corm.Crm.Contact-1/-2`,
//! `Account-1/-2`).

use super::{list_response, record_name};
use crate::envelope::{ApiError, ok};
use crate::extract::ApiRequest;
use crate::state::SimState;
use crate::world::World;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

type Handler = Result<Response, ApiError>;

fn contact_answer(state: &SimState, status: StatusCode, name: &str) -> Handler {
    state
        .read(|w| w.contact(name).map(|c| w.contact_json(c)))
        .map(|v| ok(status, v))
        .ok_or(ApiError::NotFound)
}

fn account_answer(state: &SimState, status: StatusCode, name: &str) -> Handler {
    state
        .read(|w| w.account(name).map(World::account_json))
        .map(|v| ok(status, v))
        .ok_or(ApiError::NotFound)
}

/// `POST contacts.json`.
pub(super) async fn create_contact(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    let cc = state.config().default_country_code.clone();
    let name = state
        .write_world(|w| w.write_contact(None, &req.body, &cc))
        .map_err(|r| ApiError::rejected(r, req.body.clone()))?;
    contact_answer(&state, StatusCode::CREATED, &name)
}

/// `PUT contacts/{name}.json`: changes only the keys sent.
pub(super) async fn update_contact(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file);
    if state.read(|w| w.contact(name).is_none()) {
        return Err(ApiError::NotFound);
    }
    let cc = state.config().default_country_code.clone();
    state
        .write_world(|w| w.write_contact(Some(name), &req.body, &cc))
        .map_err(|r| ApiError::rejected(r, req.body.clone()))?;
    contact_answer(&state, StatusCode::OK, name)
}

/// `DELETE contacts/{name}.json`: 204 with an empty body.
pub(super) async fn delete_contact(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    if state.write_world(|w| w.delete_contact(record_name(&file))) {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::NotFound)
    }
}

/// `GET accounts.json`.
pub(super) async fn accounts(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    list_response(
        state.read(|w| w.accounts.iter().map(World::account_json).collect()),
        &req.query,
    )
}

/// `GET accounts/{name}.json`.
pub(super) async fn account(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    account_answer(&state, StatusCode::OK, record_name(&file))
}

/// `POST accounts.json`.
pub(super) async fn create_account(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    let name = state
        .write_world(|w| w.write_account(None, &req.body))
        .map_err(|r| ApiError::rejected(r, req.body.clone()))?;
    account_answer(&state, StatusCode::CREATED, &name)
}

/// `PUT accounts/{name}.json`.
pub(super) async fn update_account(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let name = record_name(&file);
    if state.read(|w| w.account(name).is_none()) {
        return Err(ApiError::NotFound);
    }
    state
        .write_world(|w| w.write_account(Some(name), &req.body))
        .map_err(|r| ApiError::rejected(r, req.body.clone()))?;
    account_answer(&state, StatusCode::OK, name)
}

/// `DELETE accounts/{name}.json`.
pub(super) async fn delete_account(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    if state.write_world(|w| w.delete_account(record_name(&file))) {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::NotFound)
    }
}
