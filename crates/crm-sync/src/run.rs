//! One run from start to end: guards, reading, planning, sending, deleting, saving state.

use crate::config::{Config, Mode, OnError};
use crate::deletion::delete_step;
use crate::endpoint::EndpointSender;
use crate::guard::Refusal;
use crate::hash::fnv1a;
use crate::input::{InputError, Item, spawn_reader};
use crate::plan::{Planner, Selected};
use crate::progress::Progress;
use crate::report::Report;
use crate::rest::{Existing, Writer, record, run_job};
use crate::state::{StateError, SyncState};
use daktela_api::transport::native::ReqwestTransport;
use daktela_api::{AccessToken, Client};
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use std::collections::HashSet;
use std::time::Instant;
use tokio::sync::{Semaphore, mpsc};

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

/// Sync-endpoint mode: build, cut and send payloads one at a time.
async fn endpoint_load(r: &mut Reading<'_>, mut rx: mpsc::Receiver<Item>) {
    let cfg = r.cfg;
    let sender = EndpointSender::new(&cfg.base_url, cfg.token.clone(), cfg.max_retry_after);
    let mut chunker = crate::chunk::Chunker::new(cfg.max_request_bytes, cfg.full.then_some(false));
    let mut failed = false;
    while !r.stopped && !failed {
        let Some(item) = rx.recv().await else { break };
        let Some(sel) = r.take(item) else { continue };
        let refs: Vec<&crate::model::Contact> = sel.contacts.iter().map(|(c, _)| c).collect();
        for big in chunker.push(&sel.company, &refs) {
            if big.company {
                refs.iter()
                    .for_each(|c| r.planner.forget_contact(&c.id.text));
            } else {
                r.planner.forget_contact(&big.id);
            }
            r.bad(InputError::Oversize {
                line: big.line,
                id: big.id,
                bytes: big.bytes,
            });
        }
        count_endpoint_writes(r, &sel);
        for p in chunker.take_ready() {
            failed |= !send_payload(r, &sender, p).await;
        }
    }
    drop(rx);
    if !failed && !r.stopped {
        for p in chunker.finish() {
            if !send_payload(r, &sender, p).await {
                break;
            }
        }
    }
}

fn count_endpoint_writes(r: &mut Reading<'_>, sel: &Selected) {
    use crate::state::Change;
    let w = &mut r.report.written;
    for (_, change) in &sel.contacts {
        match change {
            Change::New => w.contacts_created += 1,
            _ => w.contacts_updated += 1,
        }
    }
    if sel.write_company {
        match sel.company_change {
            Change::New => w.accounts_created += 1,
            _ => w.accounts_updated += 1,
        }
    }
}

/// Sends (or on a dry run, counts) one payload; `false` when it failed.
async fn send_payload(
    r: &mut Reading<'_>,
    sender: &EndpointSender,
    p: crate::chunk::Payload,
) -> bool {
    r.report.requests.sync_posts += 1;
    r.report.requests.sync_sizes.push(p.body.len());
    r.tick();
    if r.cfg.dry_run {
        return true;
    }
    let mut retries = 0;
    let result = sender.send(p.body, &mut retries).await;
    r.report.requests.retries_after_429 += retries;
    match result {
        Ok(_) => true,
        Err(e) => {
            r.report.send_error(e.to_string());
            false
        }
    }
}

/// REST mode: a group's account, then its contacts, many groups at once.
async fn rest_load(
    r: &mut Reading<'_>,
    mut rx: mpsc::Receiver<Item>,
    writer: &Writer,
    state_was_empty: bool,
) {
    let cfg = r.cfg;
    // Without a state to go by, read what Daktela holds once, so unchanged records are not
    // written and new ones are created directly.
    let existing = if state_was_empty {
        match Existing::read(writer, cfg, &mut r.report.requests).await {
            Ok(e) => Some(e),
            Err(e) => {
                r.report
                    .send_error(format!("cannot list existing records: {e}"));
                return;
            }
        }
    } else {
        None
    };
    let existing = existing.as_ref();
    let limit = cfg.concurrency.max(1);
    let mut inflight = FuturesUnordered::new();
    let mut open = true;
    while open || !inflight.is_empty() {
        if !open || inflight.len() >= limit || r.stopped {
            open = open && !r.stopped;
            match inflight.next().await {
                Some(done) => r_record(r, done),
                None => continue,
            }
            continue;
        }
        tokio::select! {
            Some(done) = inflight.next(), if !inflight.is_empty() => r_record(r, done),
            item = rx.recv() => match item {
                None => open = false,
                Some(item) => if let Some(sel) = r.take(item) {
                    let (account, contacts) = crate::rest::jobs(&sel, cfg, existing);
                    inflight.push(group_future(writer, account, contacts, cfg.dry_run, limit));
                },
            },
        }
    }
}

fn r_record(r: &mut Reading<'_>, done: Vec<crate::rest::Done>) {
    done.iter().for_each(|d| record(&mut r.report, d));
    r.tick();
}

async fn group_future(
    writer: &Writer,
    account: Option<crate::rest::Job>,
    contacts: Vec<crate::rest::Job>,
    dry_run: bool,
    limit: usize,
) -> Vec<crate::rest::Done> {
    let mut out = Vec::with_capacity(contacts.len() + 1);
    if let Some(job) = account {
        out.push(run_job(writer, job, dry_run).await);
    }
    let done: Vec<_> = futures_util::stream::iter(contacts)
        .map(|job| run_job(writer, job, dry_run))
        .buffer_unordered(limit)
        .collect()
        .await;
    out.extend(done);
    out
}
