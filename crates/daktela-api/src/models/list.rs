//! A list answer: `result: {data: [...], total: N}`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::lenient;

/// One page of a list. `data` may be an array (every real capture) or an object keyed by
/// record name (handled defensively by two vendor clients, research.md §3.1); both read the same.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(bound(deserialize = "T: DeserializeOwned"))]
pub struct List<T> {
    /// The records on this page, in the order Daktela sent them.
    #[serde(default = "Vec::new", deserialize_with = "array_or_keyed")]
    pub data: Vec<T>,
    /// How many records match in total (not just this page). Missing when the query asked for
    /// `total=false`; a numeric string is accepted.
    #[serde(default, deserialize_with = "lenient::integer")]
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

fn array_or_keyed<'de, D: Deserializer<'de>, T: DeserializeOwned>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_any(DataVisitor(PhantomData))
}

struct DataVisitor<T>(PhantomData<T>);

impl<'de, T: DeserializeOwned> Visitor<'de> for DataVisitor<T> {
    type Value = Vec<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of records or an object keyed by record name")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(item) = seq.next_element()? {
            out.push(item);
        }
        Ok(out)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some((_, item)) = map.next_entry::<de::IgnoredAny, T>()? {
            out.push(item);
        }
        Ok(out)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}
