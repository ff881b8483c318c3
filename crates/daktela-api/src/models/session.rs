//! The agent's live state (`realtimeSessions`).

use serde::Serialize;

use serde_json::Value;

use super::{Named, Pause, Queue, Related, SessionState, User};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// One realtime session: who is logged in, paused, on a call (OpenAPI `Session-2`; no real
/// sample is public, so every field is optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RealtimeSession {
    /// The agent (expanded user, or the login).
    pub id_agent: Option<Related<User>>,
    /// `Session`, `Idle` or `Paused`.
    pub state: Option<SessionState>,
    /// The extension the agent is on.
    pub exten: Option<String>,
    /// Device state: `Unavailable`, `Idle`, `Busy` or `""`.
    pub exten_status: Option<String>,
    /// Presence state, same values as `exten_status`.
    pub presence_status: Option<String>,
    /// Login time, `YYYY-MM-DD HH:MM:SS` in the instance time zone.
    pub logintime: Option<String>,
    /// Time of the last call.
    pub lastcalltime: Option<String>,
    /// Time the current state began.
    pub statetime: Option<String>,
    /// Start of the current pause.
    pub onpause: Option<String>,
    /// End of wrap-up.
    pub unwrap: Option<String>,
    /// The last queue served.
    pub lastqueue: Option<Related<Queue>>,
    /// The current pause reason.
    pub id_pause: Option<Related<Pause>>,
    /// The active call's id; empty or missing when not on a call.
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

impl FromJson for RealtimeSession {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a realtime session")?;
        Ok(Self {
            id_agent: f.get("id_agent")?,
            state: f.get("state")?,
            exten: f.string("exten")?,
            exten_status: f.string("exten_status")?,
            presence_status: f.string("presence_status")?,
            logintime: f.string("logintime")?,
            lastcalltime: f.string("lastcalltime")?,
            statetime: f.string("statetime")?,
            onpause: f.string("onpause")?,
            unwrap: f.string("unwrap")?,
            lastqueue: f.get("lastqueue")?,
            id_pause: f.get("id_pause")?,
            id_call: f.string("id_call")?,
        })
    }
}

deserialize_with_reader!(RealtimeSession);
