//! REST mode: what Daktela's own sync SDK does (one write per record through `/api/v6`),
//! done properly: deterministic names, only changed records written, bounded concurrency,
//! 429 handling, no blind repeat of creates.

mod compare;
mod listing;
pub mod requests;
mod write;

pub use compare::projection_hash;
pub use listing::walk;
pub use write::{Cost, Writer};

use crate::config::Config;
use crate::hash::fnv1a;
use crate::model::{Company, Contact};
use crate::plan::Selected;
use crate::report::{Report, Requests};
use crate::state::Change;
use daktela_api::Error;
use serde_json::Value;
use std::collections::HashMap;

/// What Daktela already holds under this tool's names: name hash → projection hash. Read
/// once when there is no incremental state to go by.
#[derive(Debug, Default)]
pub struct Existing {
    /// Contacts.
    pub contacts: HashMap<u64, u64>,
    /// Accounts.
    pub accounts: HashMap<u64, u64>,
}

const CONTACT_FIELDS: &[&str] = &[
    "name",
    "title",
    "firstname",
    "lastname",
    "description",
    "account",
    "customFields",
];
const ACCOUNT_FIELDS: &[&str] = &["name", "title", "description", "customFields"];

impl Existing {
    /// Lists Daktela's contacts and accounts whose names carry this tool's prefixes.
    ///
    /// # Errors
    /// The first failed page.
    pub async fn read(
        writer: &Writer,
        cfg: &Config,
        requests: &mut Requests,
    ) -> Result<Self, Error> {
        let mut out = Existing::default();
        let own = |map: &mut HashMap<u64, u64>, prefix: &str, r: &Value| {
            if let Some(name) = r.get("name").and_then(Value::as_str)
                && name.starts_with(prefix)
            {
                map.insert(fnv1a(name.as_bytes()), projection_hash(r));
            }
        };
        walk(writer, "accounts", ACCOUNT_FIELDS, requests, |r| {
            own(&mut out.accounts, &cfg.naming.account_prefix, r);
        })
        .await?;
        walk(writer, "contacts", CONTACT_FIELDS, requests, |r| {
            own(&mut out.contacts, &cfg.naming.contact_prefix, r);
        })
        .await?;
        Ok(out)
    }
}

/// How one record is to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Daktela already has it exactly: nothing to send.
    Skip,
    /// Not in Daktela: POST.
    Create,
    /// In Daktela, different: PUT.
    Update,
    /// Not known (incremental run): PUT, and POST only after a definite 404.
    UpdateOrCreate,
}

/// Decides the action for a record from the listing (if read) or the state.
pub fn decide(
    existing: Option<&HashMap<u64, u64>>,
    name: &str,
    body: &Value,
    change: Change,
) -> Action {
    match existing {
        Some(map) => match map.get(&fnv1a(name.as_bytes())) {
            None => Action::Create,
            Some(h) if *h == projection_hash(body) => Action::Skip,
            Some(_) => Action::Update,
        },
        None if change == Change::Changed => Action::Update,
        None => Action::UpdateOrCreate,
    }
}

/// One planned write.
#[derive(Debug, Clone)]
pub struct Job {
    /// `contacts` or `accounts`.
    pub model: &'static str,
    /// Daktela name.
    pub name: String,
    /// The body.
    pub body: Value,
    /// What to do.
    pub action: Action,
    /// For error messages: CRM id and line.
    pub what: String,
}

/// The result of one job.
#[derive(Debug, Clone, PartialEq)]
pub struct Done {
    /// `contacts` or `accounts`.
    pub model: &'static str,
    /// What happened: `Skip`, `Create` or `Update` (the action that succeeded).
    pub action: Action,
    /// The failure, if any.
    pub error: Option<String>,
    /// Requests it cost.
    pub cost: Cost,
}

/// The jobs for one selected group: the account first (if it is written), then contacts.
pub fn jobs(sel: &Selected, cfg: &Config, existing: Option<&Existing>) -> (Option<Job>, Vec<Job>) {
    let db = cfg.database.as_deref();
    let account_name = sel
        .company
        .id
        .as_ref()
        .map(|id| cfg.naming.account(&id.text));
    let account = match (&account_name, sel.write_company) {
        (Some(name), true) => {
            let body = requests::account_body(&sel.company, name, db);
            Some(Job {
                model: "accounts",
                action: decide(
                    existing.map(|e| &e.accounts),
                    name,
                    &body,
                    sel.company_change,
                ),
                name: name.clone(),
                body,
                what: company_label(&sel.company),
            })
        }
        _ => None,
    };
    let contacts = sel
        .contacts
        .iter()
        .map(|(c, change)| {
            let name = cfg.naming.contact(&c.id.text);
            let body = requests::contact_body(c, &name, account_name.as_deref(), db);
            Job {
                model: "contacts",
                action: decide(existing.map(|e| &e.contacts), &name, &body, *change),
                name,
                body,
                what: contact_label(c),
            }
        })
        .collect();
    (account, contacts)
}

fn company_label(c: &Company) -> String {
    format!(
        "company `{}`",
        c.id.as_ref().map_or("", |i| i.text.as_str())
    )
}

fn contact_label(c: &Contact) -> String {
    format!("contact `{}` (line {})", c.id.text, c.line)
}

/// Runs one job (or, on a dry run, counts what it would cost).
pub async fn run_job(writer: &Writer, job: Job, dry_run: bool) -> Done {
    let mut cost = Cost::default();
    let done = |action, error: Option<String>, cost| Done {
        model: job.model,
        action,
        error,
        cost,
    };
    if dry_run {
        match job.action {
            Action::Skip => {}
            Action::Create => cost.posts += 1,
            Action::Update => cost.puts += 1,
            // The plan counts the PUT; a record that turns out new costs one POST more.
            Action::UpdateOrCreate => cost.puts += 1,
        }
        return done(job.action, None, cost);
    }
    let put = || requests::update(job.model, &job.name, job.body.clone());
    let post = || requests::create(job.model, job.body.clone());
    let result = match job.action {
        Action::Skip => Ok(Action::Skip),
        Action::Create => writer
            .send(post(), &mut cost)
            .await
            .map(|()| Action::Create),
        Action::Update => writer.send(put(), &mut cost).await.map(|()| Action::Update),
        Action::UpdateOrCreate => match writer.send(put(), &mut cost).await {
            Err(Error::NotFound { .. }) => writer
                .send(post(), &mut cost)
                .await
                .map(|()| Action::Create),
            other => other.map(|()| Action::Update),
        },
    };
    match result {
        Ok(action) => done(action, None, cost),
        Err(e) => done(job.action, Some(format!("{}: {e}", job.what)), cost),
    }
}

/// Adds a finished job to the report.
pub fn record(report: &mut Report, done: &Done) {
    let r = &mut report.requests;
    r.posts += done.cost.posts;
    r.puts += done.cost.puts;
    r.deletes += done.cost.deletes;
    r.retries_after_429 += done.cost.retries_429;
    if let Some(e) = &done.error {
        report.send_error(e.clone());
        return;
    }
    let w = &mut report.written;
    match (done.model, done.action) {
        ("accounts", Action::Create) => w.accounts_created += 1,
        ("accounts", Action::Update | Action::UpdateOrCreate) => w.accounts_updated += 1,
        ("contacts", Action::Create) => w.contacts_created += 1,
        ("contacts", Action::Update | Action::UpdateOrCreate) => w.contacts_updated += 1,
        ("contacts", Action::Skip) => w.contacts_unchanged += 1,
        _ => {}
    }
}
