//! CRM data: accounts (companies), contact and account writes through the REST API, and the
//! white paper's bulk load (`POST /custom/crm/sync.php`).

use super::{Contact, Rejection, World, writes::FOREIGN_KEY, writes::REQUIRED};
use crate::clock::now_secs;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// A CRM company (`accounts` record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// Identifier.
    pub name: String,
    /// Display name.
    pub title: String,
    /// Description.
    pub description: String,
    /// Custom fields.
    pub fields: BTreeMap<String, Vec<String>>,
    /// Created, Unix seconds.
    pub created: i64,
    /// Last change, Unix seconds.
    pub edited: i64,
}

impl Account {
    /// The seeded name of a company: `Acme s.r.o.` → `account_acme_s_r_o`.
    pub fn seed_name(title: &str) -> String {
        let mut out = String::new();
        for ch in title.to_lowercase().chars() {
            if ch.is_ascii_alphanumeric() {
                out.push(ch);
            } else if !out.ends_with('_') {
                out.push('_');
            }
        }
        format!("account_{}", out.trim_matches('_'))
    }

    /// One account per distinct seeded company title.
    pub(super) fn seeded<'a>(titles: impl Iterator<Item = &'a str>, created: i64) -> Vec<Self> {
        let mut out: Vec<Account> = Vec::new();
        for title in titles {
            let name = Self::seed_name(title);
            if out.iter().all(|a| a.name != name) {
                out.push(Account {
                    name,
                    title: title.to_owned(),
                    description: String::new(),
                    fields: BTreeMap::new(),
                    created,
                    edited: created,
                });
            }
        }
        out
    }
}

/// A scalar as text (`null` → none).
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// `["a", "b"]`, a scalar or null → values.
fn values(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items.iter().filter_map(|i| text(Some(i))).collect(),
        other => text(Some(other)).into_iter().collect(),
    }
}

/// Custom fields from an object `{key: [values]}`.
fn custom_fields(v: Option<&Value>) -> BTreeMap<String, Vec<String>> {
    v.and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.clone(), values(v))).collect())
        .unwrap_or_default()
}

impl World {
    /// The account with this name.
    pub fn account(&self, name: &str) -> Option<&Account> {
        self.accounts.iter().find(|a| a.name == name)
    }

    /// Sets a contact's custom fields: `number` (normalised) and `email` have their own
    /// slots, the rest are kept as they come.
    pub(super) fn set_contact_fields(
        c: &mut Contact,
        fields: BTreeMap<String, Vec<String>>,
        cc: &str,
    ) {
        for (key, vals) in fields {
            match key.as_str() {
                "number" => {
                    c.numbers = vals
                        .iter()
                        .map(|n| crate::phone::normalize(n, cc))
                        .filter(|n| !n.is_empty())
                        .collect();
                }
                "email" => c.emails = vals,
                _ => {
                    c.extra.insert(key, vals);
                }
            }
        }
    }

