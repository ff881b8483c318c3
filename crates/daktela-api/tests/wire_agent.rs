//! The exact wire (method, URL and query, headers, body) of pauses, queues, queue login/logout, pause (D1), realtime session, pull data (D2), recorded by a fake
//! transport. No server.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use daktela_api::Method;
use daktela_api::PullOutcome;
use daktela_api::models::PauseName;
use daktela_api::models::QueueName;
use daktela_api::models::UserLogin;
use serde_json::Value;
use serde_json::json;

#[tokio::test(flavor = "current_thread")]
async fn pauses_queues_and_statuses_walk_every_page() {
    let page = |n: usize| list(Value::Array(vec![json!({"name":"p"}); n]), 1001);
    let client = client(vec![page(1000), page(1)]);
    assert_eq!(client.pauses().await.unwrap().len(), 1001);
    let sent = client.transport().sent();
    assert_eq!(path(&sent[0]), "https://x.daktela.com/api/v6/pauses.json");
    assert_eq!(
        query_pairs(&sent[0].url),
        pairs(&[("skip", "0"), ("take", "1000")])
    );
    assert_eq!(
        query_pairs(&sent[1].url),
        pairs(&[("skip", "1000"), ("take", "1000")])
    );

    let client = client_with(list(json!([{"name":"ok","title":"Done"}]), 1));
    assert_eq!(
        client.statuses().await.unwrap()[0].title.as_deref(),
        Some("Done")
    );
    assert_eq!(
        path(&client.transport().only()),
        "https://x.daktela.com/api/v6/statuses.json"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn outbound_queues_keep_only_queues_directed_out() {
    let queues = json!([
        {"name":2000,"type":"in","direction":"in"},
        {"name":3000,"type":"out","direction":"out"},
        {"name":3001,"type":"out"},
        {"name":3002,"type":"out","direction":"out","deactivated":true}
    ]);
    let client = client_with(list(queues, 4));
    let names: Vec<_> = client
        .outbound_queues()
        .await
        .unwrap()
        .into_iter()
        .map(|q| q.name.unwrap().to_string())
        .collect();
    assert_eq!(names, ["3000", "3001"]);
    assert_eq!(
        path(&client.transport().only()),
        "https://x.daktela.com/api/v6/queues.json"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn queue_login_and_logout_post_users_session_like_the_official_example() {
    let client = client(vec![ok(Value::Null), ok(Value::Null)]);
    client.queue_login(&[QueueName::new("2000")]).await.unwrap();
    client
        .queue_logout(&[QueueName::new("2000"), QueueName::new("ext_q")])
        .await
        .unwrap();
    let sent = client.transport().sent();
    assert_eq!(
        (sent[0].method, sent[0].url.as_str()),
        (
            Method::Post,
            "https://x.daktela.com/api/v6/usersSession.json"
        )
    );
    let mut documented = fixture_json("POST_usersSession_queue_login.request.json");
    documented.as_object_mut().unwrap().remove("accessToken");
    assert_eq!(body(&sent[0]), documented);
    assert_eq!(
        body(&sent[1]),
        json!({"queues":[{"name":2000,"login":false,"penalty":0},{"name":"ext_q","login":false,"penalty":0}]})
    );
}

#[tokio::test(flavor = "current_thread")]
async fn pause_and_unpause_post_the_d1_body() {
    let client = client(vec![ok(json!({})), ok(json!({}))]);
    client.pause(&PauseName::new("lunch")).await.unwrap();
    client.unpause().await.unwrap();
    let sent = client.transport().sent();
    assert!(
        sent.iter().all(|r| r.method == Method::Post
            && r.url == "https://x.daktela.com/api/v6/usersSession.json")
    );
    assert_eq!(
        (body(&sent[0]), body(&sent[1])),
        (json!({"pause":"lunch"}), json!({"pause":null}))
    );
}

#[tokio::test(flavor = "current_thread")]
async fn realtime_session_filters_on_the_agent() {
    let client = client_with(list(json!([{"id_agent":"jnovak","state":"Idle"}]), 1));
    let session = client
        .realtime_session(&UserLogin::new("jnovak"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(session.agent_login(), Some("jnovak"));
    let sent = client.transport().only();
    assert_eq!(
        path(&sent),
        "https://x.daktela.com/api/v6/realtimeSessions.json"
    );
    assert_eq!(
        query_pairs(&sent.url),
        pairs(&[
            ("filter[logic]", "and"),
            ("filter[filters][0][field]", "id_agent"),
            ("filter[filters][0][operator]", "eq"),
            ("filter[filters][0][value]", "jnovak"),
        ])
    );
    assert!(
        sent.url.contains("filter%5Blogic%5D=and"),
        "brackets are percent-encoded: {}",
        sent.url
    );
}

#[tokio::test(flavor = "current_thread")]
async fn no_realtime_session_is_none() {
    let client = client_with(list(json!([]), 0));
    assert_eq!(
        client
            .realtime_session(&UserLogin::new("jnovak"))
            .await
            .unwrap(),
        None
    );
}

#[tokio::test(flavor = "current_thread")]
async fn pull_data_sends_the_previous_hash_with_a_long_timeout() {
    let client = client(vec![ok(json!({"hash":"h2"})), reply(404, "")]);
    assert_eq!(
        client.pull_data("h1").await.unwrap(),
        PullOutcome::Changed { hash: "h2".into() }
    );
    assert_eq!(
        client.pull_data("h2").await.unwrap(),
        PullOutcome::Unsupported
    );
    let sent = client.transport().sent();
    assert_eq!(
        sent[0].url,
        "https://x.daktela.com/api/v6/appPullData.json?hash=h1"
    );
    assert_eq!(sent[0].timeout, Some(daktela_api::requests::PULL_TIMEOUT));
}
