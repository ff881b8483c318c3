//! Contacts (`contacts`) and their custom fields.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use super::{ContactName, Named, Related, Sys, User, lenient};

/// A CRM contact.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    /// Its name (id).
    pub name: Option<ContactName>,
    /// Display name.
    #[serde(deserialize_with = "lenient::string")]
    pub title: Option<String>,
    /// First name.
    #[serde(deserialize_with = "lenient::string")]
    pub firstname: Option<String>,
    /// Last name.
    #[serde(deserialize_with = "lenient::string")]
    pub lastname: Option<String>,
    /// The account (company), raw: an expanded record or its name.
    pub account: Option<Value>,
    /// The owner.
    pub user: Option<Related<User>>,
    /// The database the contact lives in, raw.
    pub database: Option<Value>,
    /// Free text.
    #[serde(deserialize_with = "lenient::string")]
    pub description: Option<String>,
    /// NPS score.
    #[serde(deserialize_with = "lenient::integer")]
    pub nps_score: Option<i64>,
    /// Created, `YYYY-MM-DD HH:MM:SS`.
    #[serde(deserialize_with = "lenient::string")]
    pub created: Option<String>,
    /// Last edited.
    #[serde(deserialize_with = "lenient::string")]
    pub edited: Option<String>,
    /// Custom fields; phone numbers and e-mails live here, as arrays.
    #[serde(rename = "customFields")]
    pub custom_fields: CustomFields,
    /// Record metadata, including `cfScheme` (which custom fields are phones).
    #[serde(rename = "_sys")]
    pub sys: Option<Sys>,
}

impl Named for Contact {
    fn record_name(&self) -> Option<&str> {
        self.name.as_ref().map(ContactName::as_str)
    }
}

impl Contact {
    /// Every phone number on the contact, as stored (`00420...`), from the custom fields that
    /// `_sys.cfScheme` marks `type: "PHONE"`. Empty when the answer carried no scheme.
    pub fn phone_numbers(&self) -> Vec<String> {
        let Some(scheme) = self.sys.as_ref().and_then(|s| s.cf_scheme.as_ref()) else {
            return Vec::new();
        };
        scheme
            .iter()
            .filter(|(_, entry)| entry.is_phone())
            .flat_map(|(field, _)| self.custom_fields.strings(field))
            .collect()
    }
}

/// `customFields`: field name to value. Values are arrays on real data (`"number":
/// ["0041796533279"]`); an empty set sometimes comes as `[]` instead of `{}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct CustomFields(pub BTreeMap<String, Value>);

impl CustomFields {
    /// The non-empty text values of one field, whether it holds an array or a single value.
    pub fn strings(&self, field: &str) -> Vec<String> {
        let text = |v: &Value| match v {
            Value::String(s) if !s.is_empty() => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        match self.0.get(field) {
            Some(Value::Array(items)) => items.iter().filter_map(text).collect(),
            Some(other) => text(other).into_iter().collect(),
            None => Vec::new(),
        }
    }
}

impl<'de> Deserialize<'de> for CustomFields {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match Value::deserialize(d)? {
            Value::Object(map) => Ok(Self(map.into_iter().collect())),
            // PHP encodes an empty associative array as `[]`.
            Value::Array(items) => Ok(Self(
                items
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), v))
                    .collect(),
            )),
            _ => Ok(Self::default()),
        }
    }
}
