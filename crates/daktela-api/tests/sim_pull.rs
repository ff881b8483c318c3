//! The native client against the simulator: pull data as a doorbell (D2), and the polling
//! fallback when an instance does not offer it.
#![allow(clippy::unwrap_used)]

mod sim_common;

use std::time::{Duration, Instant};

use daktela_api::PullOutcome;
use daktela_api::models::{ActivityAction, CallDirection, QueueName};
use daktela_sim::SimConfig;
use sim_common::*;

/// The first round (empty hash) always rings: it hands out the current hash.
async fn first_hash(client: &daktela_api::Client<daktela_api::ReqwestTransport>) -> String {
    match client.pull_data("").await.unwrap() {
        PullOutcome::Changed { hash } => hash,
        other => panic!("the first round must hand out a hash, got {other:?}"),
    }
}

#[tokio::test]
async fn pull_data_answers_unchanged_with_the_same_hash_after_the_idle_time() {
    let sim = sim(SimConfig {
        pull_idle: Duration::from_millis(300),
        ..quiet_config()
    })
    .await;
    let client = logged_in(&sim).await;
    let hash = first_hash(&client).await;

    let started = Instant::now();
    let outcome = client.pull_data(&hash).await.unwrap();
    let waited = started.elapsed();
    assert_eq!(outcome, PullOutcome::Unchanged { hash });
    assert!(
        waited >= Duration::from_millis(250),
        "a quiet round is held until the idle time: {waited:?}"
    );
}

#[tokio::test]
async fn pull_data_rings_at_once_when_a_call_rings_while_it_waits() {
    // A long idle time: only the ring can end this round quickly.
    let sim = sim(SimConfig {
        pull_idle: Duration::from_secs(10),
        ..quiet_config()
    })
    .await;
    let client = logged_in(&sim).await;
    let hash = first_hash(&client).await;

    let started = Instant::now();
    let (outcome, _) = tokio::join!(client.pull_data(&hash), async {
        tokio::time::sleep(Duration::from_millis(150)).await;
        ring(&sim, "+420 777 123 456")
    });
    let waited = started.elapsed();
    let PullOutcome::Changed { hash: new_hash } = outcome.unwrap() else {
        panic!("a ring must change the hash");
    };
    assert_ne!(new_hash, hash);
    assert!(
        waited < Duration::from_secs(2),
        "the doorbell rang late: {waited:?}"
    );
    // The doorbell carries no payload: the truth is re-read from activities.
    let open = client.open_call_activities(&agent()).await.unwrap();
    assert_eq!(open[0].action, Some(ActivityAction::Wait));
}

#[tokio::test]
async fn pull_data_rings_when_the_far_end_answers_a_click_to_call() {
    let sim = sim(SimConfig {
        pull_idle: Duration::from_secs(10),
        outbound_answer_after: Some(Duration::from_millis(150)),
        ..quiet_config()
    })
    .await;
    let client = logged_in(&sim).await;
    client.queue_login(&[QueueName::new("2001")]).await.unwrap();
    client
        .click_to_call("+420 602 111 222", &QueueName::new("2001"))
        .await
        .unwrap();
    let hash = first_hash(&client).await;

    let started = Instant::now();
    let outcome = client.pull_data(&hash).await.unwrap();
    assert!(
        matches!(outcome, PullOutcome::Changed { .. }),
        "{outcome:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
    let open = client.open_call_activities(&agent()).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].action, Some(ActivityAction::Open));
    let call = open[0].call().unwrap();
    assert_eq!(call.direction, Some(CallDirection::Out));
    assert_eq!(call.clid.as_deref(), Some("00420602111222"));
}

#[tokio::test]
async fn pull_data_is_unsupported_when_the_instance_does_not_offer_it() {
    let sim = sim(SimConfig {
        pull_data_enabled: false,
        ..quiet_config()
    })
    .await;
    let client = logged_in(&sim).await;
    assert_eq!(
        client.pull_data("").await.unwrap(),
        PullOutcome::Unsupported
    );
    assert_eq!(logged(&sim, "GET", "/api/v6/appPullData").len(), 1);
    // The polling fallback still sees a ring.
    ring(&sim, "+420 777 123 456");
    assert_eq!(
        client.open_call_activities(&agent()).await.unwrap().len(),
        1
    );
}

#[tokio::test]
async fn pull_data_with_an_expired_token_and_no_refresh_token_is_unauthorized() {
    let sim = sim(SimConfig {
        login_shape: daktela_sim::LoginShape::String,
        ..quiet_config()
    })
    .await;
    let client = logged_in(&sim).await;
    sim.state().expire_tokens(Some(AGENT), true);
    let error = client.pull_data("").await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
}
