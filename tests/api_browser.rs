//! The Daktela client (`daktela-api`) in the browser: its gloo-net transport against the
//! simulator, cross-origin with CORS, in headless Chromium.
//!
//! scripts/test.sh starts `daktela-sim serve` with CORS for the test page's origin and bakes its
//! URL in as `DAKTELA_SIM_URL` at compile time (the way gloo's own tests find httpbin).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use daktela_api::models::QueueName;
use daktela_api::{BrowserTransport, Client, Error};
use gloo_net::http::Request;
use serde_json::{Value, json};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Not `env!`: lints and other test runs compile this file without a simulator running; only
// running it without scripts/test.sh fails, with this message.
#[allow(clippy::option_env_unwrap)]
fn sim_url() -> &'static str {
    option_env!("DAKTELA_SIM_URL")
        .expect("DAKTELA_SIM_URL is not set: run the browser tests through scripts/test.sh")
}

fn client() -> Client<BrowserTransport> {
    Client::new(
        sim_url(),
        BrowserTransport::new().with_timeout(Duration::from_secs(5)),
    )
}

/// Plays the world through the simulator's control surface.
async fn control(method: &str, path: &str, body: Value) -> Value {
    let url = format!("{}/__sim/{path}", sim_url());
    let request = match method {
        "POST" => Request::post(&url).json(&body).unwrap(),
        "DELETE" => Request::delete(&url).build().unwrap(),
        _ => Request::get(&url).build().unwrap(),
    };
    let response = request.send().await.unwrap();
    assert!(response.ok(), "{method} {path}: {}", response.status());
    response.json().await.unwrap_or(Value::Null)
}

async fn logged_in(login: &str) -> Client<BrowserTransport> {
    let client = client();
    client.login(login, &format!("{login}pass")).await.unwrap();
    client
}

#[wasm_bindgen_test]
async fn an_agent_logs_in_and_reads_the_catalog_from_the_browser() {
    let client = logged_in("agent1").await;
    let me = client.current_user().await.unwrap();
    assert_eq!(me.name.as_ref().map(|n| n.as_str()), Some("agent1"));
    let outbound = client.outbound_queues().await.unwrap();
    assert!(
        !outbound.is_empty(),
        "the seeded instance has outbound queues"
    );
    assert!(!client.pauses().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_wrong_password_is_an_error_not_a_session() {
    let err = client().login("agent1", "wrong").await.unwrap_err();
    assert!(!matches!(err, Error::Transport(_)), "got {err:?}");
}

#[wasm_bindgen_test]
async fn click_to_call_reaches_daktela_exactly_once() {
    let client = logged_in("agent2").await;
    let queue = client.outbound_queues().await.unwrap()[0]
        .name
        .clone()
        .unwrap();
    client
        .queue_login(std::slice::from_ref(&queue))
        .await
        .unwrap();
    client
        .click_to_call("00420777000111", &queue)
        .await
        .unwrap();
    let log = control(
        "GET",
        "requests?method=POST&contains=777000111",
        Value::Null,
    )
    .await;
    let calls: Vec<&Value> = log["requests"]
        .as_array()
        .expect("the simulator lists {requests: [...]}")
        .iter()
        .filter(|r| r["path"].as_str().unwrap_or("").contains("activities"))
        .collect();
    assert_eq!(calls.len(), 1, "request log: {log}");
    assert_eq!(calls[0]["body"]["number"], "00420777000111");
    control("POST", "hangup", json!({"agent": "agent2"})).await;
}

#[wasm_bindgen_test]
async fn a_phone_that_is_offline_is_recognised() {
    control("POST", "phone", json!({"agent": "agent3", "online": false})).await;
    let client = logged_in("agent3").await;
    let queue: QueueName = client.outbound_queues().await.unwrap()[0]
        .name
        .clone()
        .unwrap();
    client
        .queue_login(std::slice::from_ref(&queue))
        .await
        .unwrap();
    let err = client
        .click_to_call("00420777000222", &queue)
        .await
        .unwrap_err();
    control("POST", "phone", json!({"agent": "agent3", "online": true})).await;
    assert!(err.is_phone_offline(), "got {err:?}");
}

#[wasm_bindgen_test]
async fn a_slow_answer_times_out_instead_of_hanging() {
    let client = Client::new(
        sim_url(),
        BrowserTransport::new().with_timeout(Duration::from_millis(300)),
    );
    control(
        "POST",
        "faults",
        json!({"kind": "delay", "ms": 2000, "path_contains": "whoim"}),
    )
    .await;
    let err = client.whoim().await.unwrap_err();
    assert!(matches!(err, Error::Timeout), "got {err:?}");
}

#[wasm_bindgen_test]
async fn requests_in_flight_can_be_aborted() {
    let client = logged_in("supervisor").await;
    control(
        "POST",
        "faults",
        json!({"kind": "delay", "ms": 3000, "path_contains": "whoim"}),
    )
    .await;
    let pending = client.whoim();
    let aborter = client.clone();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(100).await;
        aborter.transport().abort_all();
    });
    let err = pending.await.unwrap_err();
    assert!(matches!(err, Error::Aborted), "got {err:?}");
}
