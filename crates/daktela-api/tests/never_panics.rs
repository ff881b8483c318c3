//! `interpret`, `decode` and `decode_list` never panic, whatever the status, headers and bytes.
#![allow(clippy::unwrap_used)]

use daktela_api::models::{Activity, Contact, Pause, Queue, RealtimeSession, Status, Whoim};
use daktela_api::{LoginTokens, decode, decode_list, interpret};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Arbitrary JSON, nested a few levels, with Daktela's favourite keys mixed in so the models'
/// own fields (not only unknown ones) get odd values.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("name".to_owned()),
        Just("error".to_owned()),
        Just("result".to_owned()),
        Just("data".to_owned()),
        Just("total".to_owned()),
        Just("item".to_owned()),
        Just("_sys".to_owned()),
        Just("id_call".to_owned()),
        Just("user".to_owned()),
        Just("form".to_owned()),
        Just("primary".to_owned()),
        Just("customFields".to_owned()),
        Just("hash".to_owned()),
        Just("accessToken".to_owned()),
        "[a-z_]{1,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|pairs| Value::Object(pairs.into_iter().collect())),
        ]
    })
}

fn everything(status: u16, headers: &[(String, String)], body: &[u8]) {
    let _ = interpret::<Value>(status, headers, body);
    let _ = interpret::<Activity>(status, headers, body);
    let _ = decode::<Contact>(status, body);
    let _ = decode::<Whoim>(status, body);
    let _ = decode::<LoginTokens>(status, body);
    let _ = decode_list::<Activity>(status, body);
    let _ = decode_list::<RealtimeSession>(status, body);
    let _ = decode_list::<Queue>(status, body);
    let _ = decode_list::<Pause>(status, body);
    let _ = decode_list::<Status>(status, body);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(status in any::<u16>(), retry in ".{0,6}", body in prop::collection::vec(any::<u8>(), 0..256)) {
        let headers = vec![("Retry-After".to_owned(), retry)];
        everything(status, &headers, &body);
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend_from_slice(&body);
        everything(status, &headers, &with_bom);
    }

    #[test]
    fn arbitrary_json_in_the_envelope_never_panics(status in prop_oneof![Just(200u16), Just(201), Just(204), Just(400), Just(401), Just(404), Just(429), Just(500), any::<u16>()],
                                                  error in any_json(), result in any_json()) {
        let list = json!({"error": error.clone(), "result": {"data": result.clone(), "total": result.clone()}});
        let record = json!({"error": error, "result": result});
        for body in [list, record] {
            everything(status, &[], body.to_string().as_bytes());
        }
    }

    #[test]
    fn a_failure_status_is_never_a_success(status in 300u16..600, body in any_json()) {
        prop_assert!(interpret::<Value>(status, &[], body.to_string().as_bytes()).is_err());
    }
}
