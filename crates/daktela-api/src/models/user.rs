//! Users (`users`) and the current-user answer (`whoim`).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Named, Sys, UserLogin, lenient};

/// A Daktela user, as `whoim` returns it and as relations expand it. Every field is optional:
/// relations are sometimes shortened to `{title, alias}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct User {
    /// The login: the user's id in filters (`user eq`, `id_agent eq`).
    pub name: Option<UserLogin>,
    /// Display name.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// Short alias.
    #[serde(deserialize_with = "lenient::string")]
    pub alias: Option<String>,
    /// `CC` (contact centre), `CP`, `BO` (back office).
    #[serde(rename = "type", deserialize_with = "lenient::string")]
    pub user_type: Option<String>,
    /// The user's extension, e.g. `"500"`.
    #[serde(deserialize_with = "lenient::string")]
    pub extension: Option<String>,
    /// Device state: `online`, `offline`, `busy` or `""`.
    #[serde(deserialize_with = "lenient::string")]
    pub extension_state: Option<String>,
    /// Presence state on newer servers, same values as `extension_state`.
    #[serde(deserialize_with = "lenient::string")]
    pub presence_state: Option<String>,
    /// Outgoing caller id.
    #[serde(deserialize_with = "lenient::string")]
    pub clid: Option<String>,
    /// E-mail address.
    #[serde(deserialize_with = "lenient::string")]
    pub email: Option<String>,
    /// `_AUTOMATIC_` or an IANA time zone.
    #[serde(deserialize_with = "lenient::string")]
    pub timezone: Option<String>,
    /// Deactivated account.
    #[serde(deserialize_with = "lenient::boolean")]
    pub deactivated: Option<bool>,
    /// Deleted account.
    #[serde(deserialize_with = "lenient::boolean")]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Whoim {
    /// The server version; never null on a real server.
    #[serde(deserialize_with = "lenient::string")]
    pub version: Option<String>,
    /// The current user. `None` means NOT logged in, even though the status was 200.
    pub user: Option<User>,
}
