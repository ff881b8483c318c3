//! The exact wire (method, URL and query, headers, body) of login, refresh, whoim, token placement, the D6 refresh-once rule and generic lists, recorded by a fake
//! transport. No server.
#![allow(clippy::unwrap_used)]

mod common;

use common::*;
use daktela_api::AccessToken;
use daktela_api::Client;
use daktela_api::Error;
use daktela_api::ListQuery;
use daktela_api::Method;
use daktela_api::RefreshToken;
use daktela_api::TokenPlacement;
use serde_json::Value;
use serde_json::json;

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
