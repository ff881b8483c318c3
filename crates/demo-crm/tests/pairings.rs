//! The activity widget's pairing endpoint: an idempotent upsert keyed by the activity, apart
//! from the call logs, and the simulated agent view that frames the widget.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::StatusCode;
use common::{fake_dist, get, json, router};
use serde_json::json;

fn pairing(activity: &str, note: &str) -> serde_json::Value {
    json!({"activity": activity, "call_id": "1WS.1", "direction": "in", "clid": "777123456",
        "remote_number": "+420777123456",
        "crm_record": {"id": "C-1002", "name": "Jan Novák", "url": "/contacts/C-1002"},
        "note": note})
}

#[tokio::test]
async fn a_pairing_is_upserted_by_activity_and_a_repeat_changes_nothing() {
    let dist = fake_dist();
    let r = router(&dist);
    let first = json(&r, "PUT", "/api/pairings/act_1", &pairing("act_1", "hi")).await;
    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(first.json()["created"], true);
    let again = json(&r, "PUT", "/api/pairings/act_1", &pairing("act_1", "hi")).await;
    assert_eq!(again.status, StatusCode::OK);
    let list = get(&r, "/api/pairings").await.json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        (&list[0]["updates"], &list[0]["puts"]),
        (&json!(0), &json!(2))
    );
    let changed = json(
        &r,
        "PUT",
        "/api/pairings/act_1",
        &pairing("act_1", "new note"),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK);
    let one = get(&r, "/api/pairings/act_1").await.json();
    assert_eq!(one["note"], "new note");
    assert_eq!(one["crm_record"]["id"], "C-1002");
    assert_eq!(get(&r, "/api/pairings").await.json()[0]["updates"], 1);
    // Never a call log.
    assert_eq!(get(&r, "/api/call-logs").await.json(), json!([]));
}

#[tokio::test]
async fn an_unknown_activity_is_404_and_a_bad_body_names_the_field() {
    let dist = fake_dist();
    let r = router(&dist);
    assert_eq!(
        get(&r, "/api/pairings/nope").await.status,
        StatusCode::NOT_FOUND
    );
    let mut body = pairing("act_2", "x");
    body["crm_record"] = json!({});
    let res = json(&r, "PUT", "/api/pairings/act_2", &body).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["field"], "crm_record.id");
    let res = json(&r, "PUT", "/api/pairings/act_2", &pairing("act_3", "x")).await;
    assert_eq!(res.json()["field"], "activity");
    assert_eq!(get(&r, "/api/pairings").await.json(), json!([]));
}

#[tokio::test]
async fn the_agent_view_frames_the_widget_with_the_query_as_given() {
    let dist = fake_dist();
    let res = get(
        &router(&dist),
        "/daktela-agent-view?clid=777123456&direction=in&callid=1WS.1&activity=act_1",
    )
    .await;
    assert_eq!(res.status, StatusCode::OK);
    assert!(res.text.contains(
        r#"<iframe id="activity-widget" title="CRM activity widget" src="/widget.html?clid=777123456&amp;direction=in&amp;callid=1WS.1&amp;activity=act_1">"#
    ));
}
