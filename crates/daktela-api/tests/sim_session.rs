//! The native client against the simulator: logging in (both login shapes, static token),
//! the seeded catalog, queue login, pause and unpause.
#![allow(clippy::unwrap_used)]

mod sim_common;

use daktela_api::models::{PauseName, QueueName, SessionState};
use daktela_api::{Error, LoginTokens};
use daktela_sim::{LoginShape, SimConfig};
use sim_common::*;

fn names<T>(records: &[T], name: impl Fn(&T) -> Option<&str>) -> Vec<String> {
    records
        .iter()
        .map(|r| name(r).unwrap_or_default().to_owned())
        .collect()
}

async fn login_with_shape(shape: LoginShape) -> LoginTokens {
    let sim = sim(SimConfig {
        login_shape: shape,
        ..quiet_config()
    })
    .await;
    let client = client(&sim);
    let tokens = client.login(AGENT, PASSWORD).await.unwrap();
    let me = client.current_user().await.unwrap();
    assert_eq!(me.name.unwrap().as_str(), AGENT);
    assert_eq!(me.title.as_deref(), Some("Jana Nováková"));
    assert_eq!(me.extension.as_deref(), Some("201"));
    let whoim = client.whoim().await.unwrap();
    assert!(
        whoim.version.unwrap().starts_with("daktela-sim"),
        "whoim names the server version"
    );
    tokens
}

#[tokio::test]
async fn login_answered_with_an_object_keeps_both_tokens_and_whoim_names_the_agent() {
    let tokens = login_with_shape(LoginShape::Object).await;
    assert!(!tokens.access_token.expose().is_empty());
    assert!(tokens.refresh_token.is_some());
}

#[tokio::test]
async fn login_answered_with_a_bare_string_still_logs_in_without_a_refresh_token() {
    let tokens = login_with_shape(LoginShape::String).await;
    assert!(!tokens.access_token.expose().is_empty());
    assert!(tokens.refresh_token.is_none());
}

#[tokio::test]
async fn a_wrong_password_is_unauthorized_and_whoim_without_a_token_is_not_logged_in() {
    let sim = sim(quiet_config()).await;
    let client = client(&sim);
    let error = client.login(AGENT, "wrong").await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
    assert_eq!(client.current_user().await.unwrap_err(), Error::NotLoggedIn);
    // The password never reaches the log in clear.
    let posts = logged(&sim, "POST", "/api/v6/login");
    assert_eq!(posts.len(), 1);
    assert_eq!(posts[0].body["password"], "***");
}

#[tokio::test]
async fn a_static_token_sent_as_access_token_query_identifies_the_agent() {
    let sim = sim(quiet_config()).await;
    let client = static_token_client(&sim);
    let me = client.current_user().await.unwrap();
    assert_eq!(me.name.unwrap().as_str(), AGENT);
    let gets = logged(&sim, "GET", "/api/v6/whoim");
    assert_eq!(gets.len(), 1);
    assert!(
        gets[0].query.contains("accessToken=***"),
        "the token went in the query: {}",
        gets[0].query
    );
    // Writes work the same way with the token in the query.
    client.queue_login(&[QueueName::new("2001")]).await.unwrap();
    let session = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert_eq!(session.state, Some(SessionState::Idle));
    let posts = logged(&sim, "POST", "/api/v6/usersSession");
    assert!(
        posts[0].query.contains("accessToken=***"),
        "{}",
        posts[0].query
    );
}

#[tokio::test]
async fn the_default_header_placement_keeps_the_token_out_of_the_url() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    client.current_user().await.unwrap();
    let gets = logged(&sim, "GET", "/api/v6/whoim");
    assert_eq!(gets.len(), 1);
    assert!(!gets[0].query.contains("accessToken"), "{}", gets[0].query);
}

