//! The white paper's bulk load (§3.2), `POST /custom/crm/sync.php`, applied to the world.

use super::{Account, Contact, Rejection, World};
use crate::clock::now_secs;
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// Name prefixes of what the bulk load creates (see [`crm_slug`], reading S3).
pub const CONTACT_PREFIX: &str = "crm_contact_";
/// Accounts.
pub const ACCOUNT_PREFIX: &str = "crm_account_";

/// What a bulk load did (the JSON summary the endpoint answers with).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct SyncSummary {
    /// Accounts created.
    pub accounts_created: u64,
    /// Accounts updated.
    pub accounts_updated: u64,
    /// Contacts created.
    pub contacts_created: u64,
    /// Contacts updated.
    pub contacts_updated: u64,
    /// Contacts deleted (`delete: true`).
    pub contacts_deleted: u64,
}

/// The record name the bulk load gives a CRM id: lower-case ASCII letters, digits, `_`, `-`
/// kept, anything else `_`, and when that loses information a hash of the id appended.
///
/// UNCONFIRMED(S3): how the real endpoint names what it creates is not public. The simulator
/// names contacts `crm_contact_<slug>` and accounts `crm_account_<slug>`, the same names
/// `crm-sync`'s REST mode uses, so both modes address the same records.
pub fn crm_slug(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    let mut lossy = id.is_empty();
    for c in id.chars() {
        match c {
            'a'..='z' | '0'..='9' | '_' | '-' => out.push(c),
            _ => {
                lossy = true;
                out.push(if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                });
            }
        }
    }
    if lossy {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in id.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        out.push_str(&format!("_{:08x}", h as u32));
    }
    out
}

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

fn fields(v: Option<&Value>) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for f in v.and_then(Value::as_array).into_iter().flatten() {
        if let Some(key) = text(f.get("key")) {
            let vals = match f.get("value") {
                Some(Value::Array(items)) => items.iter().filter_map(|i| text(Some(i))).collect(),
                other => text(other).into_iter().collect(),
            };
            out.insert(key, vals);
        }
    }
    out
}

fn bad(message: &str) -> Rejection {
    Rejection::Primary(vec![message.to_owned()])
}

impl World {
    /// Applies one bulk-load request: upserts every company (as an account) and every
    /// contact by CRM id; with `"delete": true`, then deletes the contacts this load created
    /// earlier that are not in THIS request. The request is checked whole before anything is
    /// applied, so a bad request changes nothing.
    ///
    /// UNCONFIRMED(S4): "contacts not included in the full load shall be deleted" is read as
    /// contacts not in this one request, limited to contacts a bulk load created (names
    /// with [`CONTACT_PREFIX`]); contacts made by hand are never deleted.
    ///
    /// # Errors
    /// `error.primary` when `data` is not an array of companies, a company is not an object,
    /// a contact has no id, or `delete` is not a boolean.
    pub fn crm_sync(&mut self, body: &Value, cc: &str) -> Result<SyncSummary, Rejection> {
        let data = body
            .get("data")
            .and_then(Value::as_array)
            .ok_or_else(|| bad("data: an array of companies is required"))?;
        let delete = match body.get("delete") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(bad("delete: must be true or false")),
        };
        for company in data {
            let contacts = match company.get("contacts") {
                None | Some(Value::Null) => &[][..],
                Some(Value::Array(c)) => c.as_slice(),
                Some(_) => return Err(bad("contacts: must be an array")),
            };
            if !company.is_object() || contacts.iter().any(|c| text(c.get("id")).is_none()) {
                return Err(bad(
                    "every company must be an object and every contact needs an id",
                ));
            }
        }
        let mut summary = SyncSummary::default();
        let mut loaded = HashSet::new();
        let now = now_secs();
        for company in data {
            let account = text(company.get("id")).map(|id| {
                let name = format!("{ACCOUNT_PREFIX}{}", crm_slug(&id));
                let account = Account {
                    name: name.clone(),
                    title: text(company.get("name")).unwrap_or(id),
                    description: text(company.get("description")).unwrap_or_default(),
                    fields: fields(company.get("fields")),
                    created: now,
                    edited: now,
                };
                match self.accounts.iter_mut().find(|a| a.name == name) {
                    Some(a) => {
                        *a = Account {
                            created: a.created,
                            ..account
                        };
                        summary.accounts_updated += 1;
                    }
                    None => {
                        self.accounts.push(account);
                        summary.accounts_created += 1;
                    }
                }
                name
            });
            let contacts = company.get("contacts").and_then(Value::as_array);
            for raw in contacts.into_iter().flatten() {
                let id = text(raw.get("id")).unwrap_or_default();
                let name = format!("{CONTACT_PREFIX}{}", crm_slug(&id));
                let first = text(raw.get("firstname")).unwrap_or_default();
                let last = text(raw.get("lastname")).unwrap_or_default();
                let joined = format!("{first} {last}").trim().to_owned();
                let title = text(raw.get("name"))
                    .or((!joined.is_empty()).then_some(joined))
                    .unwrap_or(id);
                let mut contact = Contact {
                    name: name.clone(),
                    title,
                    firstname: first,
                    lastname: last,
                    account: account.clone(),
                    description: text(raw.get("description")).unwrap_or_default(),
                    numbers: Vec::new(),
                    emails: Vec::new(),
                    extra: BTreeMap::new(),
                    created: now,
                    edited: now,
                };
                World::set_contact_fields(&mut contact, fields(raw.get("fields")), cc);
                match self.contacts.iter_mut().find(|c| c.name == name) {
                    Some(c) => {
                        contact.created = c.created;
                        *c = contact;
                        summary.contacts_updated += 1;
                    }
                    None => {
                        self.contacts.push(contact);
                        summary.contacts_created += 1;
                    }
                }
                loaded.insert(name);
            }
        }
        if delete {
            let before = self.contacts.len();
            self.contacts
                .retain(|c| !c.name.starts_with(CONTACT_PREFIX) || loaded.contains(&c.name));
            summary.contacts_deleted = (before - self.contacts.len()) as u64;
        }
        Ok(summary)
    }
}
