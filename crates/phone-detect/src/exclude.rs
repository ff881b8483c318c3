//! Tenant exclusions: labels, digit shapes and number prefixes that are never phone numbers.

use crate::error::ConfigError;
use crate::text::fold_char;

/// Something a tenant knows is not a phone number in their CRM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exclusion {
    /// A word that, as the nearest label before digits, makes them not a number
    /// (`"Vertragsnr"`, `"Zákazník č."`). Case-insensitive, whole word; end it with `*` to
    /// match a stem (`"smlouv*"`).
    Label(String),
    /// A shape the raw text matches: `#` is one digit, a space any blank, other characters
    /// themselves (case-insensitive), e.g. `"ORD ### ### ###"` or `"###/####"`. A run of digits
    /// and separators that a shape covers entirely is never a number, nor any part of it.
    Shape(String),
    /// Found numbers whose E.164 starts with this are dropped (`"+420900"`: premium lines).
    Prefix(String),
}

impl Exclusion {
    pub(crate) fn check(&self, index: usize) -> Result<(), ConfigError> {
        match self {
            Exclusion::Label(word) if word.trim().trim_end_matches('*').is_empty() => {
                Err(ConfigError::EmptyLabel { index })
            }
            Exclusion::Shape(shape) if !shape.contains('#') => {
                Err(ConfigError::ShapeWithoutDigits {
                    shape: shape.clone(),
                })
            }
            Exclusion::Prefix(p)
                if p.len() < 2
                    || !p.starts_with('+')
                    || !p[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                Err(ConfigError::BadPrefix { prefix: p.clone() })
            }
            _ => Ok(()),
        }
    }
}

/// Whether `shape` matches text that covers `[start, end)` in `text`.
pub(crate) fn shape_covers(text: &str, shape: &str, start: usize, end: usize) -> bool {
    let shape: Vec<char> = shape.chars().collect();
    // The match may begin up to the shape's length (in chars) before the run.
    let mut from = start;
    for _ in 0..=shape.len() {
        if let Some(stop) = match_at(text, &shape, from)
            && stop >= end
            && !text[stop..].starts_with(|c: char| c.is_ascii_digit())
            && !text[..from].ends_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
        match text[..from].chars().next_back() {
            Some(c) => from -= c.len_utf8(),
            None => break,
        }
    }
    false
}

fn match_at(text: &str, shape: &[char], from: usize) -> Option<usize> {
    let mut chars = text.get(from..)?.char_indices();
    for want in shape {
        let (_, got) = chars.next()?;
        let ok = match want {
            '#' => got.is_ascii_digit(),
            ' ' => matches!(
                got,
                ' ' | '\t' | '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}'
            ),
            w => fold_char(*w) == fold_char(got),
        };
        if !ok {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| from + i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shape_must_cover_the_whole_run_and_not_cut_digits() {
        let text = "viz ORD 777 123 456 dnes";
        assert!(shape_covers(text, "ord ### ### ###", 8, 19));
        assert!(!shape_covers(text, "ord ### ###", 8, 19));
        assert!(!shape_covers("1777 123 456", "### ### ###", 1, 12));
        assert!(shape_covers("855214/1234", "######/####", 0, 11));
    }

    #[test]
    fn useless_exclusions_are_refused_with_their_reason() {
        assert_eq!(
            Exclusion::Label(" * ".into()).check(2),
            Err(ConfigError::EmptyLabel { index: 2 })
        );
        assert!(matches!(
            Exclusion::Shape("ORD".into()).check(0),
            Err(ConfigError::ShapeWithoutDigits { .. })
        ));
        assert!(matches!(
            Exclusion::Prefix("420".into()).check(0),
            Err(ConfigError::BadPrefix { .. })
        ));
        assert!(matches!(
            Exclusion::Prefix("+".into()).check(0),
            Err(ConfigError::BadPrefix { .. })
        ));
        assert_eq!(Exclusion::Prefix("+420900".into()).check(0), Ok(()));
    }
}
