//! Reading models out of parsed JSON, without serde's per-type generic code.
//!
//! Why not `#[derive(Deserialize)]`: every derived model is compiled once per serde
//! deserializer that reaches it (text, bytes, `Value`, serde's buffered `Content`, a map
//! access), each copy with its field matching, its `Option` wrappers and its error paths. In the
//! panel's wasm that was about a third of the code. Here an answer is parsed ONCE into a
//! [`serde_json::Value`] (one parser instantiation for the whole crate) and each model is read
//! from it by a plain function: one copy per model, whoever asks.
//!
//! It also gives decode errors their exact path: a [`ReadError`] collects the segments
//! (`data[1].name`) on its way out, instead of reconstructing them from serde's text position.
//!
//! The models still implement `serde::Deserialize` (through [`from_deserializer`]), so they can
//! sit inside a caller's own serde types.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde_json::{Map, Value};

/// A type that can be read from parsed JSON. The models, [`crate::models::List`],
/// [`crate::LoginTokens`], `Value` (kept as is), `()` (anything), `Option`, `Vec` and maps of
/// these implement it.
pub trait FromJson: Sized {
    /// Reads `value`.
    ///
    /// # Errors
    /// [`ReadError`] naming, relative to `value`, the part that is not what `Self` accepts.
    fn from_json(value: &Value) -> Result<Self, ReadError>;
}

/// Why a value could not be read, and where: a path in `serde_path_to_error`'s notation
/// (`data[1].name`; empty for the value itself).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    path: String,
    message: String,
}

impl ReadError {
    /// A failure of the value itself.
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            path: String::new(),
            message: message.into(),
        }
    }

    /// "expected `what`, found <the JSON kind of `found`>".
    pub fn expected(what: &str, found: &Value) -> Self {
        Self::new(format!("invalid type: {}, expected {what}", kind(found)))
    }

    /// The same failure, seen from the object that holds it under `key`.
    #[must_use]
    pub fn in_field(self, key: &str) -> Self {
        self.under(key.to_owned())
    }

    /// The same failure, seen from the array that holds it at `index`.
    #[must_use]
    pub fn at_index(self, index: usize) -> Self {
        self.under(format!("[{index}]"))
    }

    /// Puts `head` in front of the path, with a `.` unless the path is empty or an index.
    fn under(mut self, head: String) -> Self {
        let sep = if self.path.is_empty() || self.path.starts_with('[') {
            ""
        } else {
            "."
        };
        self.path = format!("{head}{sep}{}", self.path);
        self
    }

    /// The path of the value that failed, relative to the value read (empty: that value).
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What was wrong with it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ReadError {}

/// The JSON kind of a value, as serde words it in its messages.
fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "sequence",
        Value::Object(_) => "map",
    }
}

/// The members of a record, read field by field. A missing member and `null` both read as the
/// field's default (`None`, empty), as Daktela leaves out or nulls whatever is unset.
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a>(Option<&'a Map<String, Value>>);

impl<'a> Fields<'a> {
    /// The members of `value`, which must be an object; `what` names the record in the error.
    /// An empty array also reads as a record without members: PHP encodes an empty associative
    /// array as `[]`.
    ///
    /// # Errors
    /// When `value` is neither an object nor an empty array.
    pub fn of(value: &'a Value, what: &str) -> Result<Self, ReadError> {
        match value {
            Value::Object(map) => Ok(Self(Some(map))),
            Value::Array(items) if items.is_empty() => Ok(Self(None)),
            other => Err(ReadError::expected(what, other)),
        }
    }

    /// The member `key`, unless it is missing or `null`.
    pub fn value(&self, key: &str) -> Option<&'a Value> {
        self.0.and_then(|m| m.get(key)).filter(|v| !v.is_null())
    }

    /// The member `key` read as `T`; missing or `null` reads as `T::default()`.
    ///
    /// # Errors
    /// `T`'s error, with `key` in its path.
    pub fn get<T: FromJson + Default>(&self, key: &str) -> Result<T, ReadError> {
        self.value(key).map_or_else(
            || Ok(T::default()),
            |v| T::from_json(v).map_err(|e| e.in_field(key)),
        )
    }

    /// The member `key` kept as raw JSON.
    pub fn raw(&self, key: &str) -> Option<Value> {
        self.value(key).cloned()
    }

    /// A lenient string member: see [`lenient_string`].
    ///
    /// # Errors
    /// When the member is an array or an object.
    pub fn string(&self, key: &str) -> Result<Option<String>, ReadError> {
        self.scalar(key, lenient_string)
    }

    /// A lenient boolean member: see [`lenient_bool`].
    ///
    /// # Errors
    /// When the member is not a boolean in any of Daktela's spellings.
    pub fn boolean(&self, key: &str) -> Result<Option<bool>, ReadError> {
        self.scalar(key, lenient_bool)
    }

    /// A lenient integer member: see [`lenient_int`].
    ///
    /// # Errors
    /// When the member is not an integer in any of Daktela's spellings.
    pub fn integer(&self, key: &str) -> Result<Option<i64>, ReadError> {
        self.scalar(key, lenient_int)
    }

    fn scalar<T>(
        &self,
        key: &str,
        read: fn(&Value) -> Result<Option<T>, ReadError>,
    ) -> Result<Option<T>, ReadError> {
        self.value(key)
            .map_or(Ok(None), |v| read(v).map_err(|e| e.in_field(key)))
    }
}

