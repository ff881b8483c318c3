//! The native client against the simulator: finding the caller among the contacts, and linking
//! a call to a contact.
#![allow(clippy::unwrap_used)]

mod sim_common;

use daktela_api::Error;
use daktela_api::models::{ActivityName, CallId, ContactName};
use sim_common::*;

#[tokio::test]
async fn a_call_from_an_unknown_number_can_be_linked_to_a_contact() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let rung = ring(&sim, "+420 608 999 000");
    let before = client
        .activity(&ActivityName::new(rung.activity.clone()))
        .await
        .unwrap();
    assert!(
        before.contact.is_none(),
        "no seeded contact has this number"
    );

    let linked = client
        .link_call_to_contact(
            &CallId::new(rung.id_call.clone()),
            &ContactName::new("contact_petra_mala"),
        )
        .await
        .unwrap();
    assert_eq!(
        linked.contact.as_ref().and_then(|c| c.name()),
        Some("contact_petra_mala")
    );
    let after = client
        .activity(&ActivityName::new(rung.activity))
        .await
        .unwrap();
    assert_eq!(
        after.contact.as_ref().and_then(|c| c.name()),
        Some("contact_petra_mala")
    );
    assert_eq!(
        after
            .call()
            .unwrap()
            .contact
            .as_ref()
            .and_then(|c| c.name()),
        Some("contact_petra_mala")
    );
}

#[tokio::test]
async fn linking_a_call_to_a_contact_that_does_not_exist_is_a_validation_error() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let rung = ring(&sim, "+420 608 999 000");
    let error = client
        .link_call_to_contact(&CallId::new(rung.id_call), &ContactName::new("nobody"))
        .await
        .unwrap_err();
    let Error::Validation { form, .. } = &error else {
        panic!("expected a validation error, got {error:?}");
    };
    assert_eq!(form[0].field, "contact");
}

#[tokio::test]
async fn contacts_by_phone_finds_the_seeded_contact_from_international_and_national_forms() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let stored = daktela_api::phone::e164_to_daktela("+420777123456").unwrap();
    for typed in ["+420777123456", "+420 777 123 456", &stored, "777123456"] {
        let found = client.contacts_by_phone(typed).await.unwrap();
        let names: Vec<_> = found
            .iter()
            .filter_map(|c| c.name.as_ref().map(|n| n.as_str()))
            .collect();
        assert_eq!(names, ["contact_jan_novak"], "searching {typed:?}");
        assert_eq!(found[0].phone_numbers(), ["00420777123456"]);
        assert_eq!(found[0].firstname.as_deref(), Some("Jan"));
    }
    assert!(
        client
            .contacts_by_phone("00420608999000")
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn contacts_by_phone_finds_a_contact_by_its_second_number_and_a_foreign_one() {
    let sim = sim(quiet_config()).await;
    let client = logged_in(&sim).await;
    let by_second = client.contacts_by_phone("00420222333444").await.unwrap();
    assert_eq!(
        by_second[0].name.as_ref().unwrap().as_str(),
        "contact_tomas_cerny"
    );
    assert_eq!(by_second[0].phone_numbers().len(), 2);
    let foreign = client.contacts_by_phone("+442079460958").await.unwrap();
    assert_eq!(
        foreign[0].name.as_ref().unwrap().as_str(),
        "contact_john_smith"
    );
}
