//! The CRM's read-only pages: the contact list, a contact, and the phone search.

use std::fmt::Write;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use crate::contacts::{Contact, PhoneLink};
use crate::crm::Crm;
use crate::page::{esc, page, url_component};
use crate::phone::display;
use crate::store::StoredLog;

/// `GET /contacts`: every contact with its first number.
pub async fn list(State(crm): State<Crm>) -> Html<String> {
    let rows: String = crm
        .contacts()
        .iter()
        .map(|c| contact_row(&crm, c))
        .collect();
    let main = format!(
        r#"<section class="crm-card">
<h1>Contacts</h1>
<table class="crm-table" id="contacts">
<thead><tr><th>Name</th><th>Company</th><th>Phone</th><th>E-mail</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
</section>"#
    );
    Html(page(&crm.chrome, "Contacts", &main))
}

fn contact_row(crm: &Crm, c: &Contact) -> String {
    let phone = c
        .phones
        .first()
        .map(|p| esc(&display(&p.e164, crm.chrome.default_cc, false)))
        .unwrap_or_default();
    format!(
        "<tr><td><a href=\"{url}\">{name}</a></td><td>{company}</td><td>{phone}</td><td>{email}</td></tr>\n",
        url = esc(&c.url()),
        name = esc(&c.name),
        company = esc(c.company.as_deref().unwrap_or("")),
        email = esc(c.email.as_deref().unwrap_or("")),
    )
}

/// `GET /contacts/{id}`: the record a screen pop opens, with `tel:`, `callto:` and plain-text
/// numbers and the calls logged against it.
pub async fn show(State(crm): State<Crm>, Path(id): Path<String>) -> Response {
    let Some(contact) = crm.contact(&id) else {
        return not_found(&crm, &format!("No contact has the id {id}."));
    };
    let mut phones = String::new();
    for p in &contact.phones {
        let cc = crm.chrome.default_cc;
        let number = match p.link {
            PhoneLink::Tel | PhoneLink::Callto => {
                let scheme = if p.link == PhoneLink::Tel {
                    "tel"
                } else {
                    "callto"
                };
                format!(
                    "<a class=\"phone\" href=\"{scheme}:{e164}\">{shown}</a>",
                    e164 = esc(&p.e164),
                    shown = esc(&display(&p.e164, cc, false)),
                )
            }
            PhoneLink::Text => esc(&display(&p.e164, cc, true)),
        };
        let _ = writeln!(
            phones,
            "<tr><th>{}</th><td>{number}</td></tr>",
            esc(&p.label)
        );
    }
    let company = contact
        .company
        .as_deref()
        .map(|c| format!("<p class=\"company\">{}</p>", esc(c)))
        .unwrap_or_default();
    let email = contact
        .email
        .as_deref()
        .map(|e| format!("<p><a href=\"mailto:{0}\">{0}</a></p>", esc(e)))
        .unwrap_or_default();
    let notes = if contact.notes.is_empty() {
        String::new()
    } else {
        format!("<h2>Notes</h2>\n<p>{}</p>", esc(&contact.notes))
    };
    let main = format!(
        r#"<section class="crm-card" id="contact" data-crm-id="{id}">
<h1>{name}</h1>
{company}{email}
<h2>Phone numbers</h2>
<table class="crm-table" id="phones">
{phones}</table>
{notes}
<h2>Call history</h2>
{history}
</section>"#,
        id = esc(&contact.id),
        name = esc(&contact.name),
        history = history(&crm, &crm.history(&contact)),
    );
    Html(page(&crm.chrome, &contact.name, &main)).into_response()
}