/// A string, also accepting numbers and booleans (as their JSON text; a float as `f64`'s
/// `Display` writes it). `null` is `None`.
///
/// Daktela is PHP: the same field comes as `1`, `"1"` or `true` depending on the model, version
/// and path (research.md §3.3: booleans are sent as `1`/`0`; queue names are integers, user
/// names strings). A model must not fail on such a difference; something that is clearly not
/// the field (an object where a string belongs) still fails.
///
/// # Errors
/// For arrays and objects.
pub fn lenient_string(value: &Value) -> Result<Option<String>, ReadError> {
    match value {
        Value::Null => Ok(None),
        Value::String(s) => Ok(Some(s.clone())),
        Value::Bool(b) => Ok(Some(b.to_string())),
        Value::Number(n) => Ok(Some(match n.as_f64() {
            Some(f) if n.is_f64() => crate::models::float_display(f),
            _ => n.to_string(),
        })),
        other => Err(ReadError::expected(
            "a string, number, boolean or null",
            other,
        )),
    }
}

/// A boolean, also accepting `0`/`1`, `"0"`/`"1"`, `"true"`/`"false"`. `null` and `""` are `None`.
///
/// # Errors
/// For anything else.
pub fn lenient_bool(value: &Value) -> Result<Option<bool>, ReadError> {
    const EXPECTED: &str = "a boolean, 0/1, \"0\"/\"1\" or null";
    match value {
        Value::Null => Ok(None),
        Value::Bool(b) => Ok(Some(*b)),
        Value::Number(n) if !n.is_f64() => Ok(Some(n.as_i64() != Some(0))),
        Value::String(s) => match s.trim() {
            "" => Ok(None),
            "1" | "true" => Ok(Some(true)),
            "0" | "false" => Ok(Some(false)),
            _ => Err(ReadError::new(format!(
                "invalid value: string {s:?}, expected {EXPECTED}"
            ))),
        },
        other => Err(ReadError::expected(EXPECTED, other)),
    }
}

/// An integer, also accepting numeric strings and whole floats. `null` and `""` are `None`.
///
/// # Errors
/// For anything else, and for integers beyond `i64`.
pub fn lenient_int(value: &Value) -> Result<Option<i64>, ReadError> {
    const EXPECTED: &str = "an integer, a numeric string or null";
    let invalid =
        |shown: String| ReadError::new(format!("invalid value: {shown}, expected {EXPECTED}"));
    match value {
        Value::Null => Ok(None),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                return Ok(Some(i));
            }
            match n.as_f64() {
                // Only whole numbers inside the i64 range; `as` is exact for those.
                #[allow(clippy::cast_possible_truncation)]
                Some(f) if n.is_f64() && f.fract() == 0.0 && f.abs() < 9.0e18 => Ok(Some(f as i64)),
                _ => Err(invalid(format!("number {n}"))),
            }
        }
        Value::String(s) => {
            let trimmed = s.trim();
            if trimmed.is_empty() {
                return Ok(None);
            }
            trimmed
                .parse()
                .map(Some)
                .map_err(|_| invalid(format!("string {s:?}")))
        }
        other => Err(ReadError::expected(EXPECTED, other)),
    }
}

impl FromJson for Value {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        Ok(value.clone())
    }
}

