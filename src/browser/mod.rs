//! The thin glue between the panel and the page. Only modules under here touch `web_sys`.

pub mod console;
pub mod host;
