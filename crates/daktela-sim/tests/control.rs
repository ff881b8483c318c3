//! The control surface: request log, reset, agents, config.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;

#[tokio::test]
async fn the_request_log_shows_exactly_one_click_to_call_for_a_number() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 2001).await;
    let body = json!({"type": "CALL", "number": "+420777123456", "queue": 2001});
    send(
        &app,
        Method::POST,
        "/api/v6/activities.json",
        Some(&token("agent1")),
        Some(body),
    )
    .await;
    get(
        &app,
        "/api/v6/activities.json?q=777123456",
        &token("agent1"),
    )
    .await;
    let r = send(
        &app,
        Method::GET,
        "/__sim/requests?method=post&path=/api/v6/activities&contains=777123456",
        None,
        None,
    )
    .await;
    let reqs = r.json["requests"].as_array().unwrap();
    assert_eq!(reqs.len(), 1, "{reqs:?}");
    assert_eq!(reqs[0]["body"]["number"], "+420777123456");
    assert_eq!(reqs[0]["method"], "POST");
    assert!(reqs[0]["time"].is_string());
}

#[tokio::test]
async fn the_request_log_redacts_tokens_and_passwords() {
    let (_, app) = sim();
    send(
        &app,
        Method::POST,
        "/api/v6/login.json",
        None,
        Some(json!({"username": "agent1", "password": "agent1pass"})),
    )
    .await;
    send(
        &app,
        Method::GET,
        "/api/v6/whoim.json?accessToken=sim-static-token-agent1",
        None,
        None,
    )
    .await;
    let r = send(&app, Method::GET, "/__sim/requests", None, None).await;
    let text = r.json.to_string();
    assert!(
        !text.contains("agent1pass") && !text.contains("sim-static-token"),
        "{text}"
    );
    assert_eq!(r.json["requests"][0]["body"]["username"], "agent1");
    assert_eq!(r.json["requests"][1]["query"], "accessToken=***");
}

#[tokio::test]
async fn the_request_log_skips_control_calls_and_can_be_cleared() {
    let (_, app) = sim();
    get(&app, "/api/v6/pauses.json", &token("agent1")).await;
    send(
        &app,
        Method::POST,
        "/__sim/phone",
        None,
        Some(json!({"agent": "agent1", "online": false})),
    )
    .await;
    let r = send(&app, Method::GET, "/__sim/requests", None, None).await;
    assert_eq!(r.json["requests"].as_array().unwrap().len(), 1);
    send(&app, Method::DELETE, "/__sim/requests", None, None).await;
    let r = send(&app, Method::GET, "/__sim/requests", None, None).await;
    assert_eq!(r.json["requests"], json!([]));
}

#[tokio::test]
async fn reset_restores_the_seed_tokens_settings_and_log() {
    let (_, app) = sim();
    send(
        &app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": "agent1", "from": "777123456"})),
    )
    .await;
    send(&app, Method::POST, "/__sim/expire-tokens", None, None).await;
    send(
        &app,
        Method::POST,
        "/__sim/config",
        None,
        Some(json!({"pull_data_enabled": false})),
    )
    .await;
    let r = send(&app, Method::POST, "/__sim/reset", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    let r = get(&app, "/api/v6/activities.json", &token("agent1")).await;
    assert_eq!(r.json["result"]["total"], 0);
    let cfg = send(&app, Method::GET, "/__sim/config", None, None).await;
    assert_eq!(cfg.json["pull_data_enabled"], true);
    let log = send(&app, Method::GET, "/__sim/requests", None, None).await;
    assert_eq!(
        log.json["requests"].as_array().unwrap().len(),
        1,
        "only the request after the reset"
    );
}

#[tokio::test]
async fn agents_summarise_logins_phones_queues_and_live_calls() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 1001).await;
    send(
        &app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": "agent1", "from": "777123456"})),
    )
    .await;
    let r = send(&app, Method::GET, "/__sim/agents", None, None).await;
    let a = &r.json["agents"][0];
    assert_eq!(a["login"], "agent1");
    assert_eq!(a["password"], "agent1pass");
    assert_eq!(a["queues"], json!([1001]));
    assert!(a["live_activity"].is_string());
    assert_eq!(r.json["agents"].as_array().unwrap().len(), 4);
}

#[tokio::test]
async fn control_calls_reject_bad_json_and_unknown_agents() {
    let (_, app) = sim();
    let req = axum::http::Request::post("/__sim/ring")
        .body(axum::body::Body::from("{nope"))
        .unwrap();
    assert_eq!(run(&app, req).await.status, StatusCode::BAD_REQUEST);
    let r = send(
        &app,
        Method::POST,
        "/__sim/phone",
        None,
        Some(json!({"agent": "ghost", "online": true})),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.json["error"].as_str().unwrap().contains("ghost"));
    let r = send(
        &app,
        Method::POST,
        "/__sim/expire-tokens",
        None,
        Some(json!({"agent": "ghost"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
