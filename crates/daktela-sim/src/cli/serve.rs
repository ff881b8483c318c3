//! `daktela-sim serve`: run the simulator in the foreground.

use daktela_sim::{LoginShape, SEED_AGENTS, SimConfig, static_token};
use std::time::Duration;

/// Options of `serve`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 8790)]
    port: u16,
    /// Allow this origin cross-origin (repeatable). Without it: same-origin mode.
    #[arg(long = "cors-origin")]
    cors_origins: Vec<String>,
    /// Seconds `appPullData` waits when nothing happens.
    #[arg(long, default_value_t = 15)]
    pull_idle_secs: u64,
    /// Shape of the login answer.
    #[arg(long, value_enum, default_value = "object")]
    login_shape: Shape,
    /// Milliseconds before the far end answers a click-to-call.
    #[arg(long, default_value_t = 3000)]
    outbound_answer_ms: u64,
    /// Never auto-answer click-to-calls (answer them with `daktela-sim answer`).
    #[arg(long)]
    no_auto_answer: bool,
    /// Answer `appPullData` with 404 (exercises the client's polling fallback).
    #[arg(long)]
    no_pull_data: bool,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Shape {
    Object,
    String,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "daktela_sim=info".into()),
        )
        .init();
    let config = SimConfig {
        port: o.port,
        cors_origins: o.cors_origins.clone(),
        login_shape: match o.login_shape {
            Shape::Object => LoginShape::Object,
            Shape::String => LoginShape::String,
        },
        pull_idle: Duration::from_secs(o.pull_idle_secs),
        pull_data_enabled: !o.no_pull_data,
        outbound_answer_after: (!o.no_auto_answer)
            .then(|| Duration::from_millis(o.outbound_answer_ms)),
        ..SimConfig::default()
    };
    let sim = daktela_sim::spawn(config).await?;
    println!(
        "daktela-sim listening on {}  (API: {}/api/v6/, control: {}/__sim/)",
        sim.base_url, sim.base_url, sim.base_url
    );
    match o.cors_origins.as_slice() {
        [] => println!("same-origin mode (no CORS headers)"),
        origins => println!("CORS allowed for: {}", origins.join(", ")),
    }
    println!("demo agents (login / password / extension / static token):");
    for (login, password, title, ext) in SEED_AGENTS {
        println!(
            "  {login:<11} {password:<15} ext {ext}  {}  ({title})",
            static_token(login)
        );
    }
    println!(
        "queues: in 1001 Support CZ, 1002 Sales, 1003 VIP Line; out 2001 Outbound CZ, 2002 Callbacks"
    );
    tokio::signal::ctrl_c().await?;
    sim.shutdown().await;
    Ok(())
}
