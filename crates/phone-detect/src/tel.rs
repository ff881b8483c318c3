//! Numbers in `tel:` and `callto:` link targets.

use std::fmt;

use crate::number::{Written, parse};
use crate::plan::Plans;
use crate::region::Region;
use crate::run::separator_at;

/// A phone number in E.164 form: `+` and 8 to 15 digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct E164(String);

impl E164 {
    /// `"+420777123456"`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for E164 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<E164> for String {
    fn from(number: E164) -> String {
        number.0
    }
}

/// Reads the number in a `tel:` or `callto:` href (any case; `callto://` too), reading a
/// national number in `region`. Percent-escapes are decoded, visual separators ignored and
/// parameters (`;ext=`, `;phone-context=`) dropped.
///
/// Returns `None` for another scheme, a malformed escape, or digits that are no valid number.
/// This builds the plans on each call; for many links, build a [`crate::Detector`] instead and
/// use [`crate::Detector::parse_tel_href`].
pub fn parse_tel_href(href: &str, region: Region) -> Option<E164> {
    let plans = Plans::compile().ok()?;
    parse_href_with(&plans, href, region)
}

pub(crate) fn parse_href_with(plans: &Plans, href: &str, region: Region) -> Option<E164> {
    let href = href.trim();
    let lower = href.get(..7).unwrap_or(href).to_ascii_lowercase();
    let rest = if lower.starts_with("tel:") {
        href.get(4..)?
    } else if lower.starts_with("callto:") {
        href.get(7..)?.trim_start_matches('/')
    } else {
        return None;
    };
    let number = percent_decode(rest.split(';').next().unwrap_or_default())?;
    let mut digits = Vec::with_capacity(20);
    let mut plus = false;
    let mut pos = 0;
    while let Some(c) = number[pos..].chars().next() {
        match c {
            '0'..='9' => digits.push(c as u8),
            '+' if digits.is_empty() && !plus => plus = true,
            _ if separator_at(&number, pos).is_some() => {}
            _ => return None,
        }
        if digits.len() > 20 {
            return None;
        }
        pos += c.len_utf8();
    }
    let written = if plus { Written::Plus } else { Written::Plain };
    parse(plans, region, &digits, written).map(|p| E164(p.e164))
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tel(href: &str, region: Region) -> Option<String> {
        parse_tel_href(href, region).map(String::from)
    }

    #[test]
    fn tel_and_callto_links_give_e164() {
        assert_eq!(
            tel("tel:+420777123456", Region::Cz).as_deref(),
            Some("+420777123456")
        );
        assert_eq!(
            tel("TEL:%2B420%20777%20123%20456", Region::Cz).as_deref(),
            Some("+420777123456")
        );
        assert_eq!(
            tel("tel:777-123-456;phone-context=example.com", Region::Cz).as_deref(),
            Some("+420777123456")
        );
        assert_eq!(
            tel("callto://+421905555123", Region::Cz).as_deref(),
            Some("+421905555123")
        );
        assert_eq!(
            tel("tel:0301234567;ext=12", Region::De).as_deref(),
            Some("+49301234567")
        );
        assert_eq!(
            tel("tel:(212)%20456-7890", Region::Us).as_deref(),
            Some("+12124567890")
        );
    }

    #[test]
    fn other_schemes_bad_escapes_and_invalid_numbers_give_none() {
        for href in [
            "sip:+420777123456",
            "tel:%2",
            "tel:%FF",
            "tel:",
            "tel:+",
            "tel:123",
            "mailto:a@b",
            "tel:77712345x",
            "tel:€",
        ] {
            assert_eq!(tel(href, Region::Cz), None, "{href}");
        }
    }
}
