//! The one error type of the crate: every way a Daktela call can fail, as a value a UI can act on.

use crate::transport::TransportError;

/// The message Daktela puts in `error.primary` when a call cannot be placed because none of the
/// agent's devices (desk phone, softphone, WebRTC phone) is online. Real body, see
/// `contract/daktela-v6/fixtures/error_primary_user_have_not_available_devices.json`.
pub const PHONE_OFFLINE_MESSAGE: &str = "User have not available devices";

/// One field that Daktela rejected, with every message it gave for it (often localised, e.g.
/// Czech "Vstup je povinný").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field, dotted for nested custom fields: `lastname`, `customFields.email`.
    pub field: String,
    /// The messages, in the order Daktela sent them.
    pub messages: Vec<String>,
}

/// Why a Daktela call failed.
///
/// `Clone` so that a UI can keep the last error in a signal; the transport cause is kept as text
/// for the same reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// HTTP 401: the access token is missing, wrong or expired. Log in (or refresh) again.
    #[error("Daktela refused the access token (401){}", suffix(messages))]
    Unauthorized {
        /// Messages from the body, if it had any (Daktela usually sends an empty body).
        messages: Vec<String>,
    },
    /// HTTP 403: the user may not do this (e.g. no realtime permission).
    #[error("Daktela forbids this for the current user (403){}", suffix(messages))]
    Forbidden {
        /// Messages from the body, if any.
        messages: Vec<String>,
    },
    /// HTTP 404: the record or the endpoint does not exist.
    #[error("not found in Daktela (404){}", suffix(messages))]
    NotFound {
        /// Messages from the body, if any.
        messages: Vec<String>,
    },
    /// HTTP 429: too many requests. Wait `retry_after` seconds (when given) before trying again.
    #[error("Daktela asks to slow down (429){}", suffix(messages))]
    RateLimited {
        /// Seconds from the `Retry-After` header; `None` when absent or given as a date.
        retry_after: Option<u64>,
        /// Messages from the body, if any.
        messages: Vec<String>,
    },
    /// Daktela rejected the data: `error` was an object `{form: {...}, primary: [...]}`.
    /// This is also returned for a 2xx answer whose `error` is not empty.
    #[error(
        "Daktela rejected the request ({status}): {}",
        validation_text(form, primary)
    )]
    Validation {
        /// The HTTP status (400 on real captures; any status is possible).
        status: u16,
        /// Per-field messages from `error.form`.
        form: Vec<FieldError>,
        /// General messages from `error.primary`.
        primary: Vec<String>,
    },
    /// Any other failure reported by Daktela: a non-2xx status, or a 2xx whose `error` is a
    /// non-empty list or string.
    #[error("Daktela answered {status}{}", suffix(messages))]
    Api {
        /// The HTTP status.
        status: u16,
        /// The messages from `error` (empty when the body was not Daktela JSON, e.g. a proxy page).
        messages: Vec<String>,
    },
    /// A success answer whose JSON did not have the expected shape.
    #[error("unreadable Daktela answer at `{path}`: {message}")]
    Decode {
        /// Where in the body it failed, e.g. `result.data[3].item.id_call` (`""` = the whole body).
        path: String,
        /// What was wrong.
        message: String,
    },
    /// `whoim` answered with `user: null`, or an operation needs a login (or refresh token) that
    /// the client does not hold.
    #[error("not logged in to Daktela")]
    NotLoggedIn,
    /// The request took longer than the configured timeout.
    #[error("Daktela did not answer in time")]
    Timeout,
    /// The request was aborted before it finished.
    #[error("the request was aborted")]
    Aborted,
    /// The request never got an HTTP answer (network down, DNS, CORS refused, TLS, ...).
    #[error(transparent)]
    Transport(TransportError),
}

impl From<TransportError> for Error {
    fn from(error: TransportError) -> Self {
        match error {
            TransportError::Timeout => Self::Timeout,
            TransportError::Aborted => Self::Aborted,
            other => Self::Transport(other),
        }
    }
}

impl Error {
    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Unauthorized { .. } => Some(401),
            Self::Forbidden { .. } => Some(403),
            Self::NotFound { .. } => Some(404),
            Self::RateLimited { .. } => Some(429),
            Self::Validation { status, .. } | Self::Api { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Every message Daktela sent, field messages as `field: message`, in order.
    pub fn messages(&self) -> Vec<String> {
        match self {
            Self::Unauthorized { messages }
            | Self::Forbidden { messages }
            | Self::NotFound { messages }
            | Self::RateLimited { messages, .. }
            | Self::Api { messages, .. } => messages.clone(),
            Self::Validation { form, primary, .. } => {
                let fields = form
                    .iter()
                    .flat_map(|f| f.messages.iter().map(move |m| format!("{}: {m}", f.field)));
                primary.iter().cloned().chain(fields).collect()
            }
            _ => Vec::new(),
        }
    }

    /// True when Daktela said the agent has no online device ("User have not available devices"),
    /// i.e. the panel should say "your phone is offline".
    pub fn is_phone_offline(&self) -> bool {
        self.messages()
            .iter()
            .any(|m| m.contains(PHONE_OFFLINE_MESSAGE))
    }

    /// True for 401: the token is no longer accepted.
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, Self::Unauthorized { .. })
    }

    /// True when trying again later may succeed: timeouts, network failures, 429 and 5xx.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Timeout | Self::Transport(_) | Self::RateLimited { .. } => true,
            Self::Api { status, .. } => *status >= 500,
            _ => false,
        }
    }

    /// Seconds to wait before retrying, when Daktela said so (429 `Retry-After`).
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            Self::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}

fn suffix(messages: &[String]) -> String {
    if messages.is_empty() {
        String::new()
    } else {
        format!(": {}", messages.join("; "))
    }
}

fn validation_text(form: &[FieldError], primary: &[String]) -> String {
    let fields = form
        .iter()
        .map(|f| format!("{}: {}", f.field, f.messages.join(", ")));
    primary
        .iter()
        .cloned()
        .chain(fields)
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_offline_is_recognised_among_other_primary_messages() {
        let error = Error::Validation {
            status: 400,
            form: vec![],
            primary: vec![PHONE_OFFLINE_MESSAGE.to_owned(), "error".to_owned()],
        };
        assert!(error.is_phone_offline());
        assert!(!Error::NotFound { messages: vec![] }.is_phone_offline());
    }

    #[test]
    fn display_keeps_czech_field_messages() {
        let error = Error::Validation {
            status: 400,
            form: vec![FieldError {
                field: "lastname".into(),
                messages: vec!["Vstup je povinný".into()],
            }],
            primary: vec![],
        };
        assert_eq!(
            error.to_string(),
            "Daktela rejected the request (400): lastname: Vstup je povinný"
        );
    }

    #[test]
    fn timeouts_from_the_transport_become_their_own_variant() {
        assert_eq!(Error::from(TransportError::Timeout), Error::Timeout);
        assert!(Error::Timeout.is_retryable());
        assert!(!Error::Unauthorized { messages: vec![] }.is_retryable());
    }
}
