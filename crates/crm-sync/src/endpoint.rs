//! Sending payloads to the white paper's bulk endpoint, `POST /custom/crm/sync.php`.

use crate::config::SYNC_PATH;
use daktela_api::{Error, interpret};
use serde_json::Value;
use std::time::Duration;

/// How many times one request is repeated after a 429 before the run gives up.
const MAX_429_RETRIES: u32 = 5;

/// Posts payloads to the sync endpoint.
#[derive(Debug, Clone)]
pub struct EndpointSender {
    http: reqwest::Client,
    url: String,
    token: Option<String>,
    max_retry_after: u64,
}

/// A payload the endpoint did not accept.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EndpointError {
    /// 413: the server's limit is below ours; lower `--max-request-bytes`.
    #[error(
        "the sync endpoint refused a {bytes}-byte request as too large (413); lower --max-request-bytes"
    )]
    TooLarge {
        /// The body size.
        bytes: usize,
    },
    /// Any other refusal or failure.
    #[error("the sync endpoint failed: {0}")]
    Failed(String),
}

impl EndpointSender {
    /// A sender for the instance at `base_url`.
    pub fn new(base_url: &str, token: Option<String>, max_retry_after: u64) -> Self {
        EndpointSender {
            http: reqwest::Client::new(),
            url: format!("{}{SYNC_PATH}", base_url.trim_end_matches('/')),
            token,
            max_retry_after,
        }
    }

    /// Sends one body; returns the endpoint's `result`. A 429 is waited out (the request was
    /// not processed, so repeating it is safe); nothing else is repeated, because a timed-out
    /// load may have been applied.
    ///
    /// UNCONFIRMED(S1): the endpoint authenticates like the REST API (`X-AUTH-TOKEN` header).
    /// UNCONFIRMED(S2): it answers with the API's envelope `{error, result}`, a non-empty
    /// `error` meaning failure, and 413 when the body is over its limit. See READINGS.md.
    ///
    /// # Errors
    /// [`EndpointError`].
    pub async fn send(&self, body: Vec<u8>, retries: &mut u64) -> Result<Value, EndpointError> {
        let bytes = body.len();
        let body = bytes::Bytes::from(body);
        let mut attempt = 0;
        loop {
            let mut req = self
                .http
                .post(&self.url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration::from_secs(600))
                .body(body.clone());
            if let Some(t) = &self.token {
                req = req.header("X-AUTH-TOKEN", t);
            }
            let resp = req
                .send()
                .await
                // Without the URL: it is harmless here, but the rule is no URLs in errors.
                .map_err(|e| EndpointError::Failed(e.without_url().to_string()))?;
            let status = resp.status().as_u16();
            let headers: Vec<(String, String)> = resp
                .headers()
                .iter()
                .filter_map(|(k, v)| Some((k.as_str().to_owned(), v.to_str().ok()?.to_owned())))
                .collect();
            let raw = resp
                .bytes()
                .await
                .map_err(|e| EndpointError::Failed(e.without_url().to_string()))?;
            match interpret::<Value>(status, &headers, &raw) {
                Ok(v) => return Ok(v),
                Err(Error::RateLimited { retry_after, .. }) if attempt < MAX_429_RETRIES => {
                    attempt += 1;
                    *retries += 1;
                    let wait = retry_after.unwrap_or(1).min(self.max_retry_after);
                    tokio::time::sleep(Duration::from_secs(wait)).await;
                }
                Err(Error::Api { status: 413, .. }) => {
                    return Err(EndpointError::TooLarge { bytes });
                }
                Err(e) => return Err(EndpointError::Failed(e.to_string())),
            }
        }
    }
}
