//! Tickets, attachments and e-mail items: not used by the panel's call flow, modelled thinly so
//! that activities carrying them (and the captured fixtures) decode.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Contact, Named, Queue, Related, Sys, TicketName, User, lenient};

/// A ticket (thin).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Ticket {
    /// Its name: an integer on real instances.
    pub name: Option<TicketName>,
    /// Title.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// `OPEN`, `WAIT`, `CLOSE`, `ARCHIVE`.
    #[serde(deserialize_with = "lenient::string")]
    pub stage: Option<String>,
    /// `LOW`, `MEDIUM`, `HIGH`.
    #[serde(deserialize_with = "lenient::string")]
    pub priority: Option<String>,
    /// The contact.
    pub contact: Option<Related<Contact>>,
    /// The owner.
    pub user: Option<Related<User>>,
    /// Category, raw.
    pub category: Option<Value>,
    /// Created.
    #[serde(deserialize_with = "lenient::string")]
    pub created: Option<String>,
    /// Last edited.
    #[serde(deserialize_with = "lenient::string")]
    pub edited: Option<String>,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl Named for Ticket {
    fn record_name(&self) -> Option<&str> {
        self.name.as_ref().map(TicketName::as_str)
    }
}

/// A file attached to an activity or an e-mail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attachment {
    /// File id.
    #[serde(deserialize_with = "lenient::string")]
    pub file: Option<String>,
    /// File name.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// MIME type.
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub mime_type: Option<String>,
    /// Bytes.
    #[serde(deserialize_with = "lenient::integer")]
    pub size: Option<i64>,
    /// Uploaded.
    #[serde(deserialize_with = "lenient::string")]
    pub time: Option<String>,
    /// `"0"`/`"1"`: inline in the e-mail body.
    #[serde(deserialize_with = "lenient::boolean")]
    pub inline: Option<bool>,
}

/// An e-mail (`activitiesEmail`), thin.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct EmailItem {
    /// Its name.
    #[serde(deserialize_with = "lenient::string")]
    pub name: Option<String>,
    /// Subject.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// The other party's address.
    #[serde(deserialize_with = "lenient::string")]
    pub address: Option<String>,
    /// `in` or `out`.
    #[serde(deserialize_with = "lenient::string")]
    pub direction: Option<String>,
    /// Body (HTML).
    #[serde(deserialize_with = "lenient::string")]
    pub text: Option<String>,
    /// Received or sent.
    #[serde(deserialize_with = "lenient::string")]
    pub time: Option<String>,
    /// The queue.
    pub queue: Option<Related<Queue>>,
    /// The contact.
    pub contact: Option<Related<Contact>>,
    /// Attached files.
    #[serde(deserialize_with = "lenient::list")]
    pub files: Vec<Attachment>,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}
