//! `daktela-sim answer (--activity NAME | --agent LOGIN)`.

use super::client::Conn;
use axum::http::Method;
use serde_json::json;

/// Options of `answer`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    /// Activity name (from `ring`).
    #[arg(long, required_unless_present = "agent")]
    activity: Option<String>,
    /// Or: the agent whose ringing call to answer.
    #[arg(long)]
    agent: Option<String>,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    let body = json!({"activity": o.activity, "agent": o.agent});
    o.conn
        .call_and_print(Method::POST, "/__sim/answer", Some(body))
        .await
}
