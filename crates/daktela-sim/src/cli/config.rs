//! `daktela-sim config [--login-shape string] [--pull-idle-ms N] [--pull-data on|off]
//! [--outbound-answer-ms N | --no-auto-answer]`; without options it shows the settings.

use super::client::Conn;
use axum::http::Method;
use serde_json::{Map, Value, json};

/// Options of `config`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    /// `object` or `string`.
    #[arg(long)]
    login_shape: Option<String>,
    /// Pull-data idle time in milliseconds.
    #[arg(long)]
    pull_idle_ms: Option<u64>,
    /// Serve pull data (`true`) or answer 404 (`false`).
    #[arg(long)]
    pull_data: Option<bool>,
    /// Auto-answer click-to-calls after this many milliseconds.
    #[arg(long, conflicts_with = "no_auto_answer")]
    outbound_answer_ms: Option<u64>,
    /// Never auto-answer click-to-calls.
    #[arg(long)]
    no_auto_answer: bool,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    let mut patch = Map::new();
    if let Some(s) = o.login_shape {
        patch.insert("login_shape".into(), json!(s));
    }
    if let Some(ms) = o.pull_idle_ms {
        patch.insert("pull_idle_ms".into(), json!(ms));
    }
    if let Some(e) = o.pull_data {
        patch.insert("pull_data_enabled".into(), json!(e));
    }
    if let Some(ms) = o.outbound_answer_ms {
        patch.insert("outbound_answer_after_ms".into(), json!(ms));
    }
    if o.no_auto_answer {
        patch.insert("outbound_answer_after_ms".into(), Value::Null);
    }
    if patch.is_empty() {
        return o
            .conn
            .call_and_print(Method::GET, "/__sim/config", None)
            .await;
    }
    o.conn
        .call_and_print(Method::POST, "/__sim/config", Some(Value::Object(patch)))
        .await
}
