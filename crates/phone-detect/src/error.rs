//! Why a detector configuration is refused.

use thiserror::Error;

/// A [`DetectorConfig`](crate::DetectorConfig) that cannot be used, with what to change.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    /// The region code names no region with a numbering plan here.
    #[error(
        "Unsupported region \"{0}\": use one of CZ, SK, PL, HU, AT, DE, GB, US, CA, FR, IT, ES, NL"
    )]
    UnsupportedRegion(String),
    /// An exclusion label is blank, so it would exclude nothing or everything.
    #[error("Exclusion label {index} is empty: give the word that precedes the numbers to skip")]
    EmptyLabel {
        /// Position of the label in the configured list.
        index: usize,
    },
    /// An exclusion shape has no `#` digit slot, so it can never match a number.
    #[error("Exclusion shape \"{shape}\" has no # digit slot: write e.g. \"###/####\"")]
    ShapeWithoutDigits {
        /// The shape as configured.
        shape: String,
    },
    /// An excluded number prefix is not `+` followed by digits.
    #[error("Excluded prefix \"{prefix}\" is not + and digits, e.g. \"+420900\"")]
    BadPrefix {
        /// The prefix as configured.
        prefix: String,
    },
    /// A plan pattern in the generated data does not parse (a generator bug, never user input).
    #[error("Plan data for {region} has an unreadable pattern: regenerate src/plan_data.rs")]
    PlanData {
        /// The region whose data is broken.
        region: &'static str,
    },
}
