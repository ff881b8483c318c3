//! The widget's outbox: [`Outbox`] under its own storage key, so it never mixes with the
//! panel's call logs (which the panel's page flushes, possibly in another tab).
//!
//! Every change reads the stored outbox, changes it and writes it back at once: two widget
//! frames of one browser (a transferred call, two tabs) then each add their own entry instead of
//! the last writer dropping the other's. Without storage (private mode, a sandboxed frame) the
//! outbox lives in this page only.

use std::cell::RefCell;

use crate::browser::storage::{LocalStore, StorageError};
use crate::state::outbox::{Outbox, OutboxError};
use crate::state::retry::Backoff;

/// Where the widget's outbox is kept (`daktela-cti:widget-outbox` in `localStorage`).
pub const OUTBOX_KEY: &str = "widget-outbox";

thread_local! {
    /// The outbox when the browser gives no storage.
    static IN_MEMORY: RefCell<Outbox> = RefCell::new(Outbox::default());
}

/// What went wrong keeping the outbox; the change itself was still made (in memory).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeepError {
    /// The stored outbox was unreadable and was started afresh.
    #[error(transparent)]
    Outbox(#[from] OutboxError),
    /// The storage refused.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

/// Reads the stored outbox (the in-memory one without storage); nothing is written.
pub(super) fn read<R>(look: impl FnOnce(&Outbox) -> R) -> R {
    let text = LocalStore::open().and_then(|store| store.get(OUTBOX_KEY));
    match text {
        Ok(text) => look(&Outbox::from_json(&text.unwrap_or_default(), Backoff::default()).0),
        Err(_) => IN_MEMORY.with(|o| look(&o.borrow())),
    }
}

/// Applies `change` to the stored outbox and stores the result.
pub(super) fn change<R>(change: impl FnOnce(&mut Outbox) -> R) -> (R, Option<KeepError>) {
    let store = match LocalStore::open() {
        Ok(store) => store,
        Err(e) => {
            let out = IN_MEMORY.with(|o| change(&mut o.borrow_mut()));
            return (out, Some(e.into()));
        }
    };
    let text = match store.get(OUTBOX_KEY) {
        Ok(text) => text.unwrap_or_default(),
        Err(e) => {
            let out = IN_MEMORY.with(|o| change(&mut o.borrow_mut()));
            return (out, Some(e.into()));
        }
    };
    let (mut outbox, problem) = Outbox::from_json(&text, Backoff::default());
    let out = change(&mut outbox);
    let saved = outbox
        .to_json()
        .map_err(KeepError::from)
        .and_then(|json| store.set(OUTBOX_KEY, &json).map_err(KeepError::from));
    if saved.is_err() {
        IN_MEMORY.with(|o| *o.borrow_mut() = outbox);
    }
    (out, problem.map(KeepError::from).or(saved.err()))
}
