//! The frame every CRM page shares: the panel include, its configuration, the CRM's header and
//! the demo toolbar. All text goes through [`esc`].

use std::fmt::Write;

use crate::DAKTELA_PATH;
use crate::contacts::RING_NUMBERS;
use crate::phone::display;

/// What every page needs to know, fixed at start-up.
#[derive(Debug)]
pub struct Chrome {
    /// The panel configuration, already made safe for a `<script>` element.
    pub config_json: String,
    /// The agent the demo toolbar rings.
    pub agent: String,
    /// Calling code of the CRM's home country (`420`).
    pub default_cc: &'static str,
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a query-string value (RFC 3986 unreserved characters stay, the rest is `%XX`).
pub fn url_component(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// A whole page: `title` and `main` (already escaped HTML) inside the CRM's frame.
///
/// The panel is included the way a CRM would: its JSON configuration first, then the module
/// script. No inline script or style, so the pages work under a strict Content Security Policy.
pub fn page(chrome: &Chrome, title: &str, main: &str) -> String {
    format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · Brightdesk CRM (demo)</title>
<link rel="stylesheet" href="/crm.css">
<script type="application/json" id="daktela-cti-config">{config}</script>
<script type="module" src="/loader.js"></script>
</head>
<body>
{toolbar}
<header class="crm-top">
<strong>Brightdesk CRM</strong>
<nav><a href="/contacts">Contacts</a> · <a href="/contacts/new">New contact</a></nav>
<form class="crm-search" action="/contacts/search" method="get" role="search">
<label>Phone <input name="phone" type="search" placeholder="+420 777 123 456"></label>
<button type="submit">Search</button>
</form>
</header>
<main class="crm-main">
{main}
</main>
<script src="/demo-controls.js" defer></script>
</body>
</html>
"#,
        title = esc(title),
        config = chrome.config_json,
        toolbar = toolbar(chrome),
    )
}

/// The demo controls: outside the CRM's content, clearly labelled, driving the simulator's
/// control surface through `/demo-controls.js` (read by `data-` attributes, no inline script).
fn toolbar(chrome: &Chrome) -> String {
    let agent = esc(&chrome.agent);
    let mut rings = String::new();
    for ring in RING_NUMBERS {
        let _ = writeln!(
            rings,
            r#"<button type="button" data-action="ring" data-from="{e164}">Ring {agent} from {shown} ({what})</button>"#,
            e164 = esc(ring.e164),
            shown = esc(&display(ring.e164, chrome.default_cc, false)),
            what = esc(ring.what),
        );
    }
    format!(
        r#"<aside class="demo-controls" aria-label="Demo controls (simulated Daktela, not part of the CRM)" data-sim-base="{sim}" data-agent="{agent}" data-queue="1001">
<strong>Demo controls</strong> <small>simulated Daktela · agent {agent}</small>
{rings}<button type="button" data-action="answer">Answer</button>
<button type="button" data-action="hangup">Hang up</button>
<button type="button" data-action="phone" data-online="false">Phone offline</button>
<button type="button" data-action="phone" data-online="true">Phone online</button>
<output class="demo-status" aria-live="polite"></output>
</aside>"#,
        sim = esc(DAKTELA_PATH),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(
            esc(r#"<b a="1">Tom & 'Jerry'</b>"#),
            "&lt;b a=&quot;1&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(url_component("+420 777/é"), "%2B420%20777%2F%C3%A9");
    }
}
