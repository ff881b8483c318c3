//! What the agent types in the dial field, or a `tel:` / `callto:` link says, made into E.164.
//!
//! Each supported country has its real numbering plan: country code, national (trunk) prefix and
//! the lengths a national significant number (NSN) may have. A number that starts with `+` or
//! `00` is international; anything else is national in the configured default region.
//! `daktela_api::phone` then changes the form to Daktela's `00<cc>…`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use thiserror::Error;

/// The most digits an E.164 number has (country code included).
const E164_MAX: usize = 15;
/// The fewest digits accepted for a country we have no plan for (country code included).
const FOREIGN_MIN: usize = 8;

/// Why a dial string cannot be dialled. Every message tells the agent what to change.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PhoneError {
    /// Nothing but blanks.
    #[error("Type a phone number first")]
    Empty,
    /// A character no phone number has (a letter, a second `+`, …).
    #[error(
        "\"{0}\" does not belong in a phone number: use digits, spaces and an optional leading +"
    )]
    InvalidCharacter(char),
    /// Fewer digits than the country's numbers have.
    #[error("The number is too short: check that no digit is missing")]
    TooShort,
    /// More digits than the country's numbers have.
    #[error(
        "The number is too long: check it, or start a foreign number with + and its country code"
    )]
    TooLong,
    /// A region code we have no numbering plan for.
    #[error("Unsupported country \"{0}\": use one of {list}", list = Region::codes())]
    UnsupportedRegion(String),
}

/// A country whose numbering plan the panel knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Region {
    /// Czechia, +420.
    Cz,
    /// Slovakia, +421.
    Sk,
    /// Poland, +48.
    Pl,
    /// Hungary, +36.
    Hu,
    /// Austria, +43.
    At,
    /// Germany, +49.
    De,
    /// United Kingdom, +44.
    Gb,
    /// United States, +1 (NANP).
    Us,
    /// Canada, +1 (NANP).
    Ca,
    /// France, +33.
    Fr,
    /// Italy, +39 (the leading 0 of landlines is kept).
    It,
    /// Spain, +34.
    Es,
    /// Netherlands, +31.
    Nl,
}

/// One country's numbering plan.
struct Plan {
    region: Region,
    code: &'static str,
    country_code: &'static str,
    /// Dialled before a national number inside the country; never part of the NSN ("" = none).
    trunk: &'static str,
    /// Allowed NSN lengths, inclusive.
    nsn: (usize, usize),
}

/// In `Region` declaration order: `Region::plan` indexes by discriminant (a test checks).
/// German NSNs run from 5 digits up to what E.164 leaves after +49. Italy has no trunk prefix:
/// the 0 of a landline is part of the number.
#[rustfmt::skip]
const PLANS: [Plan; 13] = [
    Plan { region: Region::Cz, code: "CZ", country_code: "420", trunk: "", nsn: (9, 9) },
    Plan { region: Region::Sk, code: "SK", country_code: "421", trunk: "0", nsn: (9, 9) },
    Plan { region: Region::Pl, code: "PL", country_code: "48", trunk: "", nsn: (9, 9) },
    Plan { region: Region::Hu, code: "HU", country_code: "36", trunk: "06", nsn: (8, 9) },
    Plan { region: Region::At, code: "AT", country_code: "43", trunk: "0", nsn: (4, 13) },
    Plan { region: Region::De, code: "DE", country_code: "49", trunk: "0", nsn: (5, 13) },
    Plan { region: Region::Gb, code: "GB", country_code: "44", trunk: "0", nsn: (9, 10) },
    Plan { region: Region::Us, code: "US", country_code: "1", trunk: "1", nsn: (10, 10) },
    Plan { region: Region::Ca, code: "CA", country_code: "1", trunk: "1", nsn: (10, 10) },
    Plan { region: Region::Fr, code: "FR", country_code: "33", trunk: "0", nsn: (9, 9) },
    Plan { region: Region::It, code: "IT", country_code: "39", trunk: "", nsn: (6, 11) },
    Plan { region: Region::Es, code: "ES", country_code: "34", trunk: "", nsn: (9, 9) },
    Plan { region: Region::Nl, code: "NL", country_code: "31", trunk: "0", nsn: (9, 9) },
];

impl Region {
    /// Every supported region, in a stable order.
    pub fn all() -> impl Iterator<Item = Region> {
        PLANS.iter().map(|p| p.region)
    }

