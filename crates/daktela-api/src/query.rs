//! List queries: Kendo-style filters, sort, fields, full-text `q` and paging, encoded into the
//! nested query-string form every vendor connector uses (research.md §3.3, §3.4):
//!
//! ```text
//! filter[logic]=and&filter[filters][0][field]=user&filter[filters][0][operator]=eq&filter[filters][0][value]=jnovak
//! filter[filters][1][field]=action&filter[filters][1][operator]=in&filter[filters][1][value][0]=WAIT&...[value][1]=OPEN
//! sort[0][field]=time&sort[0][dir]=desc&fields[0]=name&skip=0&take=100
//! ```

/// Daktela refuses `take` above this ("Max defined take is 1000").
pub const MAX_TAKE: u64 = 1000;

use crate::filter::Filter;

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortDir {
    /// `asc`
    Asc,
    /// `desc`
    Desc,
}

/// One sort key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sort {
    /// The field.
    pub field: String,
    /// The direction.
    pub dir: SortDir,
}

/// Everything a list request can carry. Build it with the chained methods.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuery {
    /// The filter; a single condition is sent wrapped in an `and` group (the canonical form).
    pub filter: Option<Filter>,
    /// Sort keys, in order.
    pub sort: Vec<Sort>,
    /// Only these fields (the answer then has no `name` or `_sys` unless asked).
    pub fields: Vec<String>,
    /// Full-text search (`q`).
    pub q: Option<String>,
    /// Offset.
    pub skip: Option<u64>,
    /// Page size, capped at [`MAX_TAKE`] when encoded.
    pub take: Option<u64>,
}

impl ListQuery {
    /// An empty query: the server's defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the filter.
    #[must_use]
    pub fn filter(mut self, filter: Filter) -> Self {
        self.filter = Some(filter);
        self
    }

    /// Adds a sort key.
    #[must_use]
    pub fn sort(mut self, field: &str, dir: SortDir) -> Self {
        self.sort.push(Sort {
            field: field.to_owned(),
            dir,
        });
        self
    }

    /// Adds a field to return.
    #[must_use]
    pub fn field(mut self, field: &str) -> Self {
        self.fields.push(field.to_owned());
        self
    }

    /// Sets the full-text search.
    #[must_use]
    pub fn q(mut self, text: impl Into<String>) -> Self {
        self.q = Some(text.into());
        self
    }

    /// Sets the page.
    #[must_use]
    pub fn page(mut self, skip: u64, take: u64) -> Self {
        self.skip = Some(skip);
        self.take = Some(take);
        self
    }

    /// The query pairs, unencoded, in a stable order: q, filter, sort, fields, skip, take.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if let Some(q) = &self.q {
            out.push(("q".to_owned(), q.clone()));
        }
        match &self.filter {
            Some(group @ Filter::Group { .. }) => group.encode("filter", &mut out),
            Some(single) => Filter::and(vec![single.clone()]).encode("filter", &mut out),
            None => {}
        }
        for (i, sort) in self.sort.iter().enumerate() {
            out.push((format!("sort[{i}][field]"), sort.field.clone()));
            let dir = if sort.dir == SortDir::Asc {
                "asc"
            } else {
                "desc"
            };
            out.push((format!("sort[{i}][dir]"), dir.to_owned()));
        }
        for (i, field) in self.fields.iter().enumerate() {
            out.push((format!("fields[{i}]"), field.clone()));
        }
        if let Some(skip) = self.skip {
            out.push(("skip".to_owned(), skip.to_string()));
        }
        if let Some(take) = self.take {
            out.push(("take".to_owned(), take.min(MAX_TAKE).to_string()));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Operator;

    fn joined(query: &ListQuery) -> String {
        query
            .to_pairs()
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    }

    #[test]
    fn nested_groups_and_in_lists_use_the_kendo_form() {
        let query = ListQuery::new().filter(Filter::and(vec![
            Filter::eq("user", "jnovak"),
            Filter::or(vec![Filter::is_in("action", ["WAIT", "OPEN"])]),
        ]));
        assert_eq!(
            joined(&query),
            "filter[logic]=and&filter[filters][0][field]=user&filter[filters][0][operator]=eq&\
             filter[filters][0][value]=jnovak&filter[filters][1][logic]=or&\
             filter[filters][1][filters][0][field]=action&filter[filters][1][filters][0][operator]=in&\
             filter[filters][1][filters][0][value][0]=WAIT&filter[filters][1][filters][0][value][1]=OPEN"
        );
    }

    #[test]
    fn a_single_condition_is_wrapped_and_nulls_carry_no_value() {
        let query = ListQuery::new().filter(Filter::condition("contact", Operator::IsNull, vec![]));
        assert_eq!(
            joined(&query),
            "filter[logic]=and&filter[filters][0][field]=contact&filter[filters][0][operator]=isnull"
        );
    }

    #[test]
    fn take_is_capped_at_one_thousand() {
        let query = ListQuery::new()
            .sort("time", SortDir::Desc)
            .field("name")
            .page(0, 5000);
        assert_eq!(
            joined(&query),
            "sort[0][field]=time&sort[0][dir]=desc&fields[0]=name&skip=0&take=1000"
        );
    }
}
