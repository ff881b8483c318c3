//! The JSON a CRM integrator writes to configure the panel, read strictly: a typo, a wrong value
//! or a missing field fails with the field's JSON path and what to do about it.
//!
//! Minimal configuration: `{"api_base": "/daktela"}`; every other field has a documented default.

use daktela_api::models::QueueName;
use daktela_api::{AccessToken, TokenPlacement};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::i18n::Lang;
use super::phone::Region;

mod crm;
mod error;
mod page_numbers;
mod template;
use crm::RawCrm;
pub use crm::{Crm, LogMethod, RestCrm, StaticHeaders};
pub use error::ConfigError;
use error::from_serde;
pub use page_numbers::PageNumbers;
use page_numbers::RawPageNumbers;
pub use template::{PLACEHOLDERS, Template, TemplateError, percent_encode};

/// How the agent logs in to Daktela.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Login {
    /// The agent types username and password (`{"mode": "password"}`, the default).
    #[default]
    Password,
    /// A static access token from the config (`{"mode": "token", "token": "…"}`). Its `Debug`
    /// is redacted.
    Token(AccessToken),
}

/// When the screen pop opens the CRM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopWhen {
    /// As soon as the call rings (default).
    #[default]
    Ring,
    /// When the agent answers.
    Answer,
    /// Never: the agent opens records by hand.
    Never,
}

/// Where the screen pop opens the CRM page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PopTarget {
    /// Replace the current page.
    SameTab,
    /// A new tab (default: the agent keeps the page the panel lives in).
    #[default]
    NewTab,
}

/// `screen_pop`: when and where the CRM record opens.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScreenPop {
    /// Default `ring`.
    pub when: PopWhen,
    /// Default `new_tab`.
    pub target: PopTarget,
    /// Opened when several records match (optional).
    pub search_url: Option<Template>,
    /// Opened when no record matches, pre-filled with the number (optional).
    pub new_contact_url: Option<Template>,
}

/// How the panel learns that something changed (CONTRACT D2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PullMode {
    /// Pull data, falling back to polling when the instance lacks it (default).
    #[default]
    Auto,
    /// Polling only.
    Poll,
}

/// `pull`: change detection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Pull {
    /// Default `auto`.
    pub mode: PullMode,
    /// Polling period; default 2000, at least [`MIN_POLL_MS`].
    #[serde(deserialize_with = "poll_interval")]
    pub poll_interval_ms: u32,
}

/// The shortest polling period accepted, to spare the Daktela instance.
pub const MIN_POLL_MS: u32 = 500;

impl Default for Pull {
    fn default() -> Self {
        Self {
            mode: PullMode::Auto,
            poll_interval_ms: 2000,
        }
    }
}

/// The whole configuration, every default applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelConfig {
    /// `https://mycompany.daktela.com` or a same-origin proxy path such as `/daktela` (D5), with
    /// no trailing slash.
    pub api_base: String,
    /// Default [`Login::Password`].
    pub login: Login,
    /// Default header (`X-AUTH-TOKEN`); `query` puts the token in `?accessToken=`.
    pub token_placement: TokenPlacement,
    /// Region of national numbers; default CZ.
    pub default_country: Region,
    /// Queues the agent may dial through; empty (default) = any outbound queue they are in.
    pub outbound_queues: Vec<QueueName>,
    /// Ask "Call …?" before dialling; default false.
    pub confirm_before_dial: bool,
    /// Default: pop on ring, in a new tab, no search / new-contact URL.
    pub screen_pop: ScreenPop,
    /// Default [`Crm::HostPage`].
    pub crm: Crm,
    /// Default English.
    pub language: Lang,
    /// Default auto, 2000 ms.
    pub pull: Pull,
    /// Desktop notifications on ring; default false.
    pub notifications: bool,
    /// Ring sound (after the agent enables it); default false.
    pub ring_sound: bool,
    /// Plain-text numbers on the page: default on, whole `<body>`, no tenant exclusions.
    pub page_numbers: PageNumbers,
}

