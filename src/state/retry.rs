//! When to try a failed request again: exponential backoff with jitter, and which failures are
//! worth retrying at all. Used by the outbox (CRM logs, dispositions) and the pull loop.
//!
//! Time and randomness come in as arguments, so every decision is deterministic in tests.

use serde::{Deserialize, Serialize};

/// The longest wait a server's `Retry-After` may impose, so a broken header cannot park the
/// outbox for days.
const MAX_RETRY_AFTER_MS: u64 = 60 * 60 * 1000;

/// Exponential backoff with "equal jitter": the wait for attempt `n` is half of
/// `min(max_ms, base_ms * factor^(n-1))` plus a random part of the other half.
///
/// Equal jitter (rather than "full jitter", which may draw a wait of almost zero) keeps a floor
/// under every retry: a panel that just failed never hammers the server again at once, while
/// the random half still spreads the retries of many agents whose requests failed together.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Backoff {
    /// The ceiling of the first retry's wait, in milliseconds.
    pub base_ms: u64,
    /// How much the ceiling grows per attempt (2.0 doubles it).
    pub factor: f64,
    /// The largest ceiling, in milliseconds.
    pub max_ms: u64,
}

impl Default for Backoff {
    /// 1 s, doubling, at most 5 minutes: a CRM that is down for an hour is retried every few
    /// minutes, never faster.
    fn default() -> Self {
        Self {
            base_ms: 1_000,
            factor: 2.0,
            max_ms: 5 * 60 * 1000,
        }
    }
}

impl Backoff {
    /// The ceiling for attempt `attempt` (1 = the first retry; 0 is read as 1).
    pub fn ceiling_ms(&self, attempt: u32) -> u64 {
        let exponent = attempt.saturating_sub(1).min(64) as i32;
        let factor = if self.factor.is_finite() && self.factor >= 1.0 {
            self.factor
        } else {
            1.0
        };
        let raw = self.base_ms as f64 * factor.powi(exponent);
        // `as` saturates on overflow and maps NaN to 0, so a huge exponent lands on `max_ms`.
        (raw as u64).min(self.max_ms)
    }

    /// The wait before attempt `attempt`, with `jitter` drawn uniformly from `[0, 1)` (values
    /// outside are clamped, NaN counts as 0).
    pub fn delay_ms(&self, attempt: u32, jitter: f64) -> u64 {
        let ceiling = self.ceiling_ms(attempt);
        let half = ceiling / 2;
        let jitter = if jitter.is_nan() {
            0.0
        } else {
            jitter.clamp(0.0, 1.0)
        };
        let random = ((ceiling - half) as f64 * jitter) as u64;
        (half + random).min(ceiling)
    }

    /// The wait when the server also said how long to wait: the larger of the two, so a
    /// `Retry-After` is always honoured and never shortens a backoff that has grown.
    pub fn delay_with_retry_after_ms(
        &self,
        attempt: u32,
        jitter: f64,
        retry_after_s: Option<u64>,
    ) -> u64 {
        let server = retry_after_s
            .map(|s| s.saturating_mul(1000).min(MAX_RETRY_AFTER_MS))
            .unwrap_or(0);
        self.delay_ms(attempt, jitter).max(server)
    }
}

/// Whether to try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// Try again after this many milliseconds.
    After(u64),
    /// Do not retry: the same request will fail the same way (or, for 401, the session must be
    /// renewed first, which is the session's business per CONTRACT D6).
    Never,
}

impl Retry {
    /// Decides for a failed Daktela request. `attempt` counts the failures so far (1 after the
    /// first). Timeouts, network failures, 5xx and 429 are retried (429 honours `Retry-After`);
    /// 4xx (validation, 401, 403, 404), undecodable answers and deliberate aborts are not.
    pub fn decide(
        error: &daktela_api::Error,
        attempt: u32,
        backoff: &Backoff,
        jitter: f64,
    ) -> Self {
        use daktela_api::Error as E;
        let status = match error {
            E::Timeout | E::Transport(_) => None,
            E::RateLimited { .. } => Some(429),
            E::Api { status, .. } => Some(*status),
            // Validation, auth, not found, decode, abort and anything newer: not transient.
            _ => return Self::Never,
        };
        Self::for_status(status, error.retry_after(), attempt, backoff, jitter)
    }

