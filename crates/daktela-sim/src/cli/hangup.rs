//! `daktela-sim hangup (--activity NAME | --agent LOGIN) [--ringing-time S] [--duration S] [--by agent]`.

use super::client::Conn;
use axum::http::Method;
use serde_json::json;

/// Options of `hangup`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    /// Activity name.
    #[arg(long, required_unless_present = "agent")]
    activity: Option<String>,
    /// Or: the agent whose live call to end.
    #[arg(long)]
    agent: Option<String>,
    /// Record this many seconds of ringing instead of the real time.
    #[arg(long)]
    ringing_time: Option<i64>,
    /// Record this many seconds of talk instead of the real time.
    #[arg(long)]
    duration: Option<i64>,
    /// Who hung up: caller (default) or agent.
    #[arg(long)]
    by: Option<String>,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    let body = json!({"activity": o.activity, "agent": o.agent, "ringing_time": o.ringing_time,
        "duration": o.duration, "by": o.by});
    o.conn
        .call_and_print(Method::POST, "/__sim/hangup", Some(body))
        .await
}
