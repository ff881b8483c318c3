//! The phone world: an inbound call rings for an agent (`WAIT`), is answered (`OPEN`) and
//! hung up (`CLOSE`). UNCONFIRMED(D3): this is the project's reading of how a ringing call
//! appears as an activity.

use super::{Activity, Call, World, WorldError};
use crate::clock::now_secs;
use serde::{Deserialize, Serialize};

/// Control input: ring an inbound call for an agent.
#[derive(Debug, Clone, Deserialize)]
pub struct RingRequest {
    /// Agent login.
    pub agent: String,
    /// Caller's number in any common form (`+420 777 123 456`); stored as `00<cc>...`.
    pub from: String,
    /// Inbound queue number the call comes through, if any.
    #[serde(default)]
    pub queue: Option<i64>,
    /// Dialled number (DID), if any.
    #[serde(default)]
    pub did: Option<String>,
}

/// What a ring created.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RingOutcome {
    /// The new activity's `name`.
    pub activity: String,
    /// The new call's `id_call`.
    pub id_call: String,
}

/// Control input: how a hang-up is recorded. Durations default to the real elapsed seconds.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct HangupOverrides {
    /// Seconds the call rang before being answered or abandoned.
    #[serde(default)]
    pub ringing_time: Option<i64>,
    /// Seconds of talk.
    #[serde(default)]
    pub duration: Option<i64>,
    /// Who hung up: `caller` (default) or `agent`.
    #[serde(default)]
    pub by: Option<String>,
}

impl World {
    /// Rings a call for `agent`. Refused when the agent's phone is offline or busy.
    pub fn ring(&mut self, req: &RingRequest, default_cc: &str) -> Result<RingOutcome, WorldError> {
        let session = self
            .session(&req.agent)
            .ok_or_else(|| WorldError::UnknownAgent(req.agent.clone()))?;
        if !session.device_online {
            return Err(WorldError::PhoneOffline(req.agent.clone()));
        }
        if let Some(live) = self.live_activity(&req.agent) {
            return Err(WorldError::WrongState(
                live.name.clone(),
                format!("busy ({})", live.action),
            ));
        }
        if let Some(q) = req.queue
            && self.queue(q).is_none_or(|q| q.direction != "in")
        {
            return Err(WorldError::UnknownQueue(format!(
                "{q} (not an inbound queue)"
            )));
        }
        let clid = crate::phone::normalize(&req.from, default_cc);
        if clid.is_empty() {
            return Err(WorldError::Invalid("`from` has no digits".into()));
        }
        let did = req
            .did
            .as_deref()
            .map(|d| crate::phone::normalize(d, default_cc))
            .unwrap_or_default();
        Ok(self.start_call(&req.agent, "in", clid, did, req.queue))
    }

    /// Creates the call and its activity in `WAIT`.
    pub(super) fn start_call(
        &mut self,
        agent: &str,
        direction: &'static str,
        clid: String,
        did: String,
        queue: Option<i64>,
    ) -> RingOutcome {
        let now = now_secs();
        let id = self.next_id();
        let id_call = format!("{now}.{}", self.seq);
        let contact = self.contact_by_number(&clid).map(|c| c.name.clone());
        self.calls.push(Call {
            id_call: id_call.clone(),
            call_time: now,
            direction,
            answered: false,
            queue,
            agent: agent.to_owned(),
            clid: clid.clone(),
            did,
            contact: contact.clone(),
            ringing_time: 0,
            duration: 0,
            disposition_cause: "",
            disconnection_cause: "",
            missed_call: None,
        });
        let activity = format!("activities_{id}");
        self.activities.push(Activity {
            name: activity.clone(),
            title: clid,
            action: "WAIT".into(),
            id_call: id_call.clone(),
            queue,
            user: agent.to_owned(),
            contact,
            statuses: Vec::new(),
            description: String::new(),
            time: now,
            time_wait: Some(now),
            time_open: None,
            time_close: None,
        });
        RingOutcome { activity, id_call }
    }

    /// Resolves a control target: an activity name, or else the agent's live call.
    pub fn target_activity(
        &self,
        activity: Option<&str>,
        agent: Option<&str>,
    ) -> Result<String, WorldError> {
        match (activity, agent) {
            (Some(name), _) => self
                .activity(name)
                .map(|a| a.name.clone())
                .ok_or_else(|| WorldError::UnknownActivity(name.to_owned())),
            (None, Some(login)) => {
                self.agent(login)
                    .ok_or_else(|| WorldError::UnknownAgent(login.to_owned()))?;
                self.live_activity(login)
                    .map(|a| a.name.clone())
                    .ok_or_else(|| WorldError::NoCall(login.to_owned(), "live"))
            }
            (None, None) => Err(WorldError::Invalid(
                "name an `activity` or an `agent`".into(),
            )),
        }
    }

    /// The agent picks up: `WAIT` → `OPEN`, the call is answered.
    pub fn answer(&mut self, activity: &str) -> Result<String, WorldError> {
        let now = now_secs();
        let act = self.activity_mut(activity)?;
        if act.action != "WAIT" {
            return Err(WorldError::WrongState(act.name.clone(), act.action.clone()));
        }
        act.action = "OPEN".into();
        act.time_open = Some(now);
        let (id_call, waited, user) = (
            act.id_call.clone(),
            now - act.time_wait.unwrap_or(now),
            act.user.clone(),
        );
        if let Some(call) = self.calls.iter_mut().find(|c| c.id_call == id_call) {
            call.answered = true;
            call.ringing_time = waited;
        }
        Ok(user)
    }

    /// The call ends: `WAIT`/`OPEN` → `CLOSE`, with ringing and talk durations.
    pub fn hangup(&mut self, activity: &str, o: &HangupOverrides) -> Result<String, WorldError> {
        let now = now_secs();
        let act = self.activity_mut(activity)?;
        if act.action != "WAIT" && act.action != "OPEN" {
            return Err(WorldError::WrongState(act.name.clone(), act.action.clone()));
        }
        let answered = act.action == "OPEN";
        let rang = act.time_open.unwrap_or(now) - act.time_wait.unwrap_or(now);
        let talked = act.time_open.map_or(0, |t| now - t);
        act.action = "CLOSE".into();
        act.time_close = Some(now);
        let (id_call, user) = (act.id_call.clone(), act.user.clone());
        let by = match o.by.as_deref() {
            Some("agent") => "agent",
            _ => "caller",
        };
        if let Some(call) = self.calls.iter_mut().find(|c| c.id_call == id_call) {
            call.ringing_time = o.ringing_time.unwrap_or(rang);
            call.duration = if answered {
                o.duration.unwrap_or(talked)
            } else {
                0
            };
            call.disposition_cause = by;
            if !answered {
                call.disconnection_cause = if call.direction == "in" {
                    "cancel"
                } else {
                    "noanswer"
                };
                call.missed_call = (call.direction == "in").then_some(1);
            }
        }
        if let Some(s) = self.sessions.get_mut(&user) {
            s.lastcalltime = Some(now);
            s.statetime = now;
        }
        Ok(user)
    }

    pub(super) fn activity_mut(&mut self, name: &str) -> Result<&mut Activity, WorldError> {
        self.activities
            .iter_mut()
            .find(|a| a.name == name)
            .ok_or_else(|| WorldError::UnknownActivity(name.to_owned()))
    }
}
