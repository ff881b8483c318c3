//! `daktela-sim phone --agent agent1 (--offline | --online)`.

use super::client::Conn;
use axum::http::Method;
use serde_json::json;

/// Options of `phone`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    /// Agent login.
    #[arg(long)]
    agent: String,
    /// Take the phone offline.
    #[arg(long, conflicts_with = "online", required_unless_present = "online")]
    offline: bool,
    /// Bring the phone online.
    #[arg(long)]
    online: bool,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    let body = json!({"agent": o.agent, "online": o.online && !o.offline});
    o.conn
        .call_and_print(Method::POST, "/__sim/phone", Some(body))
        .await
}
