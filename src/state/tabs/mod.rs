//! One agent, many CRM tabs: the pure part of running one Daktela session per browser.
//!
//! Among the panel's tabs of one origin, one tab (the leader) talks to Daktela's pull data, flushes
//! the outbox and decides the ring and the screen pop; the others (followers) mirror its state
//! and send their agent's actions to it. The browser part (the channel, Web Locks) lives in
//! `crate::browser::tabs`; the controller's part in `crate::app`.
//!
//! - [`message`]: what tabs say to each other, with the leader's [`mirror::Mirror`] of the state.
//! - [`election`]: choosing the leader by heartbeats where Web Locks are missing.
//! - [`active`]: which tab the agent used last (the screen pop and the ring go there).

pub mod active;
pub mod election;
pub mod message;
pub mod mirror;

use std::fmt;

use serde::{Deserialize, Serialize};

/// One tab of the panel, for as long as its page lives (a reload is a new tab).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TabId(String);

impl TabId {
    /// An id from the page's clock and a random number: unique enough among one agent's tabs,
    /// and ordered by start time, so the fallback election prefers the oldest tab.
    pub fn generate(now_ms: u64, random: f64) -> Self {
        // `as` saturates; the random part only separates tabs started in the same millisecond.
        let random = (random.clamp(0.0, 1.0) * 1e9) as u64;
        Self(format!("{now_ms:013}-{random:09}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TabId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for TabId {
    fn from(id: &str) -> Self {
        Self(id.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::TabId;

    #[test]
    fn ids_order_by_start_time_then_by_the_random_part() {
        let older = TabId::generate(1_700_000_000_000, 0.9);
        let newer = TabId::generate(1_700_000_000_001, 0.1);
        assert!(older < newer);
        assert_ne!(
            TabId::generate(5, 0.25),
            TabId::generate(5, 0.5),
            "same millisecond, different tabs"
        );
        assert_eq!(TabId::generate(5, f64::NAN).as_str().len(), 23);
    }
}
