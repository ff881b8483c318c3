//! `usersSession` (queue login/logout, pause/unpause) and `realtimeSessions`.

use super::{list_response, record_name};
use crate::envelope::{ApiError, ok};
use crate::extract::ApiRequest;
use crate::query::{loose_bool, loose_string};
use crate::state::SimState;
use crate::world::{QueueLogin, Rejection};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde_json::Value;

type Handler = Result<Response, ApiError>;

fn queue_logins(v: &Value) -> Result<Vec<QueueLogin>, Rejection> {
    let items: Vec<&Value> = match v {
        Value::Array(items) => items.iter().collect(),
        obj @ Value::Object(_) => vec![obj],
        _ => return Err(Rejection::field("queues", crate::world::REQUIRED)),
    };
    items
        .into_iter()
        .map(|q| {
            let name = q.get("name").and_then(loose_string);
            let login = q.get("login").and_then(loose_bool);
            match (name, login) {
                (Some(name), Some(login)) => Ok(QueueLogin {
                    name,
                    login,
                    penalty: q
                        .get("penalty")
                        .and_then(loose_string)
                        .and_then(|p| p.parse().ok())
                        .unwrap_or(0),
                }),
                _ => Err(Rejection::field("queues", crate::world::REQUIRED)),
            }
        })
        .collect()
}

/// `POST usersSession.json`: `{queues: [{name, login, penalty}]}` and/or
/// UNCONFIRMED(D1) `{pause: "<name>" | null}` (a form post sends `pause=` for null).
/// Answers 201 with the agent's `realtimeSessions` record (the real body is not public).
pub(super) async fn users_session(State(state): State<SimState>, req: ApiRequest) -> Handler {
    let agent = req.agent(&state)?;
    let echo = |r: Rejection| ApiError::rejected(r, req.body.clone());
    let queues = req.body.get("queues");
    let pause = req.body.get("pause");
    if queues.is_none() && pause.is_none() {
        return Err(echo(Rejection::field("queues", crate::world::REQUIRED)));
    }
    if let Some(q) = queues {
        let entries = queue_logins(q).map_err(echo)?;
        state.set_queues(&agent, &entries).map_err(echo)?;
    }
    if let Some(p) = pause {
        let name = loose_string(p).filter(|s| !s.trim().is_empty());
        state.set_pause(&agent, name.as_deref()).map_err(echo)?;
    }
    Ok(ok(
        StatusCode::CREATED,
        state.read(|w| w.session_json(&agent)),
    ))
}

/// `GET realtimeSessions.json` (filter `id_agent eq <login>` to get one agent).
pub(super) async fn realtime_sessions(State(state): State<SimState>, req: ApiRequest) -> Handler {
    req.agent(&state)?;
    let rows = state.read(|w| w.agents.iter().map(|a| w.session_json(&a.login)).collect());
    list_response(rows, &req.query)
}

/// `GET realtimeSessions/{login}.json` (UNCONFIRMED: the real identifier; we use the login).
pub(super) async fn realtime_session(
    State(state): State<SimState>,
    Path(file): Path<String>,
    req: ApiRequest,
) -> Handler {
    req.agent(&state)?;
    let login = record_name(&file);
    match state.read(|w| w.session_json(login)) {
        Value::Null => Err(ApiError::NotFound),
        v => Ok(ok(StatusCode::OK, v)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_queue_logins_from_json_and_form_values() {
        let parsed = queue_logins(&json!([{"name": 2001, "login": true}, {"name": "1001", "login": "false", "penalty": "3"}]))
            .unwrap();
        assert_eq!(
            parsed[0],
            QueueLogin {
                name: "2001".into(),
                login: true,
                penalty: 0
            }
        );
        assert_eq!(
            parsed[1],
            QueueLogin {
                name: "1001".into(),
                login: false,
                penalty: 3
            }
        );
        assert!(queue_logins(&json!([{"name": 1}])).is_err());
    }
}