fn history(crm: &Crm, logs: &[StoredLog]) -> String {
    if logs.is_empty() {
        return "<p id=\"call-history\">No calls logged yet.</p>".into();
    }
    let mut rows = String::new();
    for l in logs {
        let r = &l.record;
        let text = |f: &str| esc(r.field_text(f).unwrap_or(""));
        let number = crm.e164(r.remote_number()).map_or_else(
            || r.remote_number().to_owned(),
            |n| display(&n, crm.chrome.default_cc, false),
        );
        let _ = writeln!(
            rows,
            "<tr data-external-id=\"{ext}\"><td>{started}</td><td>{dir}</td><td>{number}</td><td>{dur}</td><td>{outcome}</td><td>{disp}</td><td>{note}</td></tr>",
            ext = esc(r.external_id()),
            started = text("started_at"),
            dir = esc(r.direction()),
            number = esc(&number),
            dur = r
                .duration_s()
                .map(|s| format!("{}:{:02}", s / 60, s % 60))
                .unwrap_or_default(),
            outcome = text("outcome"),
            disp = esc(&r.disposition_text().join(", ")),
            note = text("note"),
        );
    }
    format!(
        r#"<table class="crm-table" id="call-history">
<thead><tr><th>Started (UTC)</th><th>Direction</th><th>Number</th><th>Duration</th><th>Outcome</th><th>Disposition</th><th>Note</th></tr></thead>
<tbody>
{rows}</tbody>
</table>"#
    )
}

/// The query of the search page.
#[derive(Debug, Deserialize)]
pub struct PhoneQuery {
    /// The number as typed or as the panel filled it in.
    #[serde(default)]
    pub phone: String,
}

/// `GET /contacts/search?phone=...`: where a screen pop with several matches lands.
pub async fn search(State(crm): State<Crm>, Query(q): Query<PhoneQuery>) -> Html<String> {
    let typed = plus_from_query(&q.phone);
    let body = if typed.trim().is_empty() {
        "<p>Type a phone number in the search box above.</p>".to_owned()
    } else if let Some(e164) = crm.e164(&typed) {
        let found = crm.with_number(&e164);
        let shown = esc(&display(&e164, crm.chrome.default_cc, false));
        let new_link = format!(
            "<p><a id=\"create-contact\" href=\"/contacts/new?phone={}\">Create a contact with {shown}</a></p>",
            esc(&url_component(&e164))
        );
        if found.is_empty() {
            format!("<p id=\"no-results\">No contact has the number {shown}.</p>\n{new_link}")
        } else {
            let rows: String = found.iter().map(|c| contact_row(&crm, c)).collect();
            format!(
                r#"<p>{n} the number {shown}.</p>
<table class="crm-table" id="results">
<thead><tr><th>Name</th><th>Company</th><th>Phone</th><th>E-mail</th></tr></thead>
<tbody>
{rows}</tbody>
</table>
{new_link}"#,
                n = match found.len() {
                    1 => "1 contact has".to_owned(),
                    n => format!("{n} contacts have"),
                }
            )
        }
    } else {
        format!(
            "<p id=\"not-a-number\">&quot;{}&quot; is not a phone number.</p>",
            esc(&typed)
        )
    };
    let main = format!(
        "<section class=\"crm-card\" id=\"search\">\n<h1>Search by phone</h1>\n{body}\n</section>"
    );
    Html(page(&crm.chrome, "Search", &main))
}

/// A `+` typed into a URL by hand arrives as a space (form encoding); a number starting with
/// one was meant as `+`. The panel itself sends `%2B`.
pub fn plus_from_query(raw: &str) -> String {
    match raw.strip_prefix(' ') {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => format!("+{rest}"),
        _ => raw.to_owned(),
    }
}

/// A 404 page inside the CRM's frame.
pub fn not_found(crm: &Crm, message: &str) -> Response {
    let main = format!(
        "<section class=\"crm-card\">\n<h1>Not found</h1>\n<p>{}</p>\n<p><a href=\"/contacts\">All contacts</a></p>\n</section>",
        esc(message)
    );
    (
        StatusCode::NOT_FOUND,
        Html(page(&crm.chrome, "Not found", &main)),
    )
        .into_response()
}
