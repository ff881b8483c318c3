//! From loosely typed JSON records (white paper, JSON lines) to the model, with phone numbers
//! normalised and ids checked.

use super::InputError;
use crate::model::{Company, Contact, CrmId, Field};
use crate::phone::PhoneRules;
use serde::Deserialize;
use serde_json::Value;

/// A `{key, value}` entry as found: `value` may be an array, a scalar or null.
#[derive(Debug, Deserialize)]
pub(super) struct RawField {
    key: String,
    #[serde(default)]
    value: Value,
}

/// A contact as found.
#[derive(Debug, Deserialize)]
pub(super) struct RawContact {
    #[serde(default)]
    id: Value,
    #[serde(default)]
    name: Value,
    #[serde(default)]
    firstname: Value,
    #[serde(default)]
    lastname: Value,
    #[serde(default)]
    description: Value,
    #[serde(default)]
    fields: Option<Vec<RawField>>,
}

/// A company's head (everything but `contacts`) as found.
#[derive(Debug, Default, Deserialize)]
pub(super) struct RawCompany {
    #[serde(default)]
    pub(super) id: Value,
    #[serde(default)]
    pub(super) name: Value,
    #[serde(default)]
    pub(super) description: Value,
    #[serde(default)]
    pub(super) fields: Option<Vec<RawField>>,
}

/// A scalar as text; `null` and `""` are absent.
pub(super) fn text(v: &Value) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// An id: integers stay numbers, strings stay strings; `null`, `""` and others are absent.
pub(super) fn id(v: &Value) -> Option<CrmId> {
    match v {
        Value::Number(n) if n.is_i64() || n.is_u64() => Some(CrmId {
            text: n.to_string(),
            numeric: true,
        }),
        Value::String(s) if !s.trim().is_empty() => Some(CrmId {
            text: s.trim().to_owned(),
            numeric: false,
        }),
        _ => None,
    }
}

/// Fields with empty values dropped and phone values normalised.
pub(super) fn fields(
    raw: Option<Vec<RawField>>,
    phones: &PhoneRules,
    line: u64,
) -> Result<Vec<Field>, InputError> {
    let mut out = Vec::new();
    for f in raw.unwrap_or_default() {
        let values: Vec<String> = match f.value {
            Value::Array(items) => items.iter().filter_map(text).collect(),
            other => text(&other).into_iter().collect(),
        };
        out.push(Field {
            value: normalise_values(&f.key, values, phones, line)?,
            key: f.key,
        });
    }
    Ok(out)
}

/// Normalises the values of a phone field (others pass through).
pub(super) fn normalise_values(
    key: &str,
    values: Vec<String>,
    phones: &PhoneRules,
    line: u64,
) -> Result<Vec<String>, InputError> {
    if !phones.is_phone_field(key) {
        return Ok(values);
    }
    values
        .iter()
        .map(|v| {
            phones.normalise(v).map_err(|e| InputError::BadNumber {
                line,
                message: format!("field `{key}`: {e}"),
            })
        })
        .collect()
}

/// A company head. A company with no id, name or description is the no-company bucket; one
/// with a name but no id is an error.
pub(super) fn company(
    raw: RawCompany,
    phones: &PhoneRules,
    line: u64,
) -> Result<Company, InputError> {
    let Some(cid) = id(&raw.id) else {
        if text(&raw.name).is_some() || text(&raw.description).is_some() {
            return Err(InputError::MissingId {
                line,
                what: "company",
            });
        }
        return Ok(Company::none());
    };
    Ok(Company {
        id: Some(cid),
        name: text(&raw.name),
        description: text(&raw.description),
        fields: fields(raw.fields, phones, line)?,
    })
}

/// A contact.
pub(super) fn contact(
    raw: RawContact,
    phones: &PhoneRules,
    line: u64,
) -> Result<Contact, InputError> {
    let cid = id(&raw.id).ok_or(InputError::MissingId {
        line,
        what: "contact",
    })?;
    Ok(Contact {
        id: cid,
        name: text(&raw.name),
        firstname: text(&raw.firstname),
        lastname: text(&raw.lastname),
        description: text(&raw.description),
        fields: fields(raw.fields, phones, line)?,
        line,
    })
}
