//! How the panel reaches Daktela and a REST CRM: daktela-api's gloo-net transport in the
//! browser.
//!
//! The panel only runs in a browser, but its code is also compiled and linted natively (the pure
//! core's tests run there); natively the transport is a stand-in that fails every request.

#[cfg(not(target_arch = "wasm32"))]
use daktela_api::{HttpRequest, HttpResponse, Transport, TransportError};

/// The transport the panel uses: `fetch` in the browser.
#[cfg(target_arch = "wasm32")]
pub type PageTransport = daktela_api::BrowserTransport;

/// The transport the panel uses. Native builds of the panel only run the pure core's tests and
/// have no `fetch`: every request fails with "not running in a browser".
#[cfg(not(target_arch = "wasm32"))]
pub type PageTransport = NoBrowser;

/// The native stand-in for `fetch` (see [`PageTransport`]): every request fails.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, Default)]
pub struct NoBrowser;

#[cfg(not(target_arch = "wasm32"))]
impl NoBrowser {
    /// The stand-in (mirrors `BrowserTransport::new`).
    pub fn new() -> Self {
        Self
    }

    /// Nothing is ever in flight (mirrors `BrowserTransport::abort_all`).
    pub fn abort_all(&self) {}
}

#[cfg(not(target_arch = "wasm32"))]
impl Transport for NoBrowser {
    async fn send(&self, _request: HttpRequest) -> Result<HttpResponse, TransportError> {
        Err(TransportError::Network(
            "not running in a browser".to_owned(),
        ))
    }
}
