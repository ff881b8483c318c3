//! List queries: filter, sort, skip/take and field projection over rendered records.

use super::filter::{Filter, FilterError, compare};
use super::loose::loose_string;
use serde_json::{Map, Value};
use std::cmp::Ordering;

/// Daktela's page-size limit.
pub const MAX_TAKE: usize = 1000;

/// Why a list query was refused (answered 400 with the message in `error`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ListError {
    /// `take` above [`MAX_TAKE`]; the text is Daktela's own.
    #[error("Max defined take is 1000")]
    TakeTooLarge,
    /// `skip` or `take` is not a non-negative integer.
    #[error("Invalid paging parameter {0}")]
    BadPaging(&'static str),
    /// The filter could not be read.
    #[error(transparent)]
    Filter(#[from] FilterError),
}

/// A parsed list query.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    filter: Option<Filter>,
    sort: Vec<(String, bool)>,
    skip: usize,
    take: Option<usize>,
    fields: Option<Vec<String>>,
}

impl ListQuery {
    /// Reads `filter`, `sort`, `skip`, `take` and `fields` from a parsed query tree.
    pub fn parse(q: &Value) -> Result<Self, ListError> {
        let filter = match q.get("filter") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) if s.is_empty() => None,
            Some(f) => Some(Filter::parse(f)?),
        };
        Ok(ListQuery {
            filter,
            sort: parse_sort(q.get("sort")),
            skip: paging(q.get("skip"), "skip")?.unwrap_or(0),
            take: match paging(q.get("take"), "take")? {
                Some(t) if t > MAX_TAKE => return Err(ListError::TakeTooLarge),
                other => other,
            },
            fields: parse_fields(q.get("fields")),
        })
    }

    /// Filters, sorts, pages and projects `rows`; returns the page and the filtered total.
    pub fn apply(&self, rows: Vec<Value>) -> (Vec<Value>, usize) {
        let mut rows: Vec<Value> = match &self.filter {
            Some(f) => rows.into_iter().filter(|r| f.matches(r)).collect(),
            None => rows,
        };
        if !self.sort.is_empty() {
            rows.sort_by(|a, b| self.order(a, b));
        }
        let total = rows.len();
        let page = rows
            .into_iter()
            .skip(self.skip)
            .take(self.take.unwrap_or(usize::MAX));
        let page = match &self.fields {
            Some(fields) => page.map(|r| project(&r, fields)).collect(),
            None => page.collect(),
        };
        (page, total)
    }

    fn order(&self, a: &Value, b: &Value) -> Ordering {
        for (field, desc) in &self.sort {
            let (x, y) = (sort_key(a, field), sort_key(b, field));
            let ord = match (x, y) {
                (Some(x), Some(y)) => compare(&x, &y),
                (None, Some(_)) => Ordering::Less,
                (Some(_), None) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            let ord = if *desc { ord.reverse() } else { ord };
            if ord != Ordering::Equal {
                return ord;
            }
        }
        Ordering::Equal
    }
}

fn paging(v: Option<&Value>, name: &'static str) -> Result<Option<usize>, ListError> {
    match v.and_then(loose_string) {
        None => Ok(None),
        Some(s) if s.trim().is_empty() => Ok(None),
        Some(s) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| ListError::BadPaging(name)),
    }
}

/// `sort[i][field|dir]` or a single `sort[field]=..&sort[dir]=..`.
fn parse_sort(v: Option<&Value>) -> Vec<(String, bool)> {
    let one = |s: &Value| {
        let field = s.get("field").and_then(loose_string)?;
        let desc = s
            .get("dir")
            .and_then(Value::as_str)
            .is_some_and(|d| d.eq_ignore_ascii_case("desc"));
        Some((field, desc))
    };
    match v {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(obj @ Value::Object(_)) => one(obj).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// `fields[i]=a` or the comma-joined `fields=a,b`.
fn parse_fields(v: Option<&Value>) -> Option<Vec<String>> {
    let fields: Vec<String> = match v? {
        Value::Array(items) => items.iter().filter_map(loose_string).collect(),
        Value::String(s) => s.split(',').map(|f| f.trim().to_owned()).collect(),
        _ => return None,
    };
    let fields: Vec<String> = fields.into_iter().filter(|f| !f.is_empty()).collect();
    (!fields.is_empty()).then_some(fields)
}

fn sort_key(row: &Value, field: &str) -> Option<String> {
    let mut node = row;
    for part in field.split('.') {
        node = node.get(part)?;
    }
    loose_string(node)
}

/// Only the asked-for keys: the real server drops `name` and `_sys` too.
fn project(row: &Value, fields: &[String]) -> Value {
    let mut out = Map::new();
    for f in fields {
        if let Some(v) = row.get(f) {
            out.insert(f.clone(), v.clone());
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse_brackets;
    use serde_json::json;

    fn rows() -> Vec<Value> {
        (1..=5)
            .map(|i| json!({"name": format!("r{i}"), "n": i, "title": "t", "_sys": {}}))
            .collect()
    }

    #[test]
    fn sorts_pages_and_counts_before_paging() {
        let q = ListQuery::parse(&parse_brackets(
            "sort[0][field]=n&sort[0][dir]=desc&skip=1&take=2",
        ))
        .unwrap();
        let (page, total) = q.apply(rows());
        assert_eq!(total, 5);
        assert_eq!(
            page.iter().map(|r| r["n"].clone()).collect::<Vec<_>>(),
            [json!(4), json!(3)]
        );
    }

    #[test]
    fn projects_only_the_requested_fields() {
        let q = ListQuery::parse(&parse_brackets("fields[0]=title&fields[1]=n")).unwrap();
        let (page, _) = q.apply(rows());
        assert_eq!(page[0], json!({"title": "t", "n": 1}));
    }

    #[test]
    fn refuses_a_take_over_one_thousand() {
        assert_eq!(
            ListQuery::parse(&json!({"take": "1001"})),
            Err(ListError::TakeTooLarge)
        );
        assert!(ListQuery::parse(&json!({"take": "1000"})).is_ok());
    }
}
