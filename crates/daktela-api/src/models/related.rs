//! A relation field: Daktela reads them back expanded into full objects (`activity.user` is a
//! whole user) but writes and some shortened reads carry only the name (research.md §3.1).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A record that can say its own `name`.
pub trait Named {
    /// The record's name, if the answer included it (a `fields[]` query or a redacted relation
    /// may leave it out).
    fn record_name(&self) -> Option<&str>;
}

/// A relation: either just the related record's name, or the expanded record.
#[derive(Debug, Clone, PartialEq)]
pub enum Related<T> {
    /// Only the name (a string or integer on the wire).
    Name(String),
    /// The expanded record.
    Record(Box<T>),
}

impl<T: Named> Related<T> {
    /// The related record's name, whichever form came.
    pub fn name(&self) -> Option<&str> {
        match self {
            Self::Name(name) => Some(name),
            Self::Record(record) => record.record_name(),
        }
    }
}

impl<T> Related<T> {
    /// The expanded record, when the answer carried it.
    pub fn record(&self) -> Option<&T> {
        match self {
            Self::Name(_) => None,
            Self::Record(record) => Some(record),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Related<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RelatedVisitor(PhantomData))
    }
}

struct RelatedVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for RelatedVisitor<T> {
    type Value = Related<T>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a record name or an expanded record")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Related::Name(v.to_owned()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Related::Name(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Related::Name(v.to_string()))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        // Going through MapAccessDeserializer reads the record in place, without buffering.
        T::deserialize(de::value::MapAccessDeserializer::new(map))
            .map(|t| Related::Record(Box::new(t)))
    }
}

impl<T: Serialize> Serialize for Related<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Name(name) => s.serialize_str(name),
            Self::Record(record) => record.serialize(s),
        }
    }
}
