//! The leader's state as followers mirror it: everything a panel renders, and what a follower
//! needs to take over without a duplicate event (the call tracker, the pop gate, the calls in
//! wrap-up) or a second login (the tokens).

use std::fmt;

use daktela_api::models::{Pause, Queue, QueueName, RealtimeSession, Status, User};
use serde::{Deserialize, Serialize};

use crate::state::ConnectionState;
use crate::state::call::{CallTracker, EndedCall};
use crate::state::screen_pop::{CrmRecord, PopGate};

/// The session's tokens, passed between the tabs of one origin in memory only (the channel
/// never leaves the browser; tabs keep them in `sessionStorage` like a login in that tab).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedTokens {
    /// The access token.
    pub access: String,
    /// The refresh token, when the login gave one.
    pub refresh: Option<String>,
}

impl fmt::Debug for SharedTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SharedTokens(<redacted>)")
    }
}

/// Everything a follower shows, as the leader last had it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Mirror {
    /// The link to Daktela.
    pub connection: ConnectionState,
    /// When the leader retries next, while reconnecting (epoch ms).
    pub next_retry_ms: Option<u64>,
    /// The logged-in agent.
    pub me: Option<User>,
    /// The agent's realtime session.
    pub session: Option<RealtimeSession>,
    /// The queues the panel logged the agent in to.
    pub logged_in: Vec<QueueName>,
    /// The instance's pause reasons.
    pub pauses: Vec<Pause>,
    /// The queues the agent can see.
    pub queues: Vec<Queue>,
    /// The instance's activity statuses.
    pub statuses: Vec<Status>,
    /// The agent's calls.
    pub calls: CallTracker,
    /// Ended calls waiting for wrap-up.
    pub ended: Vec<EndedCall>,
    /// The calls already popped.
    pub pops: PopGate,
    /// CRM matches per activity.
    pub matches: Vec<(String, Vec<CrmRecord>)>,
    /// Unsent CRM logs and dispositions.
    pub outbox_pending: usize,
    /// The session's tokens; `None` when logged out or configured with a static token (every tab
    /// has that from its configuration).
    pub tokens: Option<SharedTokens>,
}

#[cfg(test)]
mod tests {
    use super::*;

    use serde_json::json;

    /// Followers must read what the leader wrote, for every model as Daktela sends it (the
    /// models' readers accept Daktela's loose forms; their writers must stay readable).
    #[test]
    fn a_mirror_of_daktela_data_round_trips_through_its_json() {
        let mirror = Mirror {
            connection: ConnectionState::Reconnecting,
            next_retry_ms: Some(1_700_000_000_000),
            me: serde_json::from_value(
                json!({"name": "agent1", "title": "Jana", "extension": "101"}),
            )
            .ok(),
            session: serde_json::from_value(json!({
                "id_agent": "agent1", "state": "Paused",
                "id_pause": {"name": "lunch", "title": "Lunch"}, "onpause": "2024-01-01 10:00:00",
                "exten_status": "Idle"
            }))
            .ok(),
            logged_in: vec![QueueName::new("1001")],
            pauses: serde_json::from_value(json!([
                {"name": "lunch", "title": "Lunch", "type": "", "max_duration": 30},
                {"name": "toilet", "title": "", "max_duration": "0", "auto_pause": "1"}
            ]))
            .unwrap_or_default(),
            queues: serde_json::from_value(json!([
                {"name": 1001, "title": "Support", "direction": "in", "type": "in"},
                {"name": 2001, "title": "Sales out", "direction": "out", "deactivated": 1}
            ]))
            .unwrap_or_default(),
            statuses: serde_json::from_value(json!([{"name": "status_1", "title": "Sold"}]))
                .unwrap_or_default(),
            outbox_pending: 2,
            tokens: Some(SharedTokens {
                access: "a".into(),
                refresh: None,
            }),
            ..Mirror::default()
        };
        assert!(mirror.me.is_some() && mirror.session.is_some());
        assert_eq!((mirror.pauses.len(), mirror.queues.len()), (2, 2));
        let text = serde_json::to_string(&mirror).expect("writes");
        let back: Mirror = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back, mirror);
    }

    #[test]
    fn debug_never_shows_a_token() {
        let mirror = Mirror {
            tokens: Some(SharedTokens {
                access: "secret-access".into(),
                refresh: Some("secret-refresh".into()),
            }),
            ..Mirror::default()
        };
        let shown = format!("{mirror:?}");
        assert!(!shown.contains("secret"), "{shown}");
    }
}
