//! One run from start to end: guards, reading, planning, sending, deleting, saving state.

use crate::config::{Config, Mode, OnError};
use crate::deletion::delete_step;
use crate::guard::Refusal;
use crate::hash::fnv1a;
use crate::input::{InputError, Item, spawn_reader};
use crate::plan::{Planner, Selected};

mod endpoint;
mod rest;

use crate::progress::Progress;
use crate::report::Report;
use crate::rest::Writer;
use crate::state::{StateError, SyncState};
use daktela_api::transport::native::ReqwestTransport;
use daktela_api::{AccessToken, Client};
use endpoint::endpoint_load;
use rest::rest_load;
use std::collections::HashSet;
use std::time::Instant;
use tokio::sync::Semaphore;

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// The state file is unreadable.
    #[error(transparent)]
    State(#[from] StateError),
    /// `--delete` without `--full`: a partial load cannot tell what is gone.
    #[error("--delete needs a full load (--full)")]
    DeleteNeedsFull,
}

/// What every mode shares while reading.
struct Reading<'a> {
    cfg: &'a Config,
    planner: Planner,
    report: Report,
    progress: Progress,
    /// Name hashes of the contacts in this load (kept only when deleting).
    seen_names: HashSet<u64>,
    stopped: bool,
}

impl Reading<'_> {
    /// Takes one reader item; returns the selection to send, if any.
    fn take(&mut self, item: Item) -> Option<Selected> {
        let group = match item {
            Ok(g) => g,
            Err(e) => {
                self.bad(e);
                return None;
            }
        };
        let (sel, errors) = self.planner.select(group);
        errors.into_iter().for_each(|e| self.bad(e));
        if self.stopped {
            return None;
        }
        if let Some(sel) = &sel
            && self.cfg.delete
        {
            for (c, _) in &sel.contacts {
                let name = self.cfg.naming.contact(&c.id.text);
                self.seen_names.insert(fnv1a(name.as_bytes()));
            }
        }
        self.tick();
        sel
    }

    fn bad(&mut self, e: InputError) {
        if e.is_fatal() || self.cfg.on_error == OnError::Stop {
            self.stopped = true;
        }
        self.report.input_error(e);
    }

    fn tick(&mut self) {
        let r = &self.report;
        self.progress.tick(
            self.planner.counts.contacts_read,
            r.requests.total(),
            r.input_error_count + r.send_error_count,
        );
    }
}

/// Runs a load and returns its report (also on failure: the report says what failed).
///
/// # Errors
/// [`RunError`] when the run cannot start at all.
pub async fn run(cfg: &Config) -> Result<Report, RunError> {
    let started = Instant::now();
    if cfg.delete && !cfg.full {
        return Err(RunError::DeleteNeedsFull);
    }
    let old = match &cfg.state_path {
        Some(p) => SyncState::load(p)?,
        None => SyncState::default(),
    };
    let mut report = Report::new(cfg.mode, cfg.dry_run, cfg.full);
    let hours = cfg.business_hours.as_ref();
    if cfg.full && !cfg.force && hours.is_some_and(|h| h.contains(cfg.now)) {
        report.refused = Some(Refusal::BusinessHours);
        return Ok(report);
    }
    let state_was_empty = old.contacts.is_empty() && old.companies.is_empty();
    let mut reading = Reading {
        cfg,
        planner: Planner::new(old, cfg.full),
        report,
        progress: Progress::new(cfg.progress),
        seen_names: HashSet::new(),
        stopped: false,
    };
    let rx = spawn_reader(cfg.source.clone(), cfg.format.clone(), cfg.phones.clone());
    let mut client = Client::new(cfg.base_url.clone(), ReqwestTransport::new());
    if let Some(t) = &cfg.token {
        client = client.with_token(AccessToken::new(t.clone()));
    }
    let writer = Writer {
        client,
        permits: Semaphore::new(cfg.concurrency.max(1)),
        max_retry_after: cfg.max_retry_after,
    };
    match cfg.mode {
        Mode::Endpoint => endpoint_load(&mut reading, rx).await,
        Mode::Rest => rest_load(&mut reading, rx, &writer, state_was_empty).await,
    }
    reading.progress.finish();
    let Reading {
        planner,
        mut report,
        seen_names,
        stopped,
        ..
    } = reading;
    report.counts = planner.counts;
    report.stopped_early = stopped;
    // The state records what was loaded; a deletion refused or failed afterwards does not
    // change that (the next full run finds the leftovers again by listing).
    let load_ok = report.load_succeeded();
    let clean = load_ok && report.input_error_count == 0;
    if cfg.delete {
        delete_step(cfg, &writer, &seen_names, clean, &mut report).await;
    }
    if !cfg.dry_run
        && load_ok
        && let Some(path) = &cfg.state_path
    {
        match planner.next().save(path) {
            Ok(()) => report.state_saved = true,
            Err(e) => report.send_error(e.to_string()),
        }
    }
    report.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    Ok(report)
}
