//! Login, refresh, whoim and the ways a token reaches the server.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use daktela_sim::{LoginShape, SimConfig};
use serde_json::json;

#[tokio::test]
async fn login_answers_an_access_and_refresh_token_object_by_default() {
    let (_, app) = sim();
    let r = send(
        &app,
        Method::POST,
        "/api/v6/login.json",
        None,
        Some(json!({"username": "agent1", "password": "agent1pass", "only_token": 1})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(r.json["error"], json!([]));
    let access = r.json["result"]["accessToken"].as_str().unwrap();
    assert!(r.json["result"]["refreshToken"].is_string());
    let who = get(&app, "/api/v6/whoim.json", access).await;
    assert_eq!(who.json["result"]["user"]["name"], "agent1");
    assert_eq!(who.json["result"]["user"]["_sys"]["accessToken"], access);
}

#[tokio::test]
async fn login_answers_a_bare_token_string_in_string_shape() {
    let (_, app) = sim_with(SimConfig {
        login_shape: LoginShape::String,
        ..config()
    });
    let r = send(
        &app,
        Method::POST,
        "/api/v6/login.json",
        None,
        Some(json!({"username": "agent2", "password": "agent2pass", "only_token": "1"})),
    )
    .await;
    let token = r.json["result"].as_str().unwrap();
    assert_eq!(
        get(&app, "/api/v6/whoim.json", token).await.json["result"]["user"]["name"],
        "agent2"
    );
}

#[tokio::test]
async fn login_shape_can_be_switched_by_a_control_call() {
    let (_, app) = sim();
    send(
        &app,
        Method::POST,
        "/__sim/config",
        None,
        Some(json!({"login_shape": "string"})),
    )
    .await;
    let r = send(
        &app,
        Method::POST,
        "/api/v6/login.json",
        None,
        Some(json!({"username": "agent1", "password": "agent1pass"})),
    )
    .await;
    assert!(r.json["result"].is_string());
}

#[tokio::test]
async fn login_accepts_a_form_encoded_body() {
    let (_, app) = sim();
    let r = send_form(
        &app,
        Method::POST,
        "/api/v6/login.json",
        "username=agent3&password=agent3pass&only_token=1",
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert!(r.json["result"]["accessToken"].is_string());
}

#[tokio::test]
async fn bad_credentials_get_401_with_an_empty_body() {
    let (_, app) = sim();
    let r = send(
        &app,
        Method::POST,
        "/api/v6/login.json",
        None,
        Some(json!({"username": "agent1", "password": "nope"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.raw.is_empty());
}

#[tokio::test]
async fn refresh_rotates_tokens_and_refuses_a_used_refresh_token() {
    let (_, app) = sim();
    let r = send(
        &app,
        Method::POST,
        "/api/v6/login.json",
        None,
        Some(json!({"username": "agent1", "password": "agent1pass"})),
    )
    .await;
    let refresh = r.json["result"]["refreshToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let r2 = send(
        &app,
        Method::PUT,
        "/api/v6/login.json",
        None,
        Some(json!({"refreshToken": refresh})),
    )
    .await;
    assert_eq!(r2.status, StatusCode::OK);
    let access = r2.json["result"]["accessToken"].as_str().unwrap();
    assert_eq!(
        get(&app, "/api/v6/pauses.json", access).await.status,
        StatusCode::OK
    );
    let again = send(
        &app,
        Method::PUT,
        "/api/v6/login.json",
        None,
        Some(json!({"refreshToken": refresh})),
    )
    .await;
    assert_eq!(again.status, StatusCode::UNAUTHORIZED);
    assert!(again.raw.is_empty());
}

#[tokio::test]
async fn whoim_without_a_valid_token_is_200_with_a_null_user() {
    let (_, app) = sim();
    for token in [None, Some("not-a-token")] {
        let r = send(&app, Method::GET, "/api/v6/whoim.json", token, None).await;
        assert_eq!(r.status, StatusCode::OK);
        assert!(r.json["result"]["user"].is_null());
        assert!(r.json["result"]["version"].is_string());
        assert!(r.json["_timezone"].is_string());
    }
}

#[tokio::test]
async fn models_without_a_token_get_401_with_an_empty_body() {
    let (_, app) = sim();
    for path in [
        "/api/v6/pauses.json",
        "/api/v6/activities.json",
        "/api/v6/contacts/contact_jan_novak.json",
    ] {
        let r = send(&app, Method::GET, path, None, None).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{path}");
        assert!(r.raw.is_empty(), "{path}");
    }
}

#[tokio::test]
async fn token_in_the_access_token_query_parameter_is_accepted() {
    let (_, app) = sim();
    let r = send(
        &app,
        Method::GET,
        "/api/v6/queues.json?accessToken=sim-static-token-agent1",
        None,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["result"]["total"], 5);
}

#[tokio::test]
async fn token_in_a_form_body_field_is_accepted_like_the_jquery_examples() {
    let (_, app) = sim();
    let r = send_form(&app, Method::POST, "/api/v6/usersSession.json",
        "accessToken=sim-static-token-agent1&queues%5B0%5D%5Blogin%5D=true&queues%5B0%5D%5Bname%5D=2001&queues%5B0%5D%5Bpenalty%5D=0").await;
    assert_eq!(r.status, StatusCode::CREATED, "{:?}", r.json);
}

#[tokio::test]
async fn expired_tokens_get_401_and_a_fresh_login_works_again() {
    let (state, app) = sim();
    let r = send(
        &app,
        Method::POST,
        "/__sim/expire-tokens",
        None,
        Some(json!({"agent": "agent1"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.json["expired"].as_u64().unwrap() >= 1);
    assert_eq!(
        get(&app, "/api/v6/pauses.json", &token("agent1"))
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        get(&app, "/api/v6/pauses.json", &token("agent2"))
            .await
            .status,
        StatusCode::OK
    );
    assert!(state.login("agent1", "agent1pass").is_some());
}

#[tokio::test]
async fn the_json_suffix_is_optional() {
    let (_, app) = sim();
    assert_eq!(
        get(&app, "/api/v6/statuses", &token("agent1")).await.json["result"]["total"],
        4
    );
    assert_eq!(
        get(&app, "/api/v6/statuses/statuses_sale", &token("agent1"))
            .await
            .json["result"]["title"],
        "Sale"
    );
}
