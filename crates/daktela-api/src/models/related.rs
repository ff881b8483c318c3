//! A relation field: Daktela reads them back expanded into full objects (`activity.user` is a
//! whole user) but writes and some shortened reads carry only the name (research.md §3.1).

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use crate::read::{FromJson, ReadError, from_deserializer};

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

/// A string or an integer is the name; an object is the expanded record.
impl<T: FromJson> FromJson for Related<T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        match value {
            Value::String(name) => Ok(Self::Name(name.clone())),
            Value::Number(n) if !n.is_f64() => Ok(Self::Name(n.to_string())),
            Value::Object(_) => T::from_json(value).map(|t| Self::Record(Box::new(t))),
            other => Err(ReadError::expected(
                "a record name or an expanded record",
                other,
            )),
        }
    }
}

impl<'de, T: FromJson> Deserialize<'de> for Related<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        from_deserializer(d)
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
