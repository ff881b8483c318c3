//! Click-to-call (rules, form posts, auto-answer, phone offline) and dispositions/notes.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{Value, json};

async fn click(app: &axum::Router, body: Value) -> Resp {
    send(
        app,
        Method::POST,
        "/api/v6/activities.json",
        Some(&token("agent1")),
        Some(body),
    )
    .await
}

#[tokio::test]
async fn click_to_call_creates_a_ringing_outbound_activity_with_a_double_zero_number() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 2001).await;
    let r = click(
        &app,
        json!({"type": "CALL", "number": "+420 603 987 654", "queue": 2001}),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json);
    assert_eq!(r.json["error"], json!([]));
    let a = &r.json["result"];
    assert_eq!(a["type"], "CALL");
    assert_eq!(a["action"], "WAIT");
    assert_eq!(a["item"]["direction"], "out");
    assert_eq!(a["item"]["clid"], "00420603987654");
    assert_eq!(a["contact"]["name"], "contact_lucie_vesela");
    assert_eq!(a["queue"]["name"], 2001);
}

#[tokio::test]
async fn click_to_call_accepts_the_documented_form_post() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 2001).await;
    let r = send_form(
        &app,
        Method::POST,
        "/api/v6/activities.json",
        "accessToken=sim-static-token-agent1&number=777123456&type=CALL&queue=2001",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json);
    assert_eq!(r.json["result"]["item"]["clid"], "00420777123456");
}

#[tokio::test]
async fn click_to_call_is_answered_by_the_far_end_after_the_configured_delay() {
    let (_, app) = sim();
    send(
        &app,
        Method::POST,
        "/__sim/config",
        None,
        Some(json!({"outbound_answer_after_ms": 50})),
    )
    .await;
    queue_login(&app, "agent1", 2001).await;
    let r = click(
        &app,
        json!({"type": "CALL", "number": "777123456", "queue": 2001}),
    )
    .await;
    let name = r.json["result"]["name"].as_str().unwrap().to_owned();
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let a = activity(&app, &name).await;
    assert_eq!(a["action"], "OPEN");
    assert_eq!(a["item"]["answered"], true);
}

#[tokio::test]
async fn click_to_call_needs_an_outbound_queue_the_agent_is_logged_in_to() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 1001).await;
    for (body, field) in [
        (
            json!({"type": "CALL", "number": "777123456", "queue": 2001}),
            "queue",
        ),
        (
            json!({"type": "CALL", "number": "777123456", "queue": 1001}),
            "queue",
        ),
        (
            json!({"type": "CALL", "number": "777123456", "queue": 31337}),
            "queue",
        ),
        (json!({"type": "CALL", "queue": 2001}), "number"),
    ] {
        let r = click(&app, body.clone()).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(
            r.json["error"]["form"][field].is_string(),
            "{body}: {:?}",
            r.json
        );
        assert_eq!(r.json["error"]["primary"], json!([]));
        assert_eq!(r.json["result"]["type"], "CALL", "the record is echoed");
        assert_eq!(r.json["result"]["user"], "agent1");
    }
}

#[tokio::test]
async fn click_to_call_with_the_phone_offline_is_a_2xx_carrying_the_real_error() {
    let (_, app) = sim();
    queue_login(&app, "agent1", 2001).await;
    send(
        &app,
        Method::POST,
        "/__sim/phone",
        None,
        Some(json!({"agent": "agent1", "online": false})),
    )
    .await;
    let r = click(
        &app,
        json!({"type": "CALL", "number": "777123456", "queue": 2001}),
    )
    .await;
    assert!(r.status.is_success());
    assert_eq!(
        r.json["error"]["primary"][0],
        "User have not available devices"
    );
    assert!(r.json["result"].is_null());
    assert_eq!(
        get(&app, "/api/v6/activities.json", &token("agent1"))
            .await
            .json["result"]["total"],
        0
    );
}

#[tokio::test]
async fn put_sets_statuses_and_the_note() {
    let (_, app) = sim();
    let (name, _) = ring(&app, "agent1", "777123456").await;
    let body = json!({"statuses": ["statuses_sale"], "description": "<p>Ordered 3 units</p>"});
    let r = send(
        &app,
        Method::PUT,
        &format!("/api/v6/activities/{name}.json"),
        Some(&token("agent1")),
        Some(body),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["result"]["statuses"][0]["title"], "Sale");
    assert_eq!(r.json["result"]["description"], "<p>Ordered 3 units</p>");
    let bad = json!({"statuses": ["statuses_bogus"]});
    let r = send(
        &app,
        Method::PUT,
        &format!("/api/v6/activities/{name}.json"),
        Some(&token("agent1")),
        Some(bad),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json["error"]["form"]["statuses"].is_string());
    assert_eq!(r.json["result"]["name"], name.as_str());
}

#[tokio::test]
async fn put_accepts_form_encoded_status_arrays() {
    let (_, app) = sim();
    let (name, _) = ring(&app, "agent1", "777123456").await;
    let r = send_form(&app, Method::PUT, &format!("/api/v6/activities/{name}.json?accessToken=sim-static-token-agent1"),
        "statuses%5B%5D=statuses_callback&statuses%5B%5D=statuses_sale&description=call+back+Monday").await;
    assert_eq!(r.status, StatusCode::OK, "{:?}", r.json);
    assert_eq!(r.json["result"]["statuses"].as_array().unwrap().len(), 2);
    assert_eq!(r.json["result"]["description"], "call back Monday");
}
