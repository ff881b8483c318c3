//! The reqwest transport against a real HTTP server on 127.0.0.1: headers, body, statuses and
//! timeouts really go over the wire. (Tests against `daktela-sim` come with that crate.)
#![cfg(feature = "native")]
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::http::{HeaderMap, Method as HttpMethod, StatusCode, Uri};
use axum::response::IntoResponse;
use axum::routing::any;
use daktela_api::models::{QueueName, Whoim};
use daktela_api::{AccessToken, Client, Error, ReqwestTransport, TokenPlacement};
use serde_json::{Value, json};

/// Echoes what it received inside a Daktela envelope, so the test reads it back as `result`.
async fn echo(method: HttpMethod, uri: Uri, headers: HeaderMap, body: Bytes) -> impl IntoResponse {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let result = json!({
        "method": method.as_str(),
        "path": uri.path(),
        "query": uri.query(),
        "token": header("x-auth-token"),
        "content_type": header("content-type"),
        "body": String::from_utf8_lossy(&body),
    });
    let status = if method == HttpMethod::POST {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    (
        status,
        axum::Json(json!({"error": [], "result": result, "_time": "2024-01-01 10:00:00"})),
    )
}

async fn slow() -> impl IntoResponse {
    tokio::time::sleep(Duration::from_secs(5)).await;
    "too late"
}

async fn limited() -> impl IntoResponse {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [("Retry-After", "7")],
        r#"{"error":["Too many requests"]}"#,
    )
}

async fn unauthorized() -> impl IntoResponse {
    StatusCode::UNAUTHORIZED
}

/// Starts the server on an ephemeral port; it lives as long as the test's runtime.
async fn server() -> String {
    let app = Router::new()
        .route("/api/v6/slow.json", any(slow))
        .route("/api/v6/limited.json", any(limited))
        .route("/api/v6/whoim.json", any(unauthorized))
        .fallback(echo);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

fn client(base: &str) -> Client<ReqwestTransport> {
    let transport = ReqwestTransport::new().with_timeout(Duration::from_millis(500));
    Client::new(base, transport).with_token(AccessToken::new("tok"))
}

#[tokio::test]
async fn click_to_call_sends_token_header_and_json_body_over_the_wire() {
    let base = server().await;
    let echoed: Value = client(&base)
        .execute(daktela_api::requests::click_to_call(
            "123456789",
            &QueueName::new("2000"),
        ))
        .await
        .unwrap();
    assert_eq!(echoed["method"], "POST");
    assert_eq!(echoed["path"], "/api/v6/activities.json");
    assert_eq!(echoed["token"], "tok");
    assert_eq!(echoed["content_type"], "application/json");
    let body: Value = serde_json::from_str(echoed["body"].as_str().unwrap()).unwrap();
    assert_eq!(
        body,
        json!({"type": "CALL", "number": "123456789", "queue": 2000})
    );
}

#[tokio::test]
async fn query_placement_sends_the_token_in_the_query_only() {
    let base = server().await;
    let client = Client::with_placement(&base, ReqwestTransport::new(), TokenPlacement::Query)
        .with_token(AccessToken::new("tok"));
    let echoed: Value = client.get("activities", "a/b").await.unwrap();
    assert_eq!(echoed["path"], "/api/v6/activities/a%2Fb.json");
    assert_eq!(echoed["query"], "accessToken=tok");
    assert_eq!(echoed["token"], Value::Null);
}

#[tokio::test]
async fn a_slow_server_times_out_as_a_timeout() {
    let base = server().await;
    let started = std::time::Instant::now();
    let error = client(&base)
        .list::<Value>("slow", &daktela_api::ListQuery::new())
        .await
        .unwrap_err();
    assert_eq!(error, Error::Timeout);
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "gave up after {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn rate_limit_headers_survive_the_transport() {
    let base = server().await;
    let error = client(&base)
        .list::<Value>("limited", &daktela_api::ListQuery::new())
        .await
        .unwrap_err();
    assert_eq!(
        error,
        Error::RateLimited {
            retry_after: Some(7),
            messages: vec!["Too many requests".into()]
        }
    );
}

#[tokio::test]
async fn an_empty_401_is_unauthorized() {
    let base = server().await;
    assert!(
        client(&base)
            .whoim()
            .await
            .map(|w: Whoim| w.version)
            .unwrap_err()
            .is_unauthorized()
    );
}

#[tokio::test]
async fn nothing_listening_is_a_network_error_without_the_url() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::with_placement(&base, ReqwestTransport::new(), TokenPlacement::Query)
        .with_token(AccessToken::new("s3cr3t"));
    let error = client.whoim().await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(!error.to_string().contains("s3cr3t"), "{error}");
    assert!(
        error.to_string().contains("onnect"),
        "says what failed: {error}"
    );
}
