//! The native client against the simulator: rate limits, server and network failures,
//! timeouts, the `take` limit and walking a list across pages.
#![allow(clippy::unwrap_used)]

mod sim_common;

use std::time::Duration;

use daktela_api::models::Contact;
use daktela_api::{
    ApiRequest, Client, Error, Filter, ListQuery, Method, Operator, ReqwestTransport, SortDir,
};
use daktela_sim::{FaultKind, FaultSpec};
use serde_json::Value;
use sim_common::*;

fn arm(sim: &daktela_sim::RunningSim, kind: FaultKind, path: &str) {
    sim.state().inject_fault(FaultSpec {
        kind,
        count: 1,
        path_contains: Some(path.into()),
    });
}

#[tokio::test]
async fn a_429_with_retry_after_is_rate_limited_with_the_seconds_to_wait() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    arm(
        &sim,
        FaultKind::RateLimit {
            retry_after_secs: 7,
        },
        "/activities",
    );

    let error = client.open_call_activities(&agent()).await.unwrap_err();
    let Error::RateLimited {
        retry_after,
        messages,
    } = &error
    else {
        panic!("expected RateLimited, got {error:?}");
    };
    assert_eq!(*retry_after, Some(7));
    assert_eq!(messages, &["Too many requests"]);
    assert!(error.is_retryable());
    assert_eq!(error.retry_after(), Some(7));
    // The client does not retry on its own; the next call (after waiting) works.
    assert_eq!(logged(&sim, "GET", "/api/v6/activities").len(), 1);
    assert!(client.open_call_activities(&agent()).await.is_ok());
}

#[tokio::test]
async fn a_5xx_from_the_server_or_a_proxy_is_a_retryable_error_with_its_status() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    for (status, body) in [
        (
            503,
            Some("<html><body>502 Bad Gateway</body></html>".to_owned()),
        ),
        (500, None),
    ] {
        arm(&sim, FaultKind::Status { status, body }, "/queues");
        let error = client.queues().await.unwrap_err();
        assert_eq!(error.status(), Some(status), "{error:?}");
        assert!(matches!(error, Error::Api { .. }), "{error:?}");
        assert!(error.is_retryable());
    }
    assert_eq!(client.queues().await.unwrap().len(), 5);
}

#[tokio::test]
async fn a_dropped_connection_is_a_retryable_transport_error() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    arm(&sim, FaultKind::Drop, "/statuses");
    let error = client.statuses().await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)), "{error:?}");
    assert!(error.is_retryable());
}

#[tokio::test]
async fn a_server_slower_than_the_timeout_gives_a_timeout() {
    let sim = sim(quiet_config()).await;
    let transport = ReqwestTransport::new().with_timeout(Duration::from_millis(200));
    let client = Client::new(&sim.base_url, transport)
        .with_token(daktela_api::AccessToken::new(STATIC_TOKEN));
    arm(&sim, FaultKind::Delay { ms: 1000 }, "/whoim");
    assert_eq!(client.whoim().await.unwrap_err(), Error::Timeout);
}

#[tokio::test]
async fn a_take_over_one_thousand_is_refused_with_daktelas_message() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let request = ApiRequest::collection(Method::Get, "contacts")
        .with_query(vec![("take".to_owned(), "1001".to_owned())]);

    let error = client.execute::<Value>(request).await.unwrap_err();
    assert_eq!(error.status(), Some(400), "{error:?}");
    assert!(
        matches!(error, Error::Api { .. } | Error::Validation { .. }),
        "{error:?}"
    );
    assert_eq!(error.messages(), ["Max defined take is 1000"]);
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn the_list_api_caps_a_large_take_at_one_thousand_so_the_server_accepts_it() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let (contacts, total) = client
        .list::<Contact>("contacts", &ListQuery::new().page(0, 5000))
        .await
        .unwrap();
    assert_eq!((contacts.len(), total), (10, 10));
    let gets = logged(&sim, "GET", "/api/v6/contacts");
    assert!(gets[0].query.contains("take=1000"), "{}", gets[0].query);
}

#[tokio::test]
async fn list_all_walks_every_page_and_returns_each_record_once_in_order() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let sorted = ListQuery::new().sort("lastname", SortDir::Desc);

    let (one_page, total) = client.list::<Contact>("contacts", &sorted).await.unwrap();
    assert_eq!((one_page.len(), total), (10, 10));
    sim.state().clear_requests();

    let walked: Vec<Contact> = client
        .list_all("contacts", sorted.clone().page(0, 3))
        .await
        .unwrap();
    assert_eq!(walked, one_page, "same records, same order");
    let skips: Vec<String> = logged(&sim, "GET", "/api/v6/contacts")
        .iter()
        .map(|r| r.query.clone())
        .collect();
    assert_eq!(skips.len(), 4, "pages of 3 over 10 records: {skips:?}");
    for (page, query) in skips.iter().enumerate() {
        assert!(query.contains(&format!("skip={}", page * 3)), "{query}");
        assert!(query.contains("take=3"), "{query}");
    }
}

#[tokio::test]
async fn list_all_keeps_the_filter_on_every_page() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    // Czech numbers only: seven of the ten seeded contacts.
    let query = ListQuery::new()
        .filter(Filter::condition(
            "name",
            Operator::NotIn,
            vec![
                "contact_anna_schmidt".into(),
                "contact_john_smith".into(),
                "contact_zuzana_kovacova".into(),
            ],
        ))
        .sort("name", SortDir::Asc)
        .page(0, 2);
    let walked: Vec<Contact> = client.list_all("contacts", query).await.unwrap();
    let names: Vec<_> = walked
        .iter()
        .filter_map(|c| c.name.as_ref().map(|n| n.as_str().to_owned()))
        .collect();
    let mut expected = names.clone();
    expected.sort();
    expected.dedup();
    assert_eq!(names, expected, "sorted, no duplicates");
    assert_eq!(names.len(), 7);
    assert!(names.iter().all(|n| !n.contains("schmidt")));
    assert_eq!(logged(&sim, "GET", "/api/v6/contacts").len(), 4);
}
