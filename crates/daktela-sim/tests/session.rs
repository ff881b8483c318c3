//! Queue login/logout, pause/unpause (D1) and realtimeSessions.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;

const AGENT1: &str = "/api/v6/realtimeSessions.json?filter[logic]=and&filter[filters][0][field]=id_agent&filter[filters][0][operator]=eq&filter[filters][0][value]=agent1";

async fn agent1_session(app: &axum::Router) -> serde_json::Value {
    let r = get(app, AGENT1, &token("agent1")).await;
    assert_eq!(r.json["result"]["total"], 1);
    r.json["result"]["data"][0].clone()
}

#[tokio::test]
async fn realtime_sessions_filter_by_agent_and_start_outside_queues() {
    let (_, app) = sim();
    let s = agent1_session(&app).await;
    assert_eq!(s["id_agent"]["name"], "agent1");
    assert_eq!(s["state"], "Session");
    assert_eq!(s["exten"], "201");
    assert_eq!(s["exten_status"], "Idle");
    assert!(s["id_pause"].is_null());
    assert!(s["id_call"].is_null());
}

#[tokio::test]
async fn queue_login_makes_the_agent_idle_and_logout_undoes_it() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 1001).await;
    let s = agent1_session(&app).await;
    assert_eq!(s["state"], "Idle");
    assert_eq!(s["lastqueue"]["name"], 1001);
    let out = json!({"queues": [{"name": 1001, "login": false, "penalty": 0}]});
    send(
        &app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token("agent1")),
        Some(out),
    )
    .await;
    assert_eq!(agent1_session(&app).await["state"], "Session");
}

#[tokio::test]
async fn queue_login_accepts_the_documented_form_encoded_post() {
    let (state, app) = sim();
    let r = send_form(
        &app,
        Method::POST,
        "/api/v6/usersSession.json?accessToken=sim-static-token-agent1",
        "queues%5B0%5D%5Blogin%5D=true&queues%5B0%5D%5Bname%5D=1002&queues%5B0%5D%5Bpenalty%5D=0",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert!(state.read(|w| w.session("agent1").unwrap().queues.contains_key(&1002)));
}

#[tokio::test]
async fn pause_and_unpause_follow_reading_d1() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 1001).await;
    let r = send(
        &app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token("agent1")),
        Some(json!({"pause": "pause_lunch"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let s = agent1_session(&app).await;
    assert_eq!(s["state"], "Paused");
    assert_eq!(s["id_pause"]["title"], "Lunch");
    assert!(s["onpause"].is_string());
    send(
        &app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token("agent1")),
        Some(json!({"pause": null})),
    )
    .await;
    let s = agent1_session(&app).await;
    assert_eq!(s["state"], "Idle");
    assert!(s["id_pause"].is_null());
}

#[tokio::test]
async fn an_empty_form_pause_field_ends_the_pause() {
    let (_, app) = sim();
    send(
        &app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token("agent1")),
        Some(json!({"pause": "pause_dnd"})),
    )
    .await;
    send_form(
        &app,
        Method::POST,
        "/api/v6/usersSession.json?accessToken=sim-static-token-agent1",
        "pause=",
    )
    .await;
    assert!(agent1_session(&app).await["id_pause"].is_null());
}

#[tokio::test]
async fn an_unknown_queue_or_pause_is_a_form_error_echoing_the_request() {
    let (_, app) = sim();
    let body = json!({"queues": [{"name": 4242, "login": true, "penalty": 0}]});
    let r = send(
        &app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token("agent1")),
        Some(body.clone()),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json["error"]["form"]["queues"].is_string());
    assert_eq!(r.json["error"]["primary"], json!([]));
    assert_eq!(r.json["result"], body);
    let r = send(
        &app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token("agent1")),
        Some(json!({"pause": "nap"})),
    )
    .await;
    assert!(r.json["error"]["form"]["pause"].is_string());
}

#[tokio::test]
async fn phone_offline_shows_unavailable_and_comes_back() {
    let (_, app) = sim();
    send(
        &app,
        Method::POST,
        "/__sim/phone",
        None,
        Some(json!({"agent": "agent1", "online": false})),
    )
    .await;
    assert_eq!(agent1_session(&app).await["exten_status"], "Unavailable");
    let who = get(&app, "/api/v6/whoim.json", &token("agent1")).await;
    assert_eq!(who.json["result"]["user"]["extension_state"], "offline");
    send(
        &app,
        Method::POST,
        "/__sim/phone",
        None,
        Some(json!({"agent": "agent1", "online": true})),
    )
    .await;
    assert_eq!(agent1_session(&app).await["exten_status"], "Idle");
}

#[tokio::test]
async fn a_single_realtime_session_is_addressed_by_login() {
    let (_, app) = sim();
    let r = get(
        &app,
        "/api/v6/realtimeSessions/agent2.json",
        &token("agent1"),
    )
    .await;
    assert_eq!(r.json["result"]["id_agent"]["name"], "agent2");
    assert_eq!(
        get(
            &app,
            "/api/v6/realtimeSessions/ghost.json",
            &token("agent1")
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}
