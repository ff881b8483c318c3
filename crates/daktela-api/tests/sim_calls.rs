//! The native client against the simulator: click-to-call, an inbound call from ringing to
//! hang-up, and what the agent writes about a call.
#![allow(clippy::unwrap_used)]

mod sim_common;

use daktela_api::Error;
use daktela_api::models::{ActivityAction, ActivityName, CallDirection, QueueName, StatusName};
use daktela_sim::{HangupOverrides, RequestFilter};
use sim_common::*;

#[tokio::test]
async fn click_to_call_on_an_outbound_queue_places_exactly_one_call_shown_as_outgoing() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    client.queue_login(&[QueueName::new("2001")]).await.unwrap();

    let created = client
        .click_to_call("00420602111222", &QueueName::new("2001"))
        .await
        .unwrap();
    assert_eq!(created.action, Some(ActivityAction::Wait));
    let name = created.name.clone().unwrap();

    let posts = sim.state().requests(&RequestFilter {
        method: Some("POST".into()),
        path: Some("/api/v6/activities".into()),
        contains: Some("00420602111222".into()),
    });
    assert_eq!(posts.len(), 1, "exactly one click-to-call: {posts:?}");
    assert_eq!(posts[0].body["type"], "CALL");
    assert_eq!(posts[0].body["number"], "00420602111222");
    assert_eq!(posts[0].body["queue"], 2001);
    assert_eq!(logged(&sim, "POST", "/api/v6/activities").len(), 1);

    let open = client.open_call_activities(&agent()).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].name.as_ref(), Some(&name));
    let call = open[0].call().unwrap();
    assert_eq!(call.direction, Some(CallDirection::Out));
    assert_eq!(call.clid.as_deref(), Some("00420602111222"));
    assert_eq!(open[0].queue.as_ref().and_then(|q| q.name()), Some("2001"));
    assert_eq!(open[0].user_login(), Some(AGENT));
    // The number belongs to a seeded contact, matched the way Daktela does it.
    assert_eq!(
        open[0].contact.as_ref().and_then(|c| c.name()),
        Some("contact_petra_mala")
    );
}

#[tokio::test]
async fn a_second_click_to_call_while_the_first_still_rings_is_refused_and_places_nothing() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    client.queue_login(&[QueueName::new("2001")]).await.unwrap();
    client
        .click_to_call("00420602111222", &QueueName::new("2001"))
        .await
        .unwrap();

    let error = client
        .click_to_call("00420777000111", &QueueName::new("2001"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Validation { .. }), "{error:?}");
    assert!(!error.is_phone_offline());
    let open = client.open_call_activities(&agent()).await.unwrap();
    assert_eq!(open.len(), 1, "still only the first call");
    assert_eq!(
        open[0].call().unwrap().clid.as_deref(),
        Some("00420602111222")
    );
}

#[tokio::test]
async fn click_to_call_with_the_phone_offline_says_the_phone_is_offline_and_places_nothing() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    client.queue_login(&[QueueName::new("2001")]).await.unwrap();
    sim.state().set_phone(AGENT, false).unwrap();

    let error = client
        .click_to_call("00420602111222", &QueueName::new("2001"))
        .await
        .unwrap_err();
    assert!(error.is_phone_offline(), "{error:?}");
    assert!(!error.is_retryable());
    assert!(
        client
            .open_call_activities(&agent())
            .await
            .unwrap()
            .is_empty()
    );
    // whoim tells the same story, so the panel can show it before the agent dials.
    assert!(client.current_user().await.unwrap().device_offline());
}

