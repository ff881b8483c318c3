//! Every operation of the panel as a pure request builder. [`crate::Client`] sends these; tests
//! assert their exact wire without a server.

use serde_json::json;

use crate::auth::RefreshToken;
use crate::filter::Filter;
use crate::models::{
    ActivityName, CallId, ContactName, PauseName, QueueName, StatusName, UserLogin,
};
use crate::query::{ListQuery, SortDir};
use crate::request::{ApiRequest, Method};

pub use crate::pull::{PULL_TIMEOUT, pull_data_request as pull_data};

/// How many contacts a phone lookup returns at most: a screen pop shows a handful.
pub const PHONE_LOOKUP_TAKE: u64 = 20;

/// `POST /api/v6/login.json` `{username, password, only_token: 1}`, without a token.
pub fn login(username: &str, password: &str) -> ApiRequest {
    ApiRequest::collection(Method::Post, "login")
        .with_body(json!({ "username": username, "password": password, "only_token": 1 }))
        .anonymous()
}

/// `PUT /api/v6/login.json` `{refreshToken}`, without the (probably expired) access token.
pub fn refresh(refresh_token: &RefreshToken) -> ApiRequest {
    ApiRequest::collection(Method::Put, "login")
        .with_body(json!({ "refreshToken": refresh_token.expose() }))
        .anonymous()
}

/// `GET /api/v6/whoim.json`.
pub fn whoim() -> ApiRequest {
    ApiRequest::collection(Method::Get, "whoim")
}

/// `GET /api/v6/{model}.json` with a list query.
pub fn list(model: &str, query: &ListQuery) -> ApiRequest {
    ApiRequest::collection(Method::Get, model).with_query(query.to_pairs())
}

/// `GET /api/v6/{model}/{name}.json`.
pub fn get(model: &str, name: &str) -> ApiRequest {
    ApiRequest::record(Method::Get, model, name)
}

/// `POST /api/v6/usersSession.json` `{queues: [{name, login, penalty: 0}, ...]}`: log in to
/// (`login: true`) or out of (`false`) each queue.
pub fn queue_session(queues: &[QueueName], login: bool) -> ApiRequest {
    let queues: Vec<_> = queues
        .iter()
        .map(|name| json!({ "name": name, "login": login, "penalty": 0 }))
        .collect();
    ApiRequest::collection(Method::Post, "usersSession").with_body(json!({ "queues": queues }))
}

/// Starts (`Some(pause)`) or ends (`None`) a pause.
///
/// UNCONFIRMED(D1): `POST usersSession.json` `{"pause": "<pause name>"}` starts a pause and
/// `{"pause": null}` ends it. No public source shows the request; this is the ONE place that
/// encodes it.
pub fn set_pause(pause: Option<&PauseName>) -> ApiRequest {
    ApiRequest::collection(Method::Post, "usersSession").with_body(json!({ "pause": pause }))
}

/// `GET /api/v6/realtimeSessions.json` filtered `id_agent eq <login>`.
pub fn realtime_session(agent: &UserLogin) -> ApiRequest {
    list(
        "realtimeSessions",
        &ListQuery::new().filter(Filter::eq("id_agent", agent.as_str())),
    )
}

/// Click-to-call: `POST /api/v6/activities.json` `{type: "CALL", number, queue}`. The queue must
/// be an outbound queue the agent is logged in to.
pub fn click_to_call(number: &str, queue: &QueueName) -> ApiRequest {
    ApiRequest::collection(Method::Post, "activities")
        .with_body(json!({ "type": "CALL", "number": number, "queue": queue }))
}

/// The agent's calls that ring or are in progress, newest first.
///
/// UNCONFIRMED(D3): a call ringing for the agent is an activity with `type: CALL`, `user` = the
/// agent and `action: WAIT` (ringing) or `OPEN` (answered); it ends at `CLOSE`. So this asks
/// `GET activities.json` with `user eq <login>`, `type eq CALL`, `action in [WAIT, OPEN]`,
/// sorted `time desc`. This is the ONE place that encodes that reading.
pub fn open_call_activities(agent: &UserLogin) -> ApiRequest {
    let filter = Filter::and(vec![
        Filter::eq("user", agent.as_str()),
        Filter::eq("type", "CALL"),
        Filter::is_in("action", ["WAIT", "OPEN"]),
    ]);
    list(
        "activities",
        &ListQuery::new().filter(filter).sort("time", SortDir::Desc),
    )
}

/// `GET /api/v6/activities/{name}.json`.
pub fn activity(name: &ActivityName) -> ApiRequest {
    get("activities", name.as_str())
}

/// `PUT /api/v6/activities/{name}.json` `{statuses: [...], description}`: dispositions and a
/// note. `description` is left out when `None`, so an existing note is kept.
pub fn write_disposition(
    name: &ActivityName,
    statuses: &[StatusName],
    note: Option<&str>,
) -> ApiRequest {
    let mut body = json!({ "statuses": statuses });
    if let (Some(note), Some(object)) = (note, body.as_object_mut()) {
        object.insert("description".to_owned(), note.into());
    }
    ApiRequest::record(Method::Put, "activities", name.as_str()).with_body(body)
}

/// `PUT /api/v6/activitiesCall/{id_call}.json` `{contact}`.
pub fn link_call_to_contact(call: &CallId, contact: &ContactName) -> ApiRequest {
    ApiRequest::record(Method::Put, "activitiesCall", call.as_str())
        .with_body(json!({ "contact": contact }))
}

/// `GET /api/v6/contacts.json?q=<number>&take=20`: full-text search. Pass the number in the
/// stored form (`00420...`, see [`crate::phone`]) or as bare digits.
pub fn contacts_by_phone(number: &str) -> ApiRequest {
    list(
        "contacts",
        &ListQuery::new().q(number).page(0, PHONE_LOOKUP_TAKE),
    )
}
