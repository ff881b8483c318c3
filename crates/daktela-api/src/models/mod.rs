//! The records the panel and the tools read. Each is read from parsed JSON by
//! [`FromJson`](crate::FromJson) (see `read.rs` for why not serde's derive), implements
//! `serde::Deserialize` through it, and `serde::Serialize` as derived.
//!
//! Rules shared by every model: unknown fields are ignored (a newer server never breaks a
//! decode); fields the wire may omit are `Option` or default; scalar fields accept Daktela's PHP
//! variations (`1`/`"1"`/`true`); relations are [`Related`] (a name or the expanded record).

mod activity;
mod call;
mod contact;
mod enums;
mod float_text;
pub(crate) use float_text::display as float_display;
mod list;
mod names;
mod pause;
mod queue;
mod related;
mod session;
mod status;
mod sys;
mod ticket;
mod user;

pub use activity::{Activity, ActivityItem};
pub use call::CallItem;
pub use contact::{Contact, CustomFields};
pub use enums::{ActivityAction, ActivityType, CallDirection, SessionState};
pub use list::List;
pub use names::{
    ActivityName, CallId, ContactName, PauseName, QueueName, StatusName, TicketName, UserLogin,
};
pub use pause::Pause;
pub use queue::Queue;
pub use related::{Named, Related};
pub use session::RealtimeSession;
pub use status::Status;
pub use sys::{CustomFieldScheme, Sys};
pub use ticket::{Attachment, EmailItem, Ticket};
pub use user::{User, Whoim};
