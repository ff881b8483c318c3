//! The panel's pure state and logic: plain Rust, no browser APIs, tested natively with
//! `cargo test`. Components render it; `crate::browser` feeds it from the page and the network.

pub mod agent;
pub mod call;
pub mod call_log;
pub mod config;
pub mod connection;
pub mod i18n;
pub mod outbox;
pub mod phone;
pub mod prefs;
pub mod retry;
pub mod screen_pop;
pub mod tabs;
pub mod widget;
pub mod wrap_up;

pub use connection::ConnectionState;
