//! The REST adapter against a fake transport: the exact requests it sends and how it reads
//! every kind of answer.
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::*;
use crate::state::call_log::{DaktelaRef, Outcome};
use crate::state::config::{Crm, PanelConfig};

/// Answers from a script and remembers what was sent.
#[derive(Default)]
struct Fake {
    answers: RefCell<VecDeque<Result<HttpResponse, TransportError>>>,
    sent: RefCell<Vec<HttpRequest>>,
}

impl Transport for &Fake {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(request);
        self.answers
            .borrow_mut()
            .pop_front()
            .expect("the test scripted an answer")
    }
}

fn answer(
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<HttpResponse, TransportError> {
    Ok(HttpResponse {
        status,
        headers: headers
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
        body: body.as_bytes().to_vec(),
    })
}

/// The fake answers at once, so one poll finishes the future.
fn now<T>(future: impl Future<Output = T>) -> T {
    let mut future = pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the fake transport answers at once"),
    }
}

fn config(crm: &str) -> RestCrm {
    let json = format!(r#"{{"api_base": "/daktela", "crm": {crm}}}"#);
    match PanelConfig::from_json(&json).unwrap().crm {
        Crm::Rest(rest) => rest,
        Crm::HostPage => panic!("not a REST config"),
    }
}

fn demo_config() -> RestCrm {
    config(
        r#"{"adapter": "rest", "lookup_url": "https://crm.example/api/lookup?phone={e164}&d={number}",
            "log_url": "https://crm.example/api/call-logs/{external_id}?rec={record_id}",
            "headers": {"X-Api-Key": "k3y", "Idempotency-Key": "overridden?"}}"#,
    )
}

fn record() -> CallLogRecord {
    CallLogRecord {
        external_id: "activity_5f/1 x".into(),
        call_id: Some("call-9".into()),
        direction: "in".into(),
        remote_number: Some("+420226211245".into()),
        started_at: "2026-11-24T10:00:00Z".into(),
        duration_s: 42,
        answered: true,
        outcome: Outcome::Answered,
        agent: "agent1".into(),
        crm_record: Some("c7".into()),
        disposition: vec!["status_1".into()],
        disposition_titles: vec!["Sold".into()],
        note: Some("Wants a callback".into()),
        subject: "Inbound call from +420226211245".into(),
        daktela: DaktelaRef {
            activity: "activity_5f/1 x".into(),
            call_id: Some("call-9".into()),
            queue: Some("3000".into()),
        },
    }
}

#[test]
fn lookup_gets_the_template_with_the_number_encoded_and_the_static_headers() {
    let fake = Fake::default();
    fake.answers.borrow_mut().push_back(answer(
        200,
        &[],
        r#"[{"id": "c7", "name": "Jana", "url": "/contacts/c7", "kind": "contact", "company": "X"}]"#,
    ));
    let adapter = RestCrmAdapter::new(demo_config(), &fake);
    let records = now(adapter.lookup("+420226211245")).unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(
        (records[0].id.as_str(), records[0].url.as_str()),
        ("c7", "/contacts/c7")
    );
    let sent = fake.sent.borrow();
    assert_eq!(sent[0].method, Method::Get);
    assert_eq!(
        sent[0].url,
        "https://crm.example/api/lookup?phone=%2B420226211245&d=420226211245"
    );
    assert_eq!(sent[0].header("x-api-key"), Some("k3y"));
    assert_eq!(sent[0].body, None);
}

