//! `crm-sync`: loads CRM companies and contacts into Daktela, either through the white
//! paper's bulk endpoint `POST /custom/crm/sync.php` (§3.2) or through the V6 REST API
//! (`contacts`, `accounts`), incrementally and at scale. See the crate README.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod chunk;
pub mod hash;
pub mod input;
pub mod model;
pub mod names;
pub mod phone;
pub mod state;