    /// Decides from an HTTP status alone, for adapters that are not Daktela (the CRM's REST
    /// endpoint, the host page's functions): `None` means no answer arrived (network failure or
    /// timeout) and is retried, as are 408, 429 and 5xx; every other status is not.
    pub fn for_status(
        status: Option<u16>,
        retry_after_s: Option<u64>,
        attempt: u32,
        backoff: &Backoff,
        jitter: f64,
    ) -> Self {
        match status {
            None | Some(408) | Some(429) | Some(500..=599) => {
                Self::After(backoff.delay_with_retry_after_ms(attempt, jitter, retry_after_s))
            }
            Some(_) => Self::Never,
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use daktela_api::Error as E;

    #[test]
    fn the_wait_doubles_per_attempt_until_the_cap() {
        let b = Backoff::default();
        let ceilings: Vec<u64> = (1..=10).map(|n| b.ceiling_ms(n)).collect();
        assert_eq!(
            ceilings,
            [
                1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000, 128_000, 256_000, 300_000
            ]
        );
        assert_eq!(b.ceiling_ms(10_000), 300_000, "huge attempts stay capped");
        assert_eq!(b.ceiling_ms(0), b.ceiling_ms(1));
    }

    #[test]
    fn equal_jitter_waits_between_half_and_all_of_the_ceiling() {
        let b = Backoff::default();
        assert_eq!(b.delay_ms(3, 0.0), 2_000);
        assert_eq!(b.delay_ms(3, 0.5), 3_000);
        assert!(b.delay_ms(3, 0.999_999) <= 4_000);
        assert!(b.delay_ms(3, 0.999_999) >= 3_999);
    }

    #[test]
    fn hostile_jitter_and_factor_values_never_break_the_bounds() {
        let b = Backoff {
            base_ms: 500,
            factor: f64::NAN,
            max_ms: 10_000,
        };
        assert_eq!(b.ceiling_ms(5), 500, "a NaN factor means no growth");
        assert_eq!(b.delay_ms(5, f64::NAN), 250);
        assert_eq!(b.delay_ms(5, 7.0), 500);
        assert_eq!(b.delay_ms(5, -3.0), 250);
    }

    #[test]
    fn retry_after_is_honoured_when_longer_than_the_backoff() {
        let b = Backoff::default();
        assert_eq!(b.delay_with_retry_after_ms(1, 0.0, Some(30)), 30_000);
        assert_eq!(b.delay_with_retry_after_ms(8, 0.0, Some(1)), 64_000);
        assert_eq!(
            b.delay_with_retry_after_ms(1, 0.0, Some(u64::MAX)),
            MAX_RETRY_AFTER_MS
        );
    }

    #[test]
    fn timeouts_network_failures_and_server_errors_are_retried() {
        let b = Backoff::default();
        let api_503 = E::Api {
            status: 503,
            messages: vec![],
        };
        for error in [E::Timeout, api_503] {
            assert_eq!(Retry::decide(&error, 2, &b, 0.0), Retry::After(1_000));
        }
    }

    #[test]
    fn rate_limits_wait_at_least_what_the_server_asked() {
        let error = E::RateLimited {
            retry_after: Some(20),
            messages: vec![],
        };
        let decision = Retry::decide(&error, 1, &Backoff::default(), 0.0);
        assert_eq!(decision, Retry::After(20_000));
    }

    #[test]
    fn rejections_and_expired_sessions_are_never_retried() {
        let b = Backoff::default();
        let never = [
            E::Unauthorized { messages: vec![] },
            E::Forbidden { messages: vec![] },
            E::NotFound { messages: vec![] },
            E::Validation {
                status: 400,
                form: vec![],
                primary: vec!["User have not available devices".into()],
            },
            E::Api {
                status: 409,
                messages: vec![],
            },
            E::Decode {
                path: String::new(),
                message: "html".into(),
            },
            E::Aborted,
            E::NotLoggedIn,
        ];
        for error in never {
            assert_eq!(Retry::decide(&error, 1, &b, 0.5), Retry::Never, "{error}");
        }
    }

    #[test]
    fn other_adapters_are_judged_by_status_alone() {
        let b = Backoff::default();
        assert_eq!(Retry::for_status(None, None, 1, &b, 0.0), Retry::After(500));
        assert_eq!(
            Retry::for_status(Some(408), None, 1, &b, 0.0),
            Retry::After(500)
        );
        assert_eq!(Retry::for_status(Some(422), None, 1, &b, 0.0), Retry::Never);
    }
}
