//! Calls as activities (D3): ring, answer, hang up, call records, list filters.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::json;

const LIVE_CALLS: &str = "/api/v6/activities.json?filter[logic]=and\
    &filter[filters][0][field]=user&filter[filters][0][operator]=eq&filter[filters][0][value]=agent1\
    &filter[filters][1][field]=type&filter[filters][1][operator]=eq&filter[filters][1][value]=CALL\
    &filter[filters][2][field]=action&filter[filters][2][operator]=in\
    &filter[filters][2][value][]=WAIT&filter[filters][2][value][]=OPEN\
    &sort[0][field]=time&sort[0][dir]=desc&take=10";

#[tokio::test]
async fn a_ringing_inbound_call_is_a_wait_activity_with_the_expanded_call() {
    let (_, app) = sim();
    let (name, id_call) = ring(&app, "agent1", "+420 777 123 456").await;
    let r = get(&app, LIVE_CALLS, &token("agent1")).await;
    assert_eq!(r.json["result"]["total"], 1);
    let a = &r.json["result"]["data"][0];
    assert_eq!(a["name"], name.as_str());
    assert_eq!(a["type"], "CALL");
    assert_eq!(a["action"], "WAIT");
    assert_eq!(a["user"]["name"], "agent1");
    assert_eq!(a["item"]["id_call"], id_call.as_str());
    assert_eq!(a["item"]["direction"], "in");
    assert_eq!(a["item"]["clid"], "00420777123456");
    assert_eq!(a["item"]["answered"], false);
    assert_eq!(a["item"]["contact"]["name"], "contact_jan_novak");
    assert_eq!(a["contact"]["name"], "contact_jan_novak");
    assert_eq!(a["queue"]["name"], 1001);
    // Another agent's filter does not see it.
    let other = get(
        &app,
        &LIVE_CALLS.replace("agent1", "agent2"),
        &token("agent2"),
    )
    .await;
    assert_eq!(other.json["result"]["total"], 0);
}

