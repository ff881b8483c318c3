//! Pull data (`appPullData`), read as a doorbell.
//!
//! UNCONFIRMED(D2): `GET appPullData.json?hash=<hash>` long-polls: it answers at once when
//! something changed for the user, otherwise after 15 s with only `{result: {hash}}`. The event
//! payload is not public, so any answer whose hash differs from ours means "something changed",
//! and the truth is re-read from `activities` / `realtimeSessions`. A 404 (or 405/501), or an
//! answer without a readable hash, means this instance does not offer it: fall back to polling.
//! This file is the ONE place that encodes that reading.

use std::time::Duration;

use serde_json::Value;

use crate::error::Error;
use crate::read::{Fields, FromJson, ReadError};
use crate::request::{ApiRequest, Method};

/// Longer than the server's 15 s idle answer, so a quiet long-poll never counts as a timeout.
pub const PULL_TIMEOUT: Duration = Duration::from_secs(30);

/// What one pull-data round told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PullOutcome {
    /// The hash moved: re-read the agent's activities and session. Send `hash` next time.
    Changed {
        /// The new hash.
        hash: String,
    },
    /// Nothing happened (the 15 s idle answer). Send `hash` next time.
    Unchanged {
        /// The same hash.
        hash: String,
    },
    /// The instance does not offer pull data (or answered something unreadable): poll instead.
    Unsupported,
}

/// The part of the answer we rely on.
#[derive(Debug)]
pub(crate) struct PullData {
    hash: Option<String>,
}

impl FromJson for PullData {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        Ok(Self {
            hash: Fields::of(value, "a pull-data answer")?.string("hash")?,
        })
    }
}

/// The request: `GET /api/v6/appPullData.json?hash=<previous hash>` (empty on the first call).
pub fn pull_data_request(previous_hash: &str) -> ApiRequest {
    ApiRequest::collection(Method::Get, "appPullData")
        .with_query(vec![("hash".to_owned(), previous_hash.to_owned())])
        .with_timeout(PULL_TIMEOUT)
}

/// Turns the interpreted answer into an outcome. Errors that say "not offered here" become
/// [`PullOutcome::Unsupported`]; every other error (401, timeout, 5xx, network) stays an error so
/// the caller can back off or log in again.
pub(crate) fn outcome(
    previous_hash: &str,
    answer: Result<PullData, Error>,
) -> Result<PullOutcome, Error> {
    match answer {
        Ok(PullData { hash: Some(hash) }) if !hash.is_empty() => Ok(if hash == previous_hash {
            PullOutcome::Unchanged { hash }
        } else {
            PullOutcome::Changed { hash }
        }),
        Ok(_) | Err(Error::NotFound { .. } | Error::Decode { .. }) => Ok(PullOutcome::Unsupported),
        Err(Error::Api {
            status: 405 | 501, ..
        }) => Ok(PullOutcome::Unsupported),
        Err(other) => Err(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode;

    fn round(previous: &str, status: u16, body: &str) -> Result<PullOutcome, Error> {
        outcome(previous, decode::<PullData>(status, body.as_bytes()))
    }

    #[test]
    fn a_different_hash_rings_the_doorbell_and_the_same_hash_does_not() {
        let body = r#"{"error":[],"result":{"hash":"h2","events":[{"x":1}]}}"#;
        assert_eq!(
            round("h1", 200, body).unwrap(),
            PullOutcome::Changed { hash: "h2".into() }
        );
        assert_eq!(
            round("h2", 200, body).unwrap(),
            PullOutcome::Unchanged { hash: "h2".into() }
        );
        assert_eq!(
            round("", 200, body).unwrap(),
            PullOutcome::Changed { hash: "h2".into() }
        );
    }

    #[test]
    fn a_404_or_an_unreadable_answer_means_fall_back_to_polling() {
        assert_eq!(round("h", 404, "").unwrap(), PullOutcome::Unsupported);
        assert_eq!(round("h", 200, "<html>").unwrap(), PullOutcome::Unsupported);
        assert_eq!(
            round("h", 200, r#"{"error":[],"result":{}}"#).unwrap(),
            PullOutcome::Unsupported
        );
    }

    #[test]
    fn auth_and_server_errors_stay_errors() {
        assert!(round("h", 401, "").unwrap_err().is_unauthorized());
        assert_eq!(round("h", 503, "").unwrap_err().status(), Some(503));
    }
}
