//! Running the simulator on a real socket, for other crates' integration tests and the e2e
//! harness.

use crate::config::SimConfig;
use crate::state::SimState;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Why the simulator could not start.
#[derive(Debug, thiserror::Error)]
pub enum SpawnError {
    /// Binding `127.0.0.1:<port>` failed (port in use?).
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// The OS error.
        source: std::io::Error,
    },
}

/// A simulator serving on 127.0.0.1. Dropping it stops the server.
#[derive(Debug)]
pub struct RunningSim {
    /// `http://127.0.0.1:<port>` (no trailing slash); Daktela paths go below it.
    pub base_url: String,
    /// The bound address.
    pub addr: SocketAddr,
    state: SimState,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningSim {
    /// The world behind the server: ring calls, inject faults, read the request log directly.
    pub fn state(&self) -> &SimState {
        &self.state
    }

    /// Stops accepting connections and waits (up to one second) for in-flight requests;
    /// a long-polling `appPullData` still waiting after that is cut off.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(mut task) = self.task.take()
            && tokio::time::timeout(Duration::from_secs(1), &mut task)
                .await
                .is_err()
        {
            task.abort();
        }
    }
}

impl Drop for RunningSim {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

/// Starts a seeded simulator on 127.0.0.1 (`config.port`, 0 = any free port).
///
/// # Errors
/// [`SpawnError::Bind`] when the port cannot be bound.
pub async fn spawn(config: SimConfig) -> Result<RunningSim, SpawnError> {
    let port = config.port;
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|source| SpawnError::Bind { port, source })?;
    let addr = listener
        .local_addr()
        .map_err(|source| SpawnError::Bind { port, source })?;
    let state = SimState::seeded(config);
    let app = crate::app(state.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let server = axum::serve(listener, app).with_graceful_shutdown(async {
            let _ = rx.await;
        });
        if let Err(e) = server.await {
            tracing::error!(error = %e, "simulator server stopped");
        }
    });
    Ok(RunningSim {
        base_url: format!("http://{addr}"),
        addr,
        state,
        shutdown: Some(tx),
        task: Some(task),
    })
}
