//! Users (`users`) and the current-user answer (`whoim`).

use serde::Serialize;
use serde_json::Value;

use super::{Named, Sys, UserLogin};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// A Daktela user, as `whoim` returns it and as relations expand it. Every field is optional:
/// relations are sometimes shortened to `{title, alias}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct User {
    /// The login: the user's id in filters (`user eq`, `id_agent eq`).
    pub name: Option<UserLogin>,
    /// Display name.
    pub title: Option<String>,
    /// Short alias.
    pub alias: Option<String>,
    /// `CC` (contact centre), `CP`, `BO` (back office).
    #[serde(rename = "type")]
    pub user_type: Option<String>,
    /// The user's extension, e.g. `"500"`.
    pub extension: Option<String>,
    /// Device state: `online`, `offline`, `busy` or `""`.
    pub extension_state: Option<String>,
    /// Presence state on newer servers, same values as `extension_state`.
    pub presence_state: Option<String>,
    /// Outgoing caller id.
    pub clid: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// `_AUTOMATIC_` or an IANA time zone.
    pub timezone: Option<String>,
    /// Deactivated account.
    pub deactivated: Option<bool>,
    /// Deleted account.
    pub deleted: Option<bool>,
    /// The user's role, kept as raw JSON (`options.pRealtime` etc.).
    pub role: Option<Value>,
    /// The user's profile, kept as raw JSON (`canTransferCall`, `options.extensionRequired`).
    pub profile: Option<Value>,
    /// Record metadata.
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl Named for User {
    fn record_name(&self) -> Option<&str> {
        self.name.as_ref().map(UserLogin::as_str)
    }
}

impl User {
    /// True when Daktela reports the user's device as offline (`extension_state: "offline"`).
    pub fn device_offline(&self) -> bool {
        self.extension_state.as_deref() == Some("offline")
    }
}

/// The `result` of `GET whoim.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Whoim {
    /// The server version; never null on a real server.
    pub version: Option<String>,
    /// The current user. `None` means NOT logged in, even though the status was 200.
    pub user: Option<User>,
}

impl FromJson for User {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a user")?;
        Ok(Self {
            name: f.get("name")?,
            title: f.string("title")?,
            alias: f.string("alias")?,
            user_type: f.string("type")?,
            extension: f.string("extension")?,
            extension_state: f.string("extension_state")?,
            presence_state: f.string("presence_state")?,
            clid: f.string("clid")?,
            email: f.string("email")?,
            timezone: f.string("timezone")?,
            deactivated: f.boolean("deactivated")?,
            deleted: f.boolean("deleted")?,
            role: f.raw("role"),
            profile: f.raw("profile"),
            sys: f.get("_sys")?,
        })
    }
}

impl FromJson for Whoim {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a whoim answer")?;
        Ok(Self {
            version: f.string("version")?,
            user: f.get("user")?,
        })
    }
}

deserialize_with_reader!(User, Whoim);
