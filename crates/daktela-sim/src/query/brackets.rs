//! Parses `a[b][0][c]=v` pairs (PHP's `http_build_query`, jQuery's form encoding) into JSON.

use serde_json::{Map, Value};

/// Parses a URL-encoded string (query or form body) into a JSON tree.
///
/// Leaves are strings; `key[]=v` appends to an array; objects whose keys are all indexes
/// (`0`, `1`, ...) become arrays in index order. A malformed or conflicting key never fails:
/// the later pair wins, as PHP does.
pub fn parse_brackets(input: &str) -> Value {
    let mut root = Value::Object(Map::new());
    for (key, value) in form_urlencoded::parse(input.as_bytes()) {
        let path = split_key(&key);
        insert(&mut root, &path, Value::String(value.into_owned()));
    }
    arrays_from_indexes(root)
}

/// `filter[filters][0][value][]` → `["filter", "filters", "0", "value", ""]`.
fn split_key(key: &str) -> Vec<String> {
    let Some(open) = key.find('[') else {
        return vec![key.to_owned()];
    };
    let mut parts = vec![key[..open].to_owned()];
    let mut rest = &key[open..];
    while let Some(stripped) = rest.strip_prefix('[') {
        match stripped.find(']') {
            Some(close) => {
                parts.push(stripped[..close].to_owned());
                rest = &stripped[close + 1..];
            }
            None => break,
        }
    }
    parts
}

fn insert(node: &mut Value, path: &[String], leaf: Value) {
    let Some((head, tail)) = path.split_first() else {
        *node = leaf;
        return;
    };
    if head.is_empty() {
        // `key[]`: append to an array. Indexed entries already there (`d[0]=x&d[]=y`) are
        // kept in index order, as PHP does; a scalar is replaced.
        match node {
            Value::Array(_) => {}
            Value::Object(map) => {
                let mut items: Vec<(usize, Value)> = std::mem::take(map)
                    .into_iter()
                    .enumerate()
                    .map(|(i, (k, v))| (k.parse().unwrap_or(usize::MAX - i), v))
                    .collect();
                items.sort_by_key(|(i, _)| *i);
                *node = Value::Array(items.into_iter().map(|(_, v)| v).collect());
            }
            _ => *node = Value::Array(Vec::new()),
        }
        if let Value::Array(items) = node {
            let mut child = Value::Null;
            insert(&mut child, tail, leaf);
            items.push(child);
        }
        return;
    }
    if !node.is_object() {
        *node = Value::Object(Map::new());
    }
    if let Value::Object(map) = node {
        let child = map.entry(head.clone()).or_insert(Value::Null);
        insert(child, tail, leaf);
    }
}

fn arrays_from_indexes(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let all_indexes = !map.is_empty() && map.keys().all(|k| k.parse::<usize>().is_ok());
            if all_indexes {
                let mut items: Vec<(usize, Value)> = map
                    .into_iter()
                    .filter_map(|(k, v)| k.parse::<usize>().ok().map(|i| (i, v)))
                    .collect();
                items.sort_by_key(|(i, _)| *i);
                Value::Array(
                    items
                        .into_iter()
                        .map(|(_, v)| arrays_from_indexes(v))
                        .collect(),
                )
            } else {
                Value::Object(
                    map.into_iter()
                        .map(|(k, v)| (k, arrays_from_indexes(v)))
                        .collect(),
                )
            }
        }
        Value::Array(items) => Value::Array(items.into_iter().map(arrays_from_indexes).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_nested_kendo_filters_with_array_values() {
        let q = "filter%5Blogic%5D=and&filter[filters][0][field]=user&filter[filters][0][operator]=eq\
                 &filter[filters][0][value]=agent1&filter[filters][1][field]=action\
                 &filter[filters][1][operator]=in&filter[filters][1][value][]=WAIT\
                 &filter[filters][1][value][]=OPEN&take=10";
        assert_eq!(
            parse_brackets(q),
            json!({"filter": {"logic": "and", "filters": [
                {"field": "user", "operator": "eq", "value": "agent1"},
                {"field": "action", "operator": "in", "value": ["WAIT", "OPEN"]}
            ]}, "take": "10"})
        );
    }

    #[test]
    fn parses_jquery_form_bodies_into_arrays_of_objects() {
        let body = "accessToken=t&queues%5B0%5D%5Blogin%5D=true&queues%5B0%5D%5Bname%5D=2000";
        assert_eq!(
            parse_brackets(body),
            json!({"accessToken": "t", "queues": [{"login": "true", "name": "2000"}]})
        );
    }

    #[test]
    fn survives_malformed_and_conflicting_keys() {
        let v = parse_brackets("a=1&a[b]=2&c[=3&]=4&d[0]=x&d[]=y");
        assert_eq!(v["a"], json!({"b": "2"}));
        assert_eq!(v["c"], json!("3"));
        assert_eq!(v["d"], json!(["x", "y"]));
    }
}
