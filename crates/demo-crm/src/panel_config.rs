//! The panel configuration every CRM page embeds, and how it is embedded safely.

use serde_json::{Value, json};

use crate::DAKTELA_PATH;

/// The configuration for the panel on this CRM: Daktela on the same origin, the REST adapter
/// pointed at this CRM's API, screen pops to its search and new-contact pages; `extra` is
/// merged over it (objects key by key, `null` removes, anything else replaces).
pub fn build(default_country: &str, extra: &Value) -> Value {
    let mut config = json!({
        "api_base": DAKTELA_PATH,
        "default_country": default_country,
        "crm": {
            "adapter": "rest",
            "lookup_url": "/api/lookup?phone={e164}",
            "log_url": "/api/call-logs/{external_id}",
        },
        "screen_pop": {
            "search_url": "/contacts/search?phone={e164}",
            "new_contact_url": "/contacts/new?phone={e164}",
        },
        // The demo shows the "enable" step for both; a CRM opts in the same way.
        "ring_sound": true,
        "notifications": true,
    });
    merge(&mut config, extra);
    config
}

fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (_, Value::Null) => {}
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    // JSON Merge Patch (RFC 7396): `null` removes a default, e.g. the REST
                    // adapter's URLs when a demo switches to the host-page adapter.
                    Some(_) if v.is_null() => {
                        b.remove(k);
                    }
                    Some(slot) if v.is_object() => merge(slot, v),
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// JSON text that is safe inside `<script type="application/json">`: `<`, `>` and `&` become
/// `\u003c`-style escapes (still the same JSON), so no value can close the element.
pub fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_settings_merge_into_the_defaults() {
        let c = build(
            "CZ",
            &json!({"screen_pop": {"when": "ring"}, "language": "cs"}),
        );
        assert_eq!(c["screen_pop"]["when"], "ring");
        assert_eq!(
            c["screen_pop"]["search_url"],
            "/contacts/search?phone={e164}"
        );
        assert_eq!(c["language"], "cs");
        assert_eq!(c["api_base"], "/daktela");
    }

    #[test]
    fn null_removes_a_default() {
        let c = build(
            "CZ",
            &json!({"crm": {"adapter": "host_page", "lookup_url": null, "log_url": null}}),
        );
        assert_eq!(c["crm"], json!({"adapter": "host_page"}));
    }

    #[test]
    fn embedded_json_cannot_close_its_script_element() {
        let v = json!({"x": "</script><script>alert(1)</script>&"});
        let text = script_safe(&v);
        assert!(!text.contains('<') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
    }
}
