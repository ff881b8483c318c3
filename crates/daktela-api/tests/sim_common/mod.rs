//! Shared helpers for the tests that run the native client against the simulator
//! (`tests/sim_*.rs`): a simulator on 127.0.0.1:0, clients logged in as a seeded agent, and
//! the simulator's request log.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::time::Duration;

use daktela_api::models::UserLogin;
use daktela_api::{AccessToken, Client, ReqwestTransport, TokenPlacement};
use daktela_sim::{LoggedRequest, RequestFilter, RingOutcome, RingRequest, RunningSim, SimConfig};

/// The seeded agent most tests play.
pub const AGENT: &str = "agent1";
/// Its password.
pub const PASSWORD: &str = "agent1pass";
/// Its static token (the one on the user's detail page in Daktela).
pub const STATIC_TOKEN: &str = "sim-static-token-agent1";

/// A simulator whose world only moves when a test moves it: no automatic answer of
/// click-to-call, and a short pull-data idle time so a quiet long poll costs little.
pub fn quiet_config() -> SimConfig {
    SimConfig {
        outbound_answer_after: None,
        pull_idle: Duration::from_millis(300),
        ..SimConfig::default()
    }
}

/// Starts a simulator on a free port.
pub async fn sim(config: SimConfig) -> RunningSim {
    daktela_sim::spawn(config).await.expect("simulator starts")
}

/// A client for the simulator with no token yet, on a short transport timeout so that a
/// test never hangs on a broken server.
pub fn client(sim: &RunningSim) -> Client<ReqwestTransport> {
    Client::new(&sim.base_url, transport())
}

/// A client that sends the agent's static token as `?accessToken=`.
pub fn static_token_client(sim: &RunningSim) -> Client<ReqwestTransport> {
    Client::with_placement(&sim.base_url, transport(), TokenPlacement::Query)
        .with_token(AccessToken::new(STATIC_TOKEN))
}

fn transport() -> ReqwestTransport {
    ReqwestTransport::new().with_timeout(Duration::from_secs(5))
}

/// A client logged in as [`AGENT`] with a username and password.
pub async fn logged_in(sim: &RunningSim) -> Client<ReqwestTransport> {
    let client = client(sim);
    client.login(AGENT, PASSWORD).await.expect("seeded login");
    client
}

/// The agent's login as the client types it.
pub fn agent() -> UserLogin {
    UserLogin::new(AGENT)
}

/// Rings an inbound call for [`AGENT`] through queue 1001 from `from` (any typed form).
pub fn ring(sim: &RunningSim, from: &str) -> RingOutcome {
    sim.state()
        .ring(&RingRequest {
            agent: AGENT.into(),
            from: from.into(),
            queue: Some(1001),
            did: None,
        })
        .expect("agent1 is online and free")
}

/// The logged Daktela requests with this method whose path contains `path`.
pub fn logged(sim: &RunningSim, method: &str, path: &str) -> Vec<LoggedRequest> {
    sim.state().requests(&RequestFilter {
        method: Some(method.into()),
        path: Some(path.into()),
        contains: None,
    })
}
