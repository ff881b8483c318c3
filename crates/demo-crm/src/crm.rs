//! The CRM's state as the handlers see it: the seeded address book, the store, the page frame.

use std::sync::Arc;

use crate::contacts::Contact;
use crate::page::Chrome;
use crate::phone::to_e164;
use crate::store::{Store, StoredLog};

/// Shared by every handler; cheap to clone.
#[derive(Debug, Clone)]
pub struct Crm {
    /// Call logs and created contacts.
    pub store: Arc<Store>,
    /// The contacts the demo starts with.
    pub seeded: Arc<Vec<Contact>>,
    /// The page frame.
    pub chrome: Arc<Chrome>,
}

impl Crm {
    /// Every contact: seeded first, then created ones in creation order.
    pub fn contacts(&self) -> Vec<Contact> {
        let mut all = self.seeded.as_ref().clone();
        self.store.read(|d| all.extend(d.contacts.iter().cloned()));
        all
    }

    /// The contact with this id.
    pub fn contact(&self, id: &str) -> Option<Contact> {
        self.contacts().into_iter().find(|c| c.id == id)
    }

    /// The contacts with this E.164 number.
    pub fn with_number(&self, e164: &str) -> Vec<Contact> {
        self.contacts()
            .into_iter()
            .filter(|c| c.has_number(e164))
            .collect()
    }

    /// Normalises a typed number with the CRM's home country.
    pub fn e164(&self, typed: &str) -> Option<String> {
        to_e164(typed, self.chrome.default_cc)
    }

    /// The calls logged against this contact (by record id) or with one of its numbers, newest
    /// first.
    pub fn history(&self, contact: &Contact) -> Vec<StoredLog> {
        let mut logs: Vec<StoredLog> = self.store.read(|d| {
            d.call_logs
                .iter()
                .filter(|l| {
                    l.record.crm_record_id() == Some(contact.id.as_str())
                        || self
                            .e164(l.record.remote_number())
                            .is_some_and(|n| contact.has_number(&n))
                })
                .cloned()
                .collect()
        });
        logs.reverse();
        logs
    }
}
