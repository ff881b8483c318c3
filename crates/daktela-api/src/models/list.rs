//! A list answer: `result: {data: [...], total: N}`.

use serde_json::Value;

use crate::read::{Fields, FromJson, ReadError};

/// One page of a list. `data` may be an array (every real capture) or an object keyed by
/// record name (handled defensively by two vendor clients, research.md §3.1); both read the same,
/// in the order Daktela sent them.
#[derive(Debug, Clone, PartialEq)]
pub struct List<T> {
    /// The records on this page, in the order Daktela sent them.
    pub data: Vec<T>,
    /// How many records match in total (not just this page). Missing when the query asked for
    /// `total=false`; a numeric string is accepted.
    pub total: Option<i64>,
}

impl<T> List<T> {
    /// The records and the total (the page length when Daktela gave no usable total).
    pub fn into_parts(self) -> (Vec<T>, u64) {
        let len = self.data.len() as u64;
        let total = self
            .total
            .and_then(|t| u64::try_from(t).ok())
            .unwrap_or(len);
        (self.data, total)
    }
}

impl<T: FromJson> FromJson for List<T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        let f = Fields::of(value, "a list")?;
        let data = match f.value("data") {
            None => Vec::new(),
            Some(Value::Object(keyed)) => keyed
                .iter()
                .map(|(name, item)| T::from_json(item).map_err(|e| e.in_field(name)))
                .collect::<Result<_, _>>()
                .map_err(|e| e.in_field("data"))?,
            Some(other) => Vec::from_json(other).map_err(|e| e.in_field("data"))?,
        };
        Ok(Self {
            data,
            total: f.integer("total")?,
        })
    }
}

impl<'de, T: FromJson> serde::Deserialize<'de> for List<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::read::from_deserializer(d)
    }
}
