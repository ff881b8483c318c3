//! Tolerant readers for scalar fields.
//!
//! Daktela is PHP: the same field comes as `1`, `"1"` or `true` depending on the model, version
//! and path (research.md §3.3: booleans are sent as `1`/`0`; queue names are integers, user
//! names strings). A model must not fail on such a difference, so scalar fields go through these
//! functions. Anything that is clearly not the field (an object where a string belongs) still
//! fails, with its JSON path.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

/// A string, also accepting numbers and booleans (kept as their JSON text). `null` is `None`.
pub(crate) fn string<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    d.deserialize_any(StringVisitor)
}

/// A boolean, also accepting `0`/`1`, `"0"`/`"1"`, `"true"`/`"false"`. `null` and `""` are `None`.
pub(crate) fn boolean<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    d.deserialize_any(BoolVisitor)
}

/// An integer, also accepting numeric strings and whole floats. `null` and `""` are `None`.
pub(crate) fn integer<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    d.deserialize_any(IntVisitor)
}

/// A list that may also come as `null` (read as empty).
pub(crate) fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

struct StringVisitor;

impl<'de> Visitor<'de> for StringVisitor {
    type Value = Option<String>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string, number, boolean or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Some(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // `v.to_string()`'s text (shortest digits; the last may differ), without core's float formatting in the wasm.
        Ok(Some(super::float_text::display(v)))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

struct BoolVisitor;

impl<'de> Visitor<'de> for BoolVisitor {
    type Value = Option<bool>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a boolean, 0/1, \"0\"/\"1\" or null")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(Some(v != 0))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v != 0))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match v.trim() {
            "" => Ok(None),
            "1" | "true" => Ok(Some(true)),
            "0" | "false" => Ok(Some(false)),
            _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
        }
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

struct IntVisitor;

impl<'de> Visitor<'de> for IntVisitor {
    type Value = Option<i64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer, a numeric string or null")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i64::try_from(v)
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(Some(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        // Only whole numbers inside the i64 range; `as` is exact for those.
        if v.fract() == 0.0 && v.abs() < 9.0e18 {
            #[allow(clippy::cast_possible_truncation)]
            Ok(Some(v as i64))
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        let trimmed = v.trim();
        if trimmed.is_empty() {
            return Ok(None);
        }
        trimmed
            .parse()
            .map(Some)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Probe {
        #[serde(default, deserialize_with = "super::boolean")]
        b: Option<bool>,
        #[serde(default, deserialize_with = "super::integer")]
        i: Option<i64>,
        #[serde(default, deserialize_with = "super::string")]
        s: Option<String>,
    }

    #[test]
    fn php_style_scalars_are_read_as_their_meaning() {
        let p: Probe = serde_json::from_str(r#"{"b":"1","i":"42","s":3001}"#).unwrap();
        assert_eq!(
            (p.b, p.i, p.s.as_deref()),
            (Some(true), Some(42), Some("3001"))
        );
        let p: Probe = serde_json::from_str(r#"{"b":0,"i":null,"s":null}"#).unwrap();
        assert_eq!((p.b, p.i, p.s), (Some(false), None, None));
    }

    #[test]
    fn an_object_where_a_scalar_belongs_is_still_an_error() {
        assert!(serde_json::from_str::<Probe>(r#"{"s":{"a":1}}"#).is_err());
        assert!(serde_json::from_str::<Probe>(r#"{"b":"maybe"}"#).is_err());
    }
}
