//! daktela-cti: a CTI panel for the Daktela V6 contact centre that lives inside CRM web pages.
//!
//! The crate is split the way the house style asks: [`state`] is the pure core (no `web_sys`,
//! tested natively with `cargo test`), [`components`] renders it with Leptos, [`browser`] is the
//! thin glue that touches the page, and [`app`] is the controller that ties them to Daktela.
#![deny(missing_docs)]

pub mod app;
pub mod browser;
pub mod components;
pub mod state;
pub mod widget;
