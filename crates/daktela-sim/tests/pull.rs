//! appPullData long polling (D2): answers at once on a change, else after the idle time.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;
use std::time::{Duration, Instant};

async fn pull(app: &axum::Router, hash: &str) -> Resp {
    get(
        app,
        &format!("/api/v6/appPullData.json?hash={hash}"),
        &token("agent1"),
    )
    .await
}

#[tokio::test]
async fn a_first_request_answers_at_once_with_a_hash() {
    let (_, app) = sim();
    let started = Instant::now();
    let r = pull(&app, "").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.json["result"]["hash"]
            .as_str()
            .is_some_and(|h| !h.is_empty())
    );
    assert_eq!(
        r.json["result"].as_object().unwrap().len(),
        1,
        "only the hash: the payload is not public"
    );
    assert!(started.elapsed() < Duration::from_millis(100));
}

#[tokio::test]
async fn an_idle_request_answers_after_the_configured_idle_time_with_the_same_hash() {
    let (_, app) = sim();
    let hash = pull(&app, "").await.json["result"]["hash"]
        .as_str()
        .unwrap()
        .to_owned();
    let started = Instant::now();
    let r = pull(&app, &hash).await;
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(280),
        "answered too early: {waited:?}"
    );
    assert!(
        waited < Duration::from_millis(800),
        "answered too late: {waited:?}"
    );
    assert_eq!(r.json["result"]["hash"], hash.as_str());
}

#[tokio::test]
async fn a_ring_wakes_a_waiting_request_within_100_ms() {
    let (state, app) = sim_with(daktela_sim::SimConfig {
        pull_idle: Duration::from_secs(10),
        ..config()
    });
    let hash = pull(&app, "").await.json["result"]["hash"]
        .as_str()
        .unwrap()
        .to_owned();
    let waiting = {
        let (app, hash) = (app.clone(), hash.clone());
        tokio::spawn(async move {
            let r = pull(&app, &hash).await;
            (Instant::now(), r)
        })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!waiting.is_finished(), "must wait while nothing changes");
    let rang = Instant::now();
    state
        .ring(&daktela_sim::RingRequest {
            agent: "agent1".into(),
            from: "777123456".into(),
            queue: None,
            did: None,
        })
        .unwrap();
    let (answered, r) = tokio::time::timeout(Duration::from_secs(2), waiting)
        .await
        .unwrap()
        .unwrap();
    assert!(
        answered.duration_since(rang) < Duration::from_millis(100),
        "{:?}",
        answered.duration_since(rang)
    );
    assert_ne!(r.json["result"]["hash"], hash.as_str());
}

#[tokio::test]
async fn another_agents_change_does_not_wake_the_request() {
    let (_, app) = sim();
    let hash = pull(&app, "").await.json["result"]["hash"]
        .as_str()
        .unwrap()
        .to_owned();
    let waiting = {
        let (app, hash) = (app.clone(), hash.clone());
        tokio::spawn(async move { pull(&app, &hash).await })
    };
    tokio::time::sleep(Duration::from_millis(50)).await;
    send(
        &app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": "agent2", "from": "777123456"})),
    )
    .await;
    let r = waiting.await.unwrap();
    assert_eq!(
        r.json["result"]["hash"],
        hash.as_str(),
        "idle answer, unchanged hash"
    );
}

#[tokio::test]
async fn queue_login_and_pause_change_the_hash() {
    let (_, app) = sim();
    let h0 = pull(&app, "").await.json["result"]["hash"].clone();
    queue_login(&app, "agent1", 1001).await;
    let h1 = pull(&app, h0.as_str().unwrap()).await.json["result"]["hash"].clone();
    assert_ne!(h0, h1);
    send(
        &app,
        Method::POST,
        "/api/v6/usersSession.json",
        Some(&token("agent1")),
        Some(json!({"pause": "pause_lunch"})),
    )
    .await;
    let h2 = pull(&app, h1.as_str().unwrap()).await.json["result"]["hash"].clone();
    assert_ne!(h1, h2);
}

#[tokio::test]
async fn disabled_pull_data_answers_404_with_an_empty_body() {
    let (_, app) = sim();
    send(
        &app,
        Method::POST,
        "/__sim/config",
        None,
        Some(json!({"pull_data_enabled": false})),
    )
    .await;
    let r = pull(&app, "").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.raw.is_empty());
}

#[tokio::test]
async fn pull_data_needs_a_valid_token() {
    let (_, app) = sim();
    let r = send(
        &app,
        Method::GET,
        "/api/v6/appPullData.json?hash=",
        None,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.raw.is_empty());
}
