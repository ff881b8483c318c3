//! Call-log records as the panel's REST adapter sends them (research.md §1.8), validated but kept
//! exactly as received, extra fields included.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A record was refused; names the field so the sender can fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("field `{field}` {problem}")]
pub struct FieldError {
    /// The offending field (`direction`).
    pub field: String,
    /// What is wrong with it (`is required`).
    pub problem: String,
}

impl FieldError {
    fn new(field: &str, problem: &str) -> Self {
        Self {
            field: field.to_owned(),
            problem: problem.to_owned(),
        }
    }
}

/// A validated call-log record: a JSON object whose known fields have the right types.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "Map<String, Value>", into = "Map<String, Value>")]
pub struct CallLog(Map<String, Value>);

/// What a known field must hold. Optional fields may also be `null` (a serialised `None`).
#[derive(Clone, Copy)]
enum Kind {
    /// A non-empty string; the field must be present.
    RequiredText,
    /// `in`, `out` or `internal` (Daktela's `direction`); the field must be present.
    Direction,
    Text,
    Count,
    Bool,
    /// A login string or an object such as `{login, email}`.
    TextOrObject,
    /// A record id string, or the lookup result object with a string `id`.
    Record,
    List,
}

const FIELDS: &[(&str, Kind)] = &[
    ("external_id", Kind::RequiredText),
    ("direction", Kind::Direction),
    ("remote_number", Kind::RequiredText),
    ("call_id", Kind::Text),
    ("started_at", Kind::Text),
    ("duration_s", Kind::Count),
    ("answered", Kind::Bool),
    ("outcome", Kind::Text),
    ("agent", Kind::TextOrObject),
    ("crm_record", Kind::Record),
    ("disposition", Kind::List),
    ("note", Kind::Text),
    ("subject", Kind::Text),
];

fn check(value: Option<&Value>, kind: Kind) -> Result<(), &'static str> {
    let value = match (value, kind) {
        (None | Some(Value::Null), Kind::RequiredText | Kind::Direction) => {
            return Err("is required");
        }
        (None | Some(Value::Null), _) => return Ok(()),
        (Some(v), _) => v,
    };
    let ok = match kind {
        Kind::RequiredText => value.as_str().is_some_and(|s| !s.trim().is_empty()),
        Kind::Direction => {
            return match value.as_str() {
                Some("in" | "out" | "internal") => Ok(()),
                _ => Err("must be \"in\", \"out\" or \"internal\""),
            };
        }
        Kind::Text => value.is_string(),
        Kind::Count => value.is_u64(),
        Kind::Bool => value.is_boolean(),
        Kind::TextOrObject => value.is_string() || value.is_object(),
        Kind::Record => value.is_string() || value.get("id").is_some_and(Value::is_string),
        Kind::List => value.is_array(),
    };
    ok.then_some(()).ok_or(match kind {
        Kind::RequiredText => "must be a non-empty string",
        Kind::Text => "must be a string",
        Kind::Count => "must be a whole number of seconds, 0 or more",
        Kind::Bool => "must be true or false",
        Kind::TextOrObject => "must be a string or an object",
        Kind::Record => "must be a record id or an object with a string `id`",
        Kind::List => "must be an array",
        Kind::Direction => "must be \"in\", \"out\" or \"internal\"",
    })
}

impl TryFrom<Map<String, Value>> for CallLog {
    type Error = FieldError;

    fn try_from(map: Map<String, Value>) -> Result<Self, FieldError> {
        for (field, kind) in FIELDS {
            check(map.get(*field), *kind).map_err(|problem| FieldError::new(field, problem))?;
        }
        Ok(Self(map))
    }
}

impl From<CallLog> for Map<String, Value> {
    fn from(log: CallLog) -> Self {
        log.0
    }
}