/// Anything: for answers whose `result` the caller does not need.
impl FromJson for () {
    fn from_json(_: &Value) -> Result<Self, ReadError> {
        Ok(())
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        match value {
            Value::Null => Ok(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Box<T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        T::from_json(value).map(Box::new)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .map(|(i, item)| T::from_json(item).map_err(|e| e.at_index(i)))
                .collect(),
            other => Err(ReadError::expected("a sequence", other)),
        }
    }
}

/// An object keyed by name (PHP's empty `[]` reads as empty).
impl<T: FromJson> FromJson for BTreeMap<String, T> {
    fn from_json(value: &Value) -> Result<Self, ReadError> {
        match value {
            Value::Object(map) => map
                .iter()
                .map(|(k, v)| {
                    T::from_json(v)
                        .map(|t| (k.clone(), t))
                        .map_err(|e| e.in_field(k))
                })
                .collect(),
            Value::Array(items) if items.is_empty() => Ok(Self::new()),
            other => Err(ReadError::expected("a map", other)),
        }
    }
}

/// Reads a [`FromJson`] type from any serde deserializer: the one generic step is parsing into
/// a `Value`, shared by every type read from the same deserializer. This is how the models
/// implement `serde::Deserialize`.
///
/// # Errors
/// The deserializer's error, or the reader's (with its path in the message).
pub fn from_deserializer<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: FromJson,
{
    let value = Value::deserialize(deserializer)?;
    T::from_json(&value).map_err(serde::de::Error::custom)
}

/// Implements `serde::Deserialize` for [`FromJson`] types through [`from_deserializer`].
macro_rules! deserialize_with_reader {
    ($($ty:ty),+ $(,)?) => {$(
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::read::from_deserializer(d)
            }
        }
    )+};
}
pub(crate) use deserialize_with_reader;

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn php_style_scalars_are_read_as_their_meaning() {
        let f = json!({"b": "1", "i": "42", "s": 3001, "f": 1.5, "t": true});
        let f = Fields::of(&f, "a probe").unwrap();
        assert_eq!(f.boolean("b").unwrap(), Some(true));
        assert_eq!(f.integer("i").unwrap(), Some(42));
        assert_eq!(f.string("s").unwrap().as_deref(), Some("3001"));
        assert_eq!(f.string("f").unwrap().as_deref(), Some("1.5"));
        assert_eq!(f.string("t").unwrap().as_deref(), Some("true"));
        assert_eq!(f.string("missing").unwrap(), None);
        let f = json!({"b": 0, "i": null, "s": null, "e": "", "w": 3.0});
        let f = Fields::of(&f, "a probe").unwrap();
        assert_eq!(
            (
                f.boolean("b").unwrap(),
                f.integer("i").unwrap(),
                f.string("s").unwrap()
            ),
            (Some(false), None, None)
        );
        assert_eq!(
            (f.boolean("e").unwrap(), f.integer("e").unwrap()),
            (None, None)
        );
        assert_eq!(f.integer("w").unwrap(), Some(3));
    }

    #[test]
    fn something_that_is_clearly_not_the_field_is_an_error_naming_it() {
        let f = json!({"s": {"a": 1}, "b": "maybe", "i": 1.5, "n": 1e300});
        let f = Fields::of(&f, "a probe").unwrap();
        assert_eq!(
            f.string("s").unwrap_err().to_string(),
            "s: invalid type: map, expected a string, number, boolean or null"
        );
        assert_eq!(f.boolean("b").unwrap_err().path(), "b");
        assert!(f.integer("i").is_err());
        assert!(f.integer("n").is_err());
        assert!(Fields::of(&json!("x"), "a probe").is_err());
        assert!(Fields::of(&json!([]), "a probe").is_ok());
    }

    #[test]
    fn paths_join_fields_and_indexes_in_path_to_error_notation() {
        let e = ReadError::new("bad")
            .in_field("name")
            .at_index(1)
            .in_field("data");
        assert_eq!(e.path(), "data[1].name");
        let e = ReadError::new("bad").at_index(0).at_index(2).in_field("x");
        assert_eq!(e.path(), "x[2][0]");
        let read = Vec::<Option<Vec<Value>>>::from_json(&json!([null, [1], 5]));
        assert_eq!(read.unwrap_err().path(), "[2]");
    }
}
