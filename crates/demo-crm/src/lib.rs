#![doc = include_str!("../README.md")]
#![deny(missing_docs)]
#![cfg_attr(test, allow(clippy::unwrap_used))]

mod agent_view;
mod api;
mod assets;
mod call_log;
mod clock;
mod contacts;
mod crm;
mod form;
mod page;
mod pages;
mod pairings;
mod panel_config;
mod phone;
mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::routing::get;

pub use agent_view::WIDGET_PATH;
use daktela_sim::{SimConfig, SimState};
use tower_http::services::ServeDir;

pub use call_log::FieldError;
pub use contacts::{
    Contact, Phone, PhoneLink, RING_NUMBERS, RingNumber, seeded as seeded_contacts,
};
pub use phone::to_e164;
pub use store::StoreError;

/// Where the Daktela simulator is reachable on the demo CRM's origin (the panel's `api_base`).
pub const DAKTELA_PATH: &str = "/daktela";

/// What the demo CRM serves. Start from [`DemoConfig::new`] and change what a test needs.
#[derive(Debug, Clone)]
pub struct DemoConfig {
    /// The panel's Trunk build output (the folder holding `index.html` and `loader.js`).
    pub dist: PathBuf,
    /// The Daktela simulator mounted under [`DAKTELA_PATH`].
    pub sim: SimConfig,
    /// Where call logs and created contacts are kept across restarts; `None` = in memory only.
    pub data_file: Option<PathBuf>,
    /// ISO 3166 country of the CRM (`"CZ"`): the panel's `default_country`, and how the CRM
    /// reads numbers typed without a country code.
    pub default_country: String,
    /// The agent the demo toolbar rings and controls.
    pub demo_agent: String,
    /// Merged over the panel configuration the pages embed (objects key by key, other values
    /// replace), e.g. `{"screen_pop": {"when": "answer"}}`; `Null` adds nothing.
    pub panel_extra: serde_json::Value,
}

impl DemoConfig {
    /// Serves `dist` with a default simulator, in-memory data, country CZ, toolbar agent
    /// `agent1`, and the standard panel configuration.
    pub fn new(dist: impl Into<PathBuf>) -> Self {
        Self {
            dist: dist.into(),
            sim: SimConfig::default(),
            data_file: None,
            default_country: "CZ".into(),
            demo_agent: "agent1".into(),
            panel_extra: serde_json::Value::Null,
        }
    }
}

/// The demo CRM could not start.
#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    /// The data file is unreadable, corrupt or of another version.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `default_country` is not one the demo knows.
    #[error("default_country {0:?} is not known to the demo CRM (try CZ, SK, DE, AT, PL, GB, US)")]
    UnknownCountry(String),
    /// The port could not be bound.
    #[error("cannot listen on 127.0.0.1: {0}")]
    Bind(#[from] std::io::Error),
}

/// The demo CRM as a router, testable without a socket, with the simulator's state (to play
/// the world from a test: ring a call, take a phone offline, read the request log).
///
/// # Errors
/// The data file cannot be loaded, or the country is unknown.
pub fn app(config: DemoConfig) -> Result<(Router, SimState), DemoError> {
    let default_cc = phone::calling_code(&config.default_country)
        .ok_or_else(|| DemoError::UnknownCountry(config.default_country.clone()))?;
    let store = store::Store::open(config.data_file.clone())?;
    let panel = panel_config::build(&config.default_country, &config.panel_extra);
    let crm = crm::Crm {
        store: Arc::new(store),
        seeded: Arc::new(contacts::seeded()),
        chrome: Arc::new(page::Chrome {
            config_json: panel_config::script_safe(&panel),
            agent: config.demo_agent.clone(),
            default_cc,
        }),
    };
    let sim = SimState::seeded(config.sim);
    let crm_routes = Router::new()
        .route("/contacts", get(pages::list).post(form::create))
        .route("/contacts/new", get(form::new))
        .route("/contacts/search", get(pages::search))
        .route("/contacts/{id}", get(pages::show))
        .route("/api/lookup", get(api::lookup))
        .route("/api/call-logs", get(api::list_logs).post(api::post_log))
        .route(
            "/api/call-logs/{external_id}",
            get(api::get_log).put(api::put_log),
        )
        .route("/demo-controls.js", get(assets::demo_controls))
        .route("/crm.css", get(assets::stylesheet))
        .with_state(crm);
    // The activity widget (docs/activity-widget.md): its pairings, and a stand-in for Daktela's
    // agent view that frames it.
    let widget_routes = Router::new()
        .route("/api/pairings", get(pairings::list))
        .route(
            "/api/pairings/{activity}",
            get(pairings::get_one).put(pairings::put),
        )
        .route("/daktela-agent-view", get(agent_view::show))
        .with_state(pairings::Pairings::default());
    // `ServeDir` answers `/` with the Trunk `index.html` and sends `.wasm` as
    // `application/wasm`, which browsers need for streaming compilation.
    let router = crm_routes
        .merge(widget_routes)
        .nest(DAKTELA_PATH, daktela_sim::app(sim.clone()))
        .fallback_service(ServeDir::new(config.dist));
    Ok((router, sim))
}

/// A demo CRM listening on 127.0.0.1; it stops when this is dropped.
#[derive(Debug)]
pub struct RunningDemo {
    /// The address it listens on.
    pub addr: SocketAddr,
    /// The simulator behind [`DAKTELA_PATH`].
    pub sim: SimState,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl RunningDemo {
    /// The base URL, e.g. `http://127.0.0.1:8080`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The simulator's base URL on this origin, e.g. `http://127.0.0.1:8080/daktela`.
    pub fn daktela_url(&self) -> String {
        format!("{}{DAKTELA_PATH}", self.url())
    }

    /// The simulated Daktela agent view framing the activity widget with `query` (passed as
    /// given), e.g. `http://127.0.0.1:8080/daktela-agent-view?clid=…`.
    pub fn agent_view_url(&self, query: &str) -> String {
        format!("{}/daktela-agent-view?{query}", self.url())
    }

    /// The contact list, e.g. `http://127.0.0.1:8080/contacts`.
    pub fn contacts_url(&self) -> String {
        format!("{}/contacts", self.url())
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
/// When the data file cannot be loaded, the country is unknown, or the port cannot be bound.
pub async fn spawn(config: DemoConfig, port: u16) -> Result<RunningDemo, DemoError> {
    let (router, sim) = app(config)?;
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
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
        sim,
        shutdown: Some(tx),
    })
}
