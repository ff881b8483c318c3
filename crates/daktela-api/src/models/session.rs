//! The agent's live state (`realtimeSessions`).

use serde::{Deserialize, Serialize};

use super::{Named, Pause, Queue, Related, SessionState, User, lenient};

/// One realtime session: who is logged in, paused, on a call (OpenAPI `Session-2`; no real
/// sample is public, so every field is optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RealtimeSession {
    /// The agent (expanded user, or the login).
    pub id_agent: Option<Related<User>>,
    /// `Session`, `Idle` or `Paused`.
    pub state: Option<SessionState>,
    /// The extension the agent is on.
    #[serde(deserialize_with = "lenient::string")]
    pub exten: Option<String>,
    /// Device state: `Unavailable`, `Idle`, `Busy` or `""`.
    #[serde(deserialize_with = "lenient::string")]
    pub exten_status: Option<String>,
    /// Presence state, same values as `exten_status`.
    #[serde(deserialize_with = "lenient::string")]
    pub presence_status: Option<String>,
    /// Login time, `YYYY-MM-DD HH:MM:SS` in the instance time zone.
    #[serde(deserialize_with = "lenient::string")]
    pub logintime: Option<String>,
    /// Time of the last call.
    #[serde(deserialize_with = "lenient::string")]
    pub lastcalltime: Option<String>,
    /// Time the current state began.
    #[serde(deserialize_with = "lenient::string")]
    pub statetime: Option<String>,
    /// Start of the current pause.
    #[serde(deserialize_with = "lenient::string")]
    pub onpause: Option<String>,
    /// End of wrap-up.
    #[serde(deserialize_with = "lenient::string")]
    pub unwrap: Option<String>,
    /// The last queue served.
    pub lastqueue: Option<Related<Queue>>,
    /// The current pause reason.
    pub id_pause: Option<Related<Pause>>,
    /// The active call's id; empty or missing when not on a call.
    #[serde(deserialize_with = "lenient::string")]
    pub id_call: Option<String>,
}

impl RealtimeSession {
    /// The agent's login.
    pub fn agent_login(&self) -> Option<&str> {
        self.id_agent.as_ref().and_then(Related::name)
    }

    /// True when the agent is paused (`state: Paused`, or a pause reason is set).
    pub fn is_paused(&self) -> bool {
        let has_reason = match &self.id_pause {
            Some(Related::Name(name)) => !name.is_empty(),
            Some(Related::Record(_)) => true,
            None => false,
        };
        self.state == Some(SessionState::Paused) || has_reason
    }

    /// The current pause reason's name.
    pub fn pause_name(&self) -> Option<&str> {
        self.id_pause.as_ref().and_then(Related::name)
    }

    /// The active call's id, if the agent is on a call.
    pub fn active_call(&self) -> Option<&str> {
        self.id_call.as_deref().filter(|id| !id.is_empty())
    }
}

impl Named for RealtimeSession {
    fn record_name(&self) -> Option<&str> {
        self.agent_login()
    }
}
