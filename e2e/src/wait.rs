//! Bounded polling: the DOM settles asynchronously (wasm loads, Leptos renders in a microtask).

use std::future::Future;
use std::time::{Duration, Instant};

/// Polls `probe` every 50 ms until it returns `Some`, for at most `timeout`.
///
/// # Errors
/// When `timeout` passes first, naming `what` and the last value seen; or when `probe` fails.
pub async fn wait_until<T, F, Fut>(what: &str, timeout: Duration, mut probe: F) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<Option<T>>>,
{
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = probe().await? {
            return Ok(value);
        }
        if Instant::now() >= deadline {
            anyhow::bail!("timed out after {timeout:?} waiting for {what}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
