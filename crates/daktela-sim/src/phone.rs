//! Phone numbers as Daktela stores them: international numbers as `00<cc>...`.

/// Normalises a dialled or typed number to Daktela's stored form.
///
/// `+420 777 123 456` and `00420777123456` both become `00420777123456`; a bare national
/// number of nine digits (`777 123 456`) gets the instance's default country code. Anything
/// else keeps its digits as typed, because a real PBX dials what it is given.
pub fn normalize(input: &str, default_cc: &str) -> String {
    let trimmed = input.trim();
    let digits = digits_of(trimmed);
    if trimmed.starts_with('+') {
        format!("00{digits}")
    } else if digits.starts_with("00") {
        digits
    } else if digits.len() == 9 && !digits.starts_with('0') {
        format!("00{default_cc}{digits}")
    } else {
        digits
    }
}

/// Only the ASCII digits of `s`.
pub fn digits_of(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a search text `q` names the stored number `stored` (`00<cc>...`).
///
/// A query matches in any of the forms a person types: `+420 777...`, `00420777...`,
/// `420777...` or the national `777...`. Fewer than three digits never match, so that a
/// name search such as `Novak 2` does not hit every number containing a 2.
pub fn query_matches(q: &str, stored: &str) -> bool {
    let q = q.trim();
    let mut digits = digits_of(q);
    if q.starts_with('+') {
        digits.insert_str(0, "00");
    }
    if digits.len() < 3 {
        return false;
    }
    let stored = digits_of(stored);
    // `00420...` and `+420...` are exact forms; national and `420...` forms are suffixes.
    stored.contains(&digits) || stored.contains(digits.trim_start_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_plus_and_national_forms_to_double_zero() {
        assert_eq!(normalize("+420 777 123 456", "420"), "00420777123456");
        assert_eq!(normalize("00420777123456", "420"), "00420777123456");
        assert_eq!(normalize("777 123 456", "420"), "00420777123456");
        assert_eq!(normalize("+44 20 7946 0958", "420"), "00442079460958");
    }

    #[test]
    fn finds_a_stored_number_from_every_typed_form() {
        let stored = "00420777123456";
        for q in [
            "+420 777 123 456",
            "00420777123456",
            "777123456",
            "420777123456",
            "777 123",
        ] {
            assert!(query_matches(q, stored), "{q}");
        }
        assert!(!query_matches("776", stored));
        assert!(!query_matches("12", stored));
    }
}
