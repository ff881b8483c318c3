//! `crm-sync`: loads CRM companies and contacts into Daktela, either through the white
//! paper's bulk endpoint `POST /custom/crm/sync.php` (§3.2) or through the V6 REST API
//! (`contacts`, `accounts`), incrementally and at scale. See the crate README.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod chunk;
pub mod cli;
pub mod config;
pub mod deletion;
pub mod digest;
pub mod endpoint;
pub mod guard;
pub mod hash;
pub mod input;
pub mod model;
pub mod names;
pub mod phone;
pub mod plan;
pub mod progress;
pub mod report;
pub mod rest;
pub mod run;
pub mod state;

pub use config::{Config, Mode, OnError, SYNC_PATH};
pub use report::Report;
pub use run::{RunError, run};
