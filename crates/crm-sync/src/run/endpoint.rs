//! Sync-endpoint mode's loop: plan, cut, send one payload at a time.

use super::Reading;
use crate::endpoint::EndpointSender;
use crate::input::{InputError, Item};
use crate::plan::Selected;
use tokio::sync::mpsc;

/// Sync-endpoint mode: build, cut and send payloads one at a time.
pub(super) async fn endpoint_load(r: &mut Reading<'_>, mut rx: mpsc::Receiver<Item>) {
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
