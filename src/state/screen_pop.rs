//! Screen pop: when to open the caller's CRM record, that it happens once per call, and which
//! URL to open. Only http(s) URLs ever come out of here.
//!
//! URL rules ([`resolve_url`]): surrounding spaces and control characters are trimmed (browsers
//! do the same); any whitespace, control character or backslash left inside is refused, since
//! browsers silently drop or rewrite them (`java\tscript:` would run); a scheme must be `http`
//! or `https` (any case) followed by `//` and a host without user info; anything else is
//! resolved against the page's own URL. A protocol-relative `//host/x` is accepted and takes the
//! page's scheme, so it is http(s) by construction: the check is about what a link can DO, the
//! host a CRM record points to is the CRM's own data.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::call::{CallEvent, CallInfo};

/// How many calls the gate remembers (far more than a tab ever has in flight).
const GATE_MEMORY: usize = 100;
/// How much of an offending URL an error message repeats.
const SHOWN_URL_CHARS: usize = 100;

/// When the screen pop happens (configured).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PopTrigger {
    /// When the call rings.
    #[default]
    Ring,
    /// When the agent answers.
    Answer,
    /// Never.
    Never,
}

impl PopTrigger {
    /// The call to pop for this event, if any. `Ring` also fires on `Answered`, which comes
    /// without a `Rang` for a call first seen answered; [`PopGate`] stops a second pop.
    pub fn fires_on(self, event: &CallEvent) -> Option<&CallInfo> {
        match (self, event) {
            (Self::Ring, CallEvent::Rang(info) | CallEvent::Answered(info)) => Some(info),
            (Self::Answer, CallEvent::Answered(info)) => Some(info),
            _ => None,
        }
    }
}

/// Says yes once per call: keyed by `call_id` when known (a transferred call's new activity
/// does not pop again), else by activity name. Serializable, so a reload does not pop again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PopGate {
    popped: VecDeque<String>,
}

impl PopGate {
    /// True the first time it is asked about a call, false ever after.
    pub fn should_pop(&mut self, call: &CallInfo) -> bool {
        let key = match &call.call_id {
            Some(id) => format!("call:{id}"),
            None => format!("activity:{}", call.activity),
        };
        if self.popped.contains(&key) {
            return false;
        }
        self.popped.push_back(key);
        while self.popped.len() > GATE_MEMORY {
            self.popped.pop_front();
        }
        true
    }
}

/// A record as a CRM lookup returns it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrmRecord {
    /// The CRM's id for it.
    pub id: String,
    /// What to show the agent.
    #[serde(default)]
    pub name: String,
    /// Where it opens (absolute, or relative to the CRM page). A record without one is never
    /// opened: it is left out of a choice, and as the only match it is an error.
    #[serde(default)]
    pub url: String,
    /// Its kind (`contact`, `lead`, `account`...), when the CRM says.
    #[serde(default)]
    pub kind: Option<String>,
}

/// Where the screen pop goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PopTarget {
    /// Open this absolute http(s) URL.
    Open(String),
    /// Several matches and no search template: list them (URLs already resolved and checked).
    Choose(Vec<CrmRecord>),
    /// Nothing to open.
    Nothing,
}

/// Why no screen pop happened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PopError {
    /// The URL would not be a plain http(s) page.
    #[error(
        "the CRM link `{url}` was not opened: {reason}; fix the URL in the CRM or the configuration"
    )]
    UnsafeUrl {
        /// The offending URL (shortened).
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The page's own URL is not http(s), so relative links cannot be resolved.
    #[error("the page address `{0}` is not an http(s) URL, so relative CRM links cannot be opened")]
    BadPageBase(String),
    /// A URL template has a placeholder this panel does not fill.
    #[error(
        "the URL template `{template}` has {problem}; use {{e164}}, {{number}}, {{activity}} or {{call_id}}"
    )]
    Template {
        /// The template.
        template: String,
        /// What is wrong with it.
        problem: String,
    },
}

/// The values a URL template may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateVars<'a> {
    /// `{e164}`: the caller's number, `+420226211245`.
    pub e164: &'a str,
    /// `{activity}`: the Daktela activity name.
    pub activity: &'a str,
    /// `{call_id}`: the Daktela call id (`""` when unknown).
    pub call_id: &'a str,
}

