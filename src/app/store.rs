//! The controller's view of browser storage: a missing or refused storage (private mode, a
//! full quota, a sandboxed frame) leaves the panel working in memory, so reads fall back to
//! "nothing kept" and writes report instead of failing the action that caused them.

use crate::browser::storage::{LocalStore, SessionStore, StorageError};

/// A value kept in this tab (`sessionStorage`).
pub(super) fn session_get(key: &str) -> Option<String> {
    SessionStore::open().ok()?.get(key).ok().flatten()
}

/// Keeps a value in this tab.
pub(super) fn session_set(key: &str, value: &str) -> Result<(), StorageError> {
    SessionStore::open()?.set(key, value)
}

/// Forgets a value kept in this tab.
pub(super) fn session_remove(key: &str) {
    if let Ok(store) = SessionStore::open() {
        let _ = store.remove(key);
    }
}

/// A value kept across tabs and reloads (`localStorage`; never a token).
pub(super) fn local_get(key: &str) -> Option<String> {
    LocalStore::open().ok()?.get(key).ok().flatten()
}

/// Forgets a value kept across tabs and reloads.
pub(super) fn local_remove(key: &str) {
    if let Ok(store) = LocalStore::open() {
        let _ = store.remove(key);
    }
}

/// Keeps a value across tabs and reloads.
pub(super) fn local_set(key: &str, value: &str) -> Result<(), StorageError> {
    LocalStore::open()?.set(key, value)
}
