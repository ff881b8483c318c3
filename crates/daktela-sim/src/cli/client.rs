//! A tiny HTTP client for the control routes of a running simulator.

use anyhow::{Context, bail};
use axum::body::Body;
use axum::http::{Method, Request, header};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::Value;

/// Where the running simulator is.
#[derive(Debug, clap::Args)]
pub struct Conn {
    /// Base URL of the running simulator.
    #[arg(long, env = "DAKTELA_SIM_URL", default_value = "http://127.0.0.1:8790")]
    pub sim_url: String,
}

impl Conn {
    /// Sends a control request and returns the JSON answer; a non-2xx answer is an error
    /// carrying the simulator's message.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> anyhow::Result<Value> {
        let uri = format!("{}{path}", self.sim_url.trim_end_matches('/'));
        let body = match body {
            Some(v) => Body::from(serde_json::to_vec(&v)?),
            None => Body::empty(),
        };
        let req = Request::builder()
            .method(method)
            .uri(&uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(body)
            .with_context(|| format!("bad URL {uri}"))?;
        let client = Client::builder(TokioExecutor::new()).build_http::<Body>();
        let resp = client
            .request(req)
            .await
            .with_context(|| format!("is the simulator running at {}?", self.sim_url))?;
        let status = resp.status();
        let bytes = axum::body::to_bytes(Body::new(resp.into_body()), 64 << 20)
            .await
            .context("reading the answer")?;
        let value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into()));
        if !status.is_success() {
            bail!("{status}: {value}");
        }
        Ok(value)
    }

    /// [`Conn::call`] and print the answer as pretty JSON.
    pub async fn call_and_print(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> anyhow::Result<()> {
        let v = self.call(method, path, body).await?;
        println!("{}", serde_json::to_string_pretty(&v)?);
        Ok(())
    }
}
