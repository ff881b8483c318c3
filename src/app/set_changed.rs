//! Writing a signal only when its value changes.

use leptos::prelude::*;

/// `set`, but only when the value differs. Writing an equal value still wakes every view that
/// reads the signal, and a woken view that returns elements rebuilds them: followers used to
/// rebuild the whole panel on every state broadcast, and the leader its call cards and queue
/// list on every sync, leaking the render effects of each discarded build (see `CallCards`).
pub(super) trait SetChanged<T> {
    /// Sets `value` unless the signal already holds an equal one.
    fn set_changed(&self, value: T);
}

impl<T: PartialEq + Send + Sync + 'static> SetChanged<T> for RwSignal<T> {
    fn set_changed(&self, value: T) {
        self.maybe_update(|current| {
            let changed = *current != value;
            if changed {
                *current = value;
            }
            changed
        });
    }
}