impl PanelConfig {
    /// Reads and checks the integrator's JSON.
    ///
    /// # Errors
    /// [`ConfigError`] naming the field (JSON path) and saying what to write.
    pub fn from_json(json: &str) -> Result<PanelConfig, ConfigError> {
        let raw: Raw = serde_json::from_str(json)
            .map_err(|e| from_serde(&daktela_api::error_path(json, &e), &e))?;
        Ok(PanelConfig {
            api_base: raw.api_base,
            login: raw.login.check()?,
            token_placement: raw.token_placement,
            default_country: raw.default_country,
            outbound_queues: raw.outbound_queues,
            confirm_before_dial: raw.confirm_before_dial,
            screen_pop: raw.screen_pop,
            crm: raw.crm.check()?,
            language: raw.language,
            pull: raw.pull,
            notifications: raw.notifications,
            ring_sound: raw.ring_sound,
            page_numbers: raw.page_numbers.check()?,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(deserialize_with = "api_base")]
    api_base: String,
    #[serde(default)]
    login: RawLogin,
    #[serde(default, with = "Placement")]
    token_placement: TokenPlacement,
    #[serde(default = "default_country")]
    default_country: Region,
    #[serde(default)]
    outbound_queues: Vec<QueueName>,
    #[serde(default)]
    confirm_before_dial: bool,
    #[serde(default)]
    screen_pop: ScreenPop,
    #[serde(default)]
    crm: RawCrm,
    #[serde(default)]
    language: Lang,
    #[serde(default)]
    pull: Pull,
    #[serde(default)]
    notifications: bool,
    #[serde(default)]
    ring_sound: bool,
    #[serde(default)]
    page_numbers: RawPageNumbers,
}

fn default_country() -> Region {
    Region::Cz
}

#[derive(Deserialize)]
#[serde(remote = "TokenPlacement", rename_all = "snake_case")]
enum Placement {
    Header,
    Query,
}

#[derive(Deserialize, Default, PartialEq)]
#[serde(rename_all = "snake_case")]
enum LoginMode {
    #[default]
    Password,
    Token,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawLogin {
    mode: LoginMode,
    // A Value, so that a wrongly typed token is never echoed in an error message.
    token: Option<Value>,
}

impl RawLogin {
    fn check(self) -> Result<Login, ConfigError> {
        match (self.mode, self.token) {
            (LoginMode::Password, None) => Ok(Login::Password),
            (LoginMode::Password, Some(_)) => Err(ConfigError::field_error(
                "login.token",
                "only used with \"mode\": \"token\": remove it, or set login.mode to \"token\"",
            )),
            (LoginMode::Token, Some(Value::String(token))) if !token.trim().is_empty() => {
                Ok(Login::Token(AccessToken::new(token.trim())))
            }
            (LoginMode::Token, _) => Err(ConfigError::field_error(
                "login.token",
                "required with \"mode\": \"token\": paste the user's access token as a string",
            )),
        }
    }
}

fn api_base<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let text = String::deserialize(d)?;
    let base = text.trim().trim_end_matches('/');
    let lower = base.to_ascii_lowercase();
    let host = ["https://", "http://"]
        .iter()
        .find_map(|s| lower.strip_prefix(s));
    let ok = match host {
        Some(rest) => !rest.is_empty() && !rest.starts_with('/'),
        None => base.starts_with('/') && !base.starts_with("//") && base.len() > 1,
    };
    if !ok || base.contains(['?', '#']) || base.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return Err(serde::de::Error::custom(format!(
            "{text:?} is neither the address of a Daktela instance (\"https://mycompany.daktela.com\") \
             nor a path on this site served by a reverse proxy (\"/daktela\")"
        )));
    }
    Ok(base.to_owned())
}

fn poll_interval<'de, D: Deserializer<'de>>(d: D) -> Result<u32, D::Error> {
    let ms = u32::deserialize(d)?;
    if ms < MIN_POLL_MS {
        return Err(serde::de::Error::custom(format!(
            "{ms} ms is too often: use {MIN_POLL_MS} or more"
        )));
    }
    Ok(ms)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn error(json: &str) -> (String, String) {
        match PanelConfig::from_json(json).unwrap_err() {
            ConfigError::Field { field, message } => (field, message),
            other => panic!("not a field error: {other}"),
        }
    }

    #[test]
    fn the_minimal_config_gets_every_default() {
        let c = PanelConfig::from_json(r#"{"api_base":"/daktela"}"#).unwrap();
        assert_eq!(c.api_base, "/daktela");
        assert_eq!(c.login, Login::Password);
        assert_eq!(c.token_placement, TokenPlacement::Header);
        assert_eq!(c.default_country, Region::Cz);
        assert!(c.outbound_queues.is_empty());
        assert!(!c.confirm_before_dial && !c.notifications && !c.ring_sound);
        assert_eq!(c.screen_pop, ScreenPop::default());
        assert_eq!(
            (c.screen_pop.when, c.screen_pop.target),
            (PopWhen::Ring, PopTarget::NewTab)
        );
        assert_eq!(c.crm, Crm::HostPage);
        assert_eq!(c.language, Lang::En);
        assert_eq!(
            (c.pull.mode, c.pull.poll_interval_ms),
            (PullMode::Auto, 2000)
        );
    }

    #[test]
    fn a_full_rest_config_is_read_field_by_field() {
        let c = PanelConfig::from_json(
            r#"{"api_base":"https://acme.daktela.com/","login":{"mode":"token","token":"t0k"},
            "token_placement":"query","default_country":"sk","outbound_queues":[3001,"out_1"],
            "confirm_before_dial":true,"language":"cs","notifications":true,"ring_sound":true,
            "screen_pop":{"when":"answer","target":"same_tab","search_url":"/search?q={number}"},
            "pull":{"mode":"poll","poll_interval_ms":500},
            "crm":{"adapter":"rest","lookup_url":"https://crm.example/lookup?n={e164}",
                   "log_url":"https://crm.example/logs/{external_id}","log_method":"POST",
                   "headers":{"X-Api-Key":"k3y"}}}"#,
        )
        .unwrap();
        assert_eq!(c.api_base, "https://acme.daktela.com");
        assert_eq!(c.login, Login::Token(AccessToken::new("t0k")));
        assert_eq!(c.token_placement, TokenPlacement::Query);
        assert_eq!(c.default_country, Region::Sk);
        assert_eq!(
            c.outbound_queues,
            [QueueName::new("3001"), QueueName::new("out_1")]
        );
        assert_eq!(c.screen_pop.when, PopWhen::Answer);
        assert_eq!(c.screen_pop.search_url.unwrap().placeholders(), ["number"]);
        assert_eq!(c.pull.poll_interval_ms, 500);
        let Crm::Rest(rest) = c.crm else {
            panic!("not rest")
        };
        assert_eq!(rest.log_method, LogMethod::Post);
        assert_eq!(
            rest.headers.iter().collect::<Vec<_>>(),
            [("X-Api-Key", "k3y")]
        );
        assert_eq!(
            rest.log_url.as_str(),
            "https://crm.example/logs/{external_id}"
        );
    }

    #[test]
    fn debug_output_never_shows_the_token_or_header_values() {
        let c = PanelConfig::from_json(
            r#"{"api_base":"/d","login":{"mode":"token","token":"SECRET-1"},
            "crm":{"adapter":"rest","lookup_url":"/l","log_url":"/g","headers":{"X-Key":"SECRET-2"}}}"#,
        )
        .unwrap();
        let debug = format!("{c:?}");
        assert!(!debug.contains("SECRET"), "{debug}");
        assert!(debug.contains("X-Key"), "{debug}");
        let e =
            PanelConfig::from_json(r#"{"api_base":"/d","login":{"mode":"token","token":12345}}"#)
                .unwrap_err();
        assert!(!e.to_string().contains("12345"), "{e}");
    }

    #[test]
    fn each_error_names_its_field() {
        let cases = [
            (r#"{}"#, "api_base"),
            (r#"{"api_base":"daktela.com"}"#, "api_base"),
            (r#"{"api_base":"/"}"#, "api_base"),
            (r#"{"api_base":"//evil.example"}"#, "api_base"),
            (r#"{"api_base":"javascript:alert(1)"}"#, "api_base"),
            (r#"{"api_base":"/d","srceen_pop":{}}"#, "srceen_pop"),
            (
                r#"{"api_base":"/d","screen_pop":{"when":"rang"}}"#,
                "screen_pop.when",
            ),
            (
                r#"{"api_base":"/d","screen_pop":{"whn":"ring"}}"#,
                "screen_pop.whn",
            ),
            (
                r#"{"api_base":"/d","screen_pop":{"search_url":"/s?q={phone}"}}"#,
                "screen_pop.search_url",
            ),
            (
                r#"{"api_base":"/d","screen_pop":{"new_contact_url":"javascript:x"}}"#,
                "screen_pop.new_contact_url",
            ),
            (
                r#"{"api_base":"/d","default_country":"XX"}"#,
                "default_country",
            ),
            (r#"{"api_base":"/d","language":"de"}"#, "language"),
            (
                r#"{"api_base":"/d","token_placement":"cookie"}"#,
                "token_placement",
            ),
            (
                r#"{"api_base":"/d","outbound_queues":["1",{}]}"#,
                "outbound_queues[1]",
            ),
            (
                r#"{"api_base":"/d","confirm_before_dial":"yes"}"#,
                "confirm_before_dial",
            ),
            (
                r#"{"api_base":"/d","pull":{"poll_interval_ms":100}}"#,
                "pull.poll_interval_ms",
            ),
            (
                r#"{"api_base":"/d","login":{"mode":"token"}}"#,
                "login.token",
            ),
            (
                r#"{"api_base":"/d","login":{"mode":"password","token":"x"}}"#,
                "login.token",
            ),
            (r#"{"api_base":"/d","login":{"mode":"sso"}}"#, "login.mode"),
            (
                r#"{"api_base":"/d","crm":{"adapter":"rest","log_url":"/g"}}"#,
                "crm.lookup_url",
            ),
            (
                r#"{"api_base":"/d","crm":{"adapter":"rest","lookup_url":"/l"}}"#,
                "crm.log_url",
            ),
            (
                r#"{"api_base":"/d","crm":{"lookup_url":"/l"}}"#,
                "crm.lookup_url",
            ),
            (
                r#"{"api_base":"/d","crm":{"adapter":"rest","lookup_url":"/l","log_url":"/g","log_method":"PATCH"}}"#,
                "crm.log_method",
            ),
            (
                r#"{"api_base":"/d","crm":{"adapter":"rest","lookup_url":"/l","log_url":"/g","headers":{"X Key":"v"}}}"#,
                "crm.headers.X Key",
            ),
            (
                r#"{"api_base":"/d","crm":{"adapter":"rest","lookup_url":"/l","log_url":"/g","headers":{"K":1}}}"#,
                "crm.headers.K",
            ),
        ];
        for (json, field) in cases {
            assert_eq!(error(json).0, field, "{json}");
        }
    }

    #[test]
    fn error_messages_say_what_to_write() {
        let (field, message) = error(r#"{"api_base":"/d","screen_pop":{"when":"rang"}}"#);
        assert_eq!(
            format!("{field}: {message}"),
            r#"screen_pop.when: unknown variant `rang`, expected one of `ring`, `answer`, `never`"#
        );
        assert_eq!(error("{}").1, "is required");
        let (_, message) = error(r#"{"api_base":"/d","langauge":"cs"}"#);
        assert!(
            message.starts_with("unknown field (a typo?); expected one of `api_base`"),
            "{message}"
        );
        assert!(
            error(r#"{"api_base":"/d","default_country":"XX"}"#)
                .1
                .contains("CZ, SK, PL")
        );
        assert!(
            error(r#"{"api_base":"/d","screen_pop":{"search_url":"/s?q={phone}"}}"#)
                .1
                .contains("{e164}")
        );
        assert!(error(r#"{"api_base":"x"}"#).1.contains("/daktela"));
    }

    #[test]
    fn broken_json_is_a_syntax_error_with_its_position() {
        let e = PanelConfig::from_json("{\n\"api_base\": \"/d\",\n}").unwrap_err();
        assert!(matches!(e, ConfigError::Syntax { line: 3, .. }), "{e:?}");
        assert_eq!(e.field(), None);
        assert_eq!(error("[]").0, "(configuration)");
        let e = PanelConfig::from_json(r#"{"api_base":"/d"} {"#).unwrap_err();
        assert!(matches!(e, ConfigError::Syntax { .. }), "{e:?}");
    }

    #[test]
    fn page_numbers_default_to_the_whole_body_with_no_exclusions() {
        let c = PanelConfig::from_json(r#"{"api_base":"/d"}"#).unwrap();
        assert_eq!(c.page_numbers, PageNumbers::default());
        assert!(c.page_numbers.enabled);
        assert_eq!(c.page_numbers.roots, ["body"]);
        assert!(
            c.page_numbers.exclude_selectors.is_empty() && c.page_numbers.exclusions.is_empty()
        );
    }

    #[test]
    fn page_numbers_exclusions_map_onto_the_detector_rules() {
        let c = PanelConfig::from_json(
            r#"{"api_base":"/d","page_numbers":{"enabled":false,"roots":[" #main ",".side"],
            "exclude_selectors":[".iban"],"exclusions":{"labels":["smlouv*"],
            "shapes":["POJ ### ### ###"],"prefixes":["+420900"]}}}"#,
        )
        .unwrap();
        let p = c.page_numbers;
        assert!(!p.enabled);
        assert_eq!(p.roots, ["#main", ".side"]);
        assert_eq!(p.exclude_selectors, [".iban"]);
        assert_eq!(
            p.exclusions,
            [
                phone_detect::Exclusion::Label("smlouv*".into()),
                phone_detect::Exclusion::Shape("POJ ### ### ###".into()),
                phone_detect::Exclusion::Prefix("+420900".into()),
            ]
        );
    }

    #[test]
    fn page_numbers_errors_name_the_entry() {
        let cases = [
            (r#"{"roots":[]}"#, "page_numbers.roots"),
            (r#"{"roots":["body",""]}"#, "page_numbers.roots[1]"),
            (
                r#"{"exclude_selectors":["a{color:red}"]}"#,
                "page_numbers.exclude_selectors[0]",
            ),
            (
                r#"{"exclusions":{"labels":["ok"," * "]}}"#,
                "page_numbers.exclusions.labels[1]",
            ),
            (
                r##"{"exclusions":{"shapes":["# ##","ABC"]}}"##,
                "page_numbers.exclusions.shapes[1]",
            ),
            (
                r#"{"exclusions":{"prefixes":["420900"]}}"#,
                "page_numbers.exclusions.prefixes[0]",
            ),
            (
                r#"{"exclusions":{"words":[]}}"#,
                "page_numbers.exclusions.words",
            ),
            (r#"{"enabled":"yes"}"#, "page_numbers.enabled"),
            (r#"{"root":["body"]}"#, "page_numbers.root"),
        ];
        for (section, field) in cases {
            let json = format!(r#"{{"api_base":"/d","page_numbers":{section}}}"#);
            assert_eq!(error(&json).0, field, "{json}");
        }
        assert!(
            error(r#"{"api_base":"/d","page_numbers":{"exclusions":{"shapes":["ABC"]}}}"#)
                .1
                .contains("###")
        );
    }

    #[test]
    fn api_base_loses_trailing_slashes_and_keeps_its_path() {
        for (input, want) in [
            ("https://acme.daktela.com///", "https://acme.daktela.com"),
            ("http://127.0.0.1:8787/", "http://127.0.0.1:8787"),
            (" /proxy/daktela/ ", "/proxy/daktela"),
        ] {
            let c = PanelConfig::from_json(&format!(r#"{{"api_base":"{input}"}}"#)).unwrap();
            assert_eq!(c.api_base, want);
        }
    }
}
