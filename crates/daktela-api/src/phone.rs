//! Converting between E.164 (`+420226211245`) and the form Daktela stores (`00420226211245`).
//!
//! Only a change of FORM: the panel normalises what it finds on a page to E.164 itself; this
//! module does not guess country codes or strip trunk prefixes.

/// The most digits an E.164 number has.
const MAX_DIGITS: usize = 15;

/// `+420226211245` → `00420226211245`. Spaces, dashes, dots and parentheses are dropped.
/// `None` when the input is not `+` followed by 1 to 15 digits.
pub fn e164_to_daktela(e164: &str) -> Option<String> {
    let rest = e164.trim().strip_prefix('+')?;
    digits(rest).map(|d| format!("00{d}"))
}

/// `00420226211245` → `+420226211245`. `None` when the input is not `00` followed by 1 to 15
/// digits (a national number such as `226211245` has no country code to give).
pub fn daktela_to_e164(stored: &str) -> Option<String> {
    let rest = stored.trim().strip_prefix("00")?;
    digits(rest).map(|d| format!("+{d}"))
}

fn digits(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => out.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return None,
        }
    }
    (!out.is_empty() && out.len() <= MAX_DIGITS && !out.starts_with('0')).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_both_ways_and_round_trips() {
        assert_eq!(
            e164_to_daktela("+420 226 211 245").as_deref(),
            Some("00420226211245")
        );
        assert_eq!(
            daktela_to_e164("0041796533279").as_deref(),
            Some("+41796533279")
        );
        let stored = e164_to_daktela("+41796533279").unwrap();
        assert_eq!(daktela_to_e164(&stored).as_deref(), Some("+41796533279"));
    }

    #[test]
    fn refuses_what_is_not_that_form() {
        for bad in [
            "420226211245",
            "+",
            "+0420",
            "+42a",
            "+1234567890123456",
            "",
        ] {
            assert_eq!(e164_to_daktela(bad), None, "{bad}");
        }
        for bad in ["226211245", "00", "000420", "+420226211245"] {
            assert_eq!(daktela_to_e164(bad), None, "{bad}");
        }
    }
}
