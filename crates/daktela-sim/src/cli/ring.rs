//! `daktela-sim ring --agent agent1 --from "+420 777 123 456" [--queue 1001]`.

use super::client::Conn;
use axum::http::Method;
use serde_json::json;

/// Options of `ring`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    /// Agent login.
    #[arg(long)]
    agent: String,
    /// Caller's number (any common form).
    #[arg(long)]
    from: String,
    /// Inbound queue number.
    #[arg(long)]
    queue: Option<i64>,
    /// Dialled number (DID).
    #[arg(long)]
    did: Option<String>,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    let body = json!({"agent": o.agent, "from": o.from, "queue": o.queue, "did": o.did});
    o.conn
        .call_and_print(Method::POST, "/__sim/ring", Some(body))
        .await
}
