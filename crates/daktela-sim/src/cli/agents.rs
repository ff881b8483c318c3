//! `daktela-sim agents`: logins, static tokens, phones, queues, pauses, live calls.

use super::client::Conn;
use axum::http::Method;

/// Options of `agents`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    o.conn
        .call_and_print(Method::GET, "/__sim/agents", None)
        .await
}
