//! `daktela-sim expire-tokens [--agent LOGIN] [--include-refresh]`.

use super::client::Conn;
use axum::http::Method;
use serde_json::json;

/// Options of `expire-tokens`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    /// Only this agent's tokens (default: everyone's).
    #[arg(long)]
    agent: Option<String>,
    /// Expire refresh tokens too, forcing a new login.
    #[arg(long)]
    include_refresh: bool,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    let body = json!({"agent": o.agent, "include_refresh": o.include_refresh});
    o.conn
        .call_and_print(Method::POST, "/__sim/expire-tokens", Some(body))
        .await
}