#[test]
fn log_puts_the_record_to_its_external_id_with_an_idempotency_key() {
    let fake = Fake::default();
    fake.answers
        .borrow_mut()
        .push_back(answer(201, &[], r#"{"id": 12, "created": true}"#));
    let adapter = RestCrmAdapter::new(demo_config(), &fake);
    let outcome = now(adapter.log_call(&record())).unwrap();
    assert_eq!(
        outcome,
        LogOutcome {
            status: Some(201),
            crm_id: Some("12".into())
        }
    );
    let sent = fake.sent.borrow();
    let request = &sent[0];
    assert_eq!(request.method, Method::Put);
    assert_eq!(
        request.url,
        "https://crm.example/api/call-logs/activity_5f%2F1%20x?rec=c7"
    );
    // Not visible ASCII (a space): percent-encoded like the URL. The configured header cannot
    // replace the panel's key.
    assert_eq!(
        request.header("Idempotency-Key"),
        Some("activity_5f%2F1%20x")
    );
    let keys = request
        .headers
        .iter()
        .filter(|(k, _)| k.eq_ignore_ascii_case("idempotency-key"))
        .count();
    assert_eq!(keys, 1);
    assert_eq!(request.header("Content-Type"), Some("application/json"));
    assert_eq!(request.header("X-Api-Key"), Some("k3y"));
    let body: Value = serde_json::from_str(request.body.as_deref().unwrap()).unwrap();
    assert_eq!(body["external_id"], "activity_5f/1 x");
    assert_eq!(body["duration_s"], 42);
    assert_eq!(body["note"], "Wants a callback");
}

#[test]
fn a_plain_activity_name_is_the_idempotency_key_as_is_and_post_is_honoured() {
    let fake = Fake::default();
    fake.answers.borrow_mut().push_back(answer(204, &[], ""));
    let crm = config(
        r#"{"adapter": "rest", "lookup_url": "/l", "log_url": "/api/call-logs", "log_method": "POST"}"#,
    );
    let adapter = RestCrmAdapter::new(crm, &fake);
    let mut rec = record();
    rec.external_id = "activity_5f3a9c".into();
    let outcome = now(adapter.log_call(&rec)).unwrap();
    assert_eq!(outcome.status, Some(204));
    assert_eq!(outcome.crm_id, None);
    let sent = fake.sent.borrow();
    assert_eq!(sent[0].method, Method::Post);
    assert_eq!(sent[0].url, "/api/call-logs");
    assert_eq!(sent[0].header("Idempotency-Key"), Some("activity_5f3a9c"));
}

#[test]
fn error_statuses_carry_the_status_retry_after_and_the_crms_message() {
    let fake = Fake::default();
    fake.answers.borrow_mut().extend([
        answer(
            422,
            &[],
            r#"{"error": "remote_number: is not a phone number", "field": "remote_number"}"#,
        ),
        answer(429, &[("retry-after", " 30 ")], ""),
        answer(
            503,
            &[("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")],
            "<h1>down</h1>",
        ),
        Err(TransportError::Timeout),
    ]);
    let adapter = RestCrmAdapter::new(demo_config(), &fake);
    let errors: Vec<CrmError> = (0..4)
        .map(|_| now(adapter.log_call(&record())).unwrap_err())
        .collect();
    assert_eq!(
        errors[0],
        CrmError::Status {
            status: 422,
            retry_after_s: None,
            message: "remote_number: is not a phone number".into()
        }
    );
    assert!(!errors[0].is_retryable());
    assert_eq!(
        (errors[1].status(), errors[1].retry_after_s()),
        (Some(429), Some(30))
    );
    assert!(errors[1].is_retryable());
    // An HTTP-date Retry-After is not read (the backoff still applies).
    assert_eq!(
        (errors[2].status(), errors[2].retry_after_s()),
        (Some(503), None)
    );
    assert!(
        errors[2].to_string().contains("<h1>down</h1>"),
        "{}",
        errors[2]
    );
    assert!(matches!(errors[3], CrmError::Unreachable(_)));
    assert!(errors[3].is_retryable());
}

#[test]
fn lookup_reads_no_content_as_no_match_and_rejects_what_is_not_a_list() {
    let fake = Fake::default();
    fake.answers.borrow_mut().extend([
        answer(204, &[], ""),
        answer(200, &[], "[]"),
        answer(200, &[], "<html>login</html>"),
        answer(200, &[], r#"{"records": []}"#),
        answer(404, &[], "Not Found"),
    ]);
    let adapter = RestCrmAdapter::new(demo_config(), &fake);
    assert_eq!(now(adapter.lookup("+1")), Ok(vec![]));
    assert_eq!(now(adapter.lookup("+1")), Ok(vec![]));
    let not_json = now(adapter.lookup("+1")).unwrap_err();
    assert!(not_json.to_string().contains("not JSON"), "{not_json}");
    assert!(matches!(
        now(adapter.lookup("+1")),
        Err(CrmError::BadAnswer(_))
    ));
    assert_eq!(now(adapter.lookup("+1")).unwrap_err().status(), Some(404));
}

#[test]
fn outside_a_browser_requests_fail_instead_of_panicking() {
    let adapter = RestCrmAdapter::new(demo_config(), PageTransport::new());
    let e = now(adapter.lookup("+420226211245")).unwrap_err();
    assert!(matches!(e, CrmError::Unreachable(_)), "{e}");
}
