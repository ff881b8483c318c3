//! The incremental state: one content hash per CRM record from the last successful run, so a
//! partial load sends only what changed since. Keys are hashes of the CRM ids, so the file
//! and the map stay small (16 bytes per record) whatever the ids look like.
//!
//! File format (text, one record per line): `crm-sync-state 1`, then `c <id hash> <content
//! hash>` for contacts and `a ...` for companies, hex.

use crate::hash::fnv1a;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

const MAGIC: &str = "crm-sync-state 1";

/// Content hashes by id hash, for contacts and companies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncState {
    /// Contacts: id hash → content hash.
    pub contacts: HashMap<u64, u64>,
    /// Companies: id hash → content hash.
    pub companies: HashMap<u64, u64>,
}

/// A state file that cannot be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// Reading or writing failed.
    #[error("state file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is not a state file, or is damaged at a line.
    #[error("state file {path}, line {line}: not a crm-sync state file")]
    Corrupt {
        /// The file.
        path: String,
        /// Line number.
        line: usize,
    },
}

/// The key of a CRM id in the state.
pub fn key(id: &str) -> u64 {
    fnv1a(id.as_bytes())
}

/// What the state says about a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Not in the state: new since the last run (or the first run).
    New,
    /// In the state with another hash.
    Changed,
    /// Same hash as last time.
    Same,
}

fn change(map: &HashMap<u64, u64>, key: u64, hash: u64) -> Change {
    match map.get(&key) {
        None => Change::New,
        Some(h) if *h == hash => Change::Same,
        Some(_) => Change::Changed,
    }
}

impl SyncState {
    /// How a contact compares with the last run.
    pub fn contact_change(&self, key: u64, hash: u64) -> Change {
        change(&self.contacts, key, hash)
    }

    /// How a company compares with the last run.
    pub fn company_change(&self, key: u64, hash: u64) -> Change {
        change(&self.companies, key, hash)
    }

    /// Reads a state file; a missing file is an empty state (the first run).
    ///
    /// # Errors
    /// [`StateError`] when unreadable or not a state file.
    pub fn load(path: &Path) -> Result<Self, StateError> {
        let name = path.display().to_string();
        let file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => return Err(StateError::Io { path: name, source }),
        };
        let mut state = Self::default();
        for (i, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|source| StateError::Io {
                path: name.clone(),
                source,
            })?;
            let corrupt = || StateError::Corrupt {
                path: name.clone(),
                line: i + 1,
            };
            if i == 0 {
                if line != MAGIC {
                    return Err(corrupt());
                }
                continue;
            }
            let mut parts = line.split(' ');
            let (Some(kind), Some(k), Some(h), None) =
                (parts.next(), parts.next(), parts.next(), parts.next())
            else {
                return Err(corrupt());
            };
            let k = u64::from_str_radix(k, 16).map_err(|_| corrupt())?;
            let h = u64::from_str_radix(h, 16).map_err(|_| corrupt())?;
            match kind {
                "c" => state.contacts.insert(k, h),
                "a" => state.companies.insert(k, h),
                _ => return Err(corrupt()),
            };
        }
        Ok(state)
    }

    /// Writes the state atomically (a temporary file renamed over the old one), so a crash
    /// mid-write leaves the previous state intact.
    ///
    /// # Errors
    /// [`StateError::Io`].
    pub fn save(&self, path: &Path) -> Result<(), StateError> {
        let io = |source| StateError::Io {
            path: path.display().to_string(),
            source,
        };
        let tmp = path.with_extension("tmp");
        let mut w = BufWriter::new(std::fs::File::create(&tmp).map_err(io)?);
        writeln!(w, "{MAGIC}").map_err(io)?;
        for (k, h) in &self.contacts {
            writeln!(w, "c {k:x} {h:x}").map_err(io)?;
        }
        for (k, h) in &self.companies {
            writeln!(w, "a {k:x} {h:x}").map_err(io)?;
        }
        w.into_inner()
            .map_err(|e| io(e.into_error()))?
            .sync_all()
            .map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_reports_new_changed_and_same() {
        let dir = std::env::temp_dir().join(format!("crm-sync-state-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("state");
        assert_eq!(SyncState::load(&path).unwrap(), SyncState::default());
        let mut s = SyncState::default();
        s.contacts.insert(key("1"), 10);
        s.companies.insert(key("7"), 70);
        s.save(&path).unwrap();
        let back = SyncState::load(&path).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.contact_change(key("1"), 10), Change::Same);
        assert_eq!(back.contact_change(key("1"), 11), Change::Changed);
        assert_eq!(back.contact_change(key("2"), 10), Change::New);
        std::fs::write(&path, "something else\n").unwrap();
        assert!(matches!(
            SyncState::load(&path),
            Err(StateError::Corrupt { line: 1, .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
