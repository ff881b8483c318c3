//! The figures in the README: 1,000,000 generated contacts in 200,000 companies.
//!
//! `CARGO_TARGET_DIR=/work/target-sync cargo run --release -p crm-sync --example bench`
//!
//! 1. Sync-endpoint full load, dry run: read, plan and cut the payload (time, peak memory,
//!    request count and sizes).
//! 2. The same load really sent over loopback to a stand-in endpoint that accepts and drops
//!    the bodies, which also writes the incremental state.
//! 3. A 1% daily change as a partial load through the endpoint (dry run, with that state).
//! 4. REST mode request counts (dry runs against the simulator): the full first load, and
//!    the 1% change with the state.
//!
//! Each phase runs in a process of its own; peak memory is that process's `VmHWM` from
//! /proc/self/status.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use axum::Router;
use axum::routing::post;
use crm_sync::input::{Format, Source};
use crm_sync::{Config, Mode, Report};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

const CONTACTS: usize = 1_000_000;
const COMPANIES: usize = 200_000;

fn generate(path: &Path, changed_every: Option<usize>) {
    let mut w = BufWriter::new(std::fs::File::create(path).unwrap());
    let per = CONTACTS / COMPANIES;
    for i in 0..CONTACTS {
        let c = i / per;
        let last = match changed_every {
            Some(n) if i % n == 0 => format!("Changed{i}"),
            _ => format!("Lastname{i}"),
        };
        writeln!(
            w,
            r#"{{"id":{id},"name":"Firstname{i} {last}","firstname":"Firstname{i}","lastname":"{last}","description":"CRM contact {i}","fields":[{{"key":"number","value":["+420 6{n:08}"]}},{{"key":"email","value":["contact{i}@example.com"]}}],"company":{{"id":"C{c}","name":"Company {c} s.r.o.","description":"Customer since {y}","fields":[{{"key":"number","value":["+420 2{c:08}"]}}]}}}}"#,
            id = i + 1,
            n = i,
            y = 2000 + c % 25,
        )
        .unwrap();
    }
    w.flush().unwrap();
}

fn status_kib(key: &str) -> u64 {
    let text = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn config(base: &str, input: &Path, mode: Mode) -> Config {
    let mut cfg = Config::new(base, Source::File(input.to_path_buf()), Format::JsonLines);
    cfg.token = Some("sim-static-token-agent1".into());
    cfg.mode = mode;
    cfg
}

async fn phase(title: &str, cfg: &Config) -> Report {
    let started = Instant::now();
    let report = crm_sync::run(cfg).await.unwrap();
    let secs = started.elapsed().as_secs_f64();
    let r = &report.requests;
    println!("## {title}");
    println!(
        "time {secs:.1} s, peak memory (VmHWM) {} MB, contacts read {}, ok {}",
        status_kib("VmHWM:") / 1024,
        report.counts.contacts_read,
        report.succeeded()
    );
    if !r.sync_sizes.is_empty() {
        let total: usize = r.sync_sizes.iter().sum();
        println!(
            "sync endpoint: {} requests, {:.1} MB in all, largest {:.2} MB, smallest {:.2} MB",
            r.sync_posts,
            total as f64 / 1e6,
            *r.sync_sizes.iter().max().unwrap() as f64 / 1e6,
            *r.sync_sizes.iter().min().unwrap() as f64 / 1e6,
        );
    }
    if cfg.mode == Mode::Rest {
        println!(
            "REST: {} requests = {} GET + {} POST + {} PUT (contacts {} created, {} updated; accounts {} created, {} updated)",
            r.total(),
            r.gets,
            r.posts,
            r.puts,
            report.written.contacts_created,
            report.written.contacts_updated,
            report.written.accounts_created,
            report.written.accounts_updated
        );
    }
    println!();
    report
}

/// The phases; each runs in a child process of its own, so that its peak memory is its own.
fn phase_config(n: &str, url: &str, dir: &Path) -> (&'static str, Config) {
    let (base, daily, state) = (
        dir.join("base.jsonl"),
        dir.join("daily.jsonl"),
        dir.join("state"),
    );
    match n {
        "1" => {
            let mut cfg = config(url, &base, Mode::Endpoint);
            cfg.full = true;
            cfg.dry_run = true;
            (
                "1. sync endpoint, full load: read, plan, build and cut the payload (dry run)",
                cfg,
            )
        }
        "2" => {
            let mut cfg = config(url, &base, Mode::Endpoint);
            cfg.full = true;
            cfg.state_path = Some(state);
            (
                "2. sync endpoint, full load sent over loopback to a stand-in (writes the state)",
                cfg,
            )
        }
        "3" => {
            let mut cfg = config(url, &daily, Mode::Endpoint);
            cfg.state_path = Some(state);
            cfg.dry_run = true;
            (
                "3. sync endpoint, partial load of a 1% change, with the state (dry run)",
                cfg,
            )
        }
        "4" => {
            let mut cfg = config(url, &base, Mode::Rest);
            cfg.dry_run = true;
            (
                "4. REST mode, first load into an instance without these records (dry run)",
                cfg,
            )
        }
        _ => {
            let mut cfg = config(url, &daily, Mode::Rest);
            cfg.state_path = Some(state);
            cfg.dry_run = true;
            (
                "5. REST mode, 1% daily change, with the state (dry run)",
                cfg,
            )
        }
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, n, url, dir] = args.as_slice()
        && flag == "--phase"
    {
        let (title, cfg) = phase_config(n, url, Path::new(dir));
        let report = phase(title, &cfg).await;
        std::process::exit(i32::from(!report.succeeded()));
    }
    let dir: PathBuf = std::env::temp_dir().join(format!("crm-sync-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let t = Instant::now();
    generate(&dir.join("base.jsonl"), None);
    generate(&dir.join("daily.jsonl"), Some(100));
    println!(
        "generated {CONTACTS} contacts in {COMPANIES} companies ({:.0} MB of JSON lines) in {:.1} s\n",
        std::fs::metadata(dir.join("base.jsonl")).unwrap().len() as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    // A stand-in sync endpoint on loopback: reads each body whole, answers success.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sink = format!("http://{}", listener.local_addr().unwrap());
    let app = Router::new()
        .route(
            crm_sync::SYNC_PATH,
            post(|body: axum::body::Bytes| async move {
                axum::Json(serde_json::json!({"error": [], "result": {"bytes": body.len()}}))
            }),
        )
        .layer(axum::extract::DefaultBodyLimit::max(32 << 20));
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    // REST dry runs read the existing records from the simulator (it has only its seed).
    let sim = daktela_sim::spawn(daktela_sim::SimConfig::default())
        .await
        .unwrap();

    let exe = std::env::current_exe().unwrap();
    for n in ["1", "2", "3", "4", "5"] {
        let url = if n == "4" || n == "5" {
            &sim.base_url
        } else {
            &sink
        };
        let status = tokio::process::Command::new(&exe)
            .args(["--phase", n, url, dir.to_str().unwrap()])
            .status()
            .await
            .unwrap();
        assert!(status.success(), "phase {n} failed");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
