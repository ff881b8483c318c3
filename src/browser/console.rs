//! Messages for the integrator, in the browser's console.

/// Writes an error to the browser console (a no-op outside the browser, so native tests can
/// call code that reports).
pub fn error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&message.into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}
