//! The REST API the panel's generic adapter uses: lookup by phone and the call-log upsert.
#![allow(clippy::unwrap_used)]

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{call_log, fake_dist, get, json, router, send};
use serde_json::json;

#[tokio::test]
async fn lookup_finds_the_one_contact_with_a_mobile_number() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/api/lookup?phone=%2B420777123456").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.headers["content-type"], "application/json");
    let found = res.json();
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["id"], "C-1002");
    assert_eq!(found[0]["name"], "Jan Novák");
    assert_eq!(found[0]["url"], "/contacts/C-1002");
    assert_eq!(found[0]["kind"], "contact");
}

#[tokio::test]
async fn lookup_finds_both_contacts_behind_a_switchboard() {
    let dist = fake_dist();
    let found = get(&router(&dist), "/api/lookup?phone=%2B420222333444")
        .await
        .json();
    let ids: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["C-1004", "C-1005"]);
}

#[tokio::test]
async fn lookup_of_an_unknown_number_is_an_empty_list() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/api/lookup?phone=%2B420608999000").await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json(), json!([]));
}

#[tokio::test]
async fn lookup_reads_typed_forms_of_a_number() {
    let dist = fake_dist();
    let r = router(&dist);
    for q in ["00420777123456", "777%20123%20456", "+420777123456"] {
        let found = get(&r, &format!("/api/lookup?phone={q}")).await.json();
        assert_eq!(found[0]["id"], "C-1002", "{q}");
    }
}

#[tokio::test]
async fn lookup_without_a_usable_number_names_the_phone_parameter() {
    let dist = fake_dist();
    let r = router(&dist);
    for (uri, problem) in [
        ("/api/lookup", "field `phone` is required"),
        (
            "/api/lookup?phone=nobody",
            "field `phone` is not a phone number",
        ),
    ] {
        let res = get(&r, uri).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{uri}");
        assert_eq!(res.json(), json!({"error": problem, "field": "phone"}));
    }
}

#[tokio::test]
async fn putting_a_log_twice_keeps_one_record_with_the_second_version() {
    let dist = fake_dist();
    let r = router(&dist);
    let first = call_log("activities_1", "+420777123456");
    let res = json(&r, "PUT", "/api/call-logs/activities_1", &first).await;
    assert_eq!(res.status, StatusCode::CREATED);
    assert_eq!(res.headers["location"], "/api/call-logs/activities_1");
    assert_eq!(
        res.json(),
        json!({"id": "L-1", "external_id": "activities_1", "created": true})
    );

    let mut second = first.clone();
    second["note"] = json!("Wants a quote");
    second["disposition"] = json!(["statuses_callback"]);
    let res = json(&r, "PUT", "/api/call-logs/activities_1", &second).await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(
        res.json(),
        json!({"id": "L-1", "external_id": "activities_1", "created": false})
    );

    let all = get(&r, "/api/call-logs").await.json();
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["record"], second);
    assert_eq!(all[0]["updates"], 1);
}

#[tokio::test]
async fn post_upserts_by_the_external_id_in_the_body() {
    let dist = fake_dist();
    let r = router(&dist);
    let log = call_log("activities_2", "+420602111222");
    assert_eq!(
        json(&r, "POST", "/api/call-logs", &log).await.status,
        StatusCode::CREATED
    );
    assert_eq!(
        json(&r, "POST", "/api/call-logs", &log).await.status,
        StatusCode::OK
    );
    // PUT with the same key hits the same record.
    let res = json(&r, "PUT", "/api/call-logs/activities_2", &log).await;
    assert_eq!(res.json()["created"], false);
    assert_eq!(
        get(&r, "/api/call-logs")
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn the_url_supplies_a_missing_external_id_and_extra_fields_are_kept() {
    let dist = fake_dist();
    let r = router(&dist);
    let mut log = call_log("ignored", "+420602111222");
    log.as_object_mut().unwrap().remove("external_id");
    log["recording_url"] = json!("https://rec.example.test/1.mp3");
    let res = json(&r, "PUT", "/api/call-logs/activities_3", &log).await;
    assert_eq!(res.status, StatusCode::CREATED);
    let stored = get(&r, "/api/call-logs/activities_3").await;
    assert_eq!(stored.status, StatusCode::OK);
    let stored = stored.json();
    assert_eq!(stored["record"]["external_id"], "activities_3");
    assert_eq!(
        stored["record"]["recording_url"],
        "https://rec.example.test/1.mp3"
    );
    assert_eq!(stored["id"], "L-1");
}

#[tokio::test]
async fn a_missing_or_wrong_field_is_a_422_naming_it() {
    let dist = fake_dist();
    let r = router(&dist);
    for field in ["direction", "remote_number"] {
        let mut log = call_log("activities_4", "+420602111222");
        log.as_object_mut().unwrap().remove(field);
        let res = json(&r, "PUT", "/api/call-logs/activities_4", &log).await;
        assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}");
        assert_eq!(
            res.json(),
            json!({"error": format!("field `{field}` is required"), "field": field})
        );
    }
    let mut log = call_log("activities_4", "+420602111222");
    log.as_object_mut().unwrap().remove("external_id");
    let res = json(&r, "POST", "/api/call-logs", &log).await;
    assert_eq!(res.json()["field"], "external_id");

    let mut log = call_log("activities_4", "+420602111222");
    log["duration_s"] = json!("95");
    let res = json(&r, "PUT", "/api/call-logs/activities_4", &log).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["field"], "duration_s");
    assert_eq!(get(&r, "/api/call-logs").await.json(), json!([]));
}

#[tokio::test]
async fn a_body_key_that_contradicts_the_url_is_refused() {
    let dist = fake_dist();
    let r = router(&dist);
    let log = call_log("activities_5", "+420602111222");
    let res = json(&r, "PUT", "/api/call-logs/activities_6", &log).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(res.json()["field"], "external_id");
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_400() {
    let dist = fake_dist();
    let r = router(&dist);
    let req = Request::put("/api/call-logs/activities_7")
        .header("content-type", "application/json")
        .body(Body::from("{not json"))
        .unwrap();
    let res = send(&r, req).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(
        res.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("the body is not JSON")
    );
    let res = json(&r, "POST", "/api/call-logs", &json!(["a list"])).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn an_unknown_log_is_a_404_with_a_message() {
    let dist = fake_dist();
    let res = get(&router(&dist), "/api/call-logs/activities_none").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        res.json(),
        json!({"error": "no call log has the external id activities_none"})
    );
}
