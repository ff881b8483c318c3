//! `POST /custom/crm/sync.php`: the white paper's bulk CRM load (readings S1..S4).
#![allow(clippy::unwrap_used)]

mod common;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use common::{get, run, send, sim, token};
use serde_json::{Value, json};

const SYNC: &str = "/custom/crm/sync.php";

/// The white paper's example request (§3.2), with `delete` as given.
fn white_paper_example(delete: Value) -> Value {
    json!({
        "data": [{
            "id": 1, "name": "Daktela s.r.o.", "description": "test description",
            "fields": [
                {"key": "number", "value": ["773794604", "775156599"]},
                {"key": "email", "value": ["jiri.havlicek@daktela.com"]}
            ],
            "contacts": [{
                "id": 2, "name": "Jiri Havlicek", "firstname": "Jiri", "lastname": "Havlicek",
                "description": "test contact description",
                "fields": [
                    {"key": "number", "value": ["773794604"]},
                    {"key": "email", "value": ["jirka@havliczech.eu"]}
                ]
            }]
        }, {
            "id": null, "name": null, "description": null,
            "contacts": [{
                "id": 3, "name": "Jan Novak", "firstname": "Jan", "lastname": "Novak",
                "description": "test contact description jan novak",
                "fields": [
                    {"key": "number", "value": ["775775775"]},
                    {"key": "email", "value": ["john.doe@example.com"]}
                ]
            }]
        }],
        "delete": delete
    })
}

#[tokio::test]
async fn refuses_a_load_without_a_valid_token_with_an_empty_401() {
    let (state, app) = sim();
    let r = send(
        &app,
        Method::POST,
        SYNC,
        None,
        Some(white_paper_example(json!(false))),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.raw.is_empty());
    let r = send(
        &app,
        Method::POST,
        SYNC,
        Some("nope"),
        Some(white_paper_example(json!(false))),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(state.read(|w| w.contact("crm_contact_2").is_none()));
}

#[tokio::test]
async fn applies_the_white_paper_example_and_answers_with_a_summary() {
    let (_state, app) = sim();
    let t = token("agent1");
    let r = send(
        &app,
        Method::POST,
        SYNC,
        Some(&t),
        Some(white_paper_example(json!(false))),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["error"], json!([]));
    assert_eq!(
        r.json["result"],
        json!({"accounts_created": 1, "accounts_updated": 0, "contacts_created": 2,
               "contacts_updated": 0, "contacts_deleted": 0})
    );
    let jiri = get(&app, "/api/v6/contacts/crm_contact_2.json", &t)
        .await
        .json["result"]
        .clone();
    assert_eq!(jiri["title"], "Jiri Havlicek");
    assert_eq!(jiri["account"]["name"], "crm_account_1");
    assert_eq!(jiri["account"]["title"], "Daktela s.r.o.");
    assert_eq!(jiri["customFields"]["number"], json!(["00420773794604"]));
    assert_eq!(
        jiri["customFields"]["email"],
        json!(["jirka@havliczech.eu"])
    );
    let jan = get(&app, "/api/v6/contacts/crm_contact_3.json", &t)
        .await
        .json["result"]
        .clone();
    assert_eq!(jan["account"], Value::Null);
    assert_eq!(jan["description"], "test contact description jan novak");
    // Found by the screen pop's full-text search like any other contact.
    let found = get(&app, "/api/v6/contacts.json?q=775775775", &t)
        .await
        .json;
    assert_eq!(found["result"]["total"], 1);
}

#[tokio::test]
async fn a_second_load_updates_and_delete_true_removes_only_bulk_contacts_missing_from_it() {
    let (state, app) = sim();
    let t = token("agent1");
    let seeded = state.read(|w| w.contacts.len());
    send(
        &app,
        Method::POST,
        SYNC,
        Some(&t),
        Some(white_paper_example(json!(false))),
    )
    .await;
    let mut second = white_paper_example(json!(true));
    second["data"].as_array_mut().unwrap().pop();
    second["data"][0]["contacts"][0]["lastname"] = json!("Havlíček");
    let r = send(&app, Method::POST, SYNC, Some(&t), Some(second)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.json);
    assert_eq!(r.json["result"]["contacts_updated"], 1);
    assert_eq!(r.json["result"]["accounts_updated"], 1);
    assert_eq!(r.json["result"]["contacts_deleted"], 1);
    assert!(state.read(|w| w.contact("crm_contact_3").is_none()));
    assert_eq!(
        state.read(|w| w.contact("crm_contact_2").map(|c| c.lastname.clone())),
        Some("Havlíček".to_owned())
    );
    // Contacts made by hand (the seed) are never deleted by a bulk load.
    assert_eq!(state.read(|w| w.contacts.len()), seeded + 1);
}

#[tokio::test]
async fn a_partial_load_without_delete_deletes_nothing() {
    let (state, app) = sim();
    let t = token("agent1");
    send(
        &app,
        Method::POST,
        SYNC,
        Some(&t),
        Some(white_paper_example(json!(false))),
    )
    .await;
    let mut partial = white_paper_example(json!(null));
    partial.as_object_mut().unwrap().remove("delete");
    partial["data"].as_array_mut().unwrap().pop();
    let r = send(&app, Method::POST, SYNC, Some(&t), Some(partial)).await;
    assert_eq!(r.json["result"]["contacts_deleted"], 0);
    assert!(state.read(|w| w.contact("crm_contact_3").is_some()));
}

#[tokio::test]
async fn a_body_over_twenty_mib_is_refused_with_413_and_changes_nothing() {
    let (state, app) = sim();
    let before = state.read(|w| w.contacts.len());
    let mut body = br#"{"data":[],"pad":""#.to_vec();
    body.resize(20 * 1024 * 1024 + 10, b'x');
    body.extend_from_slice(br#""}"#);
    let req = Request::builder()
        .method(Method::POST)
        .uri(SYNC)
        .header("X-AUTH-TOKEN", token("agent1"))
        .header("Content-Type", "application/json")
        .body(Body::from(body))
        .unwrap();
    let r = run(&app, req).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(state.read(|w| w.contacts.len()), before);
}

#[tokio::test]
async fn a_bad_document_is_a_400_with_a_primary_error_and_changes_nothing() {
    let (state, app) = sim();
    let t = token("agent1");
    let before = state.read(|w| w.contacts.len());
    for bad in [
        json!({"contacts": []}),
        json!({"data": [{"id": 1, "contacts": [{"name": "no id"}]}]}),
        json!({"data": [], "delete": "yes"}),
    ] {
        let r = send(&app, Method::POST, SYNC, Some(&t), Some(bad.clone())).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            r.json["error"]["primary"]
                .as_array()
                .is_some_and(|p| !p.is_empty()),
            "{}",
            r.json
        );
    }
    assert_eq!(state.read(|w| w.contacts.len()), before);
}
