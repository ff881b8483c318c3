//! Every captured body in `contract/daktela-v6/fixtures` decodes into its model, and every error
//! body maps to the right error, with every message kept (Czech included).
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeSet;

use common::{fixture, fixture_json, fixtures_dir};
use daktela_api::models::{
    Activity, ActivityAction, ActivityItem, ActivityType, Attachment, Contact, EmailItem, Related,
    Ticket,
};
use daktela_api::{Error, FieldError, decode, decode_list, interpret};

/// Every fixture this file checks. A new fixture that is not listed fails
/// `every_fixture_in_the_contract_is_checked_here`.
const CHECKED: &[&str] = &[
    "GET_activitiesEmail_list.json",
    "GET_activities_attachments_list.json",
    "GET_activities_list_fields_title_time.json",
    "GET_activities_list_with_email_items.json",
    "GET_activities_single_comment.json",
    "GET_contacts_list.json",
    "GET_contacts_single.json",
    "GET_contacts_single_with_user_object.json",
    "GET_tickets_list.json",
    "GET_tickets_single.json",
    "POST_contacts_error_400_customFields_email.json",
    "POST_contacts_error_400_form_user_foreign_key.json",
    "PUT_contacts_error_400_form_required.json",
    "PUT_contacts_single.json",
    "PUT_tickets_error_400_form_title_required.json",
    "error_400_form_primary.SYNTHETIC.json",
    "error_400_take_over_1000.SYNTHETIC.json",
    "error_429.SYNTHETIC.json",
    "error_form.json",
    "error_primary_user_have_not_available_devices.json",
    "error_string_object_not_exist.json",
    // Request bodies: asserted against the built requests in tests/wire.rs.
    "POST_activities_click_to_call.request.json",
    "POST_login.request.json",
    "POST_usersSession_queue_login.request.json",
];

fn field(name: &str, message: &str) -> FieldError {
    FieldError {
        field: name.to_owned(),
        messages: vec![message.to_owned()],
    }
}

#[test]
fn every_fixture_in_the_contract_is_checked_here() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    let checked: BTreeSet<String> = CHECKED.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(on_disk, checked);
}

