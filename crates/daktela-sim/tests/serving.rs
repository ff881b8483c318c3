//! CORS and same-origin modes, nesting under a prefix, and `spawn` on a real socket.
#![allow(clippy::unwrap_used)]

mod common;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use common::*;
use daktela_sim::{SimConfig, SimState, app};

const CRM: &str = "http://crm.example.test:8080";

fn preflight(origin: &str) -> Request<Body> {
    Request::builder()
        .method(Method::OPTIONS)
        .uri("/api/v6/activities.json")
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .header(
            header::ACCESS_CONTROL_REQUEST_HEADERS,
            "x-auth-token,content-type",
        )
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn cors_mode_answers_the_preflight_for_the_crm_origin() {
    let (_, app) = sim_with(SimConfig {
        cors_origins: vec![CRM.into()],
        ..config()
    });
    let r = run(&app, preflight(CRM)).await;
    assert!(r.status.is_success());
    assert_eq!(r.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], CRM);
    let methods = r.headers[header::ACCESS_CONTROL_ALLOW_METHODS]
        .to_str()
        .unwrap()
        .to_owned();
    for m in ["GET", "POST", "PUT", "DELETE"] {
        assert!(methods.contains(m), "{methods}");
    }
    let headers = r.headers[header::ACCESS_CONTROL_ALLOW_HEADERS]
        .to_str()
        .unwrap()
        .to_lowercase();
    assert!(
        headers.contains("x-auth-token") && headers.contains("content-type"),
        "{headers}"
    );
}

#[tokio::test]
async fn cors_mode_exposes_retry_after_on_real_answers_and_ignores_other_origins() {
    let (_, app) = sim_with(SimConfig {
        cors_origins: vec![CRM.into()],
        ..config()
    });
    let req = Request::builder()
        .uri("/api/v6/whoim.json")
        .header(header::ORIGIN, CRM)
        .body(Body::empty())
        .unwrap();
    let r = run(&app, req).await;
    assert_eq!(r.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], CRM);
    assert!(
        r.headers[header::ACCESS_CONTROL_EXPOSE_HEADERS]
            .to_str()
            .unwrap()
            .to_lowercase()
            .contains("retry-after")
    );
    let r = run(&app, preflight("http://evil.example.test")).await;
    assert!(r.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[tokio::test]
async fn same_origin_mode_sends_no_cors_headers() {
    let (_, app) = sim();
    let req = Request::builder()
        .uri("/api/v6/whoim.json")
        .header(header::ORIGIN, CRM)
        .body(Body::empty())
        .unwrap();
    let r = run(&app, req).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

#[tokio::test]
async fn the_router_works_nested_under_a_prefix_and_logs_inner_paths() {
    let state = SimState::seeded(config());
    let crm = Router::new().nest("/daktela", app(state.clone()));
    let r = get(&crm, "/daktela/api/v6/queues/2001.json", &token("agent1")).await;
    assert_eq!(r.json["result"]["title"], "Outbound CZ");
    let r = send(
        &crm,
        Method::POST,
        "/daktela/__sim/ring",
        None,
        Some(serde_json::json!({"agent": "agent1", "from": "777123456"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let log = state.requests(&daktela_sim::RequestFilter::default());
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].path, "/api/v6/queues/2001.json");
}

#[tokio::test]
async fn spawn_serves_on_localhost_and_shuts_down() {
    let sim = daktela_sim::spawn(config()).await.unwrap();
    assert!(sim.base_url.starts_with("http://127.0.0.1:"));
    let url = format!("{}/api/v6/whoim.json", sim.base_url);
    let r = http(Method::GET, &url, Some(&token("agent2")), None)
        .await
        .unwrap();
    assert_eq!(r.json["result"]["user"]["name"], "agent2");
    sim.shutdown().await;
    assert!(http(Method::GET, &url, None, None).await.is_err());
}
