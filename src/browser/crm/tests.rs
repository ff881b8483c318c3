//! Reading CRM answers and deciding retry or park.
#![allow(clippy::unwrap_used)]

use super::*;
use serde_json::json;

#[test]
fn lookup_answers_accept_number_ids_missing_fields_and_extras() {
    let records = parse_records(json!([
        {"id": "c1", "name": "Jana", "url": "/contacts/c1", "kind": "contact", "company": "X"},
        {"id": 42, "name": null},
    ]))
    .unwrap();
    assert_eq!(records[0].id, "c1");
    assert_eq!(records[0].kind.as_deref(), Some("contact"));
    assert_eq!(
        (
            records[1].id.as_str(),
            records[1].name.as_str(),
            records[1].url.as_str()
        ),
        ("42", "", "")
    );
}

#[test]
fn a_lookup_answer_that_is_not_a_list_of_records_names_the_problem() {
    let e = parse_records(json!({"records": []})).unwrap_err();
    assert!(e.to_string().contains("not an object"), "{e}");
    let e = parse_records(json!([{"id": "a"}, {"name": "no id"}])).unwrap_err();
    assert!(e.to_string().contains("record [1]"), "{e}");
    let e = parse_records(json!([{"id": ""}])).unwrap_err();
    assert!(e.to_string().contains("non-empty"), "{e}");
}

#[test]
fn server_errors_and_no_answer_are_retried_rejections_are_parked() {
    let backoff = Backoff::default();
    let status = |status, retry_after_s| CrmError::Status {
        status,
        retry_after_s,
        message: String::new(),
    };
    for retryable in [
        status(500, None),
        status(503, None),
        status(408, None),
        CrmError::Unreachable("offline".into()),
        CrmError::NoHost,
        CrmError::Rejected {
            function: "log",
            message: "busy".into(),
            permanent: false,
        },
    ] {
        assert!(
            matches!(retryable.retry(1, &backoff, 0.5), Retry::After(_)),
            "{retryable}"
        );
    }
    for parked in [
        status(400, None),
        status(404, None),
        status(422, None),
        CrmError::BadAnswer("x".into()),
        CrmError::NotAFunction("log"),
        CrmError::InvalidRequest("x".into()),
        CrmError::Rejected {
            function: "log",
            message: "invalid".into(),
            permanent: true,
        },
    ] {
        assert_eq!(parked.retry(1, &backoff, 0.5), Retry::Never, "{parked}");
        assert!(!parked.is_retryable());
    }
}

#[test]
fn too_many_requests_waits_at_least_retry_after() {
    let e = CrmError::Status {
        status: 429,
        retry_after_s: Some(120),
        message: String::new(),
    };
    assert_eq!(e.status(), Some(429));
    let Retry::After(ms) = e.retry(1, &Backoff::default(), 0.0) else {
        panic!("429 is retried");
    };
    assert!(ms >= 120_000, "{ms}");
}

#[test]
fn the_crm_id_is_read_from_common_answer_shapes() {
    assert_eq!(crm_id(&json!({"id": 7, "created": true})), Some("7".into()));
    assert_eq!(crm_id(&json!("log-1")), Some("log-1".into()));
    assert_eq!(crm_id(&json!(null)), None);
    assert_eq!(crm_id(&json!({"ok": true})), None);
}
