//! Lenient readings of values that may arrive as JSON or as form-encoded strings.

use serde_json::Value;

/// Reads a boolean sent as `true`, `1`, `"true"` or `"1"` (jQuery and PHP send strings).
pub fn loose_bool(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => n.as_i64().map(|i| i != 0),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "on" | "yes" => Some(true),
            "false" | "0" | "off" | "no" | "" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// Reads a scalar as a string: `2000` and `"2000"` both give `"2000"`. Relations may come
/// expanded (`{"name": ...}`), so an object yields its `name`.
pub fn loose_string(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { "1" } else { "0" }.to_owned()),
        Value::Object(map) => map.get("name").and_then(loose_string),
        _ => None,
    }
}
