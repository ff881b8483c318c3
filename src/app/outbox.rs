//! Delivering what must land exactly once: CRM call logs and Daktela dispositions. The outbox
//! lives in `localStorage`, so a reload, a crash or a closed tab loses nothing; every target is
//! an upsert keyed by the Daktela activity name, so a resend never duplicates.

use daktela_api::Error;
use daktela_api::models::{ActivityName, StatusName};
use leptos::prelude::*;
use serde_json::Value;

use super::Ctl;
use crate::browser::clock::{jitter, now_ms, sleep_ms};
use crate::browser::crm::CrmAdapter;
use crate::state::outbox::{Enqueued, Outbox};
use crate::state::retry::{Backoff, Retry};

/// Outbox key prefix of a CRM call log (`crm-log:<activity>`).
pub(super) const CRM_LOG: &str = "crm-log:";
/// Outbox key prefix of a Daktela disposition and note (`daktela-disposition:<activity>`).
pub(super) const DAKTELA_DISPOSITION: &str = "daktela-disposition:";
/// Where the outbox is kept.
const OUTBOX: &str = "outbox";
/// How often due entries are retried when nothing else wakes the loop.
const FLUSH_EVERY_MS: u64 = 2_000;

impl Ctl {
    /// Loads the outbox kept by an earlier page (a corrupt one is reported, not silently lost).
    pub(super) fn restore_outbox(&self) {
        let Some(text) = super::store::local_get(OUTBOX) else {
            return;
        };
        let (mut outbox, problem) = Outbox::from_json(&text, Backoff::default());
        // Nothing of this page is in flight yet: a reload mid-send left stale leases.
        outbox.release_leases();
        if let Some(problem) = problem {
            self.error(problem.to_string());
        }
        self.outbox_pending.set(outbox.pending_count());
        self.outbox.set_value(outbox);
    }

    fn persist_outbox(&self) {
        let pending = self.outbox.with_value(Outbox::pending_count);
        self.outbox_pending.set(pending);
        match self.outbox.with_value(Outbox::to_json) {
            Ok(json) => {
                if let Err(err) = super::store::local_set(OUTBOX, &json) {
                    self.error(err.to_string());
                }
            }
            Err(err) => self.error(err.to_string()),
        }
    }

    /// Adds (or replaces) an entry and tries to deliver it now.
    pub(super) fn enqueue(self, key: &str, payload: Value) {
        let outcome = self
            .outbox
            .try_update_value(|o| o.enqueue(key, payload, now_ms()));
        self.persist_outbox();
        if matches!(outcome, Some(Enqueued::Added | Enqueued::Replaced)) {
            leptos::task::spawn_local(self.flush());
        }
    }

    /// Delivers every due entry once.
    async fn flush(self) {
        let due = self.outbox.with_value(|o| o.due(now_ms()));
        for entry in due {
            let Some(entry) = self
                .outbox
                .try_update_value(|o| o.begin(&entry.key, now_ms()))
                .flatten()
            else {
                continue; // another flush took it
            };
            self.persist_outbox();
            let result = self.deliver(&entry.key, &entry.payload).await;
            self.outbox.update_value(|o| match result {
                Ok(()) => {
                    o.delivered(&entry.key);
                }
                Err((Retry::After(_), error, retry_after)) => {
                    o.failed(&entry.key, now_ms(), &error, retry_after, jitter());
                }
                Err((Retry::Never, error, _)) => o.park(&entry.key, &error),
            });
            self.persist_outbox();
        }
    }

    /// Sends one entry to where it belongs.
    async fn deliver(
        &self,
        key: &str,
        payload: &Value,
    ) -> Result<(), (Retry, String, Option<u64>)> {
        let backoff = Backoff::default();
        if key.starts_with(CRM_LOG) {
            let record = serde_json::from_value(payload.clone())
                .map_err(|e| (Retry::Never, e.to_string(), None))?;
            let adapter = CrmAdapter::from_config(&self.config.with_value(|c| c.crm.clone()));
            return adapter.log_call(&record).await.map(|_| ()).map_err(|e| {
                (
                    e.retry(1, &backoff, jitter()),
                    e.to_string(),
                    e.retry_after_s(),
                )
            });
        }
        if let Some(activity) = key.strip_prefix(DAKTELA_DISPOSITION) {
            // Logged out or expired (D6): keep it for the next login, never drop it.
            if self.me.with_untracked(Option::is_none) {
                return Err((
                    Retry::After(FLUSH_EVERY_MS),
                    "waiting for a Daktela login".into(),
                    None,
                ));
            }
            let statuses: Vec<StatusName> = payload["statuses"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(Value::as_str)
                        .map(StatusName::new)
                        .collect()
                })
                .unwrap_or_default();
            let note = payload["note"].as_str();
            return self
                .client()
                .write_disposition(&ActivityName::new(activity), &statuses, note)
                .await
                .map(|_| ())
                .map_err(|e| {
                    let retry = if matches!(e, Error::Unauthorized { .. } | Error::NotLoggedIn) {
                        Retry::After(FLUSH_EVERY_MS)
                    } else {
                        Retry::decide(&e, 1, &backoff, jitter())
                    };
                    (retry, e.to_string(), e.retry_after())
                });
        }
        Err((Retry::Never, format!("unknown outbox entry {key}"), None))
    }

    /// Retries due entries every few seconds for as long as this tab leads (also while logged
    /// out: CRM logs do not need Daktela).
    pub(super) fn flush_loop(self, epoch: u64) {
        leptos::task::spawn_local(async move {
            // Only the leader flushes: two tabs must never send the same log.
            while self.leads_since(epoch) {
                self.flush().await;
                sleep_ms(FLUSH_EVERY_MS).await;
            }
        });
    }
}
