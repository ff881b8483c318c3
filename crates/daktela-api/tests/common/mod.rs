//! Shared test helpers: the checked-in fixtures and a transport that records what it is given.
#![allow(dead_code, clippy::unwrap_used)]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::PathBuf;

use daktela_api::{HttpRequest, HttpResponse, Transport, TransportError};

/// The checked-in copy of the contract's fixtures (a clone of the repo has no `/work/shared`).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../contract/daktela-v6/fixtures"
    ))
}

/// A fixture's raw bytes, BOM and all (the client must cope with it).
pub fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixtures_dir().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// A fixture as JSON, read BOM-tolerantly (like Python's `utf-8-sig`).
pub fn fixture_json(name: &str) -> serde_json::Value {
    let bytes = fixture(name);
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    serde_json::from_slice(bytes).unwrap()
}

/// A transport that records every request and answers from a script, in order.
#[derive(Debug, Default)]
pub struct Recorder {
    sent: RefCell<Vec<HttpRequest>>,
    replies: RefCell<VecDeque<HttpResponse>>,
}

impl Recorder {
    /// Answers with these replies, one per request.
    pub fn replying(replies: impl IntoIterator<Item = HttpResponse>) -> Self {
        Self {
            sent: RefCell::default(),
            replies: RefCell::new(replies.into_iter().collect()),
        }
    }

    /// Every request sent so far.
    pub fn sent(&self) -> Vec<HttpRequest> {
        self.sent.borrow().clone()
    }

    /// The only request sent (fails the test otherwise).
    pub fn only(&self) -> HttpRequest {
        let sent = self.sent();
        assert_eq!(sent.len(), 1, "expected exactly one request, got {sent:?}");
        sent.into_iter().next().unwrap()
    }
}

impl Transport for Recorder {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(request);
        self.replies
            .borrow_mut()
            .pop_front()
            .ok_or_else(|| TransportError::Network("no reply scripted".to_owned()))
    }
}

/// An answer with this status and body.
pub fn reply(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: Vec::new(),
        body: body.as_bytes().to_vec(),
    }
}

/// A 200 with `result` = `result`.
pub fn ok(result: serde_json::Value) -> HttpResponse {
    reply(
        200,
        &serde_json::json!({ "error": [], "result": result, "_time": "2024-01-01 10:00:00" })
            .to_string(),
    )
}

/// A list answer.
pub fn list(data: serde_json::Value, total: u64) -> HttpResponse {
    ok(serde_json::json!({ "data": data, "total": total }))
}

/// The query pairs of a URL, percent-decoded.
pub fn query_pairs(url: &str) -> Vec<(String, String)> {
    let Some((_, query)) = url.split_once('?') else {
        return Vec::new();
    };
    query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// Pairs from string literals.
pub fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// The instance root used by the wire tests.
pub const BASE: &str = "https://x.daktela.com";

/// A client with token `tok` answering from `replies`.
pub fn client(replies: Vec<HttpResponse>) -> daktela_api::Client<Recorder> {
    daktela_api::Client::new(BASE, Recorder::replying(replies))
        .with_token(daktela_api::AccessToken::new("tok"))
}

/// A client with token `tok` giving one answer.
pub fn client_with(answer: HttpResponse) -> daktela_api::Client<Recorder> {
    client(vec![answer])
}

/// A request's JSON body.
pub fn body(request: &HttpRequest) -> serde_json::Value {
    serde_json::from_str(request.body.as_deref().unwrap()).unwrap()
}

/// A request's URL without the query.
pub fn path(request: &HttpRequest) -> &str {
    request.url.split('?').next().unwrap()
}
