//! Agent-side writes: click-to-call, dispositions and notes, linking a call to a contact.

use super::{Rejection, RingOutcome, World};

/// `POST activities.json` `{type: "CALL", number, queue}` as received (JSON or form).
#[derive(Debug, Clone, Default)]
pub struct ClickToCall {
    /// `type`.
    pub kind: Option<String>,
    /// `number`, any common form.
    pub number: Option<String>,
    /// `queue` number.
    pub queue: Option<String>,
}

/// `PUT activities/{name}.json` fields the simulator applies.
#[derive(Debug, Clone, Default)]
pub struct ActivityUpdate {
    /// `statuses`: status names (replaces the list).
    pub statuses: Option<Vec<String>>,
    /// `description`: the note.
    pub description: Option<String>,
    /// `action`, e.g. `CLOSE`.
    pub action: Option<String>,
    /// `contact` name; empty unlinks.
    pub contact: Option<String>,
}

/// Daktela's text for a missing required field (English instance).
pub const REQUIRED: &str = "Entry is required";
/// Daktela's text for a relation naming a record that does not exist.
pub const FOREIGN_KEY: &str = "Foreign key error";
const ACTIONS: &[&str] = &["", "WAIT", "OPEN", "POSTPONE", "CLOSE"];

impl World {
    /// Starts an outbound call for `login`. The queue must be an outbound queue the agent is
    /// logged in to; an offline phone gives Daktela's "User have not available devices".
    pub fn click_to_call(
        &mut self,
        login: &str,
        req: &ClickToCall,
        default_cc: &str,
    ) -> Result<RingOutcome, Rejection> {
        if req.kind.as_deref().map(str::trim) != Some("CALL") {
            return Err(Rejection::field(
                "type",
                "Only CALL activities can be created here",
            ));
        }
        let number = req
            .number
            .as_deref()
            .map(|n| crate::phone::normalize(n, default_cc))
            .unwrap_or_default();
        if number.is_empty() {
            return Err(Rejection::field("number", REQUIRED));
        }
        let Some(queue_raw) = req.queue.as_deref().filter(|q| !q.trim().is_empty()) else {
            return Err(Rejection::field("queue", REQUIRED));
        };
        let queue = match queue_raw
            .trim()
            .parse::<i64>()
            .ok()
            .and_then(|n| self.queue(n))
        {
            None => return Err(Rejection::field("queue", FOREIGN_KEY)),
            Some(q) if q.direction != "out" => {
                return Err(Rejection::field("queue", "Queue is not an outbound queue"));
            }
            Some(q) => q.name,
        };
        let session = self
            .session(login)
            .ok_or_else(|| Rejection::Primary(vec!["Unknown user".into()]))?;
        if !session.queues.contains_key(&queue) {
            return Err(Rejection::field(
                "queue",
                "User is not logged in to this queue",
            ));
        }
        if !session.device_online {
            // Byte for byte the real body (fixture error_primary_user_have_not_available_devices.json).
            return Err(Rejection::Primary(vec![
                "User have not available devices".into(),
                "error".into(),
            ]));
        }
        if self.live_activity(login).is_some() {
            return Err(Rejection::Primary(vec!["User is busy".into()]));
        }
        Ok(self.start_call(login, "out", number, String::new(), Some(queue)))
    }

    /// Applies an agent's update to an activity; returns the agent whose state changed.
    pub fn update_activity(&mut self, name: &str, u: &ActivityUpdate) -> Result<String, Rejection> {
        if let Some(statuses) = &u.statuses
            && statuses
                .iter()
                .any(|s| !self.statuses.iter().any(|x| &x.name == s))
        {
            return Err(Rejection::field("statuses", FOREIGN_KEY));
        }
        if let Some(action) = &u.action
            && !ACTIONS.contains(&action.as_str())
        {
            return Err(Rejection::field("action", "Invalid value"));
        }
        let contact = self.checked_contact(u.contact.as_deref())?;
        let act = self
            .activity_mut(name)
            .map_err(|e| Rejection::Primary(vec![e.to_string()]))?;
        if let Some(statuses) = &u.statuses {
            act.statuses = statuses.clone();
        }
        if let Some(d) = &u.description {
            act.description = d.clone();
        }
        if let Some(a) = &u.action {
            // Closes the record only; D4: the call itself is controlled on the phone.
            act.action = a.clone();
        }
        if let Some(c) = contact {
            act.contact = c;
        }
        Ok(act.user.clone())
    }

    /// `PUT activitiesCall/{id}.json {contact}`: links the call (and its activity) to a contact.
    pub fn link_call_contact(
        &mut self,
        id_call: &str,
        contact: Option<&str>,
    ) -> Result<String, Rejection> {
        let contact = self.checked_contact(contact)?.unwrap_or(None);
        let call = self
            .calls
            .iter_mut()
            .find(|c| c.id_call == id_call)
            .ok_or_else(|| Rejection::Primary(vec!["Object not exist".into()]))?;
        call.contact = contact.clone();
        let agent = call.agent.clone();
        for a in self.activities.iter_mut().filter(|a| a.id_call == id_call) {
            a.contact = contact.clone();
        }
        Ok(agent)
    }

    /// `None` = not sent; `Some(None)` = unlink; `Some(Some(name))` = an existing contact.
    fn checked_contact(&self, contact: Option<&str>) -> Result<Option<Option<String>>, Rejection> {
        match contact.map(str::trim) {
            None => Ok(None),
            Some("") => Ok(Some(None)),
            Some(c) if self.contact(c).is_some() => Ok(Some(Some(c.to_owned()))),
            Some(_) => Err(Rejection::field("contact", FOREIGN_KEY)),
        }
    }
}
