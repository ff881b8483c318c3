//! One REST write with the retry rules: a 429 is waited out and repeated (Daktela did not
//! process it), an update is repeated once after a network error or 5xx (a PUT is
//! idempotent), and a create is never repeated blindly (it may have been applied).

use daktela_api::transport::native::ReqwestTransport;
use daktela_api::{ApiRequest, Client, Error, Method};
use serde_json::Value;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Repeats of one request after 429s before giving up.
const MAX_429_RETRIES: u32 = 5;

/// What a write cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cost {
    /// Requests sent, by method.
    pub posts: u64,
    /// PUTs.
    pub puts: u64,
    /// DELETEs.
    pub deletes: u64,
    /// Of those, repeats after a 429.
    pub retries_429: u64,
}

/// Shared by every write of a run.
#[derive(Debug)]
pub struct Writer {
    /// The API client.
    pub client: Client<ReqwestTransport>,
    /// Bounds the requests in flight.
    pub permits: Semaphore,
    /// Longest `Retry-After` honoured, seconds.
    pub max_retry_after: u64,
}

fn transient(e: &Error) -> bool {
    matches!(e, Error::Transport(_) | Error::Timeout)
        || matches!(e, Error::Api { status, .. } if *status >= 500)
}

impl Writer {
    /// Sends `req` under the rules above, adding what it cost to `cost`.
    ///
    /// # Errors
    /// The last [`Error`].
    pub async fn send(&self, req: ApiRequest, cost: &mut Cost) -> Result<(), Error> {
        let mut rate_limited = 0;
        let mut repeated = false;
        loop {
            let result = {
                // A closed semaphore cannot happen (never closed); proceed without a permit.
                let _permit = self.permits.acquire().await.ok();
                match req.method {
                    Method::Post => cost.posts += 1,
                    Method::Put => cost.puts += 1,
                    Method::Delete => cost.deletes += 1,
                    Method::Get => {}
                }
                self.client.execute::<Value>(req.clone()).await
            };
            match result {
                Ok(_) => return Ok(()),
                Err(Error::RateLimited { retry_after, .. }) if rate_limited < MAX_429_RETRIES => {
                    rate_limited += 1;
                    cost.retries_429 += 1;
                    let wait = retry_after.unwrap_or(1).min(self.max_retry_after);
                    tokio::time::sleep(Duration::from_secs(wait)).await;
                }
                Err(e) if req.method != Method::Post && !repeated && transient(&e) => {
                    repeated = true;
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }
}
