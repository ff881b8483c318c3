//! What a run did (or, on a dry run, would do): the human summary and the JSON report.

use crate::config::Mode;
use crate::guard::Refusal;
use crate::input::InputError;
use crate::plan::Counts;
use std::fmt::Write as _;

/// How many individual errors a report lists (all are counted).
pub const MAX_LISTED_ERRORS: usize = 100;

/// Requests made (or planned).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Requests {
    /// Sync-endpoint POSTs.
    pub sync_posts: u64,
    /// Their body sizes in bytes, in order.
    pub sync_sizes: Vec<usize>,
    /// REST GETs (listing pages).
    pub gets: u64,
    /// REST POSTs (creates).
    pub posts: u64,
    /// REST PUTs (updates).
    pub puts: u64,
    /// REST DELETEs.
    pub deletes: u64,
    /// Requests repeated after a 429.
    pub retries_after_429: u64,
}

impl Requests {
    /// All requests.
    pub fn total(&self) -> u64 {
        self.sync_posts + self.gets + self.posts + self.puts + self.deletes
    }
}

/// Records written (or planned).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Written {
    /// Contacts created.
    pub contacts_created: u64,
    /// Contacts updated.
    pub contacts_updated: u64,
    /// Contacts found identical in Daktela and not written (REST mode).
    pub contacts_unchanged: u64,
    /// Accounts created.
    pub accounts_created: u64,
    /// Accounts updated.
    pub accounts_updated: u64,
    /// Contacts deleted.
    pub contacts_deleted: u64,
}

/// The outcome of the deletion step.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Deletion {
    /// `--delete` was given.
    pub requested: bool,
    /// Daktela contacts of this tool's naming that the load no longer has.
    pub candidates: u64,
    /// Contacts in Daktela (the base of the share).
    pub daktela_total: u64,
    /// Why nothing (or not everything) was deleted.
    pub refused: Option<Refusal>,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Report {
    /// Mode.
    pub mode: Mode,
    /// Nothing was sent.
    pub dry_run: bool,
    /// Full or partial load.
    pub full: bool,
    /// What the input held and how it compares to the last run.
    pub counts: Counts,
    /// Requests.
    pub requests: Requests,
    /// Records written.
    pub written: Written,
    /// Deletion.
    pub deletion: Deletion,
    /// Bad input records (first [`MAX_LISTED_ERRORS`]).
    pub input_errors: Vec<InputError>,
    /// All bad input records.
    pub input_error_count: u64,
    /// Failed requests or records (first [`MAX_LISTED_ERRORS`]).
    pub send_errors: Vec<String>,
    /// All send failures.
    pub send_error_count: u64,
    /// Why the run refused to load at all.
    pub refused: Option<Refusal>,
    /// Reading stopped before the end (a fatal input error, or `--on-error stop`).
    pub stopped_early: bool,
    /// Whether the incremental state was advanced.
    pub state_saved: bool,
    /// Wall time, milliseconds.
    pub elapsed_ms: u64,
}

impl Report {
    /// An empty report.
    pub fn new(mode: Mode, dry_run: bool, full: bool) -> Self {
        Report {
            mode,
            dry_run,
            full,
            counts: Counts::default(),
            requests: Requests::default(),
            written: Written::default(),
            deletion: Deletion::default(),
            input_errors: Vec::new(),
            input_error_count: 0,
            send_errors: Vec::new(),
            send_error_count: 0,
            refused: None,
            stopped_early: false,
            state_saved: false,
            elapsed_ms: 0,
        }
    }

    /// Records a bad input record.
    pub fn input_error(&mut self, e: InputError) {
        self.input_error_count += 1;
        if self.input_errors.len() < MAX_LISTED_ERRORS {
            self.input_errors.push(e);
        }
    }

    /// Records a failed request or record.
    pub fn send_error(&mut self, e: String) {
        self.send_error_count += 1;
        if self.send_errors.len() < MAX_LISTED_ERRORS {
            self.send_errors.push(e);
        }
    }

    /// Everything read was sent and accepted, and nothing was refused (a deletion that was
    /// asked for and refused counts as a failure: a scheduled job must notice it).
    pub fn succeeded(&self) -> bool {
        self.load_succeeded() && self.deletion.refused.is_none()
    }

