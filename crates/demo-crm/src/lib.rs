//! A small fictional CRM ("Brightdesk CRM") for demos and end-to-end tests.
//!
//! It serves the panel's Trunk build (`dist/`, whose `index.html` is the demo contact page) the
//! way a real CRM serves its pages with the panel included. The CRM endpoints the panel's adapters
//! talk to (record lookup, call-log upsert) are added here as the panel grows.
#![deny(missing_docs)]

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use tower_http::services::ServeDir;

/// What the demo CRM serves.
#[derive(Debug, Clone)]
pub struct DemoConfig {
    /// The panel's Trunk build output (the folder holding `index.html`).
    pub dist: PathBuf,
}

/// The demo CRM as a router, testable without a socket.
pub fn app(config: DemoConfig) -> Router {
    // `ServeDir` answers `/` with `index.html` and sends `.wasm` as `application/wasm`, which
    // browsers need for streaming compilation.
    Router::new().fallback_service(ServeDir::new(config.dist))
}

/// A demo CRM listening on 127.0.0.1; it stops when this is dropped.
#[derive(Debug)]
pub struct RunningDemo {
    /// The address it listens on.
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl RunningDemo {
    /// The base URL, e.g. `http://127.0.0.1:8080`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Drop for RunningDemo {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            // The server may already be gone; nothing to do then.
            let _ = tx.send(());
        }
    }
}

/// Starts the demo CRM on `127.0.0.1:port` (0 picks a free port) in the current tokio runtime.
///
/// # Errors
/// When the port cannot be bound.
pub async fn spawn(config: DemoConfig, port: u16) -> std::io::Result<RunningDemo> {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let router = app(config);
    tokio::spawn(async move {
        let serve = axum::serve(listener, router).with_graceful_shutdown(async {
            let _ = rx.await;
        });
        if let Err(err) = serve.await {
            tracing::error!(%err, "demo CRM stopped");
        }
    });
    Ok(RunningDemo {
        addr,
        shutdown: Some(tx),
    })
}