impl CallLog {
    /// Validates a request body.
    ///
    /// # Errors
    /// The first field that is missing or of the wrong type; field `(body)` when the body is not
    /// a JSON object at all.
    pub fn from_value(value: Value) -> Result<Self, FieldError> {
        match value {
            Value::Object(map) => Self::try_from(map),
            _ => Err(FieldError::new("(body)", "must be a JSON object")),
        }
    }

    fn text(&self, field: &str) -> Option<&str> {
        self.0.get(field).and_then(Value::as_str)
    }

    /// The idempotency key (the Daktela activity name).
    pub fn external_id(&self) -> &str {
        self.text("external_id").unwrap_or_default()
    }

    /// `in`, `out` or `internal`.
    pub fn direction(&self) -> &str {
        self.text("direction").unwrap_or_default()
    }

    /// The other party's number as sent (E.164 from the panel).
    pub fn remote_number(&self) -> &str {
        self.text("remote_number").unwrap_or_default()
    }

    /// The CRM record id the call was linked to, from a string or a `{id, ...}` object.
    pub fn crm_record_id(&self) -> Option<&str> {
        match self.0.get("crm_record")? {
            Value::String(id) => Some(id),
            other => other.get("id")?.as_str(),
        }
    }

    /// Any text field (`started_at`, `outcome`, `note`, ...).
    pub fn field_text(&self, field: &str) -> Option<&str> {
        self.text(field)
    }

    /// Talk time in seconds.
    pub fn duration_s(&self) -> Option<u64> {
        self.0.get("duration_s").and_then(Value::as_u64)
    }

    /// The dispositions as readable text: strings as they are, objects by `title` or `name`.
    pub fn disposition_text(&self) -> Vec<String> {
        let Some(Value::Array(items)) = self.0.get("disposition") else {
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|v| match v {
                Value::String(s) => Some(s.clone()),
                other => other
                    .get("title")
                    .or_else(|| other.get("name"))
                    .and_then(Value::as_str)
                    .map(str::to_owned),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> Value {
        json!({"external_id": "activities_1", "direction": "in", "remote_number": "+420777123456"})
    }

    #[test]
    fn a_minimal_record_with_extra_fields_is_kept_as_sent() {
        let mut v = minimal();
        v["recording_url"] = json!("https://example.test/r.mp3");
        let log = CallLog::from_value(v.clone()).unwrap();
        assert_eq!(serde_json::to_value(&log).unwrap(), v);
    }

    #[test]
    fn each_required_field_is_named_when_missing() {
        for field in ["external_id", "direction", "remote_number"] {
            let mut v = minimal();
            v.as_object_mut().unwrap().remove(field);
            let err = CallLog::from_value(v).unwrap_err();
            assert_eq!(err.field, field);
            assert_eq!(err.to_string(), format!("field `{field}` is required"));
        }
    }

    #[test]
    fn wrong_types_are_named() {
        for (field, bad) in [
            ("direction", json!("sideways")),
            ("duration_s", json!(-3)),
            ("answered", json!("yes")),
            ("disposition", json!("statuses_sale")),
            ("crm_record", json!({"name": "x"})),
            ("remote_number", json!("  ")),
        ] {
            let mut v = minimal();
            v[field] = bad;
            assert_eq!(CallLog::from_value(v).unwrap_err().field, field);
        }
    }

    #[test]
    fn optional_fields_may_be_null() {
        let mut v = minimal();
        v["note"] = Value::Null;
        v["crm_record"] = Value::Null;
        assert!(CallLog::from_value(v).is_ok());
    }

    #[test]
    fn record_and_dispositions_read_from_either_shape() {
        let mut v = minimal();
        v["crm_record"] = json!({"id": "C-1002", "kind": "contact"});
        v["disposition"] =
            json!(["statuses_sale", {"name": "statuses_callback", "title": "Callback"}]);
        let log = CallLog::from_value(v).unwrap();
        assert_eq!(log.crm_record_id(), Some("C-1002"));
        assert_eq!(log.disposition_text(), ["statuses_sale", "Callback"]);
    }
}
