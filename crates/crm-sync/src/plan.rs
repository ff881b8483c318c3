//! Deciding, group by group, what a run sends: duplicates and bad records are set aside,
//! unchanged records are skipped on a partial load, and the next state is prepared (it is
//! written only if the whole run succeeds).

use crate::digest::{company_hash, contact_hash};
use crate::input::InputError;
use crate::model::{Company, Contact, Group};
use crate::state::{Change, SyncState, key};
use std::collections::{HashMap, HashSet};

/// A company and the contacts of one group that are to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selected {
    /// The company; `change` says whether it itself needs writing.
    pub company: Company,
    /// What the state says about the company head.
    pub company_change: Change,
    /// Whether the company itself is to be written (REST mode); on the sync endpoint a
    /// company always goes with its contacts.
    pub write_company: bool,
    /// Contacts to write, with what the state says about each.
    pub contacts: Vec<(Contact, Change)>,
}

/// Counts over the whole input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Contacts read (valid ones).
    pub contacts_read: u64,
    /// Distinct companies read.
    pub companies_read: u64,
    /// Contacts new since the last successful run.
    pub contacts_new: u64,
    /// Contacts changed since then.
    pub contacts_changed: u64,
    /// Contacts unchanged.
    pub contacts_same: u64,
    /// Companies new since the last successful run.
    pub companies_new: u64,
    /// Companies changed since then.
    pub companies_changed: u64,
}

/// The planner of one run.
#[derive(Debug)]
pub struct Planner {
    old: SyncState,
    /// The state to save if the run succeeds.
    pub next: SyncState,
    /// Contact id key → first line, to find duplicates.
    seen: HashMap<u64, u64>,
    companies_seen: HashSet<u64>,
    full: bool,
    /// Counts.
    pub counts: Counts,
}

impl Planner {
    /// `full`: send every record whatever the state says (a full load); else only new and
    /// changed ones (a partial load).
    pub fn new(old: SyncState, full: bool) -> Self {
        // A full load's next state holds exactly what was loaded; a partial one adds to the old.
        let next = if full {
            SyncState::default()
        } else {
            old.clone()
        };
        Planner {
            old,
            next,
            seen: HashMap::new(),
            companies_seen: HashSet::new(),
            full,
            counts: Counts::default(),
        }
    }

    /// The contact id keys seen in this load (to find what is gone from the CRM).
    pub fn seen_contact(&self, id_key: u64) -> bool {
        self.seen.contains_key(&id_key)
    }

    /// How many contacts this load holds.
    pub fn seen_count(&self) -> usize {
        self.seen.len()
    }

    /// Sorts one group. Duplicate contact ids come back as errors; `None` when nothing in
    /// the group needs sending.
    pub fn select(&mut self, group: Group) -> (Option<Selected>, Vec<InputError>) {
        let mut errors = Vec::new();
        let company = group.company;
        let (company_change, send_company) = match &company.id {
            Some(id) => {
                let (k, h) = (key(&id.text), company_hash(&company));
                let change = self.old.company_change(k, h);
                let first_sight = self.companies_seen.insert(k);
                if first_sight {
                    self.counts.companies_read += 1;
                    match change {
                        Change::New => self.counts.companies_new += 1,
                        Change::Changed => self.counts.companies_changed += 1,
                        Change::Same => {}
                    }
                }
                self.next.companies.insert(k, h);
                // A company met again later in the input is written once.
                (change, first_sight && (self.full || change != Change::Same))
            }
            None => (Change::Same, false),
        };
        let mut contacts = Vec::new();
        for c in group.contacts {
            let k = key(&c.id.text);
            if let Some(first) = self.seen.get(&k) {
                errors.push(InputError::DuplicateId {
                    line: c.line,
                    id: c.id.text.clone(),
                    first_line: *first,
                });
                continue;
            }
            self.seen.insert(k, c.line);
            self.counts.contacts_read += 1;
            let h = contact_hash(&c, company.id.as_ref());
            let change = self.old.contact_change(k, h);
            match change {
                Change::New => self.counts.contacts_new += 1,
                Change::Changed => self.counts.contacts_changed += 1,
                Change::Same => self.counts.contacts_same += 1,
            }
            self.next.contacts.insert(k, h);
            if self.full || change != Change::Same {
                contacts.push((c, change));
            }
        }
        if contacts.is_empty() && !send_company {
            return (None, errors);
        }
        (
            Some(Selected {
                company,
                company_change,
                write_company: send_company,
                contacts,
            }),
            errors,
        )
    }
}

impl Planner {
    /// Takes a contact back out of the next state (it could not be sent), so the next run
    /// sends it again.
    pub fn forget_contact(&mut self, id: &str) {
        let k = key(id);
        match self.old.contacts.get(&k) {
            Some(h) => self.next.contacts.insert(k, *h),
            None => self.next.contacts.remove(&k),
        };
    }
}
