//! What can be wrong with the input, always with the line it was found on.

/// A bad input record (the run skips it or stops, by flag) or a fatal input error.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum InputError {
    /// The line or document is not readable (bad JSON, bad CSV quoting, wrong types).
    #[error("line {line}: {message}")]
    Malformed {
        /// Line number (1-based).
        line: u64,
        /// What was wrong.
        message: String,
    },
    /// A contact or company without an id.
    #[error("line {line}: the {what} has no id")]
    MissingId {
        /// Line number.
        line: u64,
        /// `contact` or `company`.
        what: &'static str,
    },
    /// A contact id seen before in this load.
    #[error("line {line}: duplicate contact id `{id}` (first seen on line {first_line})")]
    DuplicateId {
        /// Line number.
        line: u64,
        /// The id.
        id: String,
        /// Where it was first seen.
        first_line: u64,
    },
    /// A phone field value that is not a phone number.
    #[error("line {line}: {message}")]
    BadNumber {
        /// Line number.
        line: u64,
        /// What was wrong.
        message: String,
    },
    /// A single record larger than the request size limit.
    #[error("line {line}: record `{id}` needs {bytes} bytes, more than the request limit")]
    Oversize {
        /// Line number.
        line: u64,
        /// The record's id.
        id: String,
        /// Its size in the payload.
        bytes: usize,
    },
    /// The input could not be read at all (fatal).
    #[error("{0}")]
    Io(String),
    /// The document stops being readable; nothing after this point can be trusted (fatal).
    #[error("line {line}: {message} (reading stopped here)")]
    Fatal {
        /// Line number.
        line: u64,
        /// What was wrong.
        message: String,
    },
}

impl InputError {
    /// Whether reading stopped at this error (nothing more will come).
    pub fn is_fatal(&self) -> bool {
        matches!(self, InputError::Io(_) | InputError::Fatal { .. })
    }
}
