//! The activity widget's pure core: the page Daktela's agent view frames beside each activity
//! (white paper §3.1), called with `clid`, `direction`, `callid` and `activity`.
//!
//! - [`params`]: the four GET parameters, read as untrusted input.
//! - [`choice`]: what the lookup's matches let the agent do (open, pick, create).
//! - [`pairing`]: the write that pairs the activity and the call to the CRM record, with the
//!   agent's note, as an outbox entry keyed by the activity.

pub mod choice;
pub mod messages;
pub mod pairing;
pub mod params;

pub use choice::{Choice, choose};
pub use pairing::{PAIRING_KEY_PREFIX, Pairing, PairingError, PairingRecord, key_for};
pub use params::{Direction, ParamError, WidgetParams};