    /// The load itself (before any deletion) went through.
    pub fn load_succeeded(&self) -> bool {
        self.send_error_count == 0 && self.refused.is_none() && !self.stopped_early
    }

    /// Whether reading stopped early (a fatal input error).
    pub fn fatal_input(&self) -> bool {
        self.input_errors.iter().any(InputError::is_fatal)
    }

    /// The summary for a person.
    pub fn human(&self) -> String {
        let mut s = String::new();
        let c = &self.counts;
        let r = &self.requests;
        let w = &self.written;
        let verb = if self.dry_run { "would send" } else { "sent" };
        let _ = writeln!(
            s,
            "{} {} load{}",
            match self.mode {
                Mode::Endpoint => "sync endpoint",
                Mode::Rest => "REST",
            },
            if self.full { "full" } else { "partial" },
            if self.dry_run {
                " (dry run: nothing sent)"
            } else {
                ""
            }
        );
        let _ = writeln!(
            s,
            "read: {} contacts ({} new, {} changed, {} unchanged), {} companies",
            c.contacts_read, c.contacts_new, c.contacts_changed, c.contacts_same, c.companies_read
        );
        match self.mode {
            Mode::Endpoint => {
                let total: usize = r.sync_sizes.iter().sum();
                let max = r.sync_sizes.iter().max().copied().unwrap_or(0);
                let _ = writeln!(
                    s,
                    "{verb}: contacts {} new, {} updated; companies {} new, {} updated",
                    w.contacts_created, w.contacts_updated, w.accounts_created, w.accounts_updated
                );
                let _ = writeln!(
                    s,
                    "requests: {} to the sync endpoint, {total} bytes (largest {max})",
                    r.sync_posts
                );
            }
            Mode::Rest => {
                let _ = writeln!(
                    s,
                    "{verb}: contacts {} created, {} updated, {} unchanged; accounts {} created, {} updated",
                    w.contacts_created,
                    w.contacts_updated,
                    w.contacts_unchanged,
                    w.accounts_created,
                    w.accounts_updated
                );
                let _ = writeln!(
                    s,
                    "requests: {} GET, {} POST, {} PUT, {} DELETE ({} repeated after 429)",
                    r.gets, r.posts, r.puts, r.deletes, r.retries_after_429
                );
            }
        }
        if self.deletion.requested {
            let d = &self.deletion;
            let _ = writeln!(
                s,
                "delete: {} of {} Daktela contacts are gone from the CRM; {} deleted{}",
                d.candidates,
                d.daktela_total,
                w.contacts_deleted,
                d.refused
                    .as_ref()
                    .map(|r| format!(" ({r})"))
                    .unwrap_or_default()
            );
        }
        for e in &self.input_errors {
            let _ = writeln!(s, "input error: {e}");
        }
        for e in &self.send_errors {
            let _ = writeln!(s, "send error: {e}");
        }
        if self.stopped_early {
            let _ = writeln!(s, "stopped: reading ended at a bad input record");
        }
        if let Some(r) = &self.refused {
            let _ = writeln!(s, "refused: {r}");
        }
        let _ = writeln!(
            s,
            "{} in {} ms; state {}",
            if self.succeeded() { "done" } else { "FAILED" },
            self.elapsed_ms,
            if self.state_saved {
                "advanced"
            } else {
                "not advanced"
            }
        );
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dry_run_summary_states_the_plan_and_that_nothing_was_sent() {
        let mut r = Report::new(Mode::Endpoint, true, true);
        r.written.contacts_created = 3;
        r.requests.sync_posts = 2;
        r.requests.sync_sizes = vec![100, 50];
        r.deletion.requested = true;
        r.deletion.candidates = 4;
        r.deletion.daktela_total = 10;
        r.deletion.refused = Some(Refusal::TooManyDeletes {
            would_delete: 4,
            total: 10,
            max_share: 0.05,
        });
        let text = r.human();
        assert!(text.contains("(dry run: nothing sent)"), "{text}");
        assert!(text.contains("would send: contacts 3 new"), "{text}");
        assert!(
            text.contains("2 to the sync endpoint, 150 bytes (largest 100)"),
            "{text}"
        );
        assert!(text.contains("4 of 10 Daktela contacts"), "{text}");
        assert!(text.contains("FAILED"), "a refusal fails the run: {text}");
    }
}
