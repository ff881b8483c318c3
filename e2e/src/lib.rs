//! The end-to-end harness: headless Chromium, driven over WebDriver, on pages we serve on
//! 127.0.0.1. Browsers and drivers are killed when the harness is dropped, even when a test fails.
//! Benchmarks that measure the page's memory drive Chromium over CDP instead ([`cdp`]).
#![deny(missing_docs)]

mod agent;
mod browser;
pub mod cdp;
mod crm;
mod panel;
mod wait;

pub use agent::log_in_ready;
pub use browser::Browser;
pub use crm::{crm_logs, get_json, wait_for_logged_note};
pub use panel::{PATIENCE, Panel};
pub use wait::wait_until;

use std::path::PathBuf;

/// The panel's Trunk release build: `$DAKTELA_CTI_DIST`, else `dist/` at the workspace root.
///
/// # Errors
/// When the build is missing, with the command that makes it.
pub fn dist_dir() -> anyhow::Result<PathBuf> {
    let dist = std::env::var_os("DAKTELA_CTI_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../dist")));
    anyhow::ensure!(
        dist.join("index.html").is_file(),
        "no panel build in {}: run `trunk build --release` first (scripts/test.sh does)",
        dist.display()
    );
    Ok(dist)
}
