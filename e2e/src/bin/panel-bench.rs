//! The panel's figures (a benchmark that prints them, never a timed test; `scripts/bench.sh`
//! runs it after a Trunk release build):
//! - ring-to-pop latency over N inbound calls: from the moment the simulator rings the agent to
//!   the moment the CRM receives the request for the popped record page, both seen by this
//!   process on one clock;
//! - idle requests per minute the panel sends to Daktela with an agent logged in and ready.
//!
//! `BENCH_CALLS` (default 20) and `BENCH_IDLE_SECS` (default 60) size the run.
// A benchmark's output is its figures.
#![allow(clippy::print_stdout)]

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::middleware::{self, Next};
use daktela_cti_e2e::{Browser, PATIENCE, Panel, dist_dir, log_in_ready, wait_until};
use daktela_sim::{HangupOverrides, RequestFilter, RingRequest, SimState};
use demo_crm::DemoConfig;

const AGENT: &str = "agent1";
const CALLER: &str = "+420777123456";
/// The record the caller matches (Jan Novák), so every pop opens this page.
const RECORD_PAGE: &str = "/contacts/C-1002";

/// Page requests the CRM received: path and when.
type Hits = Arc<Mutex<Vec<(String, Instant)>>>;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> anyhow::Result<()> {
    let calls = env_number("BENCH_CALLS", 20);
    let idle_secs = env_number("BENCH_IDLE_SECS", 60);
    let hits: Hits = Arc::default();
    let (url, sim) = serve_demo(hits.clone()).await?;
    let browser = Browser::start().await?;
    let client = &browser.client;
    client.goto(&format!("{url}/contacts/C-1001")).await?;
    let home = client.window().await?;
    let panel = Panel::new(client);
    log_in_ready(&panel, &sim, AGENT, "agent1pass", &["1001"]).await?;

    let mut latencies = Vec::with_capacity(calls);
    for _ in 0..calls {
        latencies.push(one_call(&sim, &hits, &panel).await?);
        // Close the popped tab so the next pop is the only new one.
        for window in client.windows().await? {
            if window != home {
                client.switch_to_window(window).await?;
                client.close_window().await?;
            }
        }
        client.switch_to_window(home.clone()).await?;
    }
    latencies.sort_unstable();
    println!(
        "ring-to-pop over {calls} calls: p50 {} ms, p95 {} ms, max {} ms (budget: p95 < 500 ms)",
        percentile(&latencies, 50),
        percentile(&latencies, 95),
        latencies.last().map_or(0, Duration::as_millis)
    );

    let before = daktela_requests(&sim);
    tokio::time::sleep(Duration::from_secs(idle_secs)).await;
    let idle = daktela_requests(&sim) - before;
    // Per minute, whatever the measured window.
    let per_minute = idle as f64 * 60.0 / idle_secs as f64;
    println!("idle requests to Daktela: {per_minute:.1} per minute (measured over {idle_secs} s)");
    Ok(())
}

/// Rings the agent, waits for the pop, then answers, hangs up and submits the wrap-up so the
/// panel is ready for the next call. Returns ring-to-pop.
async fn one_call(sim: &SimState, hits: &Hits, panel: &Panel<'_>) -> anyhow::Result<Duration> {
    let rang_at = Instant::now();
    let rang = sim.ring(&RingRequest {
        agent: AGENT.into(),
        from: CALLER.into(),
        queue: Some(1001),
        did: None,
    })?;
    let popped_at = wait_until("the screen pop", PATIENCE, || async {
        Ok(hits
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .find(|(path, at)| path == RECORD_PAGE && *at >= rang_at)
            .map(|(_, at)| *at))
    })
    .await?;
    sim.answer(Some(&rang.activity), None)?;
    panel
        .wait_attr(".dcti-call", "data-phase", "talking")
        .await?;
    sim.hangup(Some(&rang.activity), None, &HangupOverrides::default())?;
    panel.wait_for("form.dcti-wrap-up").await?;
    panel.submit("form.dcti-wrap-up").await?;
    wait_until("the panel back to ready", PATIENCE, || async {
        Ok((panel.count("form.dcti-wrap-up").await? == 0).then_some(()))
    })
    .await?;
    Ok(popped_at - rang_at)
}

/// The demo CRM (with the simulator at `/daktela`) on a free port, recording page requests.
async fn serve_demo(hits: Hits) -> anyhow::Result<(String, SimState)> {
    let (router, sim) = demo_crm::app(DemoConfig::new(dist_dir()?))?;
    let router = router.layer(middleware::from_fn(move |req: Request, next: Next| {
        let hits = hits.clone();
        async move {
            let path = req.uri().path().to_owned();
            hits.lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push((path, Instant::now()));
            next.run(req).await
        }
    }));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
    let url = format!("http://{}", listener.local_addr()?);
    tokio::spawn(async move { axum::serve(listener, router).await });
    Ok((url, sim))
}

/// How many requests reached the simulator's API so far.
fn daktela_requests(sim: &SimState) -> usize {
    sim.requests(&RequestFilter::default())
        .iter()
        .filter(|r| r.path.starts_with("/api/"))
        .count()
}

fn percentile(sorted: &[Duration], p: usize) -> u128 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1].as_millis()
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
