//! Contact writes and the `accounts` model through `/api/v6` (shapes per openapi.json).
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::{Method, StatusCode};
use common::{get, send, sim, token};
use serde_json::json;

#[tokio::test]
async fn creates_updates_and_deletes_a_contact_with_the_api_status_codes() {
    let (_state, app) = sim();
    let t = token("agent1");
    let body = json!({"name": "crm_contact_9", "title": "Eva Nova", "firstname": "Eva",
        "lastname": "Nova", "database": "default", "account": "account_acme_s_r_o",
        "customFields": {"number": ["+420 601 234 567"], "email": ["eva@example.com"]}});
    let r = send(
        &app,
        Method::POST,
        "/api/v6/contacts.json",
        Some(&t),
        Some(body),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(r.json["result"]["name"], "crm_contact_9");
    assert_eq!(
        r.json["result"]["customFields"]["number"],
        json!(["00420601234567"])
    );
    assert_eq!(r.json["result"]["account"]["title"], "Acme s.r.o.");

    let r = send(
        &app,
        Method::PUT,
        "/api/v6/contacts/crm_contact_9.json",
        Some(&t),
        Some(json!({"description": "VIP"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json["result"]["description"], "VIP");
    assert_eq!(
        r.json["result"]["lastname"], "Nova",
        "a PUT changes only what it sends"
    );

    let r = send(
        &app,
        Method::DELETE,
        "/api/v6/contacts/crm_contact_9.json",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(r.raw.is_empty());
    let r = get(&app, "/api/v6/contacts/crm_contact_9.json", &t).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = send(
        &app,
        Method::PUT,
        "/api/v6/contacts/crm_contact_9.json",
        Some(&t),
        Some(json!({"description": "x"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_contact_needs_title_and_lastname_and_an_existing_account() {
    let (_state, app) = sim();
    let t = token("agent1");
    let r = send(
        &app,
        Method::POST,
        "/api/v6/contacts.json",
        Some(&t),
        Some(json!({"firstname": "X"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json["error"]["form"]["title"].is_string());
    assert!(r.json["error"]["form"]["lastname"].is_string());
    let r = send(
        &app,
        Method::POST,
        "/api/v6/contacts.json",
        Some(&t),
        Some(json!({"title": "X", "lastname": "X", "account": "no_such_account"})),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json["error"]["form"]["account"].is_string());
}

#[tokio::test]
async fn accounts_are_listed_created_updated_and_deleted() {
    let (_state, app) = sim();
    let t = token("agent1");
    let seeded = get(&app, "/api/v6/accounts.json", &t).await.json["result"]["total"]
        .as_u64()
        .unwrap();
    assert!(seeded > 0, "the seeded companies are accounts");
    let r = send(
        &app,
        Method::POST,
        "/api/v6/accounts.json",
        Some(&t),
        Some(json!({"name": "crm_account_1", "title": "Daktela s.r.o.",
            "customFields": {"web": ["daktela.com"]}})),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(
        r.json["result"]["customFields"],
        json!({"web": ["daktela.com"]})
    );
    let r = send(
        &app,
        Method::PUT,
        "/api/v6/accounts/crm_account_1.json",
        Some(&t),
        Some(json!({"title": "Daktela"})),
    )
    .await;
    assert_eq!(r.json["result"]["title"], "Daktela");
    let list = get(&app, "/api/v6/accounts.json", &t).await.json;
    assert_eq!(list["result"]["total"].as_u64(), Some(seeded + 1));
    let r = send(
        &app,
        Method::DELETE,
        "/api/v6/accounts/crm_account_1.json",
        Some(&t),
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let r = get(&app, "/api/v6/accounts/crm_account_1.json", &t).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn an_account_uses_only_openapi_names_and_a_written_contact_keeps_the_real_key_set() {
    let (_state, app) = sim();
    let t = token("agent1");
    let doc = common::contract_file("openapi.json");
    let schema = &doc["components"]["schemas"]["Daktela.Corm.Crm.Account-2"]["properties"];
    let account = get(&app, "/api/v6/accounts/account_acme_s_r_o.json", &t)
        .await
        .json;
    for key in account["result"].as_object().unwrap().keys() {
        assert!(
            key == "_sys" || schema.get(key).is_some(),
            "invented account key {key}"
        );
    }
    let body = json!({"name": "crm_contact_5", "title": "A B", "lastname": "B",
        "customFields": {"number": ["601234567"]}});
    let written = send(
        &app,
        Method::POST,
        "/api/v6/contacts.json",
        Some(&t),
        Some(body),
    )
    .await;
    let real = common::contract_file("fixtures/GET_contacts_single.json");
    let keys = |v: &serde_json::Value| {
        v.as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(keys(&written.json["result"]), keys(&real["result"]));
}
