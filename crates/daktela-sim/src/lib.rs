#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod clock;
mod config;
mod envelope;
mod extract;
mod faults;
mod notify;
mod phone;
mod query;
mod reqlog;
mod routes;
mod spawn;
mod state;
mod world;

pub use config::{LoginShape, Settings, SettingsPatch, SimConfig};
pub use faults::{FaultKind, FaultSpec};
pub use phone::normalize as normalize_number;
pub use reqlog::{LoggedRequest, RequestFilter};
pub use routes::app;
pub use spawn::{RunningSim, SpawnError, spawn};
pub use state::SimState;
pub use world::{
    ACCOUNT_PREFIX, Account, CONTACT_PREFIX, HangupOverrides, RingOutcome, RingRequest,
    SEED_AGENTS, SyncSummary, WorldError, crm_slug, static_token,
};
