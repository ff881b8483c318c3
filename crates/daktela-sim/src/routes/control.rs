//! The world's control surface under `/__sim/...` (JSON in, JSON out). Never faulted, never
//! logged in the request log. Errors are `{"error": "<message>"}` with 400, 404 or 409.

use crate::config::SettingsPatch;
use crate::faults::FaultSpec;
use crate::reqlog::RequestFilter;
use crate::state::SimState;
use crate::world::{HangupOverrides, RingRequest, WorldError};
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

type Control = Result<Response, ControlError>;

/// A refused control call.
pub(crate) struct ControlError(StatusCode, String);

impl From<WorldError> for ControlError {
    fn from(e: WorldError) -> Self {
        let status = match e {
            WorldError::UnknownAgent(_)
            | WorldError::UnknownActivity(_)
            | WorldError::UnknownQueue(_) => StatusCode::NOT_FOUND,
            WorldError::Invalid(_) => StatusCode::BAD_REQUEST,
            WorldError::NoCall(..) | WorldError::WrongState(..) | WorldError::PhoneOffline(_) => {
                StatusCode::CONFLICT
            }
        };
        ControlError(status, e.to_string())
    }
}

impl IntoResponse for ControlError {
    fn into_response(self) -> Response {
        (self.0, Json(json!({"error": self.1}))).into_response()
    }
}

/// Control bodies are read leniently: an empty body is `{}`; bad JSON is a 400.
fn body<T: for<'de> Deserialize<'de>>(bytes: &[u8]) -> Result<T, ControlError> {
    let text = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"{}".as_slice()
    } else {
        bytes
    };
    serde_json::from_slice(text)
        .map_err(|e| ControlError(StatusCode::BAD_REQUEST, format!("invalid JSON body: {e}")))
}

fn reply(status: StatusCode, v: Value) -> Control {
    Ok((status, Json(v)).into_response())
}

async fn ring(State(s): State<SimState>, raw: axum::body::Bytes) -> Control {
    let out = s.ring(&body::<RingRequest>(&raw)?)?;
    reply(
        StatusCode::CREATED,
        json!({"activity": out.activity, "id_call": out.id_call}),
    )
}

#[derive(Deserialize)]
struct Target {
    #[serde(default)]
    activity: Option<String>,
    #[serde(default)]
    agent: Option<String>,
    #[serde(flatten)]
    hangup: HangupOverrides,
}

async fn answer(State(s): State<SimState>, raw: axum::body::Bytes) -> Control {
    let t: Target = body(&raw)?;
    let name = s.answer(t.activity.as_deref(), t.agent.as_deref())?;
    reply(StatusCode::OK, json!({"activity": name, "action": "OPEN"}))
}

async fn hangup(State(s): State<SimState>, raw: axum::body::Bytes) -> Control {
    let t: Target = body(&raw)?;
    let name = s.hangup(t.activity.as_deref(), t.agent.as_deref(), &t.hangup)?;
    reply(StatusCode::OK, json!({"activity": name, "action": "CLOSE"}))
}

#[derive(Deserialize)]
struct Phone {
    agent: String,
    online: bool,
}

async fn phone(State(s): State<SimState>, raw: axum::body::Bytes) -> Control {
    let p: Phone = body(&raw)?;
    s.set_phone(&p.agent, p.online)?;
    reply(
        StatusCode::OK,
        json!({"agent": p.agent, "online": p.online}),
    )
}

#[derive(Deserialize)]
struct Expire {
    #[serde(default)]
    agent: Option<String>,
    #[serde(default)]
    include_refresh: bool,
}

async fn expire_tokens(State(s): State<SimState>, raw: axum::body::Bytes) -> Control {
    let e: Expire = body(&raw)?;
    if let Some(a) = &e.agent
        && s.read(|w| w.agent(a).is_none())
    {
        return Err(WorldError::UnknownAgent(a.clone()).into());
    }
    let expired = s.expire_tokens(e.agent.as_deref(), e.include_refresh);
    reply(StatusCode::OK, json!({"expired": expired}))
}

async fn add_fault(State(s): State<SimState>, raw: axum::body::Bytes) -> Control {
    let spec: FaultSpec = body(&raw)?;
    if let crate::faults::FaultKind::Status { status, .. } = &spec.kind
        && !(400..=599).contains(status)
    {
        return Err(ControlError(
            StatusCode::BAD_REQUEST,
            "status must be 400..=599".into(),
        ));
    }
    s.inject_fault(spec);
    reply(StatusCode::CREATED, json!({"faults": s.faults()}))
}

async fn list_faults(State(s): State<SimState>) -> Control {
    reply(StatusCode::OK, json!({"faults": s.faults()}))
}

async fn clear_faults(State(s): State<SimState>) -> Control {
    s.clear_faults();
    reply(StatusCode::OK, json!({"faults": []}))
}

async fn reset(State(s): State<SimState>) -> Control {
    s.reset();
    reply(StatusCode::OK, json!({"reset": true}))
}

async fn requests(State(s): State<SimState>, Query(f): Query<RequestFilter>) -> Control {
    reply(StatusCode::OK, json!({"requests": s.requests(&f)}))
}

async fn clear_requests(State(s): State<SimState>) -> Control {
    s.clear_requests();
    reply(StatusCode::OK, json!({"requests": []}))
}

async fn get_config(State(s): State<SimState>) -> Control {
    reply(StatusCode::OK, json!(s.settings()))
}

async fn set_config(State(s): State<SimState>, raw: axum::body::Bytes) -> Control {
    let patch: SettingsPatch = body(&raw)?;
    reply(StatusCode::OK, json!(s.update_settings(&patch)))
}

/// A summary of every agent: logins, static token, phone, queues, pause, live call.
async fn agents(State(s): State<SimState>) -> Control {
    let agents: Vec<Value> = s.read(|w| {
        w.agents
            .iter()
            .map(|a| {
                let session = w.session(&a.login);
                json!({"login": a.login, "password": a.password, "title": a.title,
                    "extension": a.extension, "static_token": a.static_token,
                    "phone_online": session.is_some_and(|x| x.device_online),
                    "queues": session.map(|x| x.queues.keys().copied().collect::<Vec<_>>()),
                    "pause": session.and_then(|x| x.pause.clone()),
                    "live_activity": w.live_activity(&a.login).map(|x| x.name.clone())})
            })
            .collect()
    });
    reply(StatusCode::OK, json!({"agents": agents}))
}

/// The `/__sim` routes.
pub(super) fn routes() -> Router<SimState> {
    Router::new()
        .route("/__sim/ring", post(ring))
        .route("/__sim/answer", post(answer))
        .route("/__sim/hangup", post(hangup))
        .route("/__sim/phone", post(phone))
        .route("/__sim/expire-tokens", post(expire_tokens))
        .route(
            "/__sim/faults",
            get(list_faults).post(add_fault).delete(clear_faults),
        )
        .route("/__sim/reset", post(reset))
        .route("/__sim/requests", get(requests).delete(clear_requests))
        .route("/__sim/config", get(get_config).post(set_config))
        .route("/__sim/agents", get(agents))
}
