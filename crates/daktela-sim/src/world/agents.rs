//! Agent state: queue logins, pauses and the phone (device).

use super::{Activity, AgentSession, World, WorldError};
use crate::clock::now_secs;
use serde_json::{Map, Value, json};

/// A refused API write: Daktela's `{form, primary}` error content.
#[derive(Debug, Clone, PartialEq)]
pub enum Rejection {
    /// Field errors (`error.form`), answered with the record echoed in `result`.
    Form(Map<String, Value>),
    /// General errors (`error.primary`).
    Primary(Vec<String>),
}

impl Rejection {
    /// A single-field form error.
    pub fn field(field: &str, message: &str) -> Self {
        let mut form = Map::new();
        form.insert(field.to_owned(), json!(message));
        Rejection::Form(form)
    }
}

/// One entry of `usersSession` `queues: [{name, login, penalty}]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueueLogin {
    /// Queue number as sent (`2000` or `"2000"`).
    pub name: String,
    /// Log in (`true`) or out.
    pub login: bool,
    /// Penalty (priority) in the queue.
    pub penalty: i64,
}

/// Live device state of an agent, as `realtimeSessions.exten_status` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Device {
    /// Phone offline.
    Unavailable,
    /// Phone online, no call.
    Idle,
    /// Ringing or on a call.
    Busy,
}

impl World {
    /// The agent's session (every seeded agent has one).
    pub fn session(&self, login: &str) -> Option<&AgentSession> {
        self.sessions.get(login)
    }

    fn session_mut(&mut self, login: &str) -> Result<&mut AgentSession, WorldError> {
        self.sessions
            .get_mut(login)
            .ok_or_else(|| WorldError::UnknownAgent(login.to_owned()))
    }

    /// The agent's ringing or answered call activity, newest first.
    pub fn live_activity(&self, login: &str) -> Option<&Activity> {
        self.activities
            .iter()
            .rev()
            .find(|a| a.user == login && (a.action == "WAIT" || a.action == "OPEN"))
    }

    /// The device state the agent's phone reports.
    pub fn device(&self, login: &str) -> Device {
        match self.session(login) {
            Some(s) if !s.device_online => Device::Unavailable,
            None => Device::Unavailable,
            Some(_) if self.live_activity(login).is_some() => Device::Busy,
            Some(_) => Device::Idle,
        }
    }

    /// Logs the agent in to or out of queues. All-or-nothing: an unknown queue rejects the
    /// whole request, as a form validation would.
    pub fn set_queues(&mut self, login: &str, entries: &[QueueLogin]) -> Result<(), Rejection> {
        let mut parsed = Vec::with_capacity(entries.len());
        for e in entries {
            match e
                .name
                .trim()
                .parse::<i64>()
                .ok()
                .filter(|n| self.queue(*n).is_some())
            {
                Some(n) => parsed.push((n, e.login, e.penalty)),
                None => return Err(Rejection::field("queues", "Foreign key error")),
            }
        }
        let now = now_secs();
        let session = self
            .session_mut(login)
            .map_err(|e| Rejection::Primary(vec![e.to_string()]))?;
        for (queue, login_to, penalty) in parsed {
            if login_to {
                session.queues.insert(queue, penalty);
                session.logintime = Some(now);
                session.lastqueue = Some(queue);
            } else {
                session.queues.remove(&queue);
            }
        }
        session.statetime = now;
        Ok(())
    }

    /// UNCONFIRMED(D1): `{"pause": "<name>"}` starts a pause, `{"pause": null}` ends it.
    pub fn set_pause(&mut self, login: &str, pause: Option<&str>) -> Result<(), Rejection> {
        if let Some(p) = pause
            && !self.pauses.iter().any(|x| x.name == p)
        {
            return Err(Rejection::field("pause", "Foreign key error"));
        }
        let now = now_secs();
        let session = self
            .session_mut(login)
            .map_err(|e| Rejection::Primary(vec![e.to_string()]))?;
        if session.pause.as_deref() != pause {
            session.onpause = pause.map(|_| now);
            session.pause = pause.map(str::to_owned);
            session.statetime = now;
        }
        Ok(())
    }

    /// Takes the agent's phone offline or brings it back.
    pub fn set_device(&mut self, login: &str, online: bool) -> Result<(), WorldError> {
        let session = self.session_mut(login)?;
        session.device_online = online;
        session.statetime = now_secs();
        Ok(())
    }
}
