//! The demo CRM serves the panel's build, its own assets and the simulator the way browsers need.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::StatusCode;
use common::{fake_dist, get, router};
use demo_crm::{DemoConfig, DemoError, app};

#[tokio::test]
async fn root_serves_the_trunk_index_page() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.text, "<h1>Brightdesk CRM</h1>");
}

#[tokio::test]
async fn wasm_is_served_as_application_wasm() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/daktela-cti_bg.wasm").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.headers["content-type"], "application/wasm");
}

#[tokio::test]
async fn unknown_paths_are_not_found() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/nope.js").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn daktela_is_reachable_on_the_same_origin() {
    let dist = fake_dist();
    let res = get(
        &router(&dist),
        "/daktela/api/v6/whoim.json?accessToken=sim-static-token-agent1",
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["result"]["user"]["name"], "agent1");
}

#[tokio::test]
async fn demo_controls_script_is_served_as_javascript_and_drives_the_simulator() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/demo-controls.js").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        res.headers["content-type"],
        "text/javascript; charset=utf-8"
    );
    for route in [
        "\"/__sim/\"",
        "\"ring\"",
        "\"answer\"",
        "\"hangup\"",
        "\"phone\"",
    ] {
        assert!(res.text.contains(route), "{route}");
    }
}

#[tokio::test]
async fn the_stylesheet_is_served_as_css() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/crm.css").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.headers["content-type"], "text/css; charset=utf-8");
    assert!(res.text.contains(".demo-controls"));
}

#[test]
fn an_unknown_country_is_refused_at_start() {
    let mut config = DemoConfig::new("dist");
    config.default_country = "XX".into();
    let err = app(config).err().unwrap();
    assert!(matches!(err, DemoError::UnknownCountry(ref c) if c == "XX"));
    assert!(err.to_string().contains("\"XX\""));
}
