//! URL templates for the screen pop and the REST adapter: `https://crm.example/search?q={e164}`.
//!
//! Checked when the configuration is read: every placeholder is known, and every filled URL is
//! http(s) or a path on the CRM's own site (never `javascript:`), because the host part is fixed
//! text. Values are percent-encoded when filled, so a number cannot add a query parameter.

use std::fmt;

use serde::{Deserialize, Deserializer};
use thiserror::Error;

/// The placeholders a template may use.
pub const PLACEHOLDERS: [&str; 6] = [
    "e164",
    "number",
    "activity",
    "call_id",
    "record_id",
    "external_id",
];

/// Why a URL template was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TemplateError {
    /// Not `http(s)://host…` nor `/path…`.
    #[error(
        "must start with https:// or http:// and a host, or with / for a page on the CRM's own site"
    )]
    NotHttp,
    /// `https://{record_id}.example`: the host would depend on call data.
    #[error("a placeholder may not stand in the host name: put it after the first /")]
    PlaceholderInHost,
    /// `{foo}`.
    #[error(
        "unknown placeholder {{{0}}}: use {{e164}}, {{number}}, {{activity}}, {{call_id}}, {{record_id}} or {{external_id}}"
    )]
    UnknownPlaceholder(String),
    /// A `{` without `}` or the reverse.
    #[error("a {{ or }} has no partner: write placeholders as {{e164}}")]
    UnbalancedBrace,
    /// Spaces or control characters.
    #[error("contains a space or control character: percent-encode it (%20)")]
    Whitespace,
}

#[derive(Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Placeholder(&'static str),
}

/// A checked URL template.
#[derive(Clone, PartialEq, Eq)]
pub struct Template {
    text: String,
    parts: Vec<Part>,
}

impl Template {
    /// Checks a template.
    ///
    /// # Errors
    /// A [`TemplateError`] saying what to change.
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(TemplateError::Whitespace);
        }
        let lower = text.to_ascii_lowercase();
        match ["https://", "http://"]
            .iter()
            .find_map(|s| lower.strip_prefix(s))
        {
            Some(rest) => {
                let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
                if host.contains(['{', '}']) {
                    return Err(TemplateError::PlaceholderInHost);
                }
                if host.is_empty() {
                    return Err(TemplateError::NotHttp);
                }
            }
            None if text.starts_with('/') && !text.starts_with("//") => {}
            None => return Err(TemplateError::NotHttp),
        }
        Ok(Template {
            text: text.to_owned(),
            parts: split(text)?,
        })
    }

    /// The template as configured.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The placeholders it uses, in order (`["e164"]`).
    pub fn placeholders(&self) -> Vec<&'static str> {
        self.parts
            .iter()
            .filter_map(|p| match p {
                Part::Placeholder(name) => Some(*name),
                Part::Text(_) => None,
            })
            .collect()
    }

    /// The URL with each placeholder replaced by `values(name)`, percent-encoded (RFC 3986
    /// unreserved characters kept). A placeholder without a value becomes empty.
    pub fn fill(&self, values: &dyn Fn(&str) -> Option<String>) -> String {
        let mut out = String::with_capacity(self.text.len() + 16);
        for part in &self.parts {
            match part {
                Part::Text(text) => out.push_str(text),
                Part::Placeholder(name) => {
                    out.push_str(&percent_encode(&values(name).unwrap_or_default()))
                }
            }
        }
        out
    }
}

impl fmt::Debug for Template {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Template").field(&self.text).finish()
    }
}

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Template::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn split(text: &str) -> Result<Vec<Part>, TemplateError> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        let (before, after) = rest.split_at(open);
        let Some(inner) = after.strip_prefix('{') else {
            return Err(TemplateError::UnbalancedBrace);
        };
        let (name, tail) = inner
            .split_once('}')
            .ok_or(TemplateError::UnbalancedBrace)?;
        let known = PLACEHOLDERS
            .iter()
            .find(|p| **p == name)
            .ok_or_else(|| TemplateError::UnknownPlaceholder(name.to_owned()))?;
        if !before.is_empty() {
            parts.push(Part::Text(before.to_owned()));
        }
        parts.push(Part::Placeholder(known));
        rest = tail;
    }
    if !rest.is_empty() {
        parts.push(Part::Text(rest.to_owned()));
    }
    Ok(parts)
}

/// Percent-encodes everything but RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub fn percent_encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 0x0f)]));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn values(name: &str) -> Option<String> {
        match name {
            "e164" => Some("+420 777".to_owned()),
            "record_id" => Some("a/b?c=d&e".to_owned()),
            _ => None,
        }
    }

    #[test]
    fn fill_percent_encodes_every_value() {
        let t = Template::parse("https://crm.example/search?q={e164}").unwrap();
        assert_eq!(t.fill(&values), "https://crm.example/search?q=%2B420%20777");
        let t = Template::parse("/records/{record_id}/view").unwrap();
        assert_eq!(t.fill(&values), "/records/a%2Fb%3Fc%3Dd%26e/view");
        assert_eq!(percent_encode("Žluť-._~"), "%C5%BDlu%C5%A5-._~");
    }

    #[test]
    fn a_placeholder_without_a_value_becomes_empty() {
        let t = Template::parse("/log/{external_id}?c={call_id}").unwrap();
        assert_eq!(t.fill(&values), "/log/?c=");
        assert_eq!(t.placeholders(), ["external_id", "call_id"]);
        assert_eq!(t.as_str(), "/log/{external_id}?c={call_id}");
    }

    #[test]
    fn unknown_placeholders_and_stray_braces_are_refused() {
        let e = Template::parse("https://crm.example/?q={phone}").unwrap_err();
        assert_eq!(e, TemplateError::UnknownPlaceholder("phone".into()));
        assert!(e.to_string().contains("{e164}, {number}"), "{e}");
        for bad in ["/a/{e164", "/a/e164}", "/a/{}", "/a/{{e164}}"] {
            assert!(Template::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_http_urls_and_own_site_paths_are_accepted() {
        for good in [
            "https://crm.example/x?n={number}",
            "HTTP://crm:8080",
            "/contacts/new",
        ] {
            assert!(Template::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "javascript:alert(1)//{e164}",
            "JavaScript:alert(1)",
            "data:text/html,x",
            "//evil.example/{e164}",
            "crm.example/{e164}",
            "https:///path",
            "",
        ] {
            assert_eq!(Template::parse(bad), Err(TemplateError::NotHttp), "{bad}");
        }
        assert_eq!(
            Template::parse("https://{record_id}.example/"),
            Err(TemplateError::PlaceholderInHost)
        );
        assert_eq!(
            Template::parse("/search?q= {e164}"),
            Err(TemplateError::Whitespace)
        );
    }
}
