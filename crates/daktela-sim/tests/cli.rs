//! The binary: `serve` starts fast and prints the logins; control subcommands drive a
//! running simulator over HTTP.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::Method;
use common::*;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_daktela-sim");

fn run_cli(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(BIN).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn control_subcommands_ring_answer_and_read_the_log_of_a_running_simulator() {
    let sim = daktela_sim::spawn(config()).await.unwrap();
    let url = sim.base_url.clone();
    let (ok, out, err) = tokio::task::spawn_blocking({
        let url = url.clone();
        move || {
            run_cli(&[
                "ring",
                "--sim-url",
                &url,
                "--agent",
                "agent1",
                "--from",
                "+420 777 123 456",
                "--queue",
                "1001",
            ])
        }
    })
    .await
    .unwrap();
    assert!(ok, "{err}");
    let created: serde_json::Value = serde_json::from_str(&out).unwrap();
    let name = created["activity"].as_str().unwrap().to_owned();
    assert_eq!(
        sim.state()
            .read(|w| w.activity(&name).unwrap().action.clone()),
        "WAIT"
    );

    let (ok, _, err) = tokio::task::spawn_blocking({
        let url = url.clone();
        move || run_cli(&["answer", "--sim-url", &url, "--agent", "agent1"])
    })
    .await
    .unwrap();
    assert!(ok, "{err}");
    assert_eq!(
        sim.state()
            .read(|w| w.activity(&name).unwrap().action.clone()),
        "OPEN"
    );

    http(
        Method::GET,
        &format!("{url}/api/v6/pauses.json"),
        Some(&token("agent1")),
        None,
    )
    .await
    .unwrap();
    let (ok, out, _) = tokio::task::spawn_blocking({
        let url = url.clone();
        move || run_cli(&["requests", "--sim-url", &url, "--path", "pauses"])
    })
    .await
    .unwrap();
    assert!(ok);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["requests"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    sim.shutdown().await;
}

#[test]
fn a_control_subcommand_reports_an_unknown_agent_as_a_failure() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let sim = rt.block_on(daktela_sim::spawn(config())).unwrap();
    let (ok, _, err) = run_cli(&[
        "phone",
        "--sim-url",
        &sim.base_url,
        "--agent",
        "ghost",
        "--offline",
    ]);
    assert!(!ok);
    assert!(err.contains("404") && err.contains("ghost"), "{err}");
    drop(sim);
}

#[test]
fn serve_starts_in_well_under_a_second_and_prints_the_demo_logins() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(["serve", "--port", &port.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let elapsed = started.elapsed();
    let rest: Vec<String> = lines.by_ref().take(6).map(Result::unwrap).collect();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(
        first.contains(&format!("http://127.0.0.1:{port}")),
        "{first}"
    );
    assert!(elapsed < Duration::from_millis(900), "took {elapsed:?}");
    let text = rest.join("\n");
    for login in ["agent1", "agent1pass", "agent2", "agent3", "supervisor"] {
        assert!(text.contains(login), "{text}");
    }
}
