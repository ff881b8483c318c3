//! Tickets, attachments and e-mail items: not used by the panel's call flow, modelled thinly so
//! that activities carrying them (and the captured fixtures) decode.

use serde::Serialize;
use serde_json::Value;

use super::{Contact, Named, Queue, Related, Sys, TicketName, User};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// A ticket (thin).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Ticket {
    /// Its name: an integer on real instances.
    pub name: Option<TicketName>,
    /// Title.
    pub title: Option<String>,
    /// `OPEN`, `WAIT`, `CLOSE`, `ARCHIVE`.
    pub stage: Option<String>,
    /// `LOW`, `MEDIUM`, `HIGH`.
    pub priority: Option<String>,
    /// The contact.
    pub contact: Option<Related<Contact>>,
    /// The owner.
    pub user: Option<Related<User>>,
    /// Category, raw.
    pub category: Option<Value>,
    /// Created.
    pub created: Option<String>,
    /// Last edited.
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
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Attachment {
    /// File id.
    pub file: Option<String>,
    /// File name.
    pub title: Option<String>,
    /// MIME type.
    #[serde(rename = "type")]
    pub mime_type: Option<String>,
    /// Bytes.
    pub size: Option<i64>,
    /// Uploaded.
    pub time: Option<String>,
    /// `"0"`/`"1"`: inline in the e-mail body.
    pub inline: Option<bool>,
}

/// An e-mail (`activitiesEmail`), thin.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct EmailItem {
    /// Its name.
    pub name: Option<String>,
    /// Subject.
    pub title: Option<String>,
    /// The other party's address.
    pub address: Option<String>,
    /// `in` or `out`.
    pub direction: Option<String>,
    /// Body (HTML).
    pub text: Option<String>,
    /// Received or sent.
    pub time: Option<String>,
    /// The queue.
    pub queue: Option<Related<Queue>>,
    /// The contact.
    pub contact: Option<Related<Contact>>,
    /// Attached files.
    pub files: Vec<Attachment>,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl FromJson for Ticket {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a ticket")?;
        Ok(Self {
            name: f.get("name")?,
            title: f.string("title")?,
            stage: f.string("stage")?,
            priority: f.string("priority")?,
            contact: f.get("contact")?,
            user: f.get("user")?,
            category: f.raw("category"),
            created: f.string("created")?,
            edited: f.string("edited")?,
            sys: f.get("_sys")?,
        })
    }
}

impl FromJson for Attachment {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "an attachment")?;
        Ok(Self {
            file: f.string("file")?,
            title: f.string("title")?,
            mime_type: f.string("type")?,
            size: f.integer("size")?,
            time: f.string("time")?,
            inline: f.boolean("inline")?,
        })
    }
}

impl FromJson for EmailItem {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "an e-mail item")?;
        Ok(Self {
            name: f.string("name")?,
            title: f.string("title")?,
            address: f.string("address")?,
            direction: f.string("direction")?,
            text: f.string("text")?,
            time: f.string("time")?,
            queue: f.get("queue")?,
            contact: f.get("contact")?,
            files: f.get("files")?,
            sys: f.get("_sys")?,
        })
    }
}

deserialize_with_reader!(Ticket, Attachment, EmailItem);
