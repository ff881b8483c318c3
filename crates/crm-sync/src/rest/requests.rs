//! REST mode's requests as data: the `contacts` and `accounts` bodies (OpenAPI
//! `Daktela.Corm.Crm.Contact-1` / `Account-1`) and the calls that carry them.

use crate::model::{Company, Contact, Field};
use daktela_api::{ApiRequest, Method};
use serde_json::{Map, Value, json};

fn custom_fields(fields: &[Field]) -> Value {
    let mut map = Map::new();
    for f in fields {
        // Two entries with one key (e.g. two CSV columns mapped apart) are merged.
        let entry = map
            .entry(f.key.clone())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(values) = entry {
            values.extend(f.value.iter().cloned().map(Value::String));
        }
    }
    Value::Object(map)
}

/// The contact's `title` ("formatted full name"): the CRM name, else first + last name,
/// else the CRM id.
fn title(c: &Contact) -> String {
    if let Some(n) = &c.name {
        return n.clone();
    }
    let joined = [c.firstname.as_deref(), c.lastname.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    if joined.is_empty() {
        c.id.text.clone()
    } else {
        joined
    }
}

/// The body of a contact write. `lastname` is required by Daktela, so a contact without one
/// gets its title there.
///
/// UNCONFIRMED(R1): OpenAPI `Contact-1`/`Account-1` list `database` as required; it is sent
/// only when configured (`--database`), as the vendor SDK adds its configured database. An
/// instance that insists on it answers 400 with `error.form.database`, reported per record.
pub fn contact_body(
    c: &Contact,
    name: &str,
    account: Option<&str>,
    database: Option<&str>,
) -> Value {
    let title = title(c);
    let mut body = json!({
        "name": name,
        "title": title,
        "firstname": c.firstname,
        "lastname": c.lastname.clone().unwrap_or_else(|| title.clone()),
        "description": c.description,
        "account": account,
        "customFields": custom_fields(&c.fields),
    });
    if let Some(db) = database {
        body["database"] = Value::String(db.to_owned());
    }
    body
}

/// The body of an account write.
pub fn account_body(company: &Company, name: &str, database: Option<&str>) -> Value {
    let title = company
        .name
        .clone()
        .or_else(|| company.id.as_ref().map(|i| i.text.clone()))
        .unwrap_or_default();
    let mut body = json!({
        "name": name,
        "title": title,
        "description": company.description,
        "customFields": custom_fields(&company.fields),
    });
    if let Some(db) = database {
        body["database"] = Value::String(db.to_owned());
    }
    body
}

/// `POST /api/v6/{model}.json` (create).
pub fn create(model: &str, body: Value) -> ApiRequest {
    ApiRequest::collection(Method::Post, model).with_body(body)
}

/// `PUT /api/v6/{model}/{name}.json` (update).
pub fn update(model: &str, name: &str, body: Value) -> ApiRequest {
    ApiRequest::record(Method::Put, model, name).with_body(body)
}

/// `DELETE /api/v6/contacts/{name}.json`.
pub fn delete_contact(name: &str) -> ApiRequest {
    ApiRequest::record(Method::Delete, "contacts", name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CrmId;

    #[test]
    fn a_contact_body_has_the_openapi_keys_and_merged_custom_fields() {
        let c = Contact {
            id: CrmId::from_text("2"),
            name: None,
            firstname: Some("Jiri".into()),
            lastname: None,
            description: None,
            fields: vec![
                Field {
                    key: "number".into(),
                    value: vec!["00420773794604".into()],
                },
                Field {
                    key: "number".into(),
                    value: vec!["00420775156599".into()],
                },
                Field {
                    key: "email".into(),
                    value: vec!["j@example.com".into()],
                },
            ],
            line: 1,
        };
        let body = contact_body(&c, "crm_contact_2", Some("crm_account_1"), Some("default"));
        assert_eq!(
            body,
            json!({"name": "crm_contact_2", "title": "Jiri", "firstname": "Jiri",
                "lastname": "Jiri", "description": null, "account": "crm_account_1",
                "database": "default",
                "customFields": {"number": ["00420773794604", "00420775156599"],
                                 "email": ["j@example.com"]}})
        );
        let req = update("contacts", "crm_contact_2", body);
        assert_eq!(req.path, "/api/v6/contacts/crm_contact_2.json");
        assert_eq!(req.method, Method::Put);
    }
}