#[tokio::test]
async fn pauses_queues_outbound_queues_and_statuses_read_the_seeded_catalog() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;

    let pauses = client.pauses().await.unwrap();
    assert_eq!(
        names(&pauses, |p| p.name.as_ref().map(|n| n.as_str())),
        ["pause_lunch", "pause_training", "pause_wrapup", "pause_dnd"]
    );
    let wrapup = &pauses[2];
    assert_eq!(wrapup.title.as_deref(), Some("Wrap-up"));
    assert_eq!(wrapup.pause_type.as_deref(), Some("wrap"));
    assert_eq!(wrapup.paid, Some(true));
    assert_eq!(wrapup.max_duration, Some(5));

    let queues = client.queues().await.unwrap();
    assert_eq!(
        names(&queues, |q| q.name.as_ref().map(|n| n.as_str())),
        ["1001", "1002", "1003", "2001", "2002"]
    );
    assert_eq!(queues[0].title.as_deref(), Some("Support CZ"));

    let outbound = client.outbound_queues().await.unwrap();
    assert_eq!(
        names(&outbound, |q| q.name.as_ref().map(|n| n.as_str())),
        ["2001", "2002"]
    );

    let statuses = client.statuses().await.unwrap();
    assert_eq!(
        names(&statuses, |s| s.name.as_ref().map(|n| n.as_str())),
        [
            "statuses_sale",
            "statuses_callback",
            "statuses_not_interested",
            "statuses_wrong_number"
        ]
    );
    assert_eq!(statuses[0].title.as_deref(), Some("Sale"));
}

#[tokio::test]
async fn queue_login_makes_the_agent_ready_in_the_queue_and_logout_undoes_it() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;

    let before = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert_eq!(before.agent_login(), Some(AGENT));
    assert_eq!(before.state, Some(SessionState::Session));

    client.queue_login(&[QueueName::new("2001")]).await.unwrap();
    let ready = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert_eq!(
        ready.agent_login(),
        Some(AGENT),
        "the session of agent1 only"
    );
    assert_eq!(ready.state, Some(SessionState::Idle));
    assert_eq!(
        ready.lastqueue.as_ref().and_then(|q| q.name()),
        Some("2001")
    );
    assert!(!ready.is_paused());
    assert_eq!(ready.exten.as_deref(), Some("201"));
    assert_eq!(ready.exten_status.as_deref(), Some("Idle"));
    let in_queue = sim.state().read(|w| {
        w.session(AGENT)
            .map(|s| s.queues.keys().copied().collect::<Vec<_>>())
    });
    assert_eq!(in_queue, Some(vec![2001]));

    client
        .queue_logout(&[QueueName::new("2001")])
        .await
        .unwrap();
    let after = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert_eq!(after.state, Some(SessionState::Session));
}

#[tokio::test]
async fn queue_login_to_a_queue_that_does_not_exist_is_a_validation_error() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let error = client
        .queue_login(&[QueueName::new("9999")])
        .await
        .unwrap_err();
    let Error::Validation { status, form, .. } = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    assert_eq!(*status, 400);
    assert_eq!(form[0].field, "queues");
}

#[tokio::test]
async fn pause_with_a_reason_then_unpause_shows_in_the_realtime_session() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    client.queue_login(&[QueueName::new("1001")]).await.unwrap();

    client.pause(&PauseName::new("pause_lunch")).await.unwrap();
    let paused = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert!(paused.is_paused());
    assert_eq!(paused.state, Some(SessionState::Paused));
    assert_eq!(paused.pause_name(), Some("pause_lunch"));
    assert!(paused.onpause.as_deref().is_some_and(|t| !t.is_empty()));

    client.unpause().await.unwrap();
    let back = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert!(!back.is_paused());
    assert_eq!(back.state, Some(SessionState::Idle), "ready again (D1)");
    assert_eq!(back.pause_name(), None);

    // D1 on the wire: {pause: name} then {pause: null}.
    let posts = logged(&sim, "POST", "/api/v6/usersSession");
    let pauses: Vec<_> = posts
        .iter()
        .filter_map(|r| r.body.get("pause").cloned())
        .collect();
    assert_eq!(
        pauses,
        [serde_json::json!("pause_lunch"), serde_json::Value::Null]
    );
}

#[tokio::test]
async fn pausing_with_an_unknown_reason_is_refused_and_the_agent_stays_ready() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    client.queue_login(&[QueueName::new("1001")]).await.unwrap();
    let error = client
        .pause(&PauseName::new("pause_nap"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Validation { .. }), "{error:?}");
    let session = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert!(!session.is_paused());
}