    /// Reads an ISO 3166 alpha-2 code (`"CZ"`, case-insensitive).
    ///
    /// # Errors
    /// [`PhoneError::UnsupportedRegion`] naming the code and listing the supported ones.
    pub fn from_code(code: &str) -> Result<Region, PhoneError> {
        PLANS
            .iter()
            .find(|p| p.code.eq_ignore_ascii_case(code.trim()))
            .map(|p| p.region)
            .ok_or_else(|| PhoneError::UnsupportedRegion(code.to_owned()))
    }

    /// The ISO alpha-2 code, upper case.
    pub fn code(self) -> &'static str {
        self.plan().code
    }

    /// The country calling code without `+` (`"420"`).
    pub fn country_code(self) -> &'static str {
        self.plan().country_code
    }

    /// The supported codes as one line, for error messages: `CZ, SK, …`.
    pub fn codes() -> String {
        PLANS.map(|p| p.code).join(", ")
    }

    fn plan(self) -> &'static Plan {
        &PLANS[self as usize]
    }
}

impl<'de> Deserialize<'de> for Region {
    /// From the alpha-2 code; an unknown code fails with the list of supported ones.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = String::deserialize(d)?;
        Region::from_code(&code).map_err(serde::de::Error::custom)
    }
}

/// A number in E.164 form: `+` and up to 15 digits, the first not 0.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct E164(String);

impl E164 {
    /// `"+420777123456"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The digits without `+`: `"420777123456"`.
    pub fn digits(&self) -> &str {
        self.0.get(1..).unwrap_or_default()
    }

    /// The form Daktela stores and click-to-call sends: `"00420777123456"`.
    pub fn to_daktela(&self) -> String {
        // Always Some for a valid E164; the fallback builds the same text by hand.
        daktela_api::phone::e164_to_daktela(&self.0)
            .unwrap_or_else(|| format!("00{}", self.digits()))
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for E164 {
    type Error = PhoneError;
    /// Accepts only the canonical form (as stored by this type), e.g. when reading the outbox.
    fn try_from(text: String) -> Result<Self, PhoneError> {
        let Some(digits) = text.strip_prefix('+') else {
            return Err(text
                .chars()
                .next()
                .map_or(PhoneError::Empty, PhoneError::InvalidCharacter));
        };
        if let Some(bad) = digits.chars().find(|c| !c.is_ascii_digit()) {
            return Err(PhoneError::InvalidCharacter(bad));
        }
        international(digits)
    }
}

impl From<E164> for String {
    fn from(number: E164) -> String {
        number.0
    }
}

/// Normalises a dial string to E.164, reading national numbers in `default_region`.
///
/// Accepts `+` or `00` (and `011` in NANP) before a country code, national numbers with or
/// without the trunk prefix, separators (spaces incl. no-break and thin spaces, `-`, `.`, `/`,
/// parentheses) and `tel:` / `callto:` hrefs (percent-decoded, `;ext=…` parameters dropped).
///
/// # Errors
/// A [`PhoneError`] saying what to fix.
pub fn normalize(input: &str, default_region: Region) -> Result<E164, PhoneError> {
    let text = strip_scheme(input.trim())?;
    let (plus, digits) = scan(&text)?;
    if digits.is_empty() {
        return Err(if plus {
            PhoneError::TooShort
        } else {
            PhoneError::Empty
        });
    }
    let plan = default_region.plan();
    if plus {
        international(&digits)
    } else if let Some(rest) = digits.strip_prefix("00") {
        international(rest)
    } else if let (Some(rest), "1") = (digits.strip_prefix("011"), plan.country_code) {
        international(rest)
    } else {
        national(&digits, plan)
    }
}

/// `tel:` and `callto:` (any case) are dropped with their parameters; the rest is decoded.
fn strip_scheme(text: &str) -> Result<String, PhoneError> {
    let lower = text.get(..7).unwrap_or(text).to_ascii_lowercase();
    let rest = if lower.starts_with("tel:") {
        &text[4..]
    } else if lower.starts_with("callto:") {
        text[7..].trim_start_matches('/')
    } else {
        return Ok(text.to_owned());
    };
    let number = rest.split(';').next().unwrap_or_default();
    percent_decode(number)
}

fn percent_decode(text: &str) -> Result<String, PhoneError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok());
            let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok());
            out.push(byte.ok_or(PhoneError::InvalidCharacter('%'))?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| PhoneError::InvalidCharacter('%'))
}

/// Separators people and CRMs put inside numbers (incl. U+00A0, U+2009, U+202F and dashes).
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '-' | '\u{2010}'
            ..='\u{2013}' | '.' | '/' | '(' | ')'
    )
}

