//! The new-contact form: where a screen pop for an unknown caller lands, pre-filled with the
//! number, and the `POST` that creates the contact.

use axum::Form;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Deserialize;

use crate::contacts::{Contact, Phone, PhoneLink, next_id};
use crate::crm::Crm;
use crate::page::{esc, page};
use crate::pages::{PhoneQuery, plus_from_query};
use crate::store::StoreError;

/// What the form posts (`application/x-www-form-urlencoded`).
#[derive(Debug, Default, Deserialize)]
pub struct NewContact {
    /// Full name (required).
    #[serde(default)]
    pub name: String,
    /// Company (optional).
    #[serde(default)]
    pub company: String,
    /// E-mail (optional).
    #[serde(default)]
    pub email: String,
    /// Phone number in any common form (required).
    #[serde(default)]
    pub phone: String,
}

/// `GET /contacts/new?phone=...`: the form with the number filled in (as E.164 when it reads as
/// one, otherwise as given, so the agent sees what the panel sent).
pub async fn new(State(crm): State<Crm>, Query(q): Query<PhoneQuery>) -> Html<String> {
    let typed = plus_from_query(&q.phone);
    let phone = crm.e164(&typed).unwrap_or(typed);
    let draft = NewContact {
        phone,
        ..NewContact::default()
    };
    Html(form_page(&crm, &draft, &[]))
}

/// `POST /contacts`: creates the contact and redirects (303) to its page; a refused form comes
/// back (422) with the values kept and each problem named.
pub async fn create(State(crm): State<Crm>, Form(draft): Form<NewContact>) -> Response {
    let name = draft.name.trim();
    let email = draft.email.trim();
    let mut problems = Vec::new();
    if name.is_empty() {
        problems.push("Name is required.");
    } else if name.chars().count() > 200 {
        problems.push("Name is longer than 200 characters.");
    }
    let e164 = crm.e164(&draft.phone);
    if e164.is_none() {
        problems.push("Phone is not a phone number (for example +420 777 123 456).");
    }
    if !email.is_empty() && !email.contains('@') {
        problems.push("E-mail needs an @.");
    }
    let (Some(e164), true) = (e164, problems.is_empty()) else {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html(form_page(&crm, &draft, &problems)),
        )
            .into_response();
    };
    let seeded = crm.seeded.clone();
    let created = crm.store.update(|data| {
        let id = next_id(seeded.iter().chain(data.contacts.iter()));
        let contact = Contact {
            id,
            name: name.to_owned(),
            company: Some(draft.company.trim().to_owned()).filter(|c| !c.is_empty()),
            email: Some(email.to_owned()).filter(|e| !e.is_empty()),
            phones: vec![Phone {
                label: "Phone".into(),
                e164,
                link: PhoneLink::Tel,
            }],
            notes: String::new(),
        };
        data.contacts.push(contact.clone());
        Ok::<_, StoreError>(contact)
    });
    match created {
        Ok(contact) => (StatusCode::SEE_OTHER, [(header::LOCATION, contact.url())]).into_response(),
        Err(err) => {
            tracing::error!(%err, "contact not saved");
            let problem = format!("The contact was not saved: {err}");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Html(form_page(&crm, &draft, &[&problem])),
            )
                .into_response()
        }
    }
}

fn form_page(crm: &Crm, draft: &NewContact, problems: &[&str]) -> String {
    let errors = if problems.is_empty() {
        String::new()
    } else {
        let items: String = problems
            .iter()
            .map(|p| format!("<li>{}</li>", esc(p)))
            .collect();
        format!("<ul class=\"form-errors\" role=\"alert\">{items}</ul>\n")
    };
    let main = format!(
        r#"<section class="crm-card" id="new-contact">
<h1>New contact</h1>
{errors}<form method="post" action="/contacts">
<p><label>Name <input name="name" required value="{name}"></label></p>
<p><label>Company <input name="company" value="{company}"></label></p>
<p><label>Phone <input name="phone" type="tel" required value="{phone}"></label></p>
<p><label>E-mail <input name="email" type="email" value="{email}"></label></p>
<p><button type="submit">Create contact</button></p>
</form>
</section>"#,
        name = esc(&draft.name),
        company = esc(&draft.company),
        phone = esc(&draft.phone),
        email = esc(&draft.email),
    );
    page(&crm.chrome, "New contact", &main)
}
