//! The panel's pure state: plain Rust, no browser APIs, tested natively.

pub mod connection;

pub use connection::ConnectionState;
