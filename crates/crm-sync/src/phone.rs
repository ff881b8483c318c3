//! Phone numbers to the form Daktela stores: `00<country code><number>` (CONTRACT "numbers").

use daktela_api::phone::e164_to_daktela;

/// How to normalise the values of phone fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneRules {
    /// Daktela field keys that hold phone numbers (default `number`).
    pub fields: Vec<String>,
    /// Country code (digits, e.g. `420`) for national numbers; `None` leaves them as digits.
    pub default_country_code: Option<String>,
}

impl Default for PhoneRules {
    fn default() -> Self {
        PhoneRules {
            fields: vec!["number".to_owned()],
            default_country_code: None,
        }
    }
}

/// A value that is not a phone number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a phone number")]
pub struct BadNumber(pub String);

impl PhoneRules {
    /// Whether values of `key` are phone numbers.
    pub fn is_phone_field(&self, key: &str) -> bool {
        self.fields.iter().any(|f| f == key)
    }

    /// `+420 773 794 604` → `00420773794604`; `00420...` stays; a national `773794604` gets
    /// the default country code (a single leading trunk `0` is dropped first), or stays
    /// digits-only without one.
    ///
    /// # Errors
    /// [`BadNumber`] for letters or other symbols, or no digits at all.
    pub fn normalise(&self, raw: &str) -> Result<String, BadNumber> {
        let bad = || BadNumber(raw.to_owned());
        let text = raw.trim();
        if text.starts_with('+') {
            return e164_to_daktela(text).ok_or_else(bad);
        }
        let mut digits = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '0'..='9' => digits.push(c),
                ' ' | '-' | '.' | '(' | ')' | '/' => {}
                _ => return Err(bad()),
            }
        }
        if digits.is_empty() || digits.len() > 17 {
            return Err(bad());
        }
        if digits.starts_with("00") {
            return Ok(digits);
        }
        Ok(match &self.default_country_code {
            Some(cc) => {
                let national = digits.strip_prefix('0').unwrap_or(&digits);
                format!("00{cc}{national}")
            }
            None => digits,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn czech() -> PhoneRules {
        PhoneRules {
            default_country_code: Some("420".into()),
            ..PhoneRules::default()
        }
    }

    #[test]
    fn international_forms_become_double_zero_form() {
        let r = PhoneRules::default();
        assert_eq!(r.normalise("+420 773 794 604").unwrap(), "00420773794604");
        assert_eq!(r.normalise("00420-773-794-604").unwrap(), "00420773794604");
    }

    #[test]
    fn national_numbers_get_the_default_country_code_only_when_configured() {
        assert_eq!(czech().normalise("773 794 604").unwrap(), "00420773794604");
        assert_eq!(czech().normalise("0773794604").unwrap(), "00420773794604");
        assert_eq!(
            PhoneRules::default().normalise("773 794 604").unwrap(),
            "773794604"
        );
    }

    #[test]
    fn refuses_text_that_is_not_a_number() {
        for bad in ["call me", "+42a", "", "--", "12345678901234567890"] {
            assert!(czech().normalise(bad).is_err(), "{bad}");
        }
    }
}
