//! Finds phone numbers in the text of CRM pages, and nothing else.
//!
//! ```
//! use phone_detect::{Detector, DetectorConfig, Region};
//!
//! let detector = Detector::new(DetectorConfig::new(Region::Cz)).unwrap();
//! let text = "Tel.: 777 123 456, IČO: 27082440, objednávka 123456789, 12. 3. 2024";
//! let found = detector.find(text);
//! assert_eq!(found.len(), 1);
//! assert_eq!(found[0].e164, "+420777123456");
//! assert_eq!(found[0].raw(text), "777 123 456");
//! ```
//!
//! The scan is one linear pass: runs of digits and separators, each checked against the real
//! numbering plan of the country (generated from libphonenumber's metadata, see
//! `tools/gen-plan-data.mjs`), the words before it ("tel" vs "IČO", "order", "#") and its shape
//! (dates, IPs, cards, bank accounts). No regex engine, no threads, no I/O: it builds for
//! `wasm32-unknown-unknown` with nothing but `thiserror`.
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod context;
mod detector;
mod error;
mod exclude;
mod extension;
mod number;
mod pattern;
mod plan;
mod plan_data;
mod region;
mod run;
mod shape;
mod tel;
mod text;
mod words;

pub use detector::{Detector, DetectorConfig, Found};
pub use error::ConfigError;
pub use exclude::Exclusion;
pub use plan::NumberKind;
pub use region::Region;
pub use tel::{E164, parse_tel_href};

/// The libphonenumber-js release the numbering plans were generated from.
pub const PLAN_SOURCE: &str = plan_data::SOURCE_VERSION;

impl Detector {
    /// Reads a `tel:` / `callto:` href with this detector's plans and region; see
    /// [`parse_tel_href`].
    pub fn parse_tel_href(&self, href: &str) -> Option<E164> {
        tel::parse_href_with(self.plans(), href, self.region())
    }
}
