//! Activities (`activities`): every interaction, whatever the channel.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::json_path::{error_path, message_without_position};

use super::contact::CustomFields;
use super::{
    ActivityAction, ActivityName, ActivityType, CallItem, Contact, Named, Queue, Related, Status,
    Sys, Ticket, User, lenient,
};

/// An activity (OpenAPI `Activity-2`). Every field is optional: a `fields[]` query returns only
/// the fields asked for, without even `name`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Activity {
    /// Its name (id).
    pub name: Option<ActivityName>,
    /// The ticket it belongs to.
    pub ticket: Option<Related<Ticket>>,
    /// Title.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// Marked important.
    #[serde(deserialize_with = "lenient::boolean")]
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
    #[serde(deserialize_with = "lenient::integer")]
    pub priority: Option<i64>,
    /// Options, raw.
    pub options: Option<Value>,
    /// The note (HTML).
    #[serde(deserialize_with = "lenient::string")]
    pub description: Option<String>,
    /// Created.
    #[serde(deserialize_with = "lenient::string")]
    pub time: Option<String>,
    /// Started waiting.
    #[serde(deserialize_with = "lenient::string")]
    pub time_wait: Option<String>,
    /// Opened.
    #[serde(deserialize_with = "lenient::string")]
    pub time_open: Option<String>,
    /// Closed.
    #[serde(deserialize_with = "lenient::string")]
    pub time_close: Option<String>,
    /// Seconds.
    #[serde(deserialize_with = "lenient::integer")]
    pub duration: Option<i64>,
    /// Seconds ringing.
    #[serde(deserialize_with = "lenient::integer")]
    pub ringing_time: Option<i64>,
    /// Statuses (dispositions) set on it.
    #[serde(deserialize_with = "lenient::list")]
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

impl<'de> Deserialize<'de> for ActivityItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(d)?;
        if !looks_like_call(&value) {
            return Ok(Self::Other(value));
        }
        // The item must be buffered to look at it first. It is read again from its TEXT, not
        // from the buffered `Value`: a second deserializer for every record a call item holds
        // (`&Value` beside `&str`) doubled their code in the panel's wasm. The text read also
        // gives the error a position, so the message can name the inner path.
        let text = value.to_string();
        serde_json::from_str::<CallItem>(&text)
            .map(|call| Self::Call(Box::new(call)))
            .map_err(|e| {
                let path = error_path(&text, &e);
                // Without serde_json's position: it is inside the re-serialised item,
                // meaningless to a reader of the real body (the outer error names it).
                let message = message_without_position(&e);
                serde::de::Error::custom(format!("call item at `{path}`: {message}"))
            })
    }
}

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
