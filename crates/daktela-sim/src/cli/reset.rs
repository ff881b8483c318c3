//! `daktela-sim reset`.

use super::client::Conn;
use axum::http::Method;

/// Options of `reset`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    o.conn
        .call_and_print(Method::POST, "/__sim/reset", None)
        .await
}
