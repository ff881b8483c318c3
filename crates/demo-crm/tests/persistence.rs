//! Call logs and created contacts survive a restart, are written atomically, and a damaged data
//! file stops the CRM instead of being silently replaced.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::time::Duration;

use axum::http::StatusCode;
use common::{call_log, fake_dist, form, get, json, tempdir};
use demo_crm::{DemoConfig, DemoError, app, spawn};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn config(dist: &tempdir::Dir, data: &Path) -> DemoConfig {
    let mut c = DemoConfig::new(dist.path());
    c.data_file = Some(data.to_owned());
    c
}

/// One HTTP/1.1 exchange over a real socket: (status, body).
async fn http(addr: std::net::SocketAddr, method: &str, path: &str, body: &str) -> (u16, String) {
    let exchange = async {
        let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
        let req = format!(
            "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(req.as_bytes()).await.unwrap();
        let mut raw = String::new();
        stream.read_to_string(&mut raw).await.unwrap();
        raw
    };
    let raw = tokio::time::timeout(Duration::from_secs(5), exchange)
        .await
        .unwrap();
    let status = raw[9..12].parse().unwrap();
    let body = raw.split_once("\r\n\r\n").unwrap().1.to_owned();
    (status, body)
}

#[tokio::test]
async fn a_call_log_survives_a_restart() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("demo-data/crm.json");
    let log = call_log("activities_persist", "+420777123456").to_string();

    let demo = spawn(config(&dist, &data), 0).await.unwrap();
    let (status, _) = http(demo.addr, "PUT", "/api/call-logs/activities_persist", &log).await;
    assert_eq!(status, 201);
    drop(demo);

    let demo = spawn(config(&dist, &data), 0).await.unwrap();
    let (status, body) = http(demo.addr, "GET", "/api/call-logs/activities_persist", "").await;
    assert_eq!(status, 200);
    let stored: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(stored["record"]["remote_number"], "+420777123456");
    // The same key after the restart updates the record instead of adding a second one.
    let (status, _) = http(demo.addr, "PUT", "/api/call-logs/activities_persist", &log).await;
    assert_eq!(status, 200);
    let (_, all) = http(demo.addr, "GET", "/api/call-logs", "").await;
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&all)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_created_contact_survives_a_restart_and_ids_continue() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("crm.json");
    let r = app(config(&dist, &data)).unwrap().0;
    let res = form(&r, "/contacts", "name=Ivana+Nov%C3%A1&phone=608999000").await;
    assert_eq!(res.headers["location"], "/contacts/C-1009");

    let r = app(config(&dist, &data)).unwrap().0;
    let page = get(&r, "/contacts/C-1009").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text.contains(r#"href="tel:+420608999000""#));
    let res = form(&r, "/contacts", "name=Second&phone=608999001").await;
    assert_eq!(res.headers["location"], "/contacts/C-1010");
}

#[tokio::test]
async fn saving_leaves_only_the_data_file_behind() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("crm.json");
    let r = app(config(&dist, &data)).unwrap().0;
    for i in 0..5 {
        let ext = format!("activities_{i}");
        let res = json(
            &r,
            "PUT",
            &format!("/api/call-logs/{ext}"),
            &call_log(&ext, "+420602111222"),
        )
        .await;
        assert_eq!(res.status, StatusCode::CREATED);
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["crm.json"]);
    let saved: serde_json::Value = serde_json::from_slice(&std::fs::read(&data).unwrap()).unwrap();
    assert_eq!(saved["version"], 1);
    assert_eq!(saved["call_logs"].as_array().unwrap().len(), 5);
}

#[tokio::test]
async fn a_refused_log_does_not_touch_the_file() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("crm.json");
    let r = app(config(&dist, &data)).unwrap().0;
    let res = json(
        &r,
        "POST",
        "/api/call-logs",
        &serde_json::json!({"direction": "in"}),
    )
    .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!data.exists());
}

#[tokio::test]
async fn a_failed_save_is_a_500_and_the_log_is_not_kept_in_memory_either() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("sub/crm.json");
    let r = app(config(&dist, &data)).unwrap().0;
    // After the start, the data file's folder becomes a regular file: every save fails.
    std::fs::write(dir.path().join("sub"), "").unwrap();
    let log = call_log("activities_lost", "+420602111222");
    let res = json(&r, "PUT", "/api/call-logs/activities_lost", &log).await;
    assert_eq!(res.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        res.json()["error"]
            .as_str()
            .unwrap()
            .contains("cannot save")
    );
    assert_eq!(
        get(&r, "/api/call-logs").await.json(),
        serde_json::json!([])
    );
}

#[test]
fn a_corrupt_data_file_stops_the_start_with_its_path_and_keeps_the_file() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("crm.json");
    std::fs::write(&data, r#"{"version": 1, "call_logs": [{"id": "L-1""#).unwrap();
    let err = app(config(&dist, &data)).err().unwrap();
    assert!(matches!(err, DemoError::Store(_)));
    let message = err.to_string();
    assert!(message.contains(&data.display().to_string()), "{message}");
    assert!(message.contains("is not valid"), "{message}");
    assert_eq!(
        std::fs::read_to_string(&data).unwrap(),
        r#"{"version": 1, "call_logs": [{"id": "L-1""#
    );
}

#[test]
fn a_data_file_of_another_version_is_refused() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("crm.json");
    std::fs::write(&data, r#"{"version": 2, "contacts": [], "call_logs": []}"#).unwrap();
    let message = app(config(&dist, &data)).err().unwrap().to_string();
    assert!(message.contains("has version 2"), "{message}");
}

#[test]
fn a_stored_log_that_breaks_the_record_rules_is_refused_too() {
    let dist = fake_dist();
    let dir = tempdir::Dir::new();
    let data = dir.path().join("crm.json");
    let bad = r#"{"version": 1, "call_logs": [{"id": "L-1", "created_at": "x", "updated_at": "x",
        "updates": 0, "record": {"external_id": "a", "direction": "up", "remote_number": "1"}}]}"#;
    std::fs::write(&data, bad).unwrap();
    let message = app(config(&dist, &data)).err().unwrap().to_string();
    assert!(message.contains("direction"), "{message}");
}