    /// `POST contacts.json` / `PUT contacts/{name}.json`: creates (`existing` = `None`) or
    /// changes a contact from a REST body. Returns the contact's name.
    ///
    /// # Errors
    /// Form errors: `title`/`lastname` required on create, `account` naming no account
    /// (foreign key), `name` taken on create.
    pub fn write_contact(
        &mut self,
        existing: Option<&str>,
        body: &Value,
        cc: &str,
    ) -> Result<String, Rejection> {
        let now = now_secs();
        let account = match body.get("account") {
            None => None,
            Some(v) => Some(
                match v
                    .as_object()
                    .map_or_else(|| text(Some(v)), |o| text(o.get("name")))
                {
                    Some(name) if self.account(&name).is_none() => {
                        return Err(Rejection::field("account", FOREIGN_KEY));
                    }
                    other => other,
                },
            ),
        };
        let index = match existing {
            Some(name) => self.contacts.iter().position(|c| c.name == name),
            None => None,
        };
        let mut c = match index {
            Some(i) => self.contacts[i].clone(),
            None => {
                let mut form = Map::new();
                for key in ["title", "lastname"] {
                    if text(body.get(key)).is_none_or(|t| t.trim().is_empty()) {
                        form.insert(key.to_owned(), Value::String(REQUIRED.to_owned()));
                    }
                }
                if !form.is_empty() {
                    return Err(Rejection::Form(form));
                }
                let name = match text(body.get("name")) {
                    Some(n) if self.contact(&n).is_some() => {
                        return Err(Rejection::field("name", "Entry already exists"));
                    }
                    Some(n) => n,
                    None => format!("contact_{}", self.next_id()),
                };
                Contact {
                    name,
                    title: String::new(),
                    firstname: String::new(),
                    lastname: String::new(),
                    account: None,
                    description: String::new(),
                    numbers: Vec::new(),
                    emails: Vec::new(),
                    extra: BTreeMap::new(),
                    created: now,
                    edited: now,
                }
            }
        };
        for (key, slot) in [
            ("title", &mut c.title),
            ("firstname", &mut c.firstname),
            ("lastname", &mut c.lastname),
            ("description", &mut c.description),
        ] {
            if let Some(v) = body.get(key) {
                *slot = text(Some(v)).unwrap_or_default();
            }
        }
        if let Some(account) = account {
            c.account = account;
        }
        if body.get("customFields").is_some() {
            Self::set_contact_fields(&mut c, custom_fields(body.get("customFields")), cc);
        }
        c.edited = now;
        let name = c.name.clone();
        match index {
            Some(i) => self.contacts[i] = c,
            None => self.contacts.push(c),
        }
        Ok(name)
    }

    /// `POST accounts.json` / `PUT accounts/{name}.json`. Returns the account's name.
    ///
    /// # Errors
    /// Form errors: `title` required on create, `name` taken on create.
    pub fn write_account(
        &mut self,
        existing: Option<&str>,
        body: &Value,
    ) -> Result<String, Rejection> {
        let now = now_secs();
        let index = existing.and_then(|n| self.accounts.iter().position(|a| a.name == n));
        let mut a = match index {
            Some(i) => self.accounts[i].clone(),
            None => {
                if text(body.get("title")).is_none_or(|t| t.trim().is_empty()) {
                    return Err(Rejection::field("title", REQUIRED));
                }
                let name = match text(body.get("name")) {
                    Some(n) if self.account(&n).is_some() => {
                        return Err(Rejection::field("name", "Entry already exists"));
                    }
                    Some(n) => n,
                    None => format!("account_{}", self.next_id()),
                };
                Account {
                    name,
                    title: String::new(),
                    description: String::new(),
                    fields: BTreeMap::new(),
                    created: now,
                    edited: now,
                }
            }
        };
        if let Some(v) = body.get("title") {
            a.title = text(Some(v)).unwrap_or_default();
        }
        if let Some(v) = body.get("description") {
            a.description = text(Some(v)).unwrap_or_default();
        }
        if body.get("customFields").is_some() {
            a.fields = custom_fields(body.get("customFields"));
        }
        a.edited = now;
        let name = a.name.clone();
        match index {
            Some(i) => self.accounts[i] = a,
            None => self.accounts.push(a),
        }
        Ok(name)
    }

    /// `DELETE contacts/{name}.json`; `false` when there is no such contact.
    pub fn delete_contact(&mut self, name: &str) -> bool {
        let before = self.contacts.len();
        self.contacts.retain(|c| c.name != name);
        self.contacts.len() != before
    }

    /// `DELETE accounts/{name}.json`; contacts of the account lose it. `false` when unknown.
    pub fn delete_account(&mut self, name: &str) -> bool {
        let before = self.accounts.len();
        self.accounts.retain(|a| a.name != name);
        for c in &mut self.contacts {
            if c.account.as_deref() == Some(name) {
                c.account = None;
            }
        }
        self.accounts.len() != before
    }
}
