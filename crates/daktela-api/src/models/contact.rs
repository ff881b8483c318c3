//! Contacts (`contacts`) and their custom fields.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

use super::{ContactName, Named, Related, Sys, User};
use crate::read::{Fields, FromJson, ReadError, deserialize_with_reader};

/// A CRM contact.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Contact {
    /// Its name (id).
    pub name: Option<ContactName>,
    /// Display name.
    pub title: Option<String>,
    /// First name.
    pub firstname: Option<String>,
    /// Last name.
    pub lastname: Option<String>,
    /// The account (company), raw: an expanded record or its name.
    pub account: Option<Value>,
    /// The owner.
    pub user: Option<Related<User>>,
    /// The database the contact lives in, raw.
    pub database: Option<Value>,
    /// Free text.
    pub description: Option<String>,
    /// NPS score.
    pub nps_score: Option<i64>,
    /// Created, `YYYY-MM-DD HH:MM:SS`.
    pub created: Option<String>,
    /// Last edited.
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

/// An object, or PHP's `[]` for an empty one (an array is keyed by index); anything else reads
/// as no custom fields.
impl FromJson for CustomFields {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        Ok(match value {
            Value::Object(map) => Self(map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()),
            Value::Array(items) => Self(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| (i.to_string(), v.clone()))
                    .collect(),
            ),
            _ => Self::default(),
        })
    }
}

impl FromJson for Contact {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a contact")?;
        Ok(Self {
            name: f.get("name")?,
            title: f.string("title")?,
            firstname: f.string("firstname")?,
            lastname: f.string("lastname")?,
            account: f.raw("account"),
            user: f.get("user")?,
            database: f.raw("database"),
            description: f.string("description")?,
            nps_score: f.integer("nps_score")?,
            created: f.string("created")?,
            edited: f.string("edited")?,
            custom_fields: f.get("customFields")?,
            sys: f.get("_sys")?,
        })
    }
}

deserialize_with_reader!(Contact, CustomFields);
