//! Leptos components, one per file. They render the controller's signals ([`crate::app::Ctl`])
//! and call its methods; decisions live in [`crate::state`].

pub mod agent_bar;
pub mod alerts_setup;
pub mod call_card;
pub mod config_error;
pub mod dial_field;
pub mod login_form;
pub mod notice;
pub mod panel;
pub mod panel_controls;
pub mod queue_list;
pub mod wrap_up;

pub use config_error::ConfigErrorPanel;
pub use panel::Panel;