/// Chooses the screen pop for a lookup's matches: one match opens it; several open the search
/// template (or, without one, let the agent choose); none opens the new-contact template (or
/// nothing). Blank templates count as absent. `page_base` is the CRM page's URL.
///
/// Takes [`TemplateVars`] instead of a bare number so `{activity}` and `{call_id}` can be filled.
pub fn decide(
    matches: &[CrmRecord],
    vars: &TemplateVars<'_>,
    search_url: Option<&str>,
    new_contact_url: Option<&str>,
    page_base: &str,
) -> Result<PopTarget, PopError> {
    fn template(t: Option<&str>) -> Option<&str> {
        t.filter(|t| !t.trim().is_empty())
    }
    let open_template = |t: &str| -> Result<PopTarget, PopError> {
        Ok(PopTarget::Open(resolve_url(&fill(t, vars)?, page_base)?))
    };
    match matches {
        [one] => Ok(PopTarget::Open(resolve_url(&one.url, page_base)?)),
        [] => template(new_contact_url).map_or(Ok(PopTarget::Nothing), open_template),
        many => match template(search_url) {
            Some(t) => open_template(t),
            None => choose(many, page_base),
        },
    }
}

/// Resolves every record's URL; unsafe ones are left out, and only if none is left is it an error.
fn choose(records: &[CrmRecord], page_base: &str) -> Result<PopTarget, PopError> {
    let mut first_error = None;
    let mut safe = Vec::new();
    for record in records {
        match resolve_url(&record.url, page_base) {
            Ok(url) => safe.push(CrmRecord {
                url,
                ..record.clone()
            }),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match first_error {
        Some(e) if safe.is_empty() => Err(e),
        _ => Ok(PopTarget::Choose(safe)),
    }
}

/// Fills `{e164}`, `{number}` (the E.164 digits without `+`), `{activity}` and `{call_id}`,
/// each percent-encoded (RFC 3986 unreserved characters kept). Any other `{...}` or an unclosed
/// `{` is an error rather than a broken link.
pub fn fill(template: &str, vars: &TemplateVars<'_>) -> Result<String, PopError> {
    let problem = |problem: String| PopError::Template {
        template: template.to_owned(),
        problem,
    };
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after
            .find('}')
            .ok_or_else(|| problem("an unclosed `{`".into()))?;
        let digits: String = vars.e164.chars().filter(char::is_ascii_digit).collect();
        let value = match &after[..close] {
            "e164" => vars.e164,
            "number" => &digits,
            "activity" => vars.activity,
            "call_id" => vars.call_id,
            other => return Err(problem(format!("an unknown placeholder `{{{other}}}`"))),
        };
        out.push_str(&percent_encode(value));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Percent-encodes everything but RFC 3986 unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub fn percent_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Resolves `url` against the page's URL and checks that the result is http(s) (module docs).
pub fn resolve_url(url: &str, page_base: &str) -> Result<String, PopError> {
    let base = Absolute::parse(page_base).map_err(|_| PopError::BadPageBase(shorten(page_base)))?;
    let unsafe_url = |reason| PopError::UnsafeUrl {
        url: shorten(url),
        reason,
    };
    let url = url.trim_matches(|c: char| c <= ' ');
    if url.is_empty() {
        return Err(unsafe_url("it is empty"));
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Err(unsafe_url(
            "it contains spaces, control characters or backslashes",
        ));
    }
    if url.starts_with("//") || scheme_of(url).is_some() {
        let text = if url.starts_with("//") {
            format!("{}:{url}", base.scheme)
        } else {
            url.to_owned()
        };
        let absolute = Absolute::parse(&text).map_err(unsafe_url)?;
        return Ok(absolute.to_string_with(&absolute.path_and_more));
    }
    let tail = match url.as_bytes()[0] {
        b'/' => url.to_owned(),
        b'?' => format!("{}{url}", base.path()),
        b'#' => format!("{}{url}", base.path_and_query()),
        _ => format!("{}{url}", base.directory()),
    };
    Ok(base.to_string_with(&tail))
}

/// An absolute http(s) URL split just enough to resolve against it.
struct Absolute<'a> {
    scheme: String,
    authority: &'a str,
    /// Everything from the first `/`, `?` or `#` after the authority.
    path_and_more: String,
}

impl<'a> Absolute<'a> {
    fn parse(url: &'a str) -> Result<Self, &'static str> {
        let url = url.trim_matches(|c: char| c <= ' ');
        let scheme = scheme_of(url).ok_or("it has no scheme")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return Err("only http and https links are followed");
        }
        let rest = url[scheme.len() + 1..]
            .strip_prefix("//")
            .ok_or("an http(s) link needs `//` and a host")?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let authority = &rest[..end];
        let host = authority.rsplit_once(':').map_or(authority, |(h, _)| h);
        if host.is_empty() || authority.contains('@') {
            return Err("an http(s) link needs a host and no user name");
        }
        Ok(Self {
            scheme,
            authority,
            path_and_more: rest[end..].to_owned(),
        })
    }

    fn path_and_query(&self) -> &str {
        let end = self
            .path_and_more
            .find('#')
            .unwrap_or(self.path_and_more.len());
        match &self.path_and_more[..end] {
            "" => "/",
            p => p,
        }
    }

    fn path(&self) -> &str {
        let pq = self.path_and_query();
        pq.find('?').map_or(pq, |q| &pq[..q])
    }

    fn directory(&self) -> &str {
        let path = self.path();
        path.rfind('/').map_or("/", |slash| &path[..=slash])
    }

    fn to_string_with(&self, tail: &str) -> String {
        format!("{}://{}{tail}", self.scheme, self.authority)
    }
}

/// The scheme, if `url` starts with one (`ALPHA *(ALPHA / DIGIT / + / - / .) ":"`).
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then_some(scheme)
}

fn shorten(text: &str) -> String {
    text.chars().take(SHOWN_URL_CHARS).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use daktela_api::models::{ActivityName, CallDirection, CallId};

    const PAGE: &str = "https://crm.example.com/app/contacts/view?id=7#top";
    const VARS: TemplateVars<'static> = TemplateVars {
        e164: "+420226211245",
        activity: "activities_9",
        call_id: "17.3",
    };

    fn record(id: &str, url: &str) -> CrmRecord {
        CrmRecord {
            id: id.into(),
            name: format!("Contact {id}"),
            url: url.into(),
            kind: Some("contact".into()),
        }
    }

    fn info(activity: &str, call_id: Option<&str>) -> CallInfo {
        CallInfo {
            activity: ActivityName::new(activity),
            call_id: call_id.map(CallId::new),
            direction: CallDirection::In,
            remote_number: Some("00420226211245".into()),
            queue: None,
            contact: None,
            rang_at_ms: 1,
            answered_at_ms: None,
        }
    }

    fn unsafe_reason(result: Result<String, PopError>) -> &'static str {
        match result {
            Err(PopError::UnsafeUrl { reason, .. }) => reason,
            other => panic!("expected UnsafeUrl, got {other:?}"),
        }
    }

    #[test]
    fn one_match_opens_that_record() {
        let target = decide(&[record("1", "/contacts/1")], &VARS, None, None, PAGE).unwrap();
        assert_eq!(
            target,
            PopTarget::Open("https://crm.example.com/contacts/1".into())
        );
    }

    #[test]
    fn several_matches_open_the_search_filled_with_the_encoded_number() {
        let matches = [record("1", "/c/1"), record("2", "/c/2")];
        let search = Some("/search?q={e164}&digits={number}");
        let target = decide(&matches, &VARS, search, None, PAGE).unwrap();
        assert_eq!(
            target,
            PopTarget::Open(
                "https://crm.example.com/search?q=%2B420226211245&digits=420226211245".into()
            )
        );
    }

    #[test]
    fn several_matches_without_a_search_template_are_listed_with_resolved_links() {
        let matches = [record("1", "1/edit"), record("2", "javascript:alert(1)")];
        let target = decide(&matches, &VARS, Some("  "), None, PAGE).unwrap();
        let PopTarget::Choose(listed) = target else {
            panic!("{target:?}")
        };
        assert_eq!(listed.len(), 1, "the hostile record is left out");
        assert_eq!(listed[0].url, "https://crm.example.com/app/contacts/1/edit");
    }

    #[test]
    fn no_match_opens_the_new_contact_form_or_nothing() {
        let form = Some("https://crm.example.com/new?phone={e164}&ref={activity}/{call_id}");
        assert_eq!(
            decide(&[], &VARS, None, form, PAGE).unwrap(),
            PopTarget::Open(
                "https://crm.example.com/new?phone=%2B420226211245&ref=activities_9/17.3".into()
            )
        );
        assert_eq!(
            decide(&[], &VARS, None, None, PAGE).unwrap(),
            PopTarget::Nothing
        );
    }

    #[test]
    fn relative_links_resolve_against_the_page_like_a_browser() {
        let cases = [
            ("/x", "https://crm.example.com/x"),
            ("x", "https://crm.example.com/app/contacts/x"),
            ("?id=8", "https://crm.example.com/app/contacts/view?id=8"),
            (
                "#notes",
                "https://crm.example.com/app/contacts/view?id=7#notes",
            ),
            ("//other.example/x", "https://other.example/x"),
            ("HTTP://Crm.Example.com/a", "http://Crm.Example.com/a"),
        ];
        for (link, expected) in cases {
            assert_eq!(resolve_url(link, PAGE).unwrap(), expected, "{link}");
        }
        assert_eq!(
            resolve_url("b", "http://localhost:8080").unwrap(),
            "http://localhost:8080/b"
        );
    }

    #[test]
    fn hostile_links_are_never_followed() {
        for hostile in [
            "javascript:alert(1)",
            " JAVASCRIPT:alert(1)",
            "\tjavascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "https://crm.example.com/a b",
            "/\\evil.example",
            "https:evil.example",
            "https:///nohost",
            "https://user:pw@evil.example/",
            "",
            " \u{0}",
        ] {
            assert!(
                matches!(resolve_url(hostile, PAGE), Err(PopError::UnsafeUrl { .. })),
                "{hostile:?}"
            );
        }
        assert_eq!(
            unsafe_reason(resolve_url("JavaScript:alert(1)", PAGE)),
            "only http and https links are followed"
        );
    }

    #[test]
    fn a_single_hostile_match_is_an_error_not_a_pop() {
        let result = decide(&[record("1", "data:text/html,hi")], &VARS, None, None, PAGE);
        assert!(matches!(result, Err(PopError::UnsafeUrl { .. })));
    }

    #[test]
    fn encoded_values_cannot_inject_a_scheme_or_a_query() {
        let vars = TemplateVars {
            e164: "javascript:alert(1)&x=#",
            ..VARS
        };
        let url = fill("{e164}", &vars).unwrap();
        assert_eq!(url, "javascript%3Aalert%281%29%26x%3D%23");
        assert_eq!(
            resolve_url(&url, PAGE).unwrap(),
            "https://crm.example.com/app/contacts/javascript%3Aalert%281%29%26x%3D%23"
        );
        assert_eq!(percent_encode("Nov\u{e1}k ~-._"), "Nov%C3%A1k%20~-._");
    }

    #[test]
    fn unknown_or_unclosed_placeholders_are_errors() {
        assert!(matches!(
            fill("/s?q={phone}", &VARS),
            Err(PopError::Template { .. })
        ));
        assert!(matches!(
            fill("/s?q={e164", &VARS),
            Err(PopError::Template { .. })
        ));
    }

    #[test]
    fn a_page_that_is_not_http_cannot_resolve_links() {
        assert!(matches!(
            resolve_url("/x", "file:///home/a.html"),
            Err(PopError::BadPageBase(_))
        ));
    }

    #[test]
    fn the_gate_pops_once_per_call_even_across_a_transfer_and_a_reload() {
        let mut gate = PopGate::default();
        assert!(gate.should_pop(&info("a1", Some("17.3"))));
        assert!(!gate.should_pop(&info("a1", Some("17.3"))));
        assert!(!gate.should_pop(&info("a2", Some("17.3"))), "transfer");
        let mut reloaded: PopGate =
            serde_json::from_str(&serde_json::to_string(&gate).unwrap()).unwrap();
        assert!(!reloaded.should_pop(&info("a1", Some("17.3"))));
        assert!(reloaded.should_pop(&info("a3", None)));
        assert!(!reloaded.should_pop(&info("a3", None)));
    }

    #[test]
    fn the_trigger_picks_the_events_that_pop() {
        let rang = CallEvent::Rang(info("a1", None));
        let answered = CallEvent::Answered(info("a1", None));
        assert!(PopTrigger::Ring.fires_on(&rang).is_some());
        assert!(PopTrigger::Ring.fires_on(&answered).is_some());
        assert!(PopTrigger::Answer.fires_on(&rang).is_none());
        assert!(PopTrigger::Answer.fires_on(&answered).is_some());
        assert!(PopTrigger::Never.fires_on(&answered).is_none());
        let config: PopTrigger = serde_json::from_str("\"answer\"").unwrap();
        assert_eq!(config, PopTrigger::Answer);
    }
}
