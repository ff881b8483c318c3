//! The simulated instance's data: agents, queues, pauses, statuses, contacts, calls,
//! activities, agent sessions and tokens. Plain data plus synchronous operations; the
//! HTTP layer and the change notifications live in [`crate::state`].

mod agents;
mod bulk;
mod calls;
mod crm;
mod render;
mod seed;
mod tokens;
mod writes;

pub use agents::{Device, QueueLogin, Rejection};
pub use bulk::{ACCOUNT_PREFIX, CONTACT_PREFIX, SyncSummary, crm_slug};
pub use calls::{HangupOverrides, RingOutcome, RingRequest};
pub use crm::Account;
pub use seed::{SEED_AGENTS, static_token};
pub use writes::{ActivityUpdate, ClickToCall, REQUIRED};

use std::collections::{BTreeMap, HashMap};

/// A user of the instance (an agent).
#[derive(Debug, Clone)]
pub struct Agent {
    /// Login; Daktela's `name` of the user.
    pub login: String,
    /// Password for `POST login.json`.
    pub password: String,
    /// Display name.
    pub title: String,
    /// Phone extension.
    pub extension: String,
    /// E-mail address.
    pub email: String,
    /// A long-lived token, like the one on a user's detail page.
    pub static_token: String,
}

/// A queue. `name` is a number, as on a real instance.
#[derive(Debug, Clone)]
pub struct Queue {
    /// Queue number.
    pub name: i64,
    /// Display name.
    pub title: String,
    /// `direction`: `in` or `out` (OpenAPI `Queue-2`); `type` is the same for call queues.
    pub direction: &'static str,
}

/// A pause reason.
#[derive(Debug, Clone)]
pub struct Pause {
    /// Identifier.
    pub name: String,
    /// Display name.
    pub title: String,
    /// `""`, `wrap`, `dnd` or `lajdak`.
    pub kind: &'static str,
    /// Paid pause.
    pub paid: bool,
    /// Minutes.
    pub max_duration: i64,
}

/// An activity status (disposition).
#[derive(Debug, Clone)]
pub struct Status {
    /// Identifier.
    pub name: String,
    /// Display name.
    pub title: String,
    /// Colour as `#rrggbb`.
    pub color: String,
}

/// A CRM contact.
#[derive(Debug, Clone)]
pub struct Contact {
    /// Identifier.
    pub name: String,
    /// Formatted full name.
    pub title: String,
    /// First name.
    pub firstname: String,
    /// Last name.
    pub lastname: String,
    /// The `accounts` record's name (rendered as the expanded `account`), if any.
    pub account: Option<String>,
    /// Description.
    pub description: String,
    /// Phone numbers in `00<cc>` form (custom field `number`).
    pub numbers: Vec<String>,
    /// E-mail addresses (custom field `email`).
    pub emails: Vec<String>,
    /// The other custom fields (`address`, `note`, and any a CRM load sets).
    pub extra: BTreeMap<String, Vec<String>>,
    /// Creation time, Unix seconds.
    pub created: i64,
    /// Last change, Unix seconds.
    pub edited: i64,
}

/// A call (`activitiesCall` record).
#[derive(Debug, Clone)]
pub struct Call {
    /// `id_call`.
    pub id_call: String,
    /// Start, Unix seconds.
    pub call_time: i64,
    /// `in` or `out`.
    pub direction: &'static str,
    /// Answered by the agent.
    pub answered: bool,
    /// Queue number, if the call went through one.
    pub queue: Option<i64>,
    /// Agent login.
    pub agent: String,
    /// The customer's number, `00<cc>` form.
    pub clid: String,
    /// Dialled number on inbound calls.
    pub did: String,
    /// Matched contact name.
    pub contact: Option<String>,
    /// Seconds ringing.
    pub ringing_time: i64,
    /// Seconds talking.
    pub duration: i64,
    /// `""`, `caller`, `agent`, ...
    pub disposition_cause: &'static str,
    /// `""`, `abandon`, `noanswer`, ...
    pub disconnection_cause: &'static str,
    /// `Some(1)` when missed.
    pub missed_call: Option<i64>,
}

