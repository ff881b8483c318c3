//! Shared helpers: a simulator on 127.0.0.1:0, generated CRM data, configs, the sim's log.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use crm_sync::input::{Format, Source};
use crm_sync::{Config, Mode, Report};
use daktela_sim::{RequestFilter, RunningSim, SimConfig};
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

/// The seeded agent's static token.
pub const TOKEN: &str = "sim-static-token-agent1";

/// A simulator on a free port.
pub async fn sim() -> RunningSim {
    daktela_sim::spawn(SimConfig {
        outbound_answer_after: None,
        pull_idle: Duration::from_millis(300),
        ..SimConfig::default()
    })
    .await
    .expect("simulator starts")
}

/// `n` contacts as JSON lines: contact `i` belongs to company `i / per_company` except every
/// tenth, which has no company. `tweak` may change a contact's last name.
pub fn jsonl(n: usize, per_company: usize, tweak: impl Fn(usize) -> Option<String>) -> Vec<u8> {
    let mut out = String::new();
    for i in 0..n {
        let company = if i % 10 == 9 {
            json!(null)
        } else {
            let c = i / per_company;
            json!({"id": c + 1000, "name": format!("Company {c}"), "description": null,
                   "fields": [{"key": "email", "value": [format!("office{c}@example.com")]}]})
        };
        let last = tweak(i).unwrap_or_else(|| format!("Last{i}"));
        let line = json!({"id": i + 1, "name": format!("First{i} {last}"), "firstname": format!("First{i}"),
            "lastname": last, "description": null,
            "fields": [{"key": "number", "value": [format!("+420 601 {:06}", i)]},
                       {"key": "email", "value": [format!("c{i}@example.com")]}],
            "company": company});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

/// A config against `sim` reading `data` as JSON lines.
pub fn config(sim: &RunningSim, data: Vec<u8>, mode: Mode) -> Config {
    let mut cfg = Config::new(&sim.base_url, Source::Bytes(data), Format::JsonLines);
    cfg.token = Some(TOKEN.to_owned());
    cfg.mode = mode;
    cfg.concurrency = 4;
    cfg.max_retry_after = 1;
    cfg
}

/// Runs and returns the report.
pub async fn run(cfg: &Config) -> Report {
    crm_sync::run(cfg).await.expect("the run starts")
}

/// Requests the simulator received with this method and path part.
pub fn logged(sim: &RunningSim, method: &str, path: &str) -> usize {
    sim.state()
        .requests(&RequestFilter {
            method: Some(method.to_owned()),
            path: Some(path.to_owned()),
            contains: None,
        })
        .len()
}

/// A fresh temporary directory for state files.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crm-sync-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Names of the simulator's contacts with the crm-sync prefix.
pub fn synced_contacts(sim: &RunningSim) -> Vec<String> {
    sim.state().read(|w| {
        w.contacts
            .iter()
            .filter(|c| c.name.starts_with("crm_contact_"))
            .map(|c| c.name.clone())
            .collect()
    })
}
