//! The envelope rules beyond the captured fixtures: statuses with empty bodies, decode paths,
//! `data` keyed by name, call items, whoim and login shapes. Bodies here are hand-written
//! (no public capture exists for them); each follows CONTRACT.md.
#![allow(clippy::unwrap_used)]

use daktela_api::models::{Activity, CallDirection, Contact, RealtimeSession, SessionState, Whoim};
use daktela_api::{Error, LoginTokens, decode, decode_list};

#[test]
fn empty_bodies_on_401_403_404_map_to_their_variants() {
    assert_eq!(
        decode::<Activity>(401, b"").unwrap_err(),
        Error::Unauthorized { messages: vec![] }
    );
    assert_eq!(
        decode::<Activity>(403, b"").unwrap_err(),
        Error::Forbidden { messages: vec![] }
    );
    assert_eq!(
        decode::<Activity>(404, b"  \n").unwrap_err(),
        Error::NotFound { messages: vec![] }
    );
}

#[test]
fn a_proxy_html_page_is_an_api_error_with_its_status() {
    let error = decode::<Activity>(502, b"<html><body>Bad Gateway</body></html>").unwrap_err();
    assert_eq!(
        error,
        Error::Api {
            status: 502,
            messages: vec![]
        }
    );
    assert!(error.is_retryable());
}

#[test]
fn a_write_whose_error_list_is_not_empty_failed_despite_201() {
    let body = br#"{"error":["Queue is not outbound"],"result":{"name":"activities-1"}}"#;
    assert_eq!(
        decode::<Activity>(201, body).unwrap_err(),
        Error::Api {
            status: 201,
            messages: vec!["Queue is not outbound".into()]
        }
    );
}

#[test]
fn no_content_is_fine_when_nothing_is_expected_and_an_error_otherwise() {
    assert!(decode::<()>(204, b"").is_ok());
    assert!(matches!(
        decode::<Activity>(204, b"").unwrap_err(),
        Error::Decode { .. }
    ));
}

#[test]
fn decode_errors_name_the_json_path() {
    let body = br#"{"error":[],"result":{"data":[{"name":"a"},{"name":{"oops":1}}],"total":2}}"#;
    let Error::Decode { path, .. } = decode_list::<Contact>(200, body).unwrap_err() else {
        panic!()
    };
    assert_eq!(path, "result.data[1].name");
}

#[test]
fn decode_errors_inside_a_call_item_name_the_inner_path_too() {
    let body =
        br#"{"error":[],"result":{"type":"CALL","item":{"id_call":"c1","answered":"maybe"}}}"#;
    let Error::Decode { path, message } = decode::<Activity>(200, body).unwrap_err() else {
        panic!()
    };
    assert_eq!(path, "result.item.answered");
    assert!(message.contains("maybe"), "{message}");
}

#[test]
fn broken_json_is_a_decode_error_of_the_whole_body() {
    let Error::Decode { path, .. } = decode::<Activity>(200, b"{\"error\":[").unwrap_err() else {
        panic!()
    };
    assert_eq!(path, "");
}

#[test]
fn list_data_keyed_by_name_reads_like_an_array_and_a_string_total_counts() {
    let body = br#"{"error":[],"result":{"data":{"b":{"name":"b"},"a":{"name":"a"}},"total":"7"}}"#;
    let (contacts, total) = decode_list::<Contact>(200, body).unwrap();
    let names: Vec<_> = contacts
        .iter()
        .map(|c| c.name.as_ref().unwrap().as_str())
        .collect();
    assert_eq!((names, total), (vec!["b", "a"], 7));
}

#[test]
fn a_list_without_total_counts_its_page() {
    let (rows, total) =
        decode_list::<Contact>(200, br#"{"error":[],"result":{"data":[{},{}]}}"#).unwrap();
    assert_eq!((rows.len(), total), (2, 2));
}

#[test]
fn a_ringing_inbound_call_activity_exposes_its_caller() {
    let body = br#"{"error":[],"result":{"name":"activities-1","type":"CALL","action":"WAIT",
        "user":{"name":"jnovak","title":"Jan Novak"},
        "item":{"id_call":"1652171234.1","direction":"in","clid":"00420226211245","answered":0,
                "id_queue":{"name":2000,"title":"Inbound"},"_sys":{"model":"activitiesCall"}},
        "queue":{"name":2000}}}"#;
    let activity: Activity = decode(200, body).unwrap();
    let call = activity.call().unwrap();
    assert_eq!(call.direction, Some(CallDirection::In));
    assert_eq!(call.clid.as_deref(), Some("00420226211245"));
    assert_eq!(call.answered, Some(false));
    assert_eq!(call.id_queue.as_ref().and_then(|q| q.name()), Some("2000"));
    assert_eq!(activity.user_login(), Some("jnovak"));
}

#[test]
fn whoim_with_a_null_user_means_not_logged_in() {
    let whoim: Whoim = decode(
        200,
        br#"{"error":[],"result":{"version":"6.27","user":null},"_timezone":"Europe/Prague"}"#,
    )
    .unwrap();
    assert_eq!(whoim.version.as_deref(), Some("6.27"));
    assert!(whoim.user.is_none());
}

#[test]
fn whoim_never_keeps_the_token_it_echoes() {
    let body = br#"{"error":[],"result":{"version":"6","user":{"name":"jnovak","_sys":{"accessToken":"s3cr3t"}}}}"#;
    let whoim: Whoim = decode(200, body).unwrap();
    assert!(!format!("{whoim:?}").contains("s3cr3t"));
}

#[test]
fn login_reads_a_bare_token_and_the_object_form() {
    let bare: LoginTokens = decode(200, br#"{"error":[],"result":"abc"}"#).unwrap();
    assert_eq!(bare.access_token.expose(), "abc");
    let object: LoginTokens = decode(
        201,
        br#"{"error":[],"result":{"accessToken":"abc","refreshToken":"r"}}"#,
    )
    .unwrap();
    assert_eq!(object.refresh_token.unwrap().expose(), "r");
}

#[test]
fn realtime_session_reads_paused_state_and_active_call() {
    let body = br#"{"error":[],"result":{"data":[{"id_agent":{"name":"jnovak"},"state":"Paused",
        "id_pause":{"name":"lunch","title":"Ob\u011bd"},"id_call":"","exten_status":"Idle"}],"total":1}}"#;
    let (sessions, _) = decode_list::<RealtimeSession>(200, body).unwrap();
    let session = &sessions[0];
    assert_eq!(session.state, Some(SessionState::Paused));
    assert!(session.is_paused());
    assert_eq!(
        (session.pause_name(), session.active_call()),
        (Some("lunch"), None)
    );
    assert_eq!(session.agent_login(), Some("jnovak"));
}