#[tokio::test]
async fn answering_opens_and_hanging_up_closes_with_durations() {
    let (_, app) = sim();
    let (name, id_call) = ring(&app, "agent1", "00420602111222").await;
    let r = send(
        &app,
        Method::POST,
        "/__sim/answer",
        None,
        Some(json!({"agent": "agent1"})),
    )
    .await;
    assert_eq!(r.json["activity"], name.as_str());
    let a = activity(&app, &name).await;
    assert_eq!(a["action"], "OPEN");
    assert!(a["time_open"].is_string());
    assert_eq!(a["item"]["answered"], true);
    let rt = get(
        &app,
        "/api/v6/realtimeSessions/agent1.json",
        &token("agent1"),
    )
    .await;
    assert_eq!(rt.json["result"]["id_call"], id_call.as_str());
    assert_eq!(rt.json["result"]["exten_status"], "Busy");

    let r = send(
        &app,
        Method::POST,
        "/__sim/hangup",
        None,
        Some(json!({"activity": name, "ringing_time": 7, "duration": 95})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let a = activity(&app, &name).await;
    assert_eq!(a["action"], "CLOSE");
    assert!(a["time_close"].is_string());
    assert_eq!(a["item"]["ringing_time"], 7);
    assert_eq!(a["item"]["duration"], 95);
    assert_eq!(a["duration"], 95);
    assert_eq!(
        get(&app, LIVE_CALLS, &token("agent1")).await.json["result"]["total"],
        0
    );
    let rt = get(
        &app,
        "/api/v6/realtimeSessions/agent1.json",
        &token("agent1"),
    )
    .await;
    assert!(rt.json["result"]["id_call"].is_null());
}

#[tokio::test]
async fn an_unanswered_call_hung_up_by_the_caller_is_missed() {
    let (_, app) = sim();
    let (name, id_call) = ring(&app, "agent1", "+44 20 7946 0958").await;
    send(
        &app,
        Method::POST,
        "/__sim/hangup",
        None,
        Some(json!({"agent": "agent1"})),
    )
    .await;
    let call = get(
        &app,
        &format!("/api/v6/activitiesCall/{id_call}.json"),
        &token("agent1"),
    )
    .await
    .json["result"]
        .clone();
    assert_eq!(call["answered"], false);
    assert_eq!(call["missed_call"], 1);
    assert_eq!(call["duration"], 0);
    assert_eq!(activity(&app, &name).await["action"], "CLOSE");
}

#[tokio::test]
async fn control_calls_refuse_impossible_transitions() {
    let (_, app) = sim();
    let (name, _) = ring(&app, "agent1", "777000111").await;
    let busy = send(
        &app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": "agent1", "from": "111222333"})),
    )
    .await;
    assert_eq!(busy.status, StatusCode::CONFLICT);
    send(
        &app,
        Method::POST,
        "/__sim/hangup",
        None,
        Some(json!({"activity": name})),
    )
    .await;
    let again = send(
        &app,
        Method::POST,
        "/__sim/answer",
        None,
        Some(json!({"activity": name})),
    )
    .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let ghost = send(
        &app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": "ghost", "from": "1"})),
    )
    .await;
    assert_eq!(ghost.status, StatusCode::NOT_FOUND);
    send(
        &app,
        Method::POST,
        "/__sim/phone",
        None,
        Some(json!({"agent": "agent2", "online": false})),
    )
    .await;
    let offline = send(
        &app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": "agent2", "from": "777123456"})),
    )
    .await;
    assert_eq!(offline.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn activities_call_lists_filters_and_links_a_contact() {
    let (_, app) = sim();
    let (_, id_call) = ring(&app, "agent1", "+420 731 000 000").await;
    let r = get(&app, "/api/v6/activitiesCall.json?filter[logic]=and&filter[filters][0][field]=id_agent&filter[filters][0][operator]=eq&filter[filters][0][value]=agent1&filter[filters][1][field]=direction&filter[filters][1][operator]=eq&filter[filters][1][value]=in", &token("agent1")).await;
    assert_eq!(r.json["result"]["total"], 1);
    assert!(
        r.json["result"]["data"][0]["contact"].is_null(),
        "unknown number: no auto-match"
    );
    let path = format!("/api/v6/activitiesCall/{id_call}.json");
    let r = send(
        &app,
        Method::PUT,
        &path,
        Some(&token("agent1")),
        Some(json!({"contact": "contact_tomas_cerny"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["result"]["contact"]["name"], "contact_tomas_cerny");
    let r = send(
        &app,
        Method::PUT,
        &path,
        Some(&token("agent1")),
        Some(json!({"contact": "nobody"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json["error"]["form"]["contact"].is_string());
    assert_eq!(r.json["result"]["id_call"], id_call.as_str());
}

#[tokio::test]
async fn activity_lists_support_neq_contains_gte_lte_and_take_limit() {
    let (_, app) = sim();
    ring(&app, "agent1", "777123456").await;
    ring(&app, "agent2", "602111222").await;
    let t = token("agent1");
    let q = |f: &str| format!("/api/v6/activities.json?filter[logic]=and&{f}");
    let r = get(&app, &q("filter[filters][0][field]=user&filter[filters][0][operator]=neq&filter[filters][0][value]=agent1"), &t).await;
    assert_eq!(r.json["result"]["data"][0]["user"]["name"], "agent2");
    let r = get(&app, &q("filter[filters][0][field]=title&filter[filters][0][operator]=contains&filter[filters][0][value]=602"), &t).await;
    assert_eq!(r.json["result"]["total"], 1);
    let r = get(&app, &q("filter[filters][0][field]=time&filter[filters][0][operator]=gte&filter[filters][0][value]=2000-01-01%2000:00:00&filter[filters][1][field]=time&filter[filters][1][operator]=lte&filter[filters][1][value]=2999-01-01%2000:00:00"), &t).await;
    assert_eq!(r.json["result"]["total"], 2);
    let r = get(&app, "/api/v6/activities.json?take=5000", &t).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["error"][0], "Max defined take is 1000");
}
