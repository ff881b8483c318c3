//! The deletion step of a full load: Daktela contacts carrying this tool's name prefix whose
//! CRM record is no longer in the load are deleted, but only after the whole load succeeded
//! and only within the allowed share.
//!
//! UNCONFIRMED(S4): the white paper's `"delete": true` means "delete contacts not included in
//! the full load". A chunked load is several independent POSTs, and a `delete` on any one of
//! them would (as we read it) delete everything outside that one request. So a chunked load
//! never sends `delete: true`; it deletes through `DELETE /api/v6/contacts/{name}.json`
//! instead, and only names it owns (never contacts created by hand in Daktela).

use crate::config::Config;
use crate::guard::{Refusal, check_delete_share};
use crate::hash::fnv1a;
use crate::report::Report;
use crate::rest::{Cost, Writer, requests, walk};
use futures_util::StreamExt;
use serde_json::Value;
use std::collections::HashSet;

/// Plans and (unless dry) carries out the deletion. `clean`: the load had no error at all.
pub async fn delete_step(
    cfg: &Config,
    writer: &Writer,
    seen_names: &HashSet<u64>,
    clean: bool,
    report: &mut Report,
) {
    report.deletion.requested = true;
    if !clean {
        report.deletion.refused = Some(Refusal::RunHadErrors {
            errors: report.input_error_count + report.send_error_count,
        });
        return;
    }
    let prefix = cfg.naming.contact_prefix.as_str();
    let mut gone: Vec<String> = Vec::new();
    let listed = walk(writer, "contacts", &["name"], &mut report.requests, |r| {
        if let Some(name) = r.get("name").and_then(Value::as_str)
            && name.starts_with(prefix)
            && !seen_names.contains(&fnv1a(name.as_bytes()))
        {
            gone.push(name.to_owned());
        }
    })
    .await;
    let total = match listed {
        Ok(t) => t,
        Err(e) => {
            report.send_error(format!("cannot list Daktela contacts for deletion: {e}"));
            return;
        }
    };
    let d = &mut report.deletion;
    d.candidates = gone.len() as u64;
    d.daktela_total = total;
    if let Err(refusal) = check_delete_share(d.candidates, total, cfg.max_delete_share, cfg.force) {
        d.refused = Some(refusal);
        return;
    }
    if cfg.dry_run {
        report.requests.deletes += d.candidates;
        return;
    }
    let results: Vec<(Result<(), String>, Cost)> = futures_util::stream::iter(gone)
        .map(|name| async move {
            let mut cost = Cost::default();
            let r = writer
                .send(requests::delete_contact(&name), &mut cost)
                .await
                .map_err(|e| format!("delete contact `{name}`: {e}"));
            (r, cost)
        })
        .buffer_unordered(cfg.concurrency.max(1))
        .collect()
        .await;
    for (r, cost) in results {
        report.requests.deletes += cost.deletes;
        report.requests.retries_after_429 += cost.retries_429;
        match r {
            Ok(()) => report.written.contacts_deleted += 1,
            Err(e) => report.send_error(e),
        }
    }
}
