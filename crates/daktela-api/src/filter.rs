//! Kendo-style filters (research.md §3.3): one condition, or a group of filters joined by
//! `and`/`or`, encoded as `filter[logic]`, `filter[filters][i][field|operator|value]`.

/// How the filters of a group combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Logic {
    /// All must match.
    And,
    /// Any may match.
    Or,
}

/// A filter operator. Only the operators every source agrees on (research.md §3.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operator {
    /// `eq`
    Eq,
    /// `neq`
    Neq,
    /// `lt`
    Lt,
    /// `lte`
    Lte,
    /// `gt`
    Gt,
    /// `gte`
    Gte,
    /// `like` (SQL `%` wildcards)
    Like,
    /// `notlike`
    NotLike,
    /// `in` (a list of values)
    In,
    /// `notin` (a list of values)
    NotIn,
    /// `isnull` (no value)
    IsNull,
    /// `isnotnull` (no value)
    IsNotNull,
}

impl Operator {
    /// The operator as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Eq => "eq",
            Self::Neq => "neq",
            Self::Lt => "lt",
            Self::Lte => "lte",
            Self::Gt => "gt",
            Self::Gte => "gte",
            Self::Like => "like",
            Self::NotLike => "notlike",
            Self::In => "in",
            Self::NotIn => "notin",
            Self::IsNull => "isnull",
            Self::IsNotNull => "isnotnull",
        }
    }
}

/// A filter: one condition or a group of filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// `field operator value`; `values` has one entry, several for `in`/`notin`, none for
    /// `isnull`/`isnotnull`.
    Condition {
        /// The field, e.g. `user`, `customFields.number`.
        field: String,
        /// The operator.
        operator: Operator,
        /// The value(s).
        values: Vec<String>,
    },
    /// A nested group.
    Group {
        /// How the members combine.
        logic: Logic,
        /// The members.
        filters: Vec<Filter>,
    },
}

impl Filter {
    /// `field eq value`.
    pub fn eq(field: &str, value: impl Into<String>) -> Self {
        Self::Condition {
            field: field.to_owned(),
            operator: Operator::Eq,
            values: vec![value.into()],
        }
    }

    /// `field in [values]`.
    pub fn is_in<I: IntoIterator<Item = S>, S: Into<String>>(field: &str, values: I) -> Self {
        let values = values.into_iter().map(Into::into).collect();
        Self::Condition {
            field: field.to_owned(),
            operator: Operator::In,
            values,
        }
    }

    /// Any condition.
    pub fn condition(field: &str, operator: Operator, values: Vec<String>) -> Self {
        Self::Condition {
            field: field.to_owned(),
            operator,
            values,
        }
    }

    /// All of `filters`.
    pub fn and(filters: Vec<Filter>) -> Self {
        Self::Group {
            logic: Logic::And,
            filters,
        }
    }

    /// Any of `filters`.
    pub fn or(filters: Vec<Filter>) -> Self {
        Self::Group {
            logic: Logic::Or,
            filters,
        }
    }

    pub(crate) fn encode(&self, prefix: &str, out: &mut Vec<(String, String)>) {
        match self {
            Self::Condition {
                field,
                operator,
                values,
            } => {
                out.push((format!("{prefix}[field]"), field.clone()));
                out.push((format!("{prefix}[operator]"), operator.as_str().to_owned()));
                match (operator, values.as_slice()) {
                    (Operator::IsNull | Operator::IsNotNull, _) => {}
                    (Operator::In | Operator::NotIn, _) => {
                        for (i, value) in values.iter().enumerate() {
                            out.push((format!("{prefix}[value][{i}]"), value.clone()));
                        }
                    }
                    (_, [one]) => out.push((format!("{prefix}[value]"), one.clone())),
                    (_, many) => {
                        for (i, value) in many.iter().enumerate() {
                            out.push((format!("{prefix}[value][{i}]"), value.clone()));
                        }
                    }
                }
            }
            Self::Group { logic, filters } => {
                let logic = match logic {
                    Logic::And => "and",
                    Logic::Or => "or",
                };
                out.push((format!("{prefix}[logic]"), logic.to_owned()));
                for (i, filter) in filters.iter().enumerate() {
                    filter.encode(&format!("{prefix}[filters][{i}]"), out);
                }
            }
        }
    }
}
