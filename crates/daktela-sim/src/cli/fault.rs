//! `daktela-sim fault (status --status 503 | rate-limit --retry-after 2 | delay --ms 500 |
//! drop | list | clear) [--count N] [--path TEXT]`.

use super::client::Conn;
use axum::http::Method;
use serde_json::{Value, json};

/// Options of `fault`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    #[command(subcommand)]
    action: Action,
}

#[derive(Debug, clap::Args)]
struct Arm {
    /// How many matching requests the fault hits.
    #[arg(long, default_value_t = 1)]
    count: u32,
    /// Only requests whose path contains this text.
    #[arg(long)]
    path: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
enum Action {
    /// Answer with an HTTP status (e.g. 500, 503, 401).
    Status {
        #[arg(long, default_value_t = 503)]
        status: u16,
        /// Raw response body.
        #[arg(long)]
        body: Option<String>,
        #[command(flatten)]
        arm: Arm,
    },
    /// Answer 429 with Retry-After.
    RateLimit {
        #[arg(long, default_value_t = 1)]
        retry_after: u64,
        #[command(flatten)]
        arm: Arm,
    },
    /// Delay the answer.
    Delay {
        #[arg(long)]
        ms: u64,
        #[command(flatten)]
        arm: Arm,
    },
    /// Drop the connection.
    Drop {
        #[command(flatten)]
        arm: Arm,
    },
    /// List armed faults.
    List,
    /// Disarm all faults.
    Clear,
}

fn spec(kind: Value, arm: Arm) -> Value {
    let mut v = kind;
    v["count"] = json!(arm.count);
    v["path_contains"] = json!(arm.path);
    v
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    let body = match o.action {
        Action::List => {
            return o
                .conn
                .call_and_print(Method::GET, "/__sim/faults", None)
                .await;
        }
        Action::Clear => {
            return o
                .conn
                .call_and_print(Method::DELETE, "/__sim/faults", None)
                .await;
        }
        Action::Status { status, body, arm } => spec(
            json!({"kind": "status", "status": status, "body": body}),
            arm,
        ),
        Action::RateLimit { retry_after, arm } => spec(
            json!({"kind": "rate_limit", "retry_after_secs": retry_after}),
            arm,
        ),
        Action::Delay { ms, arm } => spec(json!({"kind": "delay", "ms": ms}), arm),
        Action::Drop { arm } => spec(json!({"kind": "drop"}), arm),
    };
    o.conn
        .call_and_print(Method::POST, "/__sim/faults", Some(body))
        .await
}
