//! REST mode's loop: many groups in flight, each its account first, then its contacts.

use super::Reading;
use crate::input::Item;
use crate::rest::{Existing, Writer, record, run_job};
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::sync::mpsc;

/// REST mode: a group's account, then its contacts, many groups at once.
pub(super) async fn rest_load(
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
