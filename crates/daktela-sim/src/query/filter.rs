//! Kendo-style filters as Daktela accepts them, evaluated against rendered JSON records.

use super::loose::loose_string;
use serde_json::Value;
use std::cmp::Ordering;

/// A parsed `filter[...]` parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// `filter[logic]=and|or` with `filter[filters][i]...` children (possibly nested groups).
    Group {
        /// `true` for `or`, `false` for `and` (the default).
        any: bool,
        /// The children.
        filters: Vec<Filter>,
    },
    /// One `field operator value` condition.
    Cond {
        /// Field name; dots reach into expanded relations (`item.direction`).
        field: String,
        /// Operator name (`eq`, `in`, `contains`, ...), lower-cased.
        operator: String,
        /// The operand: a scalar, or an array for `in` / `notin`.
        value: Value,
    },
}

/// Why a filter could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// A condition without `field` or with an unusable shape.
    #[error("Invalid filter")]
    Malformed,
    /// An operator the simulator does not know.
    #[error("Unknown filter operator: {0}")]
    UnknownOperator(String),
}

const OPERATORS: &[&str] = &[
    "eq",
    "neq",
    "lt",
    "lte",
    "gt",
    "gte",
    "in",
    "notin",
    "like",
    "notlike",
    "contains",
    "doesnotcontain",
    "startswith",
    "endswith",
    "isnull",
    "isnotnull",
];

impl Filter {
    /// Reads the three encodings seen in working clients: nested (`filter[logic]` +
    /// `filter[filters][i]`), single (`filter[field]`) and flat (`filter[i][field]`).
    pub fn parse(v: &Value) -> Result<Self, FilterError> {
        match v {
            Value::Array(items) => Ok(Filter::Group {
                any: false,
                filters: items.iter().map(Filter::parse).collect::<Result<_, _>>()?,
            }),
            Value::Object(map) if map.contains_key("filters") => {
                let any = map
                    .get("logic")
                    .and_then(Value::as_str)
                    .is_some_and(|l| l.eq_ignore_ascii_case("or"));
                let filters = match map.get("filters") {
                    Some(Value::Array(items)) => {
                        items.iter().map(Filter::parse).collect::<Result<_, _>>()?
                    }
                    Some(other @ Value::Object(_)) => vec![Filter::parse(other)?],
                    _ => Vec::new(),
                };
                Ok(Filter::Group { any, filters })
            }
            Value::Object(map) => {
                let field = map
                    .get("field")
                    .and_then(loose_string)
                    .ok_or(FilterError::Malformed)?;
                let operator = map
                    .get("operator")
                    .and_then(Value::as_str)
                    .unwrap_or("eq")
                    .to_ascii_lowercase();
                if !OPERATORS.contains(&operator.as_str()) {
                    return Err(FilterError::UnknownOperator(operator));
                }
                let value = map.get("value").cloned().unwrap_or(Value::Null);
                Ok(Filter::Cond {
                    field,
                    operator,
                    value,
                })
            }
            _ => Err(FilterError::Malformed),
        }
    }

    /// Whether `row` (a rendered record) passes the filter.
    pub fn matches(&self, row: &Value) -> bool {
        match self {
            Filter::Group { any: true, filters } => {
                filters.is_empty() || filters.iter().any(|f| f.matches(row))
            }
            Filter::Group {
                any: false,
                filters,
            } => filters.iter().all(|f| f.matches(row)),
            Filter::Cond {
                field,
                operator,
                value,
            } => {
                let actual = lookup(row, field);
                cond_matches(operator, &actual, value)
            }
        }
    }
}

/// The scalar values a field holds: relations compare by `name`, arrays by any element.
fn lookup(row: &Value, field: &str) -> Vec<Option<String>> {
    let mut node = row;
    for part in field.split('.') {
        match node.get(part) {
            Some(next) => node = next,
            None => return vec![None],
        }
    }
    match node {
        Value::Null => vec![None],
        Value::Array(items) if items.is_empty() => vec![None],
        Value::Array(items) => items.iter().map(loose_string).collect(),
        other => vec![loose_string(other)],
    }
}

