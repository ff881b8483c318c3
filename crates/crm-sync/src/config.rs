//! Everything one run needs to know, as the command line (or a test) sets it.

use crate::chunk::DEFAULT_MAX_REQUEST_BYTES;
use crate::guard::BusinessHours;
use crate::input::{Format, Source};
use crate::names::Naming;
use crate::phone::PhoneRules;
use std::path::PathBuf;

/// The path of the white paper's bulk endpoint below the instance root.
pub const SYNC_PATH: &str = "/custom/crm/sync.php";

/// How records reach Daktela.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// `POST /custom/crm/sync.php` in chunks (white paper §3.2).
    Endpoint,
    /// One write per changed record through `/api/v6/contacts` and `/api/v6/accounts`.
    Rest,
}

/// What to do with a bad input record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnError {
    /// Report it, skip it, go on (the run then never deletes).
    Skip,
    /// Report it and stop before sending anything more.
    Stop,
}

/// One run's settings.
#[derive(Debug, Clone)]
pub struct Config {
    /// Instance root, e.g. `https://acme.daktela.com`.
    pub base_url: String,
    /// Access token (sent as `X-AUTH-TOKEN`, never logged).
    pub token: Option<String>,
    /// Input.
    pub source: Source,
    /// Input format.
    pub format: Format,
    /// Phone normalisation.
    pub phones: PhoneRules,
    /// Endpoint or REST.
    pub mode: Mode,
    /// A full load (every record) rather than a partial one (changes only).
    pub full: bool,
    /// Delete Daktela contacts (of this tool's naming) that are not in the full load.
    pub delete: bool,
    /// Override the business-hours and deletion-share guards.
    pub force: bool,
    /// The largest share of Daktela's contacts a run may delete without `force`.
    pub max_delete_share: f64,
    /// Business hours (a full load inside them is refused without `force`).
    pub business_hours: Option<BusinessHours>,
    /// The incremental state file.
    pub state_path: Option<PathBuf>,
    /// Largest sync-endpoint request body.
    pub max_request_bytes: usize,
    /// Bad input records: skip or stop.
    pub on_error: OnError,
    /// Plan only; send nothing (reads for the deletion plan are still made).
    pub dry_run: bool,
    /// REST mode: requests in flight at most.
    pub concurrency: usize,
    /// REST mode: the Daktela `database` to put new records in, if the instance wants one.
    pub database: Option<String>,
    /// Names of Daktela records.
    pub naming: Naming,
    /// "Now", Unix seconds (for business hours).
    pub now: i64,
    /// Show a progress line on stderr.
    pub progress: bool,
    /// Longest wait a `Retry-After` may ask for, seconds.
    pub max_retry_after: u64,
}

impl Config {
    /// Defaults for everything but the instance and the input.
    pub fn new(base_url: impl Into<String>, source: Source, format: Format) -> Self {
        Config {
            base_url: base_url.into(),
            token: None,
            source,
            format,
            phones: PhoneRules::default(),
            mode: Mode::Endpoint,
            full: false,
            delete: false,
            force: false,
            max_delete_share: 0.05,
            business_hours: None,
            state_path: None,
            max_request_bytes: DEFAULT_MAX_REQUEST_BYTES,
            on_error: OnError::Skip,
            dry_run: false,
            concurrency: 8,
            database: None,
            naming: Naming::default(),
            now: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0)),
            progress: false,
            max_retry_after: 120,
        }
    }
}
