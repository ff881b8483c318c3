//! Time and randomness for the panel's pure core: the wall clock (`Date.now`), jitter for
//! retry backoff (`Math.random`), and timers (`setTimeout` through gloo-timers).
//!
//! The pure core ([`crate::state`]) takes `now_ms` and `jitter` as arguments so it stays testable;
//! this module is where the real values come from. Native builds (the crate's `cargo test`) get
//! equivalents from `std`, so code that reads the clock never panics outside a browser.

use std::future::Future;
use std::pin::pin;
use std::task::Poll;

/// The longest delay `setTimeout` honours: larger values overflow a signed 32-bit integer and
/// browsers then fire IMMEDIATELY, which would turn a long backoff into a busy loop.
pub const MAX_TIMER_MS: u64 = i32::MAX as u64;

/// Milliseconds since the Unix epoch, UTC (the browser's clock).
pub fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        // `as` saturates: a clock before 1970 (NaN or negative) reads 0 rather than panicking.
        js_sys::Date::now() as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
    }
}

/// A random number in `[0, 1)` for retry jitter, so that many panels do not retry in lockstep.
/// Not for anything secret.
pub fn jitter() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::random()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        use std::hash::{BuildHasher, Hasher};
        // std seeds every RandomState from the OS: enough randomness for spreading retries.
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u64(now_ms());
        // 53 random bits make an f64 in [0, 1) exactly.
        (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Waits `ms` milliseconds (at most [`MAX_TIMER_MS`]; longer waits are cut to it).
pub async fn sleep_ms(ms: u64) {
    let ms = ms.min(MAX_TIMER_MS);
    #[cfg(target_arch = "wasm32")]
    {
        // In range by the `min` above.
        gloo_timers::future::TimeoutFuture::new(u32::try_from(ms).unwrap_or(u32::MAX)).await;
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        native::Sleep::new(ms).await;
    }
}

/// A future did not finish in time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("no answer within {0} ms")]
pub struct TimedOut(pub u64);

/// Runs `future` for at most `ms` milliseconds. When time runs out the future is dropped (for a
/// fetch through `daktela_api`'s transport, dropping aborts the request).
///
/// # Errors
/// [`TimedOut`] when the timer fired first.
pub async fn timeout<T>(ms: u64, future: impl Future<Output = T>) -> Result<T, TimedOut> {
    let mut future = pin!(future);
    let mut timer = pin!(sleep_ms(ms));
    std::future::poll_fn(|cx| {
        // The work first: an answer that arrives together with the deadline still counts.
        if let Poll::Ready(value) = future.as_mut().poll(cx) {
            return Poll::Ready(Ok(value));
        }
        match timer.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(TimedOut(ms))),
            Poll::Pending => Poll::Pending,
        }
    })
    .await
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    //! A timer for native builds: a thread sleeps and wakes the task. Only native tests and
    //! tools use it; the browser build uses `setTimeout`.

    use std::future::Future;
    use std::pin::Pin;
    use std::sync::{Arc, Mutex};
    use std::task::{Context, Poll, Waker};
    use std::time::Duration;

    #[derive(Default)]
    struct Shared {
        done: bool,
        waker: Option<Waker>,
    }

    pub(super) struct Sleep {
        ms: u64,
        shared: Option<Arc<Mutex<Shared>>>,
    }

    impl Sleep {
        pub(super) fn new(ms: u64) -> Self {
            Self { ms, shared: None }
        }
    }

    impl Future for Sleep {
        type Output = ();

        fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
            let ms = self.ms;
            let shared = self.shared.get_or_insert_with(|| {
                let shared = Arc::new(Mutex::new(Shared::default()));
                let thread_side = Arc::clone(&shared);
                std::thread::spawn(move || {
                    std::thread::sleep(Duration::from_millis(ms));
                    // A poisoned lock only means a waiting task panicked: nothing to wake.
                    if let Ok(mut s) = thread_side.lock() {
                        s.done = true;
                        if let Some(w) = s.waker.take() {
                            w.wake();
                        }
                    }
                });
                shared
            });
            match shared.lock() {
                Ok(s) if s.done => Poll::Ready(()),
                Ok(mut s) => {
                    s.waker = Some(cx.waker().clone());
                    Poll::Pending
                }
                Err(_) => Poll::Ready(()),
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::task::{Context, Wake, Waker};

    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }

    fn block_on<T>(future: impl Future<Output = T>) -> T {
        let mut future = pin!(future);
        let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
        let mut cx = Context::from_waker(&waker);
        loop {
            if let Poll::Ready(v) = future.as_mut().poll(&mut cx) {
                return v;
            }
            std::thread::park();
        }
    }

    #[test]
    fn now_is_after_2025_and_moves_forward() {
        let a = now_ms();
        assert!(a > 1_735_689_600_000, "{a}");
        block_on(sleep_ms(15));
        assert!(now_ms() >= a + 15);
    }

    #[test]
    fn jitter_stays_in_the_unit_interval_and_varies() {
        let values: Vec<f64> = (0..50).map(|_| jitter()).collect();
        assert!(values.iter().all(|j| (0.0..1.0).contains(j)));
        assert!(values.windows(2).any(|w| w[0] != w[1]));
    }

    #[test]
    fn timeout_returns_the_answer_that_comes_in_time() {
        assert_eq!(block_on(timeout(1_000, async { 7 })), Ok(7));
    }

    #[test]
    fn timeout_gives_up_on_a_future_that_never_finishes() {
        let never = std::future::pending::<()>();
        assert_eq!(block_on(timeout(20, never)), Err(TimedOut(20)));
    }
}
