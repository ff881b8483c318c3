//! `daktela-sim requests [--method POST] [--path activities] [--contains 777123456] [--clear]`.

use super::client::Conn;
use axum::http::Method;

/// Options of `requests`.
#[derive(Debug, clap::Args)]
pub struct Opts {
    #[command(flatten)]
    conn: Conn,
    /// Only this method.
    #[arg(long)]
    method: Option<String>,
    /// Only paths containing this text.
    #[arg(long)]
    path: Option<String>,
    /// Only requests whose query or body contains this text.
    #[arg(long)]
    contains: Option<String>,
    /// Empty the log instead of showing it.
    #[arg(long)]
    clear: bool,
}

pub async fn run(o: Opts) -> anyhow::Result<()> {
    if o.clear {
        return o
            .conn
            .call_and_print(Method::DELETE, "/__sim/requests", None)
            .await;
    }
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in [
        ("method", &o.method),
        ("path", &o.path),
        ("contains", &o.contains),
    ] {
        if let Some(v) = v {
            q.append_pair(k, v);
        }
    }
    let path = format!("/__sim/requests?{}", q.finish());
    o.conn.call_and_print(Method::GET, &path, None).await
}
