//! Scripted faults: 5xx, 429 with Retry-After, delays, dropped connections; counts, path
//! filters, and control routes that are never affected.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode, header};
use common::*;
use serde_json::json;
use std::time::{Duration, Instant};

async fn arm(app: &axum::Router, spec: serde_json::Value) {
    let r = send(app, Method::POST, "/__sim/faults", None, Some(spec)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json);
}

#[tokio::test]
async fn a_status_fault_hits_exactly_count_requests() {
    let (_, app) = sim();
    arm(&app, json!({"kind": "status", "status": 503, "count": 2})).await;
    let t = token("agent1");
    assert_eq!(
        get(&app, "/api/v6/pauses.json", &t).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        get(&app, "/api/v6/queues.json", &t).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
    assert_eq!(
        get(&app, "/api/v6/pauses.json", &t).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_status_fault_can_carry_a_proxy_html_body() {
    let (_, app) = sim();
    arm(
        &app,
        json!({"kind": "status", "status": 502, "body": "<html>Bad Gateway</html>"}),
    )
    .await;
    let r = get(&app, "/api/v6/whoim.json", &token("agent1")).await;
    assert_eq!(r.status, StatusCode::BAD_GATEWAY);
    assert_eq!(r.raw, b"<html>Bad Gateway</html>");
}

#[tokio::test]
async fn a_rate_limit_fault_answers_429_with_retry_after() {
    let (_, app) = sim();
    arm(&app, json!({"kind": "rate_limit", "retry_after_secs": 3})).await;
    let r = get(&app, "/api/v6/activities.json", &token("agent1")).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers[header::RETRY_AFTER], "3");
    assert_eq!(r.json, contract_file("fixtures/error_429.SYNTHETIC.json"));
}

#[tokio::test]
async fn a_delay_fault_slows_the_answer_but_keeps_it_correct() {
    let (_, app) = sim();
    arm(&app, json!({"kind": "delay", "ms": 150})).await;
    let started = Instant::now();
    let r = get(&app, "/api/v6/statuses.json", &token("agent1")).await;
    assert!(started.elapsed() >= Duration::from_millis(150));
    assert_eq!(r.json["result"]["total"], 4);
}

#[tokio::test]
async fn path_filters_pick_which_requests_fail() {
    let (_, app) = sim();
    arm(
        &app,
        json!({"kind": "status", "status": 500, "path_contains": "activities.json"}),
    )
    .await;
    let t = token("agent1");
    assert_eq!(
        get(&app, "/api/v6/whoim.json", &t).await.status,
        StatusCode::OK
    );
    assert_eq!(
        get(&app, "/api/v6/activities.json", &t).await.status,
        StatusCode::INTERNAL_SERVER_ERROR
    );
    assert_eq!(
        get(&app, "/api/v6/activities.json", &t).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn control_routes_are_never_faulted() {
    let (_, app) = sim();
    arm(&app, json!({"kind": "status", "status": 500, "count": 5})).await;
    let r = send(&app, Method::GET, "/__sim/faults", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["faults"][0]["count"], 5);
    let r = send(&app, Method::DELETE, "/__sim/faults", None, None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        get(&app, "/api/v6/pauses.json", &token("agent1"))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_status_fault_outside_400_to_599_is_refused() {
    let (_, app) = sim();
    let r = send(
        &app,
        Method::POST,
        "/__sim/faults",
        None,
        Some(json!({"kind": "status", "status": 200})),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_drop_fault_breaks_the_connection_for_a_real_client() {
    let sim = daktela_sim::spawn(config()).await.unwrap();
    sim.state().inject_fault(daktela_sim::FaultSpec {
        kind: daktela_sim::FaultKind::Drop,
        count: 1,
        path_contains: None,
    });
    let url = format!("{}/api/v6/whoim.json", sim.base_url);
    let first = http(Method::GET, &url, Some(&token("agent1")), None).await;
    assert!(first.is_err(), "expected a transport error, got {first:?}");
    let second = http(Method::GET, &url, Some(&token("agent1")), None)
        .await
        .unwrap();
    assert_eq!(second.json["result"]["user"]["name"], "agent1");
    sim.shutdown().await;
}
