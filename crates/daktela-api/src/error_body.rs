//! Reading Daktela's `error` field, whatever shape it comes in.
//!
//! Real and vendor material shows `[]`, `["msg", ...]`, `"msg"`, and
//! `{form: {field: "msg" | ["msg"] | {cf: ["msg"]}}, primary: ["msg"]}` (research.md §3.5).
//! Every message is kept, in order; nothing is translated or dropped.

use serde_json::Value;

use crate::error::FieldError;

/// The messages found in an `error` value.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct ErrorBody {
    /// True when `error` was an object (the validation shape).
    pub(crate) structured: bool,
    /// Per-field messages from `form`.
    pub(crate) form: Vec<FieldError>,
    /// Plain messages: the list or string form, or `primary`.
    pub(crate) messages: Vec<String>,
}

impl ErrorBody {
    /// Reads an `error` value. `null`, `[]`, `""` and `{}` read as "no error".
    pub(crate) fn from_value(value: &Value) -> Self {
        let mut body = Self::default();
        match value {
            Value::Object(map) => {
                body.structured = true;
                for (key, inner) in map {
                    match key.as_str() {
                        "form" => collect_form(inner, "", &mut body.form),
                        "primary" => collect_messages(inner, &mut body.messages),
                        // An unknown key is still a message from Daktela: keep it, named.
                        other => collect_form(inner, other, &mut body.form),
                    }
                }
            }
            other => collect_messages(other, &mut body.messages),
        }
        body
    }

    /// True when Daktela reported no error at all.
    pub(crate) fn is_empty(&self) -> bool {
        self.messages.is_empty() && self.form.iter().all(|f| f.messages.is_empty())
    }

    /// Every plain message followed by the field messages as `field: message`.
    pub(crate) fn all_messages(&self) -> Vec<String> {
        let fields = self
            .form
            .iter()
            .flat_map(|f| f.messages.iter().map(move |m| format!("{}: {m}", f.field)));
        self.messages.iter().cloned().chain(fields).collect()
    }
}

/// Flattens a message value (`"msg"`, `["a", "b"]`, nested lists, numbers) into strings.
fn collect_messages(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Null => {}
        Value::String(s) if s.is_empty() => {}
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|item| collect_messages(item, out)),
        // Numbers, booleans and objects are unexpected here but still something Daktela said.
        Value::Object(map) => map.values().for_each(|item| collect_messages(item, out)),
        other => out.push(other.to_string()),
    }
}

/// Walks `form`: a field maps to messages, or (for custom fields) to an object of sub-fields.
fn collect_form(value: &Value, prefix: &str, out: &mut Vec<FieldError>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let field = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                collect_form(inner, &field, out);
            }
        }
        other => {
            let mut messages = Vec::new();
            collect_messages(other, &mut messages);
            if !messages.is_empty() {
                let field = if prefix.is_empty() {
                    "form".to_owned()
                } else {
                    prefix.to_owned()
                };
                out.push(FieldError { field, messages });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn empty_shapes_mean_no_error() {
        for empty in [
            json!([]),
            json!(null),
            json!(""),
            json!({}),
            json!({"form": {}, "primary": []}),
        ] {
            assert!(ErrorBody::from_value(&empty).is_empty(), "{empty}");
        }
    }

    #[test]
    fn string_and_list_shapes_keep_every_message() {
        assert_eq!(
            ErrorBody::from_value(&json!("Object not exist")).messages,
            ["Object not exist"]
        );
        let list = ErrorBody::from_value(&json!(["a", "b"]));
        assert_eq!(list.messages, ["a", "b"]);
        assert!(!list.structured);
    }

    #[test]
    fn nested_custom_field_messages_are_named_with_a_dotted_path() {
        let body = ErrorBody::from_value(&json!({
            "form": {"customFields": {"email": ["E-mail není ve správném formátu"]}, "title": "Vstup je povinný"},
            "primary": ["x"]
        }));
        assert!(body.structured);
        assert_eq!(body.messages, ["x"]);
        assert_eq!(
            body.form,
            vec![
                FieldError {
                    field: "customFields.email".into(),
                    messages: vec!["E-mail není ve správném formátu".into()]
                },
                FieldError {
                    field: "title".into(),
                    messages: vec!["Vstup je povinný".into()]
                },
            ]
        );
    }
}
