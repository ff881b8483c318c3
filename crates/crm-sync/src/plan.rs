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
///
/// Memory: a partial load updates the old state in place (keeping the previous hash of each
/// changed record, to undo it if the record cannot be sent); only a full load, whose next
/// state holds exactly what was loaded, keeps two maps.
#[derive(Debug)]
pub struct Planner {
    /// The last run's state (a full load only reads it).
    old: SyncState,
    /// The state to save if the run succeeds; `None` on a partial load (then `old` is
    /// updated in place and is the next state).
    full_next: Option<SyncState>,
    /// Partial load: contacts whose hash this run replaced, with the previous hash.
    replaced: HashMap<u64, Option<u64>>,
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
        Planner {
            old,
            full_next: full.then(SyncState::default),
            replaced: HashMap::new(),
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
                self.next_mut().companies.insert(k, h);
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
            if self.full {
                self.next_mut().contacts.insert(k, h);
            } else if change != Change::Same {
                let previous = self.old.contacts.insert(k, h);
                self.replaced.insert(k, previous);
            }
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
        let previous = match &self.full_next {
            Some(_) => self.old.contacts.get(&k).copied(),
            None => match self.replaced.remove(&k) {
                Some(previous) => previous,
                None => return,
            },
        };
        let next = self.next_mut();
        match previous {
            Some(h) => next.contacts.insert(k, h),
            None => next.contacts.remove(&k),
        };
    }

    fn next_mut(&mut self) -> &mut SyncState {
        self.full_next.as_mut().unwrap_or(&mut self.old)
    }

    /// The state to save if the run succeeds.
    pub fn next(&self) -> &SyncState {
        self.full_next.as_ref().unwrap_or(&self.old)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CrmId, Group};

    fn group(ids: &[&str], last: &str) -> Group {
        Group {
            line: 1,
            company: Company::none(),
            contacts: ids
                .iter()
                .map(|id| Contact {
                    id: CrmId::from_text(id),
                    name: None,
                    firstname: None,
                    lastname: Some(last.into()),
                    description: None,
                    fields: vec![],
                    line: 1,
                })
                .collect(),
        }
    }

    #[test]
    fn a_partial_load_selects_only_changes_and_can_undo_one_that_was_not_sent() {
        let mut first = Planner::new(SyncState::default(), false);
        first.select(group(&["1", "2"], "A"));
        let state = first.next().clone();

        let mut second = Planner::new(state.clone(), false);
        let (sel, _) = second.select(group(&["1"], "A"));
        assert!(sel.is_none(), "unchanged: nothing to send");
        let (sel, _) = second.select(group(&["2", "3"], "B"));
        let sent: Vec<_> = sel
            .unwrap()
            .contacts
            .iter()
            .map(|(c, ch)| (c.id.text.clone(), *ch))
            .collect();
        assert_eq!(
            sent,
            vec![("2".into(), Change::Changed), ("3".into(), Change::New)]
        );
        second.forget_contact("2");
        second.forget_contact("3");
        assert_eq!(
            second.next(),
            &state,
            "both undone: the next run sends them again"
        );
    }

    #[test]
    fn a_full_load_selects_everything_and_its_state_holds_only_what_was_loaded() {
        let mut first = Planner::new(SyncState::default(), true);
        first.select(group(&["1", "2"], "A"));
        let mut second = Planner::new(first.next().clone(), true);
        let (sel, _) = second.select(group(&["1"], "A"));
        assert_eq!(sel.unwrap().contacts.len(), 1);
        assert_eq!(
            second.next().contacts.len(),
            1,
            "contact 2 is gone from the CRM"
        );
    }
}
