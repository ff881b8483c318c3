//! "Is the Daktela record already what we would write?": one hash over the fields this tool
//! writes, computed the same way from our write body and from a record Daktela returns.

use crate::hash::Hasher;
use serde_json::Value;

fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        // An expanded relation (`account` comes back as the whole account): its name.
        Value::Object(o) => text(o.get("name")),
        other => Some(other.to_string()),
    }
}

/// The hash of `title, firstname, lastname, description, account` and the non-empty custom
/// fields (sorted by key). Empty custom fields are left out on both sides, because Daktela
/// returns every field of its scheme (`"address": []`) while we send only mapped ones; `null`
/// and `""` count as the same.
pub fn projection_hash(record: &Value) -> u64 {
    let mut h = Hasher::default();
    for key in ["title", "firstname", "lastname", "description", "account"] {
        h.add(text(record.get(key)).as_deref());
    }
    if let Some(Value::Object(cf)) = record.get("customFields") {
        let mut keys: Vec<&String> = cf
            .iter()
            .filter(|(_, v)| v.as_array().is_some_and(|a| !a.is_empty()))
            .map(|(k, _)| k)
            .collect();
        keys.sort();
        for k in keys {
            h.add(Some(k));
            for v in cf.get(k).and_then(Value::as_array).into_iter().flatten() {
                h.add(text(Some(v)).as_deref());
            }
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_stored_record_equals_the_body_that_wrote_it() {
        let body = json!({"name": "crm_contact_1", "title": "Jan Novak", "firstname": "Jan",
            "lastname": "Novak", "description": null, "account": "crm_account_9",
            "customFields": {"number": ["00420775775775"]}});
        let stored = json!({"name": "crm_contact_1", "title": "Jan Novak", "firstname": "Jan",
            "lastname": "Novak", "description": "", "nps_score": 0,
            "account": {"name": "crm_account_9", "title": "ACME"},
            "customFields": {"number": ["00420775775775"], "email": [], "note": []}});
        assert_eq!(projection_hash(&body), projection_hash(&stored));
        let mut changed = stored.clone();
        changed["customFields"]["number"] = json!(["00420111"]);
        assert_ne!(projection_hash(&body), projection_hash(&changed));
    }
}