#[test]
fn contact_list_decodes_with_the_total_beyond_the_page() {
    let (contacts, total) =
        decode_list::<Contact>(200, &fixture("GET_contacts_list.json")).unwrap();
    assert_eq!(total, 4, "total counts every match, not the page");
    let names: Vec<_> = contacts
        .iter()
        .map(|c| c.name.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(names, ["test_user_with_user", "testing_user"]);
    let owner = contacts[0].user.as_ref().and_then(Related::record).unwrap();
    assert_eq!(owner.name.as_ref().unwrap().as_str(), "administrator");
}

#[test]
fn single_contact_knows_which_custom_fields_are_phones() {
    let contact: Contact = decode(200, &fixture("GET_contacts_single.json")).unwrap();
    let scheme = contact
        .sys
        .as_ref()
        .and_then(|s| s.cf_scheme.as_ref())
        .unwrap();
    assert!(scheme["number"].is_phone());
    assert_eq!(scheme["note"].title.as_deref(), Some("Poznámka"));
    assert!(contact.phone_numbers().is_empty());
}

#[test]
fn contact_with_an_expanded_user_shows_the_users_device_state() {
    let contact: Contact =
        decode(200, &fixture("GET_contacts_single_with_user_object.json")).unwrap();
    let user = contact.user.as_ref().and_then(Related::record).unwrap();
    assert_eq!(user.extension.as_deref(), Some("500"));
    assert!(user.device_offline());
}

#[test]
fn updated_contact_carries_its_phone_numbers_from_custom_fields() {
    // The BOM before the JSON must not matter.
    assert!(fixture("PUT_contacts_single.json").starts_with(b"\xEF\xBB\xBF"));
    let contact: Contact = decode(200, &fixture("PUT_contacts_single.json")).unwrap();
    assert_eq!(contact.phone_numbers(), ["123456789"]);
    assert_eq!(contact.custom_fields.strings("email"), ["my@email.com"]);
}

#[test]
fn activities_restricted_by_fields_decode_without_names() {
    let (rows, total) =
        decode_list::<Activity>(200, &fixture("GET_activities_list_fields_title_time.json"))
            .unwrap();
    assert_eq!((rows.len(), total), (9, 9));
    assert!(rows.iter().all(|a| a.name.is_none() && a.title.is_some()));
    assert_eq!(rows[7].title.as_deref(), Some("Support ticket #10401"));
}

#[test]
fn activity_with_an_email_item_keeps_the_item_as_raw_json() {
    let (rows, _) =
        decode_list::<Activity>(200, &fixture("GET_activities_list_with_email_items.json"))
            .unwrap();
    assert_eq!(rows.len(), 2);
    let first = &rows[0];
    assert_eq!(first.activity_type, Some(ActivityType::Email));
    assert!(first.call().is_none());
    let Some(ActivityItem::Other(item)) = &first.item else {
        panic!("expected a raw item")
    };
    assert_eq!(item["_sys"]["model"], "activitiesEmail");
    assert_eq!(first.ticket.as_ref().and_then(Related::name), Some("9686"));
}

#[test]
fn comment_activity_keeps_its_czech_note() {
    let activity: Activity = decode(200, &fixture("GET_activities_single_comment.json")).unwrap();
    assert_eq!(activity.activity_type, Some(ActivityType::Comment));
    assert_eq!(activity.action, Some(ActivityAction::Close));
    assert_eq!(activity.description.as_deref(), Some("Text komentáře"));
    assert!(activity.statuses.is_empty());
    assert_eq!(
        activity.name.unwrap().as_str(),
        "activities-9673-637872782126648454"
    );
}

#[test]
fn attachments_emails_and_tickets_decode() {
    let (files, _) =
        decode_list::<Attachment>(200, &fixture("GET_activities_attachments_list.json")).unwrap();
    assert_eq!(
        (files[0].title.as_deref(), files[0].size, files[0].inline),
        (Some("favicon.png"), Some(967), Some(false))
    );
    let (emails, total) =
        decode_list::<EmailItem>(200, &fixture("GET_activitiesEmail_list.json")).unwrap();
    assert_eq!((emails[0].name.as_deref(), total), (Some("emails_32"), 1));
    let (tickets, _) = decode_list::<Ticket>(200, &fixture("GET_tickets_list.json")).unwrap();
    assert_eq!(tickets[0].title.as_deref(), Some("Testovací ticket"));
    let ticket: Ticket = decode(200, &fixture("GET_tickets_single.json")).unwrap();
    assert_eq!(ticket.name.unwrap().as_str(), "9672");
}

#[test]
fn every_fixture_also_decodes_as_raw_json() {
    for name in CHECKED
        .iter()
        .filter(|n| !n.contains("error") && !n.ends_with(".request.json"))
    {
        let raw: serde_json::Value = decode(200, &fixture(name)).unwrap();
        assert_eq!(raw, fixture_json(name)["result"], "{name}");
    }
}

#[test]
fn czech_custom_field_rejection_is_a_validation_error_naming_the_field() {
    let error = decode::<Contact>(
        400,
        &fixture("POST_contacts_error_400_customFields_email.json"),
    )
    .unwrap_err();
    assert_eq!(
        error,
        Error::Validation {
            status: 400,
            form: vec![field(
                "customFields.email",
                "E-mail není ve správném formátu"
            )],
            primary: vec![]
        }
    );
}

#[test]
fn foreign_key_rejection_keeps_the_czech_message() {
    let error = decode::<Contact>(
        400,
        &fixture("POST_contacts_error_400_form_user_foreign_key.json"),
    )
    .unwrap_err();
    assert_eq!(error.messages(), ["user: Chyba cizího klíče"]);
}

#[test]
fn required_fields_rejection_lists_every_field() {
    let error =
        decode::<Contact>(400, &fixture("PUT_contacts_error_400_form_required.json")).unwrap_err();
    let Error::Validation { form, .. } = error else {
        panic!("{error:?}")
    };
    // In the order Daktela sent them.
    assert_eq!(
        form,
        vec![
            field("title", "Vstup je povinný"),
            field("lastname", "Vstup je povinný")
        ]
    );
}

#[test]
fn ticket_and_synthetic_form_errors_are_validation_errors() {
    let error = decode::<Ticket>(
        400,
        &fixture("PUT_tickets_error_400_form_title_required.json"),
    )
    .unwrap_err();
    assert_eq!(error.messages(), ["title: Entry is required"]);
    let error =
        decode::<Ticket>(400, &fixture("error_400_form_primary.SYNTHETIC.json")).unwrap_err();
    assert_eq!(
        error,
        Error::Validation {
            status: 400,
            form: vec![field("title", "Required")],
            primary: vec![]
        }
    );
}

#[test]
fn a_form_error_fails_even_when_the_status_says_success() {
    for status in [200, 201, 400] {
        let error = decode::<Contact>(status, &fixture("error_form.json")).unwrap_err();
        assert_eq!(
            error,
            Error::Validation {
                status,
                form: vec![field("lastname", "Item is mandatory")],
                primary: vec![]
            }
        );
    }
}

#[test]
fn take_over_one_thousand_is_an_api_error_with_its_message() {
    let error = decode_list::<Activity>(400, &fixture("error_400_take_over_1000.SYNTHETIC.json"))
        .unwrap_err();
    assert_eq!(
        error,
        Error::Api {
            status: 400,
            messages: vec!["Max defined take is 1000".into()]
        }
    );
}

#[test]
fn rate_limit_reads_retry_after_and_keeps_the_message() {
    let headers = vec![("Retry-After".to_owned(), "3".to_owned())];
    let error =
        interpret::<Activity>(429, &headers, &fixture("error_429.SYNTHETIC.json")).unwrap_err();
    assert_eq!(
        error,
        Error::RateLimited {
            retry_after: Some(3),
            messages: vec!["Too many requests".into()]
        }
    );
    assert_eq!(error.retry_after(), Some(3));
}

#[test]
fn offline_phone_is_recognised_whatever_the_status() {
    for status in [200, 201, 400, 500] {
        let error = decode::<Activity>(
            status,
            &fixture("error_primary_user_have_not_available_devices.json"),
        )
        .unwrap_err();
        assert!(error.is_phone_offline(), "{status}: {error:?}");
        assert_eq!(
            error.messages(),
            ["User have not available devices", "error"]
        );
    }
}

#[test]
fn object_not_exist_as_a_bare_string_after_a_bom_is_kept() {
    let body = fixture("error_string_object_not_exist.json");
    assert!(body.starts_with(b"\xEF\xBB\xBF"));
    assert_eq!(
        decode::<Activity>(404, &body).unwrap_err(),
        Error::NotFound {
            messages: vec!["Object not exist".into()]
        }
    );
    assert_eq!(
        decode::<Activity>(200, &body).unwrap_err(),
        Error::Api {
            status: 200,
            messages: vec!["Object not exist".into()]
        }
    );
}
