//! Pauses, queues, statuses and contacts (with `q` phone search), lists and singles.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::{Value, json};

fn names(r: &Resp) -> Vec<Value> {
    r.json["result"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].clone())
        .collect()
}

#[tokio::test]
async fn pauses_include_lunch_training_wrap_up_and_dnd_with_max_duration() {
    let (_, app) = sim();
    let r = get(&app, "/api/v6/pauses.json", &token("agent1")).await;
    let data = r.json["result"]["data"].as_array().unwrap();
    let types: Vec<&str> = data.iter().map(|p| p["type"].as_str().unwrap()).collect();
    assert_eq!(types, ["", "", "wrap", "dnd"]);
    assert!(data.iter().all(|p| p["max_duration"].as_i64().unwrap() > 0));
    let one = get(&app, "/api/v6/pauses/pause_lunch.json", &token("agent1")).await;
    assert_eq!(one.json["result"]["title"], "Lunch");
}

#[tokio::test]
async fn queues_can_be_filtered_by_direction() {
    let (_, app) = sim();
    let r = get(&app,
        "/api/v6/queues.json?filter[logic]=and&filter[filters][0][field]=direction&filter[filters][0][operator]=eq&filter[filters][0][value]=out",
        &token("agent1")).await;
    assert_eq!(names(&r), [json!(2001), json!(2002)]);
    assert_eq!(r.json["result"]["total"], 2);
    let one = get(&app, "/api/v6/queues/1001.json", &token("agent1")).await;
    assert_eq!(one.json["result"]["title"], "Support CZ");
    assert_eq!(one.json["result"]["direction"], "in");
}

#[tokio::test]
async fn statuses_list_the_dispositions() {
    let (_, app) = sim();
    let r = get(
        &app,
        "/api/v6/statuses.json?sort[0][field]=title&sort[0][dir]=asc",
        &token("agent1"),
    )
    .await;
    let titles: Vec<&str> = r.json["result"]["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Callback", "Not interested", "Sale", "Wrong number"]
    );
}

#[tokio::test]
async fn contact_search_finds_a_number_in_every_typed_form() {
    let (_, app) = sim();
    for q in [
        "%2B420%20777%20123%20456",
        "00420777123456",
        "777123456",
        "777%20123%20456",
    ] {
        let r = get(
            &app,
            &format!("/api/v6/contacts.json?q={q}"),
            &token("agent1"),
        )
        .await;
        assert_eq!(names(&r), [json!("contact_jan_novak")], "q={q}");
    }
}

#[tokio::test]
async fn contact_search_also_matches_names_and_finds_foreign_numbers() {
    let (_, app) = sim();
    let r = get(&app, "/api/v6/contacts.json?q=schmidt", &token("agent1")).await;
    assert_eq!(names(&r), [json!("contact_anna_schmidt")]);
    let r = get(
        &app,
        "/api/v6/contacts.json?q=%2B44%2020%207946%200958",
        &token("agent1"),
    )
    .await;
    assert_eq!(names(&r), [json!("contact_john_smith")]);
    let r = get(
        &app,
        "/api/v6/contacts.json?q=%2B420%20999%20999%20999",
        &token("agent1"),
    )
    .await;
    assert_eq!(r.json["result"]["total"], 0);
}

#[tokio::test]
async fn contacts_carry_phone_numbers_as_arrays_in_double_zero_form() {
    let (_, app) = sim();
    let r = get(&app, "/api/v6/contacts.json?take=100", &token("agent1")).await;
    let data = r.json["result"]["data"].as_array().unwrap();
    assert!(data.len() >= 10);
    for c in data {
        let numbers = c["customFields"]["number"].as_array().unwrap();
        assert!(
            numbers
                .iter()
                .all(|n| n.as_str().unwrap().starts_with("00")),
            "{c}"
        );
        assert_eq!(c["_sys"]["cfScheme"]["number"]["type"], "PHONE");
    }
    let one = get(
        &app,
        "/api/v6/contacts/contact_tomas_cerny.json",
        &token("agent1"),
    )
    .await;
    assert_eq!(
        one.json["result"]["customFields"]["number"],
        json!(["00420731555666", "00420222333444"])
    );
    assert_eq!(one.json["result"]["account"]["title"], "Stavby Praha a.s.");
}

#[tokio::test]
async fn unknown_records_get_404_with_an_empty_body() {
    let (_, app) = sim();
    for path in [
        "/api/v6/contacts/nobody.json",
        "/api/v6/queues/9999.json",
        "/api/v6/activities/none.json",
        "/api/v6/activitiesCall/1.1.json",
        "/api/v6/unknownModel.json",
    ] {
        let r = get(&app, path, &token("agent1")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.raw.is_empty(), "{path}");
    }
}

#[tokio::test]
async fn take_over_one_thousand_is_refused_with_daktelas_message() {
    let (_, app) = sim();
    let r = get(&app, "/api/v6/contacts.json?take=1001", &token("agent1")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert_eq!(r.json["error"], json!(["Max defined take is 1000"]));
    assert!(r.json["result"].is_null());
}

#[tokio::test]
async fn skip_take_and_fields_page_and_project_the_list() {
    let (_, app) = sim();
    let r = get(
        &app,
        "/api/v6/contacts.json?skip=2&take=3&fields[0]=title&fields[1]=created",
        &token("agent1"),
    )
    .await;
    assert_eq!(r.json["result"]["total"], 10);
    let data = r.json["result"]["data"].as_array().unwrap();
    assert_eq!(data.len(), 3);
    let mut keys: Vec<&String> = data[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["created", "title"]);
}

#[tokio::test]
async fn an_unknown_filter_operator_is_a_400_with_an_error_message() {
    let (_, app) = sim();
    let r = get(
        &app,
        "/api/v6/contacts.json?filter[field]=title&filter[operator]=resembles&filter[value]=x",
        &token("agent1"),
    )
    .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.json["error"][0].as_str().unwrap().contains("resembles"));
}
