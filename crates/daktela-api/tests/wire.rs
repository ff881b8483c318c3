//! The exact wire of every operation (method, URL and query, headers, body), recorded by a fake
//! transport. No server.
#![allow(clippy::unwrap_used)]

mod common;

use common::{Recorder, fixture_json, list, ok, pairs, query_pairs, reply};
use daktela_api::models::{
    ActivityName, CallId, ContactName, PauseName, QueueName, StatusName, UserLogin,
};
use daktela_api::{
    AccessToken, Client, Error, ListQuery, Method, PullOutcome, RefreshToken, TokenPlacement,
};
use serde_json::{Value, json};

const BASE: &str = "https://x.daktela.com";

fn client(replies: Vec<daktela_api::HttpResponse>) -> Client<Recorder> {
    Client::new(BASE, Recorder::replying(replies)).with_token(AccessToken::new("tok"))
}

fn body(request: &daktela_api::HttpRequest) -> Value {
    serde_json::from_str(request.body.as_deref().unwrap()).unwrap()
}

fn path(request: &daktela_api::HttpRequest) -> &str {
    request.url.split('?').next().unwrap()
}

#[tokio::test(flavor = "current_thread")]
async fn login_posts_credentials_without_a_token_and_keeps_the_tokens() {
    let client = Client::new(
        BASE,
        Recorder::replying([
            reply(
                201,
                r#"{"error":[],"result":{"accessToken":"new","refreshToken":"ref"}}"#,
            ),
            ok(json!({"version":"6","user":null})),
        ]),
    );
    client.login("user_1", "password_1").await.unwrap();
    let sent = client.transport().sent();
    assert_eq!(
        (sent[0].method, sent[0].url.as_str()),
        (Method::Post, "https://x.daktela.com/api/v6/login.json")
    );
    assert_eq!(sent[0].header("X-AUTH-TOKEN"), None);
    assert_eq!(sent[0].header("Content-Type"), Some("application/json"));
    assert_eq!(
        body(&sent[0]),
        json!({"username":"user_1","password":"password_1","only_token":1})
    );
    // Same keys and values as the vendor example, whose only_token is the string "1".
    let documented = fixture_json("POST_login.request.json");
    assert_eq!(documented["username"], body(&sent[0])["username"]);
    client.whoim().await.unwrap();
    assert_eq!(
        client.transport().sent()[1].header("X-AUTH-TOKEN"),
        Some("new")
    );
}

#[tokio::test(flavor = "current_thread")]
async fn refresh_puts_the_refresh_token_and_replaces_both_tokens() {
    let client = client(vec![ok(json!({"accessToken":"a2","refreshToken":"r2"}))]);
    client.set_refresh_token(Some(RefreshToken::new("r1")));
    client.refresh().await.unwrap();
    let sent = client.transport().only();
    assert_eq!(
        (sent.method, sent.url.as_str()),
        (Method::Put, "https://x.daktela.com/api/v6/login.json")
    );
    assert_eq!(body(&sent), json!({"refreshToken":"r1"}));
    assert_eq!(sent.header("X-AUTH-TOKEN"), None);
    assert_eq!(client.token().unwrap().expose(), "a2");
}

#[tokio::test(flavor = "current_thread")]
async fn refresh_without_a_refresh_token_asks_for_a_login_and_sends_nothing() {
    let client = client(vec![]);
    assert_eq!(client.refresh().await.unwrap_err(), Error::NotLoggedIn);
    assert!(client.transport().sent().is_empty());
}

#[tokio::test(flavor = "current_thread")]
async fn whoim_sends_the_token_header_and_a_null_user_is_not_logged_in() {
    let client = client(vec![ok(json!({"version":"6.27","user":null}))]);
    assert_eq!(client.current_user().await.unwrap_err(), Error::NotLoggedIn);
    let sent = client.transport().only();
    assert_eq!(
        (sent.method, sent.url.as_str()),
        (Method::Get, "https://x.daktela.com/api/v6/whoim.json")
    );
    assert_eq!(
        sent.headers,
        pairs(&[("Accept", "application/json"), ("X-AUTH-TOKEN", "tok")])
    );
    assert_eq!(sent.body, None);
}

#[tokio::test(flavor = "current_thread")]
async fn query_placement_puts_the_token_in_the_url_and_no_custom_header() {
    let client = Client::with_placement(
        "/daktela/",
        Recorder::replying([ok(json!({"version":"6","user":{"name":"jnovak"}}))]),
        TokenPlacement::Query,
    )
    .with_token(AccessToken::new("t k"));
    let me = client.current_user().await.unwrap();
    assert_eq!(me.name.unwrap().as_str(), "jnovak");
    let sent = client.transport().only();
    assert_eq!(sent.url, "/daktela/api/v6/whoim.json?accessToken=t%20k");
    assert_eq!(sent.headers, pairs(&[("Accept", "application/json")]));
}

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

fn client_with(answer: daktela_api::HttpResponse) -> Client<Recorder> {
    client(vec![answer])
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

#[tokio::test(flavor = "current_thread")]
async fn a_401_is_refreshed_once_and_the_request_repeated_with_the_new_token() {
    let client = client(vec![
        reply(401, ""),
        ok(json!({"accessToken":"tok2"})),
        ok(json!({"version":"6","user":{"name":"u"}})),
    ]);
    client.set_refresh_token(Some(RefreshToken::new("r")));
    client.whoim().await.unwrap();
    let sent = client.transport().sent();
    assert_eq!(sent.len(), 3);
    assert_eq!(
        (sent[1].method, sent[1].url.as_str()),
        (Method::Put, "https://x.daktela.com/api/v6/login.json")
    );
    assert_eq!(sent[2].header("X-AUTH-TOKEN"), Some("tok2"));
}

#[tokio::test(flavor = "current_thread")]
async fn a_401_without_a_refresh_token_is_returned_as_is() {
    let client = client(vec![reply(401, "")]);
    assert!(client.whoim().await.unwrap_err().is_unauthorized());
    assert_eq!(client.transport().sent().len(), 1);
}

#[tokio::test(flavor = "current_thread")]
async fn a_failed_refresh_returns_the_original_401() {
    let client = client(vec![reply(401, ""), reply(401, "")]);
    client.set_refresh_token(Some(RefreshToken::new("r")));
    assert!(client.whoim().await.unwrap_err().is_unauthorized());
    assert_eq!(client.transport().sent().len(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn generic_list_sends_any_query() {
    let client = client_with(list(json!([]), 0));
    let query = ListQuery::new().field("name").field("title").page(10, 5);
    client.list::<Value>("crmRecords", &query).await.unwrap();
    assert_eq!(
        query_pairs(&client.transport().only().url),
        pairs(&[
            ("fields[0]", "name"),
            ("fields[1]", "title"),
            ("skip", "10"),
            ("take", "5")
        ])
    );
}
