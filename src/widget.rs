//! The activity widget: the second page of the panel's build, which Daktela's agent view frames
//! beside each activity (white paper §3.1; docs/activity-widget.md).
//!
//! The page (`widget.html`) carries the marker element [`MARKER_ID`] and the panel's
//! configuration; the shared entry point ([`mount_if_widget_page`]) mounts the widget there
//! instead of the panel. The pure rules live in [`crate::state::widget`]; this module is the
//! browser side: reading the URL, the CRM adapter, the widget's own outbox, and the view.

mod ctl;
mod mount;
mod outbox;
mod view;

pub use ctl::{Lookup, SaveState, WidgetCtl};
pub use mount::{MARKER_ID, mount_if_widget_page};
pub use outbox::OUTBOX_KEY;