/// An activity (`activities` record); only calls are simulated.
#[derive(Debug, Clone)]
pub struct Activity {
    /// Identifier.
    pub name: String,
    /// Title.
    pub title: String,
    /// `""`, `WAIT`, `OPEN`, `POSTPONE` or `CLOSE`.
    pub action: String,
    /// The call this activity carries (`item`).
    pub id_call: String,
    /// Queue number.
    pub queue: Option<i64>,
    /// Agent login.
    pub user: String,
    /// Contact name.
    pub contact: Option<String>,
    /// Status names set by the agent.
    pub statuses: Vec<String>,
    /// The agent's note (HTML).
    pub description: String,
    /// Created, Unix seconds.
    pub time: i64,
    /// Started ringing.
    pub time_wait: Option<i64>,
    /// Answered.
    pub time_open: Option<i64>,
    /// Ended.
    pub time_close: Option<i64>,
}

/// What an agent is doing right now (the source of `realtimeSessions`).
#[derive(Debug, Clone, Default)]
pub struct AgentSession {
    /// Queues the agent is logged in to, with their penalties.
    pub queues: BTreeMap<i64, i64>,
    /// Current pause name.
    pub pause: Option<String>,
    /// Pause start.
    pub onpause: Option<i64>,
    /// Whether the agent's phone (device) is registered.
    pub device_online: bool,
    /// Last state change.
    pub statetime: i64,
    /// Last queue login.
    pub logintime: Option<i64>,
    /// Last call end.
    pub lastcalltime: Option<i64>,
    /// Last queue the agent logged in to.
    pub lastqueue: Option<i64>,
}

/// The whole simulated instance.
#[derive(Debug, Clone)]
pub struct World {
    /// Agents.
    pub agents: Vec<Agent>,
    /// Queues.
    pub queues: Vec<Queue>,
    /// Pause reasons.
    pub pauses: Vec<Pause>,
    /// Statuses.
    pub statuses: Vec<Status>,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// Accounts (companies).
    pub accounts: Vec<Account>,
    /// Calls, oldest first.
    pub calls: Vec<Call>,
    /// Activities, oldest first.
    pub activities: Vec<Activity>,
    /// Live state per agent login.
    pub sessions: HashMap<String, AgentSession>,
    tokens: tokens::Tokens,
    seq: u64,
}

impl World {
    /// The agent with this login.
    pub fn agent(&self, login: &str) -> Option<&Agent> {
        self.agents.iter().find(|a| a.login == login)
    }

    /// The queue with this number.
    pub fn queue(&self, name: i64) -> Option<&Queue> {
        self.queues.iter().find(|q| q.name == name)
    }

    /// The contact with this name.
    pub fn contact(&self, name: &str) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.name == name)
    }

    /// The call with this id.
    pub fn call(&self, id: &str) -> Option<&Call> {
        self.calls.iter().find(|c| c.id_call == id)
    }

    /// The activity with this name.
    pub fn activity(&self, name: &str) -> Option<&Activity> {
        self.activities.iter().find(|a| a.name == name)
    }

    /// The first contact one of whose numbers is `number` (already normalised), as Daktela's
    /// own auto-match fills `activitiesCall.contact`.
    pub fn contact_by_number(&self, number: &str) -> Option<&Contact> {
        self.contacts
            .iter()
            .find(|c| c.numbers.iter().any(|n| n == number))
    }

    /// A fresh, unique suffix for record names.
    fn next_id(&mut self) -> String {
        self.seq += 1;
        format!("{:x}{:06x}", crate::clock::now_secs(), self.seq)
    }
}

/// Why a world operation was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorldError {
    /// No such agent.
    #[error("unknown agent {0}")]
    UnknownAgent(String),
    /// No such queue.
    #[error("unknown queue {0}")]
    UnknownQueue(String),
    /// No such activity.
    #[error("unknown activity {0}")]
    UnknownActivity(String),
    /// The agent has no call in the needed state.
    #[error("agent {0} has no {1} call")]
    NoCall(String, &'static str),
    /// The activity is not in a state that allows this.
    #[error("activity {0} is {1}")]
    WrongState(String, String),
    /// The agent's phone is offline, so nothing can ring.
    #[error("the phone of agent {0} is offline")]
    PhoneOffline(String),
    /// A required input is missing or unreadable.
    #[error("invalid request: {0}")]
    Invalid(String),
}
