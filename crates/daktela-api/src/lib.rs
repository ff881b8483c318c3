#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod auth;
mod client;
mod envelope;
mod error;
mod error_body;
mod filter;
mod json_path;
pub mod models;
mod pager;
pub mod phone;
mod pull;
mod query;
mod read;
mod request;
pub mod requests;
pub mod transport;

pub use auth::{AccessToken, LoginTokens, RefreshToken, TokenPlacement};
pub use client::Client;
pub use envelope::{decode, decode_list, interpret, interpret_result};
pub use error::{Error, FieldError, PHONE_OFFLINE_MESSAGE};
pub use filter::{Filter, Logic, Operator};
pub use json_path::{error_path, message_without_position};
pub use pager::{MAX_PAGES, Pager};
pub use pull::PullOutcome;
pub use query::{ListQuery, MAX_TAKE, Sort, SortDir};
pub use read::{
    Fields, FromJson, ReadError, from_deserializer, lenient_bool, lenient_int, lenient_string,
};
pub use request::{ApiRequest, HttpRequest, Method};
pub use transport::{DEFAULT_TIMEOUT, HttpResponse, Transport, TransportError};

#[cfg(target_arch = "wasm32")]
pub use transport::browser::BrowserTransport;
#[cfg(feature = "native")]
pub use transport::native::ReqwestTransport;
