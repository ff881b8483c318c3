//! Shared helpers for the route tests: a seeded app, one-shot requests, socket requests.
#![allow(dead_code, clippy::unwrap_used)]

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use daktela_sim::{SimConfig, SimState, app};
use serde_json::{Value, json};
use std::time::Duration;
use tower::ServiceExt;

/// A test configuration: short pull-data idle, no auto-answer (tests drive calls explicitly).
pub fn config() -> SimConfig {
    SimConfig {
        pull_idle: Duration::from_millis(300),
        outbound_answer_after: None,
        ..SimConfig::default()
    }
}

/// A fresh seeded simulator and its router.
pub fn sim() -> (SimState, Router) {
    sim_with(config())
}

pub fn sim_with(config: SimConfig) -> (SimState, Router) {
    let state = SimState::seeded(config);
    (state.clone(), app(state))
}

/// A response, with the body as JSON when it parses (else `Value::Null`) and as raw bytes.
#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub raw: Vec<u8>,
    pub json: Value,
}

/// Sends one request through the router. `body` goes out as JSON; `form` as a form.
pub async fn send(
    app: &Router,
    method: Method,
    uri: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Resp {
    let mut b = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        b = b.header("X-AUTH-TOKEN", t);
    }
    let req = match body {
        Some(v) => b
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(v.to_string())),
        None => b.body(Body::empty()),
    }
    .unwrap();
    run(app, req).await
}

/// Sends a form-encoded body, as jQuery's `$.post` does.
pub async fn send_form(app: &Router, method: Method, uri: &str, form: &str) -> Resp {
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header(
            header::CONTENT_TYPE,
            "application/x-www-form-urlencoded; charset=UTF-8",
        )
        .body(Body::from(form.to_owned()))
        .unwrap();
    run(app, req).await
}

pub async fn run(app: &Router, req: Request<Body>) -> Resp {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let headers = resp.headers().clone();
    let raw = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    let json = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    Resp {
        status,
        headers,
        raw,
        json,
    }
}

pub async fn get(app: &Router, uri: &str, token: &str) -> Resp {
    send(app, Method::GET, uri, Some(token), None).await
}

/// The seeded static token of an agent.
pub fn token(agent: &str) -> String {
    daktela_sim::static_token(agent)
}

/// Logs `agent` in to `queue` through the API.
pub async fn queue_login(app: &Router, agent: &str, queue: i64) {
    let body = serde_json::json!({"queues": [{"name": queue, "login": true, "penalty": 0}]});
    let r = send(
        app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token(agent)),
        Some(body),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json);
}

/// A file from the checked-in contract copy (never /work/shared: a clone has no shared/).
pub fn contract_file(rel: &str) -> Value {
    let path = format!(
        "{}/../../contract/daktela-v6/{rel}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    serde_json::from_str(text.trim_start_matches('\u{feff}')).unwrap()
}

/// Socket client for `spawn`-based tests.
pub async fn http(
    method: Method,
    url: &str,
    token: Option<&str>,
    body: Option<Value>,
) -> Result<Resp, String> {
    use hyper_util::client::legacy::Client;
    use hyper_util::rt::TokioExecutor;
    let client = Client::builder(TokioExecutor::new()).build_http::<Body>();
    let mut b = Request::builder().method(method).uri(url);
    if let Some(t) = token {
        b = b.header("X-AUTH-TOKEN", t);
    }
    let req = match body {
        Some(v) => b
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(v.to_string())),
        None => b.body(Body::empty()),
    }
    .unwrap();
    let resp = client
        .request(req)
        .await
        .map_err(|e| format!("request: {e}"))?;
    let status = resp.status();
    let headers = resp.headers().clone();
    let raw = axum::body::to_bytes(Body::new(resp.into_body()), usize::MAX)
        .await
        .map_err(|e| format!("body: {e}"))?
        .to_vec();
    let json = serde_json::from_slice(&raw).unwrap_or(Value::Null);
    Ok(Resp {
        status,
        headers,
        raw,
        json,
    })
}

/// Rings an inbound call for `agent` through queue 1001; returns (activity, id_call).
pub async fn ring(app: &Router, agent: &str, from: &str) -> (String, String) {
    let r = send(
        app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": agent, "from": from, "queue": 1001})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json);
    (
        r.json["activity"].as_str().unwrap().to_owned(),
        r.json["id_call"].as_str().unwrap().to_owned(),
    )
}

/// One activity as agent1 reads it.
pub async fn activity(app: &Router, name: &str) -> Value {
    get(
        app,
        &format!("/api/v6/activities/{name}.json"),
        &token("agent1"),
    )
    .await
    .json["result"]
        .clone()
}
