//! The records a CRM load is made of: companies, their contacts and their fields, as the
//! white paper's sync format names them (§3.2).

use serde::ser::{Serialize, SerializeMap, Serializer};

/// A CRM identifier as it came from the input: `42` in JSON stays a number on the wire, `"A-7"`
/// stays a string, so the payload is exactly what the CRM said.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CrmId {
    /// The identifier's text (`"42"` for the number 42).
    pub text: String,
    /// Whether it is sent as a JSON number.
    pub numeric: bool,
}

impl CrmId {
    /// An id from text; it is numeric when the text is a canonical integer (`"42"`, not `"042"`).
    pub fn from_text(text: &str) -> Self {
        let text = text.trim();
        let numeric = text.parse::<i64>().is_ok_and(|n| n.to_string() == text);
        CrmId {
            text: text.to_owned(),
            numeric,
        }
    }
}

impl Serialize for CrmId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.text.parse::<i64>() {
            Ok(n) if self.numeric => s.serialize_i64(n),
            _ => s.serialize_str(&self.text),
        }
    }
}

/// One `{key, value[]}` entry: `key` is the Daktela field name (`number`, `email`, ...).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Field {
    /// Daktela field name.
    pub key: String,
    /// The values, in CRM order (phone numbers already normalised).
    pub value: Vec<String>,
}

/// A company. All of `id`, `name` and `description` are `None` for the white paper's
/// "no company" bucket.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Company {
    /// CRM id; `None` only for the no-company bucket.
    pub id: Option<CrmId>,
    /// Name.
    pub name: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Fields.
    pub fields: Vec<Field>,
}

impl Company {
    /// The no-company bucket (`id`, `name`, `description` null).
    pub fn none() -> Self {
        Company::default()
    }

    /// Whether this is the no-company bucket.
    pub fn is_none(&self) -> bool {
        self.id.is_none()
    }
}

/// A contact.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contact {
    /// CRM id.
    pub id: CrmId,
    /// Display name.
    pub name: Option<String>,
    /// First name.
    pub firstname: Option<String>,
    /// Last name.
    pub lastname: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Fields.
    pub fields: Vec<Field>,
    /// Input line the contact started on (for error reports; not sent).
    #[serde(skip)]
    pub line: u64,
}

/// A company and some of its contacts, as the input yields them. One company may come in
/// several groups (a large company, or JSON lines that are not sorted by company); the
/// payload then names it once per group, which an upsert by id reads the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Input line the group started on.
    pub line: u64,
    /// The company (or the no-company bucket).
    pub company: Company,
    /// Its contacts in this group.
    pub contacts: Vec<Contact>,
}

/// The company part of a payload entry, without `contacts`.
///
/// UNCONFIRMED(S7): the white paper's example gives the no-company bucket no `fields` key;
/// we send it exactly that way (`id`, `name`, `description` null, then `contacts`).
pub(crate) struct CompanyHead<'a>(pub &'a Company);

impl Serialize for CompanyHead<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let c = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("id", &c.id)?;
        map.serialize_entry("name", &c.name)?;
        map.serialize_entry("description", &c.description)?;
        if !c.is_none() {
            map.serialize_entry("fields", &c.fields)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_ids_stay_numbers_and_others_stay_strings() {
        assert_eq!(
            serde_json::to_string(&CrmId::from_text("42")).unwrap(),
            "42"
        );
        assert_eq!(
            serde_json::to_string(&CrmId::from_text("042")).unwrap(),
            "\"042\""
        );
        assert_eq!(
            serde_json::to_string(&CrmId::from_text("A-7")).unwrap(),
            "\"A-7\""
        );
    }

    #[test]
    fn the_no_company_bucket_has_null_id_name_description_and_no_fields() {
        let head = serde_json::to_string(&CompanyHead(&Company::none())).unwrap();
        assert_eq!(head, r#"{"id":null,"name":null,"description":null}"#);
    }
}
