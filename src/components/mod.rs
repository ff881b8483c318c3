//! Leptos components, one per file. They render [`crate::state`] and hold no logic of their own.

pub mod panel;

pub use panel::Panel;
