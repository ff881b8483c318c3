//! The pairing requests, and reading the CRM's answer back, against a fake transport.
#![allow(clippy::unwrap_used)]

use std::cell::RefCell;
use std::collections::VecDeque;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use daktela_api::{HttpResponse, TransportError};

use super::*;
use crate::state::config::{Crm, PanelConfig};
use crate::state::phone::Region;
use crate::state::screen_pop::CrmRecord;
use crate::state::widget::WidgetParams;

#[derive(Default)]
struct Fake {
    answers: RefCell<VecDeque<HttpResponse>>,
    sent: RefCell<Vec<HttpRequest>>,
}

impl Transport for &Fake {
    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.sent.borrow_mut().push(request);
        Ok(self.answers.borrow_mut().pop_front().expect("scripted"))
    }
}

fn now<T>(future: impl Future<Output = T>) -> T {
    match pin!(future)
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the fake answers at once"),
    }
}

fn config(extra: &str) -> Result<crate::state::config::RestCrm, String> {
    let json = format!(
        r#"{{"api_base": "/daktela", "crm": {{"adapter": "rest", "lookup_url": "/l?p={{e164}}",
            "log_url": "/logs/{{external_id}}", "headers": {{"X-Api-Key": "k"}} {extra}}}}}"#
    );
    match PanelConfig::from_json(&json)
        .map_err(|e| e.to_string())?
        .crm
    {
        Crm::Rest(rest) => Ok(rest),
        Crm::HostPage => Err("host page".into()),
    }
}

fn pairing() -> Pairing {
    let params = WidgetParams::from_query(
        "activity=act_1&callid=1WS.5&direction=in&clid=777123456",
        Region::Cz,
    )
    .unwrap();
    let record = CrmRecord {
        id: "C-1".into(),
        name: "Jana".into(),
        url: String::new(),
        kind: None,
    };
    Pairing::new(&params, &record, "hello").unwrap()
}

fn response(status: u16, body: &str) -> HttpResponse {
    HttpResponse {
        status,
        headers: Vec::new(),
        body: body.as_bytes().to_vec(),
    }
}

#[test]
fn the_pair_url_is_optional_but_must_be_keyed_by_the_activity() {
    assert_eq!(config("").unwrap().pair_url, None);
    let error = config(r#", "pair_url": "/api/pairings""#).unwrap_err();
    assert!(
        error.contains("crm.pair_url") && error.contains("{activity}"),
        "{error}"
    );
    let json = r#"{"api_base": "/d", "crm": {"pair_url": "/p/{activity}"}}"#;
    let error = PanelConfig::from_json(json).unwrap_err().to_string();
    assert!(error.contains("crm.pair_url"), "{error}");
}

#[test]
fn a_pairing_is_a_put_keyed_by_the_activity_never_the_call_log() {
    let fake = Fake::default();
    fake.answers.borrow_mut().push_back(response(201, "{}"));
    let adapter = RestCrmAdapter::new(
        config(r#", "pair_url": "/api/pairings/{activity}""#).unwrap(),
        &fake,
    );
    now(adapter.pair(&pairing())).unwrap();
    let sent = fake.sent.borrow();
    assert_eq!(sent[0].method, Method::Put);
    assert_eq!(sent[0].url, "/api/pairings/act_1");
    let header = |name: &str| {
        sent[0]
            .headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(
        header("Idempotency-Key").as_deref(),
        Some("crm-pairing:act_1")
    );
    assert_eq!(header("X-Api-Key").as_deref(), Some("k"));
    let body: Value = serde_json::from_str(sent[0].body.as_deref().unwrap()).unwrap();
    assert_eq!(body["crm_record"]["id"], "C-1");
    assert_eq!(body["note"], "hello");
}

#[test]
fn reading_back_gives_the_pairing_or_none_for_404() {
    let fake = Fake::default();
    let adapter = RestCrmAdapter::new(
        config(r#", "pair_url": "/api/pairings/{activity}""#).unwrap(),
        &fake,
    );
    let stored = serde_json::to_string(&pairing()).unwrap();
    fake.answers.borrow_mut().push_back(response(200, &stored));
    fake.answers.borrow_mut().push_back(response(404, ""));
    fake.answers.borrow_mut().push_back(response(500, "boom"));
    assert_eq!(now(adapter.read_pairing("act_1")).unwrap(), Some(pairing()));
    assert_eq!(now(adapter.read_pairing("act_1")).unwrap(), None);
    assert_eq!(
        now(adapter.read_pairing("act_1")).unwrap_err().status(),
        Some(500)
    );
    assert_eq!(fake.sent.borrow()[0].method, Method::Get);
}

#[test]
fn without_a_pair_url_nothing_is_sent() {
    let fake = Fake::default();
    let adapter = RestCrmAdapter::new(config("").unwrap(), &fake);
    assert_eq!(now(adapter.pair(&pairing())), Err(CrmError::NoPairUrl));
    assert!(fake.sent.borrow().is_empty());
}
