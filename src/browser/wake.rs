//! A wait that something else can cut short: the pull loop sleeps between polls or before a
//! retry, and a tab becoming visible, the network coming back or another tab's action wakes it
//! at once.
//!
//! The wake is a future woken through its `Waker`, not a flag polled by a timer: timers of a
//! background tab fire at most once a second (once a minute after a while), so a polled flag
//! would delay a re-sync by as much; a message handler waking the future is not throttled.

use std::cell::RefCell;
use std::rc::Rc;
use std::task::{Poll, Waker};

use super::clock::timeout;

#[derive(Debug, Default)]
struct Inner {
    /// A wake came while nothing slept: the next sleep returns at once.
    pending: bool,
    waker: Option<Waker>,
}

/// A wake-up for one sleeping loop. Clones share it.
#[derive(Debug, Clone, Default)]
pub struct Wake {
    inner: Rc<RefCell<Inner>>,
}

impl Wake {
    /// A wake-up nobody has called yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Ends the current sleep now, or the next one at once if nothing sleeps.
    pub fn wake(&self) {
        let waker = {
            let mut inner = self.inner.borrow_mut();
            inner.pending = true;
            inner.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    /// Sleeps `ms` milliseconds, or until [`Wake::wake`]. Returns whether it was woken.
    pub async fn sleep(&self, ms: u64) -> bool {
        let woken = std::future::poll_fn(|cx| {
            let mut inner = self.inner.borrow_mut();
            if inner.pending {
                inner.pending = false;
                inner.waker = None;
                Poll::Ready(())
            } else {
                inner.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        });
        let result = timeout(ms, woken).await.is_ok();
        self.inner.borrow_mut().waker = None;
        result
    }
}

#[cfg(test)]
mod tests {
    use std::time::Instant;

    use super::Wake;

    fn block_on<T>(future: impl std::future::Future<Output = T>) -> T {
        let mut future = std::pin::pin!(future);
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        loop {
            if let std::task::Poll::Ready(v) = future.as_mut().poll(&mut cx) {
                return v;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }

    #[test]
    fn a_wake_before_the_sleep_ends_it_at_once_and_is_used_up() {
        let wake = Wake::new();
        wake.wake();
        let start = Instant::now();
        assert!(block_on(wake.sleep(5_000)), "woken");
        assert!(start.elapsed().as_millis() < 1_000);
        // Used up: the next sleep runs its time.
        assert!(!block_on(wake.sleep(20)), "not woken");
    }

    #[test]
    fn a_wake_during_the_sleep_ends_it() {
        let wake = Wake::new();
        let sleeper = wake.clone();
        let start = Instant::now();
        let mut sleep = std::pin::pin!(sleeper.sleep(5_000));
        let waker = std::task::Waker::noop();
        let mut cx = std::task::Context::from_waker(waker);
        assert!(sleep.as_mut().poll(&mut cx).is_pending());
        wake.wake();
        assert_eq!(sleep.as_mut().poll(&mut cx), std::task::Poll::Ready(true));
        assert!(start.elapsed().as_millis() < 1_000);
    }
}
