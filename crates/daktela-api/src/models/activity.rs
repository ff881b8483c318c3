//! Activities (`activities`): every interaction, whatever the channel.

use serde::{Serialize, Serializer};
use serde_json::Value;

use super::contact::CustomFields;
use super::{
    ActivityAction, ActivityName, ActivityType, CallItem, Contact, Named, Queue, Related, Status,
    Sys, Ticket, User,
};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// An activity (OpenAPI `Activity-2`). Every field is optional: a `fields[]` query returns only
/// the fields asked for, without even `name`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Activity {
    /// Its name (id).
    pub name: Option<ActivityName>,
    /// The ticket it belongs to.
    pub ticket: Option<Related<Ticket>>,
    /// Title.
    pub title: Option<String>,
    /// Marked important.
    pub important: Option<bool>,
    /// State: `""`, `WAIT`, `OPEN`, `POSTPONE`, `CLOSE`.
    pub action: Option<ActivityAction>,
    /// Channel: `CALL`, `EMAIL`, ... (`""` = comment).
    #[serde(rename = "type")]
    pub activity_type: Option<ActivityType>,
    /// The expanded channel record.
    pub item: Option<ActivityItem>,
    /// The queue.
    pub queue: Option<Related<Queue>>,
    /// The agent.
    pub user: Option<Related<User>>,
    /// The contact.
    pub contact: Option<Related<Contact>>,
    /// Priority.
    pub priority: Option<i64>,
    /// Options, raw.
    pub options: Option<Value>,
    /// The note (HTML).
    pub description: Option<String>,
    /// Created.
    pub time: Option<String>,
    /// Started waiting.
    pub time_wait: Option<String>,
    /// Opened.
    pub time_open: Option<String>,
    /// Closed.
    pub time_close: Option<String>,
    /// Seconds.
    pub duration: Option<i64>,
    /// Seconds ringing.
    pub ringing_time: Option<i64>,
    /// Statuses (dispositions) set on it.
    pub statuses: Vec<Related<Status>>,
    /// Custom fields.
    #[serde(rename = "customFields")]
    pub custom_fields: CustomFields,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl Named for Activity {
    fn record_name(&self) -> Option<&str> {
        self.name.as_ref().map(ActivityName::as_str)
    }
}

impl Activity {
    /// The call record, when this is a call activity whose item came expanded.
    pub fn call(&self) -> Option<&CallItem> {
        match &self.item {
            Some(ActivityItem::Call(call)) => Some(call),
            _ => None,
        }
    }

    /// The agent's login.
    pub fn user_login(&self) -> Option<&str> {
        self.user.as_ref().and_then(Related::name)
    }
}

/// `activities.item`: the channel record. Calls are typed; everything else (e-mails, chats, a
/// bare id) is kept as raw JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum ActivityItem {
    /// An expanded `activitiesCall` record.
    Call(Box<CallItem>),
    /// Any other item, as sent.
    Other(Value),
}

impl FromJson for ActivityItem {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        if looks_like_call(value) {
            CallItem::from_json(value).map(|call| Self::Call(Box::new(call)))
        } else {
            Ok(Self::Other(value.clone()))
        }
    }
}

impl FromJson for Activity {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "an activity")?;
        Ok(Self {
            name: f.get("name")?,
            ticket: f.get("ticket")?,
            title: f.string("title")?,
            important: f.boolean("important")?,
            action: f.get("action")?,
            activity_type: f.get("type")?,
            item: f.get("item")?,
            queue: f.get("queue")?,
            user: f.get("user")?,
            contact: f.get("contact")?,
            priority: f.integer("priority")?,
            options: f.raw("options"),
            description: f.string("description")?,
            time: f.string("time")?,
            time_wait: f.string("time_wait")?,
            time_open: f.string("time_open")?,
            time_close: f.string("time_close")?,
            duration: f.integer("duration")?,
            ringing_time: f.integer("ringing_time")?,
            statuses: f.get("statuses")?,
            custom_fields: f.get("customFields")?,
            sys: f.get("_sys")?,
        })
    }
}

deserialize_with_reader!(Activity, ActivityItem);

/// A call item says so in `_sys.model`; without `_sys` (a shortened answer) `id_call` tells.
fn looks_like_call(value: &Value) -> bool {
    let model = value.pointer("/_sys/model").and_then(Value::as_str);
    model == Some("activitiesCall") || (model.is_none() && value.get("id_call").is_some())
}

impl Serialize for ActivityItem {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Call(call) => call.serialize(s),
            Self::Other(value) => value.serialize(s),
        }
    }
}
