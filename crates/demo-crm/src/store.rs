//! What the CRM keeps: call logs and the contacts created through the form, in memory and
//! (optionally) in one JSON file that is replaced atomically after every change.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use crate::call_log::CallLog;
use crate::contacts::Contact;

/// The file format's version; a file with another one is refused, not reinterpreted.
const VERSION: u32 = 1;

/// The data file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but cannot be read.
    #[error("cannot read the CRM data file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not the CRM's JSON. Starting empty would silently drop its call logs.
    #[error(
        "the CRM data file {path} is not valid ({source}); fix or move it away, nothing was changed"
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// The parse error, with line and column.
        source: serde_json::Error,
    },
    /// The file was written by another version of the demo CRM.
    #[error("the CRM data file {path} has version {found}, this demo CRM reads version {VERSION}")]
    Version {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
    },
    /// A change could not be saved; it was not applied either.
    #[error("cannot save the CRM data file {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// A call log as stored: the record as sent plus the CRM's own bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredLog {
    /// The CRM's id, `L-1`.
    pub id: String,
    /// When the first upsert arrived (UTC, ISO 8601).
    pub created_at: String,
    /// When the latest upsert arrived.
    pub updated_at: String,
    /// How many upserts after the first replaced the record.
    pub updates: u32,
    /// The record, exactly as last sent.
    pub record: CallLog,
}

/// Everything the CRM saves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Data {
    /// File format version.
    pub version: u32,
    /// Contacts created through the form (the seeded ones live in the code).
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Call logs, oldest first.
    #[serde(default)]
    pub call_logs: Vec<StoredLog>,
}

impl Default for Data {
    fn default() -> Self {
        Self {
            version: VERSION,
            contacts: Vec::new(),
            call_logs: Vec::new(),
        }
    }
}

impl Data {
    /// Inserts or replaces the log with the record's external id; `true` when it is new.
    pub fn upsert_log(&mut self, record: CallLog, now: &str) -> (StoredLog, bool) {
        if let Some(log) = self
            .call_logs
            .iter_mut()
            .find(|l| l.record.external_id() == record.external_id())
        {
            log.record = record;
            log.updated_at = now.to_owned();
            log.updates = log.updates.saturating_add(1);
            return (log.clone(), false);
        }
        let log = StoredLog {
            id: format!("L-{}", self.call_logs.len() + 1),
            created_at: now.to_owned(),
            updated_at: now.to_owned(),
            updates: 0,
            record,
        };
        self.call_logs.push(log.clone());
        (log, true)
    }
}

/// The CRM's data behind a lock, saved to `path` after each change when there is one.
#[derive(Debug)]
pub struct Store {
    data: Mutex<Data>,
    path: Option<PathBuf>,
}

impl Store {
    /// Loads `path` (a missing file is an empty CRM), or starts empty in memory for `None`.
    ///
    /// # Errors
    /// An unreadable, corrupt or foreign-version file: never silently replaced.
    pub fn open(path: Option<PathBuf>) -> Result<Self, StoreError> {
        let data = match &path {
            Some(p) => load(p)?,
            None => Data::default(),
        };
        Ok(Self {
            data: Mutex::new(data),
            path,
        })
    }

    fn lock(&self) -> MutexGuard<'_, Data> {
        // `update` changes a copy and swaps it in only after saving, so a panic while the lock
        // was held cannot have left half a change behind: the data is safe to keep using.
        self.data.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reads the data.
    pub fn read<R>(&self, f: impl FnOnce(&Data) -> R) -> R {
        f(&self.lock())
    }

    /// Applies `f` to a copy, saves the copy, and only then makes it current: memory never holds
    /// a change the file lacks, so a failed save is a refused request the sender can retry.
    ///
    /// The file is written while the lock is held, so saves happen in the order of the changes.
    /// Blocking I/O on the async runtime is acceptable for a demo file of a few kilobytes.
    ///
    /// # Errors
    /// `f`'s error, or the save failing.
    pub fn update<R, E: From<StoreError>>(
        &self,
        f: impl FnOnce(&mut Data) -> Result<R, E>,
    ) -> Result<R, E> {
        let mut guard = self.lock();
        let mut next = guard.clone();
        let out = f(&mut next)?;
        if let Some(path) = &self.path {
            save(path, &next)?;
        }
        *guard = next;
        Ok(out)
    }
}

fn load(path: &Path) -> Result<Data, StoreError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Data::default()),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.into(),
                source,
            });
        }
    };
    let data: Data = serde_json::from_slice(&bytes).map_err(|source| StoreError::Corrupt {
        path: path.into(),
        source,
    })?;
    if data.version != VERSION {
        return Err(StoreError::Version {
            path: path.into(),
            found: data.version,
        });
    }
    Ok(data)
}

/// Writes a temporary file beside `path`, flushes it to disk, and renames it over `path`: a
/// reader (or a crash) sees the old file or the new one, never half of one.
fn save(path: &Path, data: &Data) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: path.into(),
        source,
    };
    let json = serde_json::to_vec_pretty(data).map_err(|e| err(e.into()))?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(err)?;
    }
    let mut tmp_name = path.file_name().unwrap_or_default().to_owned();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let written = std::fs::File::create(&tmp).and_then(|mut f| {
        f.write_all(&json)?;
        f.sync_all()
    });
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        // Leave no stray temporary file behind a failed save.
        let _ = std::fs::remove_file(&tmp);
        return Err(err(e));
    }
    Ok(())
}
