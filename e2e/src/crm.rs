//! What the demo CRM received, read over its API: the call logs and the widget's pairings.

use demo_crm::RunningDemo;
use serde_json::Value;

use crate::{PATIENCE, wait_until};

/// `GET url` as JSON (the harness has no HTTP client of its own; hyper-util's is enough).
///
/// # Errors
/// When the request fails or the body is not JSON.
pub async fn get_json(url: &str) -> anyhow::Result<Value> {
    use hyper_util::client::legacy::Client;
    use hyper_util::rt::TokioExecutor;
    let client: Client<_, String> = Client::builder(TokioExecutor::new()).build_http();
    let response = client.get(url.parse()?).await?;
    let bytes = http_body_util::BodyExt::collect(response.into_body())
        .await?
        .to_bytes();
    Ok(serde_json::from_slice(&bytes)?)
}

/// The CRM's call logs (`GET /api/call-logs`).
///
/// # Errors
/// When the CRM cannot be read.
pub async fn crm_logs(demo: &RunningDemo) -> anyhow::Result<Vec<Value>> {
    let body = get_json(&format!("{}/api/call-logs", demo.url())).await?;
    Ok(body.as_array().cloned().unwrap_or_default())
}

/// Waits until a CRM call log carries `note` (a wrap-up reached the CRM).
///
/// # Errors
/// On timeout, or when the CRM cannot be read.
pub async fn wait_for_logged_note(demo: &RunningDemo, note: &str) -> anyhow::Result<()> {
    wait_until("the note in the CRM", PATIENCE, || async {
        let logs = crm_logs(demo).await?;
        Ok(logs
            .iter()
            .any(|l| l["record"]["note"] == note)
            .then_some(()))
    })
    .await
}