fn cond_matches(op: &str, actual: &[Option<String>], operand: &Value) -> bool {
    match op {
        "isnull" => actual.iter().all(Option::is_none),
        "isnotnull" => actual.iter().any(Option::is_some),
        "neq" | "notin" | "notlike" | "doesnotcontain" => {
            let positive = match op {
                "neq" => "eq",
                "notin" => "in",
                "notlike" => "like",
                _ => "contains",
            };
            !cond_matches(positive, actual, operand)
        }
        _ => actual
            .iter()
            .flatten()
            .any(|a| scalar_matches(op, a, operand)),
    }
}

fn scalar_matches(op: &str, actual: &str, operand: &Value) -> bool {
    if op == "in" {
        return match operand {
            Value::Array(items) => items
                .iter()
                .filter_map(loose_string)
                .any(|v| same(actual, &v)),
            other => loose_string(other).is_some_and(|v| same(actual, &v)),
        };
    }
    let Some(want) = loose_string(operand) else {
        return false;
    };
    let (a, w) = (actual.to_lowercase(), want.to_lowercase());
    match op {
        "eq" => same(actual, &want),
        "contains" => a.contains(&w),
        "startswith" => a.starts_with(&w),
        "endswith" => a.ends_with(&w),
        "like" => like(&a, &w),
        "lt" => compare(actual, &want) == Ordering::Less,
        "lte" => compare(actual, &want) != Ordering::Greater,
        "gt" => compare(actual, &want) == Ordering::Greater,
        "gte" => compare(actual, &want) != Ordering::Less,
        _ => false,
    }
}

/// Equality as the database sees it: `1` equals `"1"`, `true` equals `1`.
fn same(a: &str, b: &str) -> bool {
    compare(a, b) == Ordering::Equal
}

/// Numbers compare numerically; everything else (incl. `YYYY-MM-DD HH:MM:SS`) lexically.
pub(crate) fn compare(a: &str, b: &str) -> Ordering {
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => a.cmp(b),
    }
}

/// SQL `LIKE` with `%` (any run) and `_` (one character).
fn like(text: &str, pattern: &str) -> bool {
    let t: Vec<char> = text.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    // Classic DP over (pattern, text) positions; inputs are short query strings.
    let mut row = vec![false; t.len() + 1];
    row[0] = true;
    for pc in &p {
        let mut next = vec![false; t.len() + 1];
        if *pc == '%' {
            let mut seen = false;
            for j in 0..=t.len() {
                seen = seen || row[j];
                next[j] = seen;
            }
        } else {
            for j in 1..=t.len() {
                next[j] = row[j - 1] && (*pc == '_' || *pc == t[j - 1]);
            }
        }
        row = next;
    }
    row[t.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn evaluates_nested_groups_relations_and_in_lists() {
        let row =
            json!({"user": {"name": "agent1"}, "action": "WAIT", "item": {"direction": "in"}});
        let f = Filter::parse(&json!({"logic": "and", "filters": [
            {"field": "user", "operator": "eq", "value": "agent1"},
            {"field": "action", "operator": "in", "value": ["OPEN", "WAIT"]},
            {"logic": "or", "filters": [
                {"field": "item.direction", "operator": "eq", "value": "out"},
                {"field": "item.direction", "operator": "neq", "value": "out"}
            ]}
        ]}))
        .unwrap();
        assert!(f.matches(&row));
        let other = json!({"user": {"name": "agent2"}, "action": "WAIT"});
        assert!(!f.matches(&other));
    }

    #[test]
    fn compares_times_and_numbers_in_order() {
        let row = json!({"time": "2024-05-01 10:00:00", "duration": 42});
        let gte = |field: &str, v: Value| {
            Filter::parse(&json!({"field": field, "operator": "gte", "value": v}))
                .unwrap()
                .matches(&row)
        };
        assert!(gte("time", json!("2024-05-01 09:59:59")));
        assert!(!gte("time", json!("2024-05-01 10:00:01")));
        assert!(gte("duration", json!("9")));
    }

    #[test]
    fn rejects_unknown_operators() {
        let err = Filter::parse(&json!({"field": "a", "operator": "sounds_like", "value": 1}));
        assert_eq!(err, Err(FilterError::UnknownOperator("sounds_like".into())));
    }

    #[test]
    fn matches_sql_like_patterns() {
        assert!(like("novak jan", "%jan"));
        assert!(like("novak", "n_vak"));
        assert!(!like("novak", "nov"));
    }
}
