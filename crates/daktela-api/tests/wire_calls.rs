//! The exact wire (method, URL and query, headers, body) of click-to-call, open calls (D3), activities, dispositions, call linking, contacts, recorded by a fake
//! transport. No server.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use daktela_api::Method;
use daktela_api::models::ActivityName;
use daktela_api::models::CallId;
use daktela_api::models::ContactName;
use daktela_api::models::QueueName;
use daktela_api::models::StatusName;
use daktela_api::models::UserLogin;
use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn click_to_call_posts_the_documented_body() {
    let client = client_with(reply(
        201,
        r#"{"error":[],"result":{"name":"activities-1","type":"CALL"}}"#,
    ));
    let activity = client
        .click_to_call("123456789", &QueueName::new("2000"))
        .await
        .unwrap();
    assert_eq!(activity.name.unwrap().as_str(), "activities-1");
    let sent = client.transport().only();
    assert_eq!(
        (sent.method, sent.url.as_str()),
        (Method::Post, "https://x.daktela.com/api/v6/activities.json")
    );
    let mut documented = fixture_json("POST_activities_click_to_call.request.json");
    documented.as_object_mut().unwrap().remove("accessToken");
    assert_eq!(body(&sent), documented);
}

#[tokio::test(flavor = "current_thread")]
async fn click_to_call_with_the_phone_offline_says_so() {
    let offline = std::fs::read_to_string(
        common::fixtures_dir().join("error_primary_user_have_not_available_devices.json"),
    )
    .unwrap();
    let client = client_with(reply(400, &offline));
    let error = client
        .click_to_call("123", &QueueName::new("2000"))
        .await
        .unwrap_err();
    assert!(error.is_phone_offline());
}

#[tokio::test(flavor = "current_thread")]
async fn open_call_activities_ask_for_the_agents_waiting_and_open_calls_newest_first() {
    let client = client_with(list(
        json!([{"name":"a1","type":"CALL","action":"WAIT"}]),
        1,
    ));
    assert_eq!(
        client
            .open_call_activities(&UserLogin::new("jnovak"))
            .await
            .unwrap()
            .len(),
        1
    );
    let sent = client.transport().only();
    assert_eq!(
        (sent.method, path(&sent)),
        (Method::Get, "https://x.daktela.com/api/v6/activities.json")
    );
    assert_eq!(
        query_pairs(&sent.url),
        pairs(&[
            ("filter[logic]", "and"),
            ("filter[filters][0][field]", "user"),
            ("filter[filters][0][operator]", "eq"),
            ("filter[filters][0][value]", "jnovak"),
            ("filter[filters][1][field]", "type"),
            ("filter[filters][1][operator]", "eq"),
            ("filter[filters][1][value]", "CALL"),
            ("filter[filters][2][field]", "action"),
            ("filter[filters][2][operator]", "in"),
            ("filter[filters][2][value][0]", "WAIT"),
            ("filter[filters][2][value][1]", "OPEN"),
            ("sort[0][field]", "time"),
            ("sort[0][dir]", "desc"),
        ])
    );
}

#[tokio::test(flavor = "current_thread")]
async fn one_activity_is_read_by_its_encoded_name() {
    let client = client_with(ok(json!({"name":"a b"})));
    client.activity(&ActivityName::new("a b")).await.unwrap();
    assert_eq!(
        client.transport().only().url,
        "https://x.daktela.com/api/v6/activities/a%20b.json"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn disposition_puts_statuses_and_the_note_only_when_given() {
    let client = client(vec![ok(json!({})), ok(json!({}))]);
    let name = ActivityName::new("activities-1");
    client
        .write_disposition(
            &name,
            &[StatusName::new("sale"), StatusName::new("vip")],
            Some("Volat zpět"),
        )
        .await
        .unwrap();
    client.write_disposition(&name, &[], None).await.unwrap();
    let sent = client.transport().sent();
    assert_eq!(
        (sent[0].method, sent[0].url.as_str()),
        (
            Method::Put,
            "https://x.daktela.com/api/v6/activities/activities-1.json"
        )
    );
    assert_eq!(
        body(&sent[0]),
        json!({"statuses":["sale","vip"],"description":"Volat zpět"})
    );
    assert_eq!(body(&sent[1]), json!({"statuses":[]}));
}

#[tokio::test(flavor = "current_thread")]
async fn linking_a_call_puts_the_contact_on_the_call_record() {
    let client = client_with(ok(
        json!({"id_call":"1652171234.1","contact":{"name":"c1"}}),
    ));
    let call = client
        .link_call_to_contact(&CallId::new("1652171234.1"), &ContactName::new("c1"))
        .await
        .unwrap();
    assert_eq!(call.contact.unwrap().name(), Some("c1"));
    let sent = client.transport().only();
    assert_eq!(
        (sent.method, sent.url.as_str()),
        (
            Method::Put,
            "https://x.daktela.com/api/v6/activitiesCall/1652171234.1.json"
        )
    );
    assert_eq!(body(&sent), json!({"contact":"c1"}));
}

#[tokio::test(flavor = "current_thread")]
async fn contacts_by_phone_search_full_text_with_a_small_page() {
    let client = client_with(list(json!([{"name":"c1"}]), 1));
    client.contacts_by_phone("00420226211245").await.unwrap();
    let sent = client.transport().only();
    assert_eq!(
        sent.url,
        "https://x.daktela.com/api/v6/contacts.json?q=00420226211245&skip=0&take=20"
    );
}
