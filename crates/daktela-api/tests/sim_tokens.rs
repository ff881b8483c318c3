//! The native client against the simulator: what happens when the access token expires (D6).
#![allow(clippy::unwrap_used)]

mod sim_common;

use daktela_api::Error;
use daktela_sim::{FaultKind, FaultSpec, LoginShape, SimConfig};
use sim_common::*;

#[tokio::test]
async fn an_expired_token_is_refreshed_once_and_the_call_still_succeeds() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let old = client.token().unwrap();
    let expired = sim.state().expire_tokens(Some(AGENT), false);
    assert!(expired > 0, "the login token was live");

    let pauses = client.pauses().await.unwrap();
    assert_eq!(pauses.len(), 4);
    assert_eq!(
        logged(&sim, "PUT", "/api/v6/login").len(),
        1,
        "exactly one refresh"
    );
    let new = client.token().unwrap();
    assert_ne!(new, old, "the client keeps the new token");
    assert_eq!(
        sim.state().agent_for_token(new.expose()).as_deref(),
        Some(AGENT)
    );
    // Later calls use the new token straight away, without refreshing again.
    client.current_user().await.unwrap();
    assert_eq!(logged(&sim, "PUT", "/api/v6/login").len(), 1);
}

#[tokio::test]
async fn a_client_refreshes_again_after_a_second_expiry_with_the_refresh_token_it_was_given() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    for round in 1..=2 {
        sim.state().expire_tokens(Some(AGENT), false);
        client.statuses().await.unwrap();
        assert_eq!(logged(&sim, "PUT", "/api/v6/login").len(), round);
    }
}

#[tokio::test]
async fn without_a_refresh_token_an_expired_token_is_unauthorized() {
    let sim = sim(SimConfig {
        login_shape: LoginShape::String,
        ..quiet_config()
    })
    .await;
    let client = logged_in(&sim).await;
    sim.state().expire_tokens(Some(AGENT), false);

    let error = client.pauses().await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
    assert!(logged(&sim, "PUT", "/api/v6/login").is_empty());
}

#[tokio::test]
async fn an_expired_static_token_is_unauthorized() {
    let sim = sim(quiet_config()).await;
    let client = static_token_client(&sim);
    client.pauses().await.unwrap();
    sim.state().expire_tokens(Some(AGENT), true);
    let error = client.queues().await.unwrap_err();
    assert!(matches!(error, Error::Unauthorized { .. }), "{error:?}");
}

#[tokio::test]
async fn when_the_refresh_token_has_expired_too_the_original_401_is_returned() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    sim.state().expire_tokens(Some(AGENT), true);

    let error = client.pauses().await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
    assert_eq!(logged(&sim, "PUT", "/api/v6/login").len(), 1);
    assert_eq!(logged(&sim, "GET", "/api/v6/pauses").len(), 1);
}

#[tokio::test]
async fn a_second_401_after_refreshing_is_returned_without_refreshing_again() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    sim.state().inject_fault(FaultSpec {
        kind: FaultKind::Status {
            status: 401,
            body: None,
        },
        count: 2,
        path_contains: Some("/pauses".into()),
    });

    let error = client.pauses().await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
    assert_eq!(logged(&sim, "PUT", "/api/v6/login").len(), 1);
    assert_eq!(logged(&sim, "GET", "/api/v6/pauses").len(), 2);
}