/// The digits, and whether a `+` came before the first one.
fn scan(text: &str) -> Result<(bool, String), PhoneError> {
    let mut plus = false;
    let mut digits = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => digits.push(c),
            '+' if !plus && digits.is_empty() => plus = true,
            c if is_separator(c) => {}
            c => return Err(PhoneError::InvalidCharacter(c)),
        }
        // Cheap guard against pasted essays; no real number comes near this.
        if digits.len() > 2 * E164_MAX {
            return Err(PhoneError::TooLong);
        }
    }
    Ok((plus, digits))
}

/// Digits after `+` / `00`: a country code and a number.
fn international(digits: &str) -> Result<E164, PhoneError> {
    if let Some(first @ '0') = digits.chars().next() {
        // No country code starts with 0: `+0…` or `000…` is a typo.
        return Err(PhoneError::InvalidCharacter(first));
    }
    let known = PLANS.iter().find(|p| digits.starts_with(p.country_code));
    match known {
        Some(plan) => {
            let nsn = &digits[plan.country_code.len()..];
            // `+44 (0)20…`: the trunk prefix never starts an NSN, so drop it if written.
            let nsn = match plan.trunk {
                "" => nsn,
                trunk => nsn.strip_prefix(trunk).unwrap_or(nsn),
            };
            check_length(nsn.len(), plan.nsn)?;
            Ok(E164(format!("+{}{nsn}", plan.country_code)))
        }
        None => {
            check_length(digits.len(), (FOREIGN_MIN, E164_MAX))?;
            Ok(E164(format!("+{digits}")))
        }
    }
}

/// A number without `+` / `00`, in the default region.
fn national(digits: &str, plan: &Plan) -> Result<E164, PhoneError> {
    let nsn = match plan.trunk {
        "" => digits,
        trunk => digits.strip_prefix(trunk).unwrap_or(digits),
    };
    match check_length(nsn.len(), plan.nsn) {
        Ok(()) => Ok(E164(format!("+{}{nsn}", plan.country_code))),
        // `420777123456` in CZ: the country code written without + or 00 (CRM exports do this).
        Err(PhoneError::TooLong) if digits.starts_with(plan.country_code) => {
            international(digits).map_err(|_| PhoneError::TooLong)
        }
        Err(error) => Err(error),
    }
}

