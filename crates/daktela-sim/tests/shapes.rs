//! The simulator's JSON pinned to what Daktela sends: every key a real fixture carries is
//! present with the same JSON kind, and every key the simulator emits exists either in the
//! real fixture or in `openapi.json` for that model. Reads the checked-in contract copy.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Fields the simulator emits that are named by CONTRACT.md (from vendor code) but absent
/// from the OpenAPI export and from every fixture.
const CONTRACT_EXTRAS: &[&str] = &["hold_time"];

fn openapi_fields(schema: &str) -> BTreeSet<String> {
    static DOC: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let doc = DOC.get_or_init(|| contract_file("openapi.json"));
    let props = &doc["components"]["schemas"][schema]["properties"];
    let keys: BTreeSet<String> = props
        .as_object()
        .unwrap_or_else(|| panic!("no schema {schema}"))
        .keys()
        .cloned()
        .collect();
    assert!(!keys.is_empty(), "{schema}");
    keys
}

fn keys(v: &Value) -> BTreeSet<String> {
    v.as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"))
        .keys()
        .cloned()
        .collect()
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        // PHP serialises an empty associative array as `[]`, so `[]` may stand for an object.
        Value::Array(a) if a.is_empty() => "empty",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// The simulator's record `sim` against the real record `real` and the OpenAPI `schema`.
fn assert_shape(what: &str, sim: &Value, real: &Value, schema: Option<&str>) {
    let (sim_keys, real_keys) = (keys(sim), keys(real));
    let missing: Vec<_> = real_keys.difference(&sim_keys).collect();
    assert!(
        missing.is_empty(),
        "{what}: keys the real record has but the simulator lacks: {missing:?}"
    );
    let mut known = real_keys.clone();
    if let Some(s) = schema {
        known.extend(openapi_fields(s));
    }
    known.extend(CONTRACT_EXTRAS.iter().map(|s| (*s).to_owned()));
    let invented: Vec<_> = sim_keys.difference(&known).collect();
    assert!(
        invented.is_empty(),
        "{what}: keys in neither the fixture nor openapi: {invented:?}"
    );
    for k in &real_keys {
        let (s, r) = (kind(&sim[k]), kind(&real[k]));
        let compatible = s == r || s == "null" || r == "null" || s == "empty" || r == "empty";
        assert!(
            compatible,
            "{what}.{k}: simulator sends {s}, the real record has {r}"
        );
    }
}

fn fixture_result(name: &str) -> Value {
    contract_file(&format!("fixtures/{name}"))["result"].clone()
}

async fn a_call_activity(app: &axum::Router) -> Value {
    let r = send(
        app,
        Method::POST,
        "/__sim/ring",
        None,
        Some(json!({"agent": "agent1", "from": "+420777123456", "queue": 1001})),
    )
    .await;
    let name = r.json["activity"].as_str().unwrap().to_owned();
    get(
        app,
        &format!("/api/v6/activities/{name}.json"),
        &token("agent1"),
    )
    .await
    .json
}

#[tokio::test]
async fn envelopes_carry_the_real_keys_and_a_daktela_time() {
    let (_, app) = sim();
    let r = get(&app, "/api/v6/contacts.json", &token("agent1")).await;
    let real = contract_file("fixtures/GET_contacts_list.json");
    assert!(
        keys(&real).is_subset(&keys(&r.json)),
        "the 2022 envelope keys"
    );
    let newer = contract_file("fixtures/GET_activitiesEmail_list.json");
    assert_shape("envelope", &r.json, &newer, None);
    assert_eq!(
        keys(&r.json),
        keys(&newer),
        "the 2023+ envelope: _serverTime, _time, _timezone"
    );
    assert_eq!(keys(&r.json["result"]), keys(&real["result"]));
    let time = r.json["_time"].as_str().unwrap();
    assert_eq!(time.len(), 19);
    assert_eq!(&time[4..5], "-");
    assert_eq!(&time[10..11], " ");
}

#[tokio::test]
async fn contacts_match_the_real_contact_records() {
    let (_, app) = sim();
    let sim_contact = get(
        &app,
        "/api/v6/contacts/contact_jan_novak.json",
        &token("agent1"),
    )
    .await
    .json["result"]
        .clone();
    let real = fixture_result("GET_contacts_single.json");
    assert_shape(
        "contact",
        &sim_contact,
        &real,
        Some("Daktela.Corm.Crm.Contact-2"),
    );
    assert_eq!(keys(&sim_contact["_sys"]), keys(&real["_sys"]));
    assert_eq!(
        keys(&sim_contact["customFields"]),
        keys(&real["customFields"])
    );
    assert_eq!(
        sim_contact["_sys"]["cfScheme"], real["_sys"]["cfScheme"],
        "same custom-field scheme as the instance"
    );
    let list_item = &contract_file("fixtures/GET_contacts_list.json")["result"]["data"][0];
    assert_shape(
        "contact in a list",
        &sim_contact,
        list_item,
        Some("Daktela.Corm.Crm.Contact-2"),
    );
    assert_shape(
        "account",
        &sim_contact["account"],
        &json!({"name": "", "title": "", "_sys": {}}),
        Some("Daktela.Corm.Crm.Account-2"),
    );
}

#[tokio::test]
async fn activities_match_the_real_activity_records() {
    let (_, app) = sim();
    let single = a_call_activity(&app).await["result"].clone();
    let real_single = fixture_result("GET_activities_single_comment.json");
    assert_shape(
        "activity (single)",
        &single,
        &real_single,
        Some("Daktela.Corm.Activities.Activity-2"),
    );
    let list = get(&app, "/api/v6/activities.json", &token("agent1"))
        .await
        .json["result"]["data"][0]
        .clone();
    let real_list =
        &contract_file("fixtures/GET_activities_list_with_email_items.json")["result"]["data"][0];
    assert_shape(
        "activity (list)",
        &list,
        real_list,
        Some("Daktela.Corm.Activities.Activity-2"),
    );
    assert_eq!(list["_sys"]["model"], "activities");
}

#[tokio::test]
async fn a_call_item_is_an_activities_call_record() {
    let (_, app) = sim();
    let item = a_call_activity(&app).await["result"]["item"].clone();
    let openapi = openapi_fields("Daktela.Corm.Activities.Calls.CallItem-2");
    let sim_keys = keys(&item);
    let missing: Vec<_> = openapi.difference(&sim_keys).collect();
    assert!(missing.is_empty(), "CallItem-2 fields missing: {missing:?}");
    assert_shape(
        "call item",
        &item,
        &json!({"_sys": {}}),
        Some("Daktela.Corm.Activities.Calls.CallItem-2"),
    );
    assert_eq!(item["_sys"]["model"], "activitiesCall");
    let call = get(
        &app,
        &format!(
            "/api/v6/activitiesCall/{}.json",
            item["id_call"].as_str().unwrap()
        ),
        &token("agent1"),
    )
    .await;
    assert_eq!(keys(&call.json["result"]), sim_keys);
}

#[tokio::test]
async fn expanded_users_and_queues_match_the_real_expansions() {
    let (_, app) = sim();
    let a = a_call_activity(&app).await["result"].clone();
    let real_user = &fixture_result("GET_contacts_single_with_user_object.json")["user"];
    assert_shape(
        "user",
        &a["user"],
        real_user,
        Some("Daktela.Corm.Users.User-2"),
    );
    let real_queue = &contract_file("fixtures/GET_activities_list_with_email_items.json")["result"]
        ["data"][0]["item"]["queue"];
    assert_shape(
        "queue",
        &a["queue"],
        real_queue,
        Some("Daktela.Corm.Queues.Queue-2"),
    );
    let q = get(&app, "/api/v6/queues/2001.json", &token("agent1"))
        .await
        .json["result"]
        .clone();
    assert_shape(
        "queue (single)",
        &q,
        real_queue,
        Some("Daktela.Corm.Queues.Queue-2"),
    );
}

#[tokio::test]
async fn statuses_pauses_and_sessions_use_only_openapi_names() {
    let (_, app) = sim();
    let t = token("agent1");
    let status = get(&app, "/api/v6/statuses/statuses_sale.json", &t)
        .await
        .json["result"]
        .clone();
    let real_status = &fixture_result("GET_tickets_single.json")["statuses"][0];
    assert_shape(
        "status",
        &status,
        real_status,
        Some("Daktela.Corm.Statuses.Status-2"),
    );
    let pause = get(&app, "/api/v6/pauses/pause_lunch.json", &t).await.json["result"].clone();
    assert_shape(
        "pause",
        &pause,
        &json!({"_sys": {}}),
        Some("Daktela.Corm.Pauses.Pause-2"),
    );
    assert_eq!(
        keys(&pause).len(),
        openapi_fields("Daktela.Corm.Pauses.Pause-2").len() + 1
    );
    let session = get(&app, "/api/v6/realtimeSessions/agent1.json", &t)
        .await
        .json["result"]
        .clone();
    assert_shape(
        "realtime session",
        &session,
        &json!({"_sys": {}}),
        Some("Daktela.Corm.Dmr.Realtime.Session-2"),
    );
    assert_eq!(
        keys(&session).len(),
        openapi_fields("Daktela.Corm.Dmr.Realtime.Session-2").len() + 1
    );
}

#[tokio::test]
async fn error_bodies_match_the_captured_ones() {
    let (_, app) = sim();
    let take = get(&app, "/api/v6/activities.json?take=1001", &token("agent1")).await;
    let synthetic = contract_file("fixtures/error_400_take_over_1000.SYNTHETIC.json");
    assert_eq!(take.json["error"], synthetic["error"]);
    assert_eq!(take.json["result"], synthetic["result"]);

    queue_login(&app, "agent1", 2001).await;
    send(
        &app,
        Method::POST,
        "/__sim/phone",
        None,
        Some(json!({"agent": "agent1", "online": false})),
    )
    .await;
    let r = send(
        &app,
        Method::POST,
        "/api/v6/activities.json",
        Some(&token("agent1")),
        Some(json!({"type": "CALL", "number": "777123456", "queue": 2001})),
    )
    .await;
    let real = contract_file("fixtures/error_primary_user_have_not_available_devices.json");
    assert_eq!(r.json["error"], real["error"]);
    assert_eq!(r.json["result"], real["result"]);

    let r = send(
        &app,
        Method::POST,
        "/api/v6/activities.json",
        Some(&token("agent1")),
        Some(json!({"type": "CALL", "queue": 2001})),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let form = contract_file("fixtures/error_400_form_primary.SYNTHETIC.json");
    assert_eq!(
        keys(&r.json["error"]),
        keys(&form["error"]),
        "{{form, primary}}"
    );
    assert!(
        r.json["result"].is_object(),
        "the record is echoed, as in POST_contacts_error_400_*.json"
    );
}
