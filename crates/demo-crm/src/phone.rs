//! Phone numbers as the CRM stores them: E.164 (`+420777123456`), whatever form they were typed in.

/// Calling codes of the countries the demo knows, as `(ISO 3166 code, calling code)`.
///
/// Only what the seeded contacts and a Czech call centre need; an unknown `default_country` is
/// refused at start-up rather than guessed.
const COUNTRIES: &[(&str, &str)] = &[
    ("CZ", "420"),
    ("SK", "421"),
    ("DE", "49"),
    ("AT", "43"),
    ("PL", "48"),
    ("GB", "44"),
    ("US", "1"),
];

/// The calling code of an ISO 3166 country (`"CZ"` → `"420"`), if the demo knows it.
pub fn calling_code(country: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(iso, _)| iso.eq_ignore_ascii_case(country))
        .map(|(_, cc)| *cc)
}

/// Normalises a typed number to E.164, or `None` when it cannot be a phone number.
///
/// `+420 777 123 456`, `00420777123456`, `420777123456` and the national `777 123 456` (with
/// `default_cc` `"420"`) all become `+420777123456`. A national number with a trunk prefix
/// (`030 1234567` in Germany) loses the `0`. Letters are refused, not skipped, so that a name
/// typed into a number field is not read as the digits hidden in it.
pub fn to_e164(input: &str, default_cc: &str) -> Option<String> {
    let trimmed = input.trim();
    let allowed = |c: char| c.is_ascii_digit() || " +-()./".contains(c);
    if trimmed.is_empty() || !trimmed.chars().all(allowed) {
        return None;
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let international = if trimmed.starts_with('+') {
        digits
    } else if let Some(rest) = digits.strip_prefix("00") {
        rest.to_owned()
    } else if let Some(rest) = digits.strip_prefix('0') {
        format!("{default_cc}{rest}")
    } else if digits.starts_with(default_cc) && digits.len() >= default_cc.len() + 8 {
        digits
    } else if digits.len() >= 6 {
        format!("{default_cc}{digits}")
    } else {
        // A fragment (`777 12`) is a typo or a search, not a number to prefix with a country.
        return None;
    };
    // E.164: at most 15 digits; fewer than 8 is no real subscriber number anywhere we serve.
    let plausible = (8..=15).contains(&international.len()) && !international.starts_with('0');
    plausible.then(|| format!("+{international}"))
}

/// How a number reads on a page: `+420 777 123 456`, or `777 123 456` when `national` and the
/// number is in the country of `default_cc`.
pub fn display(e164: &str, default_cc: &str, national: bool) -> String {
    let Some(digits) = e164.strip_prefix('+') else {
        return e164.to_owned();
    };
    let Some((cc, rest)) = COUNTRIES
        .iter()
        .find_map(|(_, cc)| digits.strip_prefix(cc).map(|rest| (*cc, rest)))
    else {
        return e164.to_owned();
    };
    let grouped = group_by_three(rest);
    if national && cc == default_cc {
        grouped
    } else {
        format!("+{cc} {grouped}")
    }
}

/// `777123456` → `777 123 456`; a remainder stays on the last group (`30123456789` →
/// `301 234 567 89`).
fn group_by_three(digits: &str) -> String {
    let chars: Vec<char> = digits.chars().collect();
    chars
        .chunks(3)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_czech_form_becomes_the_same_e164() {
        for typed in [
            "+420 777 123 456",
            "00420777123456",
            "420777123456",
            "777 123 456",
            "777-123-456",
            "(+420) 777 123 456",
        ] {
            assert_eq!(
                to_e164(typed, "420").as_deref(),
                Some("+420777123456"),
                "{typed}"
            );
        }
    }

    #[test]
    fn foreign_numbers_keep_their_country() {
        assert_eq!(
            to_e164("+49 30 123456789", "420").as_deref(),
            Some("+4930123456789")
        );
        assert_eq!(
            to_e164("0044 20 7946 0958", "420").as_deref(),
            Some("+442079460958")
        );
        assert_eq!(
            to_e164("030 123456789", "49").as_deref(),
            Some("+4930123456789")
        );
    }

    #[test]
    fn names_and_fragments_are_not_numbers() {
        for typed in [
            "",
            "   ",
            "Jan Novák",
            "777 12",
            "+420 777 abc",
            "+1234567890123456",
        ] {
            assert_eq!(to_e164(typed, "420"), None, "{typed}");
        }
    }

    #[test]
    fn numbers_display_grouped_and_national_at_home() {
        assert_eq!(display("+420777123456", "420", false), "+420 777 123 456");
        assert_eq!(display("+420602987654", "420", true), "602 987 654");
        assert_eq!(display("+421905555123", "420", true), "+421 905 555 123");
        assert_eq!(display("+99912345678", "420", false), "+99912345678");
    }

    #[test]
    fn countries_are_found_case_insensitively() {
        assert_eq!(calling_code("cz"), Some("420"));
        assert_eq!(calling_code("XX"), None);
    }
}
