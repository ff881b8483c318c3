//! How requests reach Daktela. The [`Transport`] trait has no `Send` bound, so a browser
//! transport (whose futures hold JS values) fits; each implementation is one file.

use std::time::Duration;

use crate::request::HttpRequest;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(feature = "native")]
pub mod native;

/// The timeout a transport applies when a request sets none.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(20);

/// Sends one HTTP request and returns the answer, whatever its status. Status codes are NOT
/// errors here: [`crate::interpret`] reads them.
#[allow(async_fn_in_trait)]
pub trait Transport {
    /// Sends `request`.
    ///
    /// # Errors
    /// [`TransportError`] when no HTTP answer arrived.
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError>;
}

/// An HTTP answer, as a transport received it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// Headers (at least `Retry-After` when present).
    pub headers: Vec<(String, String)>,
    /// The raw body.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// The first header with this name (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why no HTTP answer arrived. Text only, so that it is `Clone` and carries no URL (which may
/// hold the token).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TransportError {
    /// The timeout passed.
    #[error("the request timed out")]
    Timeout,
    /// The request was aborted.
    #[error("the request was aborted")]
    Aborted,
    /// Network, DNS, TLS or (in a browser) a CORS refusal, which fetch cannot tell apart.
    #[error("network error: {0}")]
    Network(String),
    /// The request could not be built (bad URL, bad header).
    #[error("invalid request: {0}")]
    InvalidRequest(String),
}