#[tokio::test]
async fn click_to_call_on_a_queue_the_agent_is_not_logged_in_to_is_a_validation_error() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    client.queue_login(&[QueueName::new("2001")]).await.unwrap();

    let error = client
        .click_to_call("00420602111222", &QueueName::new("2002"))
        .await
        .unwrap_err();
    let Error::Validation { status, form, .. } = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    assert_eq!(*status, 400);
    assert_eq!(form.len(), 1);
    assert_eq!(form[0].field, "queue");
    assert!(!error.is_phone_offline());
    assert!(
        client
            .open_call_activities(&agent())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn an_inbound_call_rings_is_answered_and_after_hangup_is_closed_with_durations() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let rung = ring(&sim, "+420 777 123 456");

    let ringing = client.open_call_activities(&agent()).await.unwrap();
    assert_eq!(ringing.len(), 1);
    assert_eq!(ringing[0].name.as_ref().unwrap().as_str(), rung.activity);
    assert_eq!(ringing[0].action, Some(ActivityAction::Wait));
    let call = ringing[0].call().unwrap();
    assert_eq!(call.direction, Some(CallDirection::In));
    assert_eq!(call.clid.as_deref(), Some("00420777123456"));
    assert_eq!(call.id_call.as_ref().unwrap().as_str(), rung.id_call);
    assert_eq!(
        ringing[0].contact.as_ref().and_then(|c| c.name()),
        Some("contact_jan_novak")
    );

    sim.state().answer(Some(&rung.activity), None).unwrap();
    let talking = client.open_call_activities(&agent()).await.unwrap();
    assert_eq!(talking.len(), 1);
    assert_eq!(talking[0].action, Some(ActivityAction::Open));
    assert_eq!(talking[0].call().unwrap().answered, Some(true));
    let session = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert_eq!(session.active_call(), Some(rung.id_call.as_str()));

    let overrides = HangupOverrides {
        ringing_time: Some(8),
        duration: Some(95),
        by: Some("caller".into()),
    };
    sim.state()
        .hangup(Some(&rung.activity), None, &overrides)
        .unwrap();
    assert!(
        client
            .open_call_activities(&agent())
            .await
            .unwrap()
            .is_empty()
    );

    let closed = client
        .activity(&ActivityName::new(rung.activity.clone()))
        .await
        .unwrap();
    assert_eq!(closed.action, Some(ActivityAction::Close));
    assert!(closed.time_close.as_deref().is_some_and(|t| !t.is_empty()));
    let call = closed.call().unwrap();
    assert_eq!(call.ringing_time, Some(8));
    assert_eq!(call.duration, Some(95));
    assert_eq!(call.disposition_cause.as_deref(), Some("caller"));
    assert_eq!(closed.duration, Some(95));
    let session = client.realtime_session(&agent()).await.unwrap().unwrap();
    assert_eq!(session.active_call(), None);
}

#[tokio::test]
async fn a_disposition_and_a_note_written_after_the_call_are_read_back_on_the_activity() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let rung = ring(&sim, "00420777123456");
    sim.state().answer(None, Some(AGENT)).unwrap();
    sim.state()
        .hangup(None, Some(AGENT), &HangupOverrides::default())
        .unwrap();
    let name = ActivityName::new(rung.activity);

    let written = client
        .write_disposition(
            &name,
            &[StatusName::new("statuses_callback")],
            Some("Zavolat zpět v pondělí"),
        )
        .await
        .unwrap();
    assert_eq!(written.name.as_ref(), Some(&name));

    let read = client.activity(&name).await.unwrap();
    let statuses: Vec<_> = read.statuses.iter().filter_map(|s| s.name()).collect();
    assert_eq!(statuses, ["statuses_callback"]);
    assert_eq!(read.description.as_deref(), Some("Zavolat zpět v pondělí"));

    // A second write without a note changes the status and keeps the note.
    client
        .write_disposition(&name, &[StatusName::new("statuses_sale")], None)
        .await
        .unwrap();
    let read = client.activity(&name).await.unwrap();
    let statuses: Vec<_> = read.statuses.iter().filter_map(|s| s.name()).collect();
    assert_eq!(statuses, ["statuses_sale"]);
    assert_eq!(read.description.as_deref(), Some("Zavolat zpět v pondělí"));
}

#[tokio::test]
async fn a_disposition_with_an_unknown_status_is_refused_with_the_field_named() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let rung = ring(&sim, "00420777123456");
    let error = client
        .write_disposition(
            &ActivityName::new(rung.activity),
            &[StatusName::new("statuses_nope")],
            None,
        )
        .await
        .unwrap_err();
    let Error::Validation { form, .. } = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    assert_eq!(form[0].field, "statuses");
}
