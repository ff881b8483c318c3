//! The configuration error: the field's JSON path and what to write instead.

use thiserror::Error;

/// Why a configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ConfigError {
    /// Not JSON at all.
    #[error("the configuration is not valid JSON (line {line}, column {column}): {message}")]
    Syntax {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the JSON reader expected.
        message: String,
    },
    /// One field is wrong, missing or unknown.
    #[error("{field}: {message}")]
    Field {
        /// JSON path of the field: `screen_pop.when`, `outbound_queues[1]`.
        field: String,
        /// What is wrong and what to write instead.
        message: String,
    },
}

impl ConfigError {
    /// The JSON path of the faulty field, if the JSON could be read at all.
    pub fn field(&self) -> Option<&str> {
        match self {
            Self::Syntax { .. } => None,
            Self::Field { field, .. } => Some(field),
        }
    }

    pub(super) fn field_error(field: &str, message: impl Into<String>) -> Self {
        Self::Field {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

/// Turns serde's error into one naming the field, without serde_json's "at line…" suffix.
pub(super) fn from_serde(path: &str, inner: &serde_json::Error) -> ConfigError {
    let message = daktela_api::message_without_position(inner);
    if !inner.is_data() {
        return ConfigError::Syntax {
            line: inner.line(),
            column: inner.column(),
            message,
        };
    }
    // The path ends at the struct for a missing field, at the key itself for an unknown one.
    let join = |name: &str| match path {
        "." => name.to_owned(),
        p if p == name || p.ends_with(&format!(".{name}")) => p.to_owned(),
        p => format!("{p}.{name}"),
    };
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|r| r.split('`').next())
    };
    if let Some(name) = quoted("missing field `") {
        return ConfigError::field_error(&join(name), "is required");
    }
    if let Some(name) = quoted("unknown field `") {
        let expected = message.split_once(", ").map_or("", |(_, e)| e);
        return ConfigError::field_error(
            &join(name),
            format!("unknown field (a typo?); {expected}"),
        );
    }
    if path == "." {
        // Only a wrong type can fail at the root: `null`, a list, a string.
        return ConfigError::field_error(
            "(configuration)",
            "must be a JSON object such as {\"api_base\": \"/daktela\"}",
        );
    }
    ConfigError::field_error(path, message)
}