fn check_length(len: usize, (min, max): (usize, usize)) -> Result<(), PhoneError> {
    if len < min {
        Err(PhoneError::TooShort)
    } else if len > max {
        Err(PhoneError::TooLong)
    } else {
        Ok(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn ok(input: &str, region: Region) -> String {
        match normalize(input, region) {
            Ok(n) => n.as_str().to_owned(),
            Err(e) => panic!("{input:?} in {region:?}: {e}"),
        }
    }

    fn err(input: &str, region: Region) -> PhoneError {
        normalize(input, region).expect_err(input)
    }

    #[test]
    fn the_demo_pages_numbers_all_dial_as_czech_or_slovak_e164() {
        assert_eq!(ok("+420 777 123 456", Region::Cz), "+420777123456");
        assert_eq!(ok("226 211 245", Region::Cz), "+420226211245");
        assert_eq!(ok("00420226211245", Region::Cz), "+420226211245");
        assert_eq!(ok("+421 905 555 123", Region::Cz), "+421905555123");
        assert_eq!(ok("602 987 654", Region::Cz), "+420602987654");
    }

    #[test]
    fn separators_of_every_kind_are_ignored() {
        for input in [
            "+420\u{a0}777\u{a0}123\u{a0}456",
            "+420\u{2009}777\u{2009}123\u{2009}456",
            "+420-777-123-456",
            "+420.777.123.456",
            "+420 / 777 / 123 456",
            "(+420) 777 123 456",
            "\t +420777123456 \n",
        ] {
            assert_eq!(ok(input, Region::Cz), "+420777123456", "{input:?}");
        }
    }

    #[test]
    fn tel_and_callto_hrefs_are_decoded_and_lose_their_parameters() {
        assert_eq!(ok("tel:+420777123456;ext=12", Region::Cz), "+420777123456");
        assert_eq!(
            ok("TEL:%2B420%20777%20123%20456", Region::Cz),
            "+420777123456"
        );
        assert_eq!(
            ok("tel:777-123-456;phone-context=example.com", Region::Cz),
            "+420777123456"
        );
        assert_eq!(ok("callto:+421905555123", Region::Cz), "+421905555123");
        assert_eq!(ok("callto://+421905555123", Region::Cz), "+421905555123");
        assert_eq!(err("tel:%2", Region::Cz), PhoneError::InvalidCharacter('%'));
        assert_eq!(
            err("tel:%FF", Region::Cz),
            PhoneError::InvalidCharacter('%')
        );
    }

    #[test]
    fn other_schemes_and_letters_are_refused_naming_the_character() {
        assert_eq!(
            err("sip:+420777123456", Region::Cz),
            PhoneError::InvalidCharacter('s')
        );
        assert_eq!(
            err("777 12x 456", Region::Cz),
            PhoneError::InvalidCharacter('x')
        );
        assert_eq!(
            err("+420 +777", Region::Cz),
            PhoneError::InvalidCharacter('+')
        );
        assert_eq!(
            err("777;123", Region::Cz),
            PhoneError::InvalidCharacter(';')
        );
        assert_eq!(
            err("+0420777123456", Region::Cz),
            PhoneError::InvalidCharacter('0')
        );
    }

    #[test]
    fn empty_input_and_a_lone_plus_say_so() {
        assert_eq!(err("", Region::Cz), PhoneError::Empty);
        assert_eq!(err(" \u{a0} ", Region::Cz), PhoneError::Empty);
        assert_eq!(err("tel:", Region::Cz), PhoneError::Empty);
        assert_eq!(err("+", Region::Cz), PhoneError::TooShort);
    }

    #[test]
    fn czech_polish_and_spanish_numbers_have_no_trunk_prefix_and_nine_digits() {
        assert_eq!(ok("777123456", Region::Cz), "+420777123456");
        assert_eq!(err("77712345", Region::Cz), PhoneError::TooShort);
        assert_eq!(err("7771234567", Region::Cz), PhoneError::TooLong);
        assert_eq!(ok("512 345 678", Region::Pl), "+48512345678");
        assert_eq!(ok("+48 22 123 45 67", Region::Cz), "+48221234567");
        assert_eq!(ok("612 34 56 78", Region::Es), "+34612345678");
        assert_eq!(ok("0034 912 345 678", Region::Cz), "+34912345678");
    }

    #[test]
    fn a_country_code_written_without_plus_is_recognised_for_the_home_country() {
        assert_eq!(ok("420777123456", Region::Cz), "+420777123456");
        assert_eq!(ok("421905555123", Region::Sk), "+421905555123");
        assert_eq!(err("4207771234567", Region::Cz), PhoneError::TooLong);
    }

    #[test]
    fn slovak_numbers_are_read_with_or_without_the_zero() {
        assert_eq!(ok("0905 555 123", Region::Sk), "+421905555123");
        assert_eq!(ok("905 555 123", Region::Sk), "+421905555123");
        assert_eq!(ok("02/123 456 78", Region::Sk), "+421212345678");
        assert_eq!(err("0905 555 12", Region::Sk), PhoneError::TooShort);
    }

    #[test]
    fn hungarian_numbers_drop_the_06_prefix() {
        assert_eq!(ok("06 1 234 5678", Region::Hu), "+3612345678");
        assert_eq!(ok("06 30 123 4567", Region::Hu), "+36301234567");
        assert_eq!(ok("+36 30 123 4567", Region::Cz), "+36301234567");
        assert_eq!(err("06 1 234 567", Region::Hu), PhoneError::TooShort);
    }

    #[test]
    fn austrian_and_german_numbers_allow_their_wide_length_ranges() {
        assert_eq!(ok("0664 123456", Region::At), "+43664123456");
        assert_eq!(ok("01 5868", Region::At), "+4315868");
        assert_eq!(err("01 58", Region::At), PhoneError::TooShort);
        assert_eq!(ok("030 1234567", Region::De), "+49301234567");
        assert_eq!(ok("0171 1234567", Region::De), "+491711234567");
        assert_eq!(ok("+49 (0)30 1234567", Region::Cz), "+49301234567");
        assert_eq!(err("0301 2345 6789 0123", Region::De), PhoneError::TooLong);
    }

    #[test]
    fn british_numbers_drop_the_zero_written_in_brackets() {
        assert_eq!(ok("020 7946 0958", Region::Gb), "+442079460958");
        assert_eq!(ok("+44 (0)20 7946 0958", Region::Cz), "+442079460958");
        assert_eq!(ok("01632 960983", Region::Gb), "+441632960983");
        assert_eq!(err("020 7946 09", Region::Gb), PhoneError::TooShort);
    }

    #[test]
    fn nanp_numbers_take_an_optional_leading_one_and_011_for_abroad() {
        assert_eq!(ok("(212) 555-0100", Region::Us), "+12125550100");
        assert_eq!(ok("1 212 555 0100", Region::Us), "+12125550100");
        assert_eq!(ok("1-416-555-0199", Region::Ca), "+14165550199");
        assert_eq!(ok("+1 212 555 0100", Region::Cz), "+12125550100");
        assert_eq!(ok("011 420 777 123 456", Region::Us), "+420777123456");
        assert_eq!(err("555 0100", Region::Us), PhoneError::TooShort);
    }

    #[test]
    fn french_and_dutch_numbers_drop_the_zero() {
        assert_eq!(ok("01 23 45 67 89", Region::Fr), "+33123456789");
        assert_eq!(ok("+33 (0)6 12 34 56 78", Region::Cz), "+33612345678");
        assert_eq!(ok("06-12345678", Region::Nl), "+31612345678");
        assert_eq!(ok("020 123 4567", Region::Nl), "+31201234567");
    }

    #[test]
    fn italian_numbers_keep_their_leading_zero() {
        assert_eq!(ok("06 1234 5678", Region::It), "+390612345678");
        assert_eq!(ok("+39 06 1234 5678", Region::Cz), "+390612345678");
        assert_eq!(ok("333 123 4567", Region::It), "+393331234567");
        assert_eq!(err("06 12", Region::It), PhoneError::TooShort);
    }

    #[test]
    fn foreign_numbers_without_a_plan_need_eight_to_fifteen_digits() {
        assert_eq!(ok("+41 79 653 32 79", Region::Cz), "+41796533279");
        assert_eq!(ok("00 81 3 1234 5678", Region::Cz), "+81312345678");
        assert_eq!(err("+41 796", Region::Cz), PhoneError::TooShort);
        assert_eq!(
            err("+41 796 533 279 123 45", Region::Cz),
            PhoneError::TooLong
        );
        assert_eq!(err(&"9".repeat(400), Region::Cz), PhoneError::TooLong);
    }

    #[test]
    fn e164_gives_digits_and_the_daktela_form() {
        let n = normalize("+420 226 211 245", Region::Cz).unwrap();
        assert_eq!(n.digits(), "420226211245");
        assert_eq!(n.to_daktela(), "00420226211245");
        assert_eq!(n.to_string(), "+420226211245");
    }

    #[test]
    fn e164_round_trips_through_json_and_refuses_non_canonical_text() {
        let n = normalize("602 987 654", Region::Cz).unwrap();
        let json = serde_json::to_string(&n).unwrap();
        assert_eq!(json, "\"+420602987654\"");
        assert_eq!(serde_json::from_str::<E164>(&json).unwrap(), n);
        for bad in ["\"602987654\"", "\"+42 0\"", "\"\"", "\"+1\""] {
            assert!(serde_json::from_str::<E164>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn regions_are_read_from_codes_in_any_case_and_unknown_ones_are_listed() {
        assert_eq!(Region::from_code("cz"), Ok(Region::Cz));
        assert_eq!(Region::from_code("GB"), Ok(Region::Gb));
        for r in Region::all() {
            assert_eq!(Region::from_code(r.code()), Ok(r));
        }
        let e = Region::from_code("UK").unwrap_err();
        assert_eq!(e, PhoneError::UnsupportedRegion("UK".into()));
        assert!(
            e.to_string()
                .contains("CZ, SK, PL, HU, AT, DE, GB, US, CA, FR, IT, ES, NL")
        );
        assert_eq!(Region::Us.country_code(), Region::Ca.country_code());
    }

    #[test]
    fn each_plan_sits_at_its_regions_index() {
        for r in Region::all() {
            assert_eq!(r.plan().region, r);
        }
        assert_eq!(Region::all().count(), 13);
    }

    #[test]
    fn an_invalid_character_message_quotes_the_character() {
        let text = err("777 12x 456", Region::Cz).to_string();
        assert!(text.starts_with("\"x\" does not belong"), "{text}");
    }

    #[test]
    fn odd_input_gives_an_error_not_a_panic() {
        for input in [
            "tel€",
            "ťel:123",
            "callto€€",
            "%",
            "tel:%",
            "tel:%%41",
            "callto:",
            "00",
            "011",
            "+00",
            "0",
            "(((",
            "tel:+",
            "číslo",
            "\u{0}",
            "tel:;ext=1",
            "1",
            "06",
        ] {
            for region in Region::all() {
                let _ = normalize(input, region);
            }
        }
        assert_eq!(err("00", Region::Cz), PhoneError::TooShort);
        assert_eq!(err("(((", Region::Cz), PhoneError::Empty);
    }
}
