//! The thin glue between the panel and the page. Only modules under here touch `web_sys`.

pub mod alerts;
pub mod clock;
pub mod config_source;
pub mod console;
pub mod crm;
pub mod host;
pub mod navigate;
pub mod page_numbers;
pub mod storage;
pub mod tabs;
pub mod tel_links;
pub mod title;
pub mod transport;
pub mod wake;
