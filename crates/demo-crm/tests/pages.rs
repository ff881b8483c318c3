//! The CRM's HTML pages: what an agent sees and what the panel is embedded in.
#![allow(clippy::unwrap_used)]

mod common;

use axum::http::StatusCode;
use common::{call_log, fake_dist, form, get, json, router};
use demo_crm::RING_NUMBERS;

/// The inline panel configuration of a page, parsed.
fn embedded_config(html: &str) -> serde_json::Value {
    let start_tag = r#"<script type="application/json" id="daktela-cti-config">"#;
    let start = html.find(start_tag).unwrap() + start_tag.len();
    let end = start + html[start..].find("</script>").unwrap();
    serde_json::from_str(&html[start..end]).unwrap()
}

#[tokio::test]
async fn every_page_includes_the_panel_with_its_configuration() {
    let dist = fake_dist();
    let r = router(&dist);
    for uri in [
        "/contacts",
        "/contacts/C-1002",
        "/contacts/search?phone=%2B420777123456",
        "/contacts/new?phone=%2B420608999000",
    ] {
        let page = get(&r, uri).await;
        assert_eq!(page.status, StatusCode::OK, "{uri}");
        assert_eq!(page.headers["content-type"], "text/html; charset=utf-8");
        assert!(
            page.text
                .contains(r#"<script type="module" src="/loader.js"></script>"#),
            "{uri}"
        );
        let config = embedded_config(&page.text);
        assert_eq!(config["api_base"], "/daktela");
        assert_eq!(config["default_country"], "CZ");
        assert_eq!(config["crm"]["adapter"], "rest");
        assert_eq!(config["crm"]["lookup_url"], "/api/lookup?phone={e164}");
        assert_eq!(config["crm"]["log_url"], "/api/call-logs/{external_id}");
        assert_eq!(
            config["screen_pop"]["search_url"],
            "/contacts/search?phone={e164}"
        );
        assert_eq!(
            config["screen_pop"]["new_contact_url"],
            "/contacts/new?phone={e164}"
        );
        // No inline script that executes: the pages work under a strict CSP.
        assert_eq!(page.text.matches("<script").count(), 3, "{uri}");
        assert!(
            page.text
                .contains(r#"<script src="/demo-controls.js" defer></script>"#)
        );
    }
}

#[tokio::test]
async fn the_demo_toolbar_rings_the_single_double_and_unknown_numbers() {
    let dist = fake_dist();
    let page = get(&router(&dist), "/contacts").await.text;
    assert!(page.contains(r#"data-sim-base="/daktela" data-agent="agent1""#));
    for ring in RING_NUMBERS {
        assert!(
            page.contains(&format!(r#"data-action="ring" data-from="{}""#, ring.e164)),
            "{}",
            ring.e164
        );
    }
    assert!(page.contains("Ring agent1 from +420 777 123 456 (Jan Novák, 1 contact)"));
    for action in [
        r#"data-action="answer""#,
        r#"data-action="hangup""#,
        r#"data-action="phone" data-online="false""#,
        r#"data-action="phone" data-online="true""#,
    ] {
        assert!(page.contains(action), "{action}");
    }
}

#[tokio::test]
async fn the_contact_list_links_every_seeded_contact() {
    let dist = fake_dist();
    let page = get(&router(&dist), "/contacts").await.text;
    assert!(page.contains(r#"<a href="/contacts/C-1002">Jan Novák</a>"#));
    assert!(page.contains(r#"<a href="/contacts/C-1001">Jana Nováková</a>"#));
    assert!(page.contains("Dvořák &amp; syn"));
    assert_eq!(page.matches("<a href=\"/contacts/C-").count(), 8);
}

#[tokio::test]
async fn a_contact_page_shows_tel_callto_and_plain_text_numbers() {
    let dist = fake_dist();
    let page = get(&router(&dist), "/contacts/C-1001").await.text;
    assert!(page.contains(r#"data-crm-id="C-1001""#));
    assert!(page.contains("<h1>Jana Nováková</h1>"));
    assert!(page.contains(r#"<a class="phone" href="tel:+420226211245">+420 226 211 245</a>"#));
    assert!(page.contains(r#"<a class="phone" href="callto:+421905555123">+421 905 555 123</a>"#));
    assert!(page.contains("<th>Home</th><td>602 987 654</td>"));
    assert!(page.contains("No calls logged yet."));
}

#[tokio::test]
async fn an_unknown_contact_is_a_404_page() {
    let dist = fake_dist();
    let page = get(&router(&dist), "/contacts/C-9999").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert!(page.text.contains("No contact has the id C-9999."));
}

#[tokio::test]
async fn search_lists_both_contacts_behind_a_switchboard() {
    let dist = fake_dist();
    let page = get(&router(&dist), "/contacts/search?phone=%2B420222333444")
        .await
        .text;
    assert!(page.contains("2 contacts have the number +420 222 333 444."));
    assert!(page.contains(r#"<a href="/contacts/C-1004">Tomáš Černý</a>"#));
    assert!(page.contains(r#"<a href="/contacts/C-1005">Alena Bílá</a>"#));
}

#[tokio::test]
async fn search_for_an_unknown_number_offers_to_create_a_contact() {
    let dist = fake_dist();
    // A hand-typed `+` arrives as a space; the search still reads it as `+`.
    let page = get(&router(&dist), "/contacts/search?phone=+420608999000")
        .await
        .text;
    assert!(page.contains("No contact has the number +420 608 999 000."));
    assert!(page.contains(r#"href="/contacts/new?phone=%2B420608999000""#));
}

#[tokio::test]
async fn search_says_when_the_text_is_not_a_number() {
    let dist = fake_dist();
    let page = get(&router(&dist), "/contacts/search?phone=%3Cb%3Ebob")
        .await
        .text;
    assert!(page.contains("&quot;&lt;b&gt;bob&quot; is not a phone number."));
}

#[tokio::test]
async fn the_new_contact_form_is_prefilled_with_the_number() {
    let dist = fake_dist();
    let page = get(&router(&dist), "/contacts/new?phone=%2B420608999000")
        .await
        .text;
    assert!(page.contains(r#"<input name="phone" type="tel" required value="+420608999000">"#));
    assert!(page.contains(r#"<form method="post" action="/contacts">"#));
}

#[tokio::test]
async fn creating_a_contact_redirects_to_its_page_and_makes_its_number_known() {
    let dist = fake_dist();
    let r = router(&dist);
    let res = form(
        &r,
        "/contacts",
        "name=Ivana+Nov%C3%A1&company=Nov%C3%A1+a+spol.&phone=%2B420608999000&email=ivana%40example.cz",
    )
    .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER);
    assert_eq!(res.headers["location"], "/contacts/C-1009");
    let page = get(&r, "/contacts/C-1009").await.text;
    assert!(page.contains("<h1>Ivana Nová</h1>"));
    assert!(page.contains(r#"href="tel:+420608999000""#));
    let found = get(&r, "/api/lookup?phone=%2B420608999000").await.json();
    assert_eq!(found[0]["id"], "C-1009");
}

#[tokio::test]
async fn an_invalid_form_comes_back_with_the_problems_and_the_values_kept() {
    let dist = fake_dist();
    let r = router(&dist);
    let res = form(&r, "/contacts", "name=&phone=hello&company=Acme+%22Q%22").await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text.contains("Name is required."));
    assert!(res.text.contains("Phone is not a phone number"));
    assert!(res.text.contains(r#"value="Acme &quot;Q&quot;""#));
    assert_eq!(
        get(&r, "/contacts/C-1009").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn hostile_names_are_shown_as_text_never_as_markup() {
    let dist = fake_dist();
    let r = router(&dist);
    let hostile = "<script>alert('x')</script>";
    let body = format!(
        "name={}&company=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&phone=%2B420608999001",
        "%3Cscript%3Ealert('x')%3C%2Fscript%3E"
    );
    assert_eq!(
        form(&r, "/contacts", &body).await.status,
        StatusCode::SEE_OTHER
    );
    let mut log = call_log("activities_hostile", "+420608999001");
    log["note"] = serde_json::json!("</td><script>alert(2)</script>");
    json(&r, "PUT", "/api/call-logs/activities_hostile", &log).await;
    for uri in [
        "/contacts",
        "/contacts/C-1009",
        "/contacts/search?phone=%2B420608999001",
    ] {
        let page = get(&r, uri).await.text;
        assert!(!page.contains(hostile), "{uri}");
        assert!(!page.contains("<img"), "{uri}");
        assert!(
            page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
            "{uri}"
        );
        assert_eq!(page.matches("<script").count(), 3, "{uri}");
    }
    let contact = get(&r, "/contacts/C-1009").await.text;
    assert!(contact.contains("&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
}

#[tokio::test]
async fn call_history_shows_logs_by_record_and_by_number() {
    let dist = fake_dist();
    let r = router(&dist);
    let mut by_record = call_log("activities_a", "+420999888777");
    by_record["crm_record"] = serde_json::json!({"id": "C-1002", "kind": "contact"});
    by_record["note"] = serde_json::json!("Wants a quote");
    by_record["disposition"] = serde_json::json!(["statuses_sale"]);
    json(&r, "PUT", "/api/call-logs/activities_a", &by_record).await;
    json(
        &r,
        "PUT",
        "/api/call-logs/activities_b",
        &call_log("activities_b", "+420777123456"),
    )
    .await;
    json(
        &r,
        "PUT",
        "/api/call-logs/activities_c",
        &call_log("activities_c", "+420602111222"),
    )
    .await;
    let page = get(&r, "/contacts/C-1002").await.text;
    assert!(page.contains(r#"<tr data-external-id="activities_a">"#));
    assert!(page.contains(r#"<tr data-external-id="activities_b">"#));
    assert!(!page.contains("activities_c"));
    assert!(page.contains("<td>1:35</td>"));
    assert!(page.contains("<td>statuses_sale</td><td>Wants a quote</td>"));
    // Newest first.
    assert!(page.find("activities_b").unwrap() < page.find("activities_a").unwrap());
}
