//! `crm`: how the panel talks to the CRM (host-page functions or configured REST endpoints).
//!
//! Read flat (`adapter` plus the REST fields) and then checked, so that an error names the exact
//! field (`crm.lookup_url`) rather than just `crm`.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::{ConfigError, Template};

/// The HTTP method of the REST adapter's log upsert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum LogMethod {
    /// `PUT` (default: an upsert keyed by the external id).
    #[default]
    #[serde(rename = "PUT")]
    Put,
    /// `POST`.
    #[serde(rename = "POST")]
    Post,
}

/// Static headers sent to the CRM (often an API key). `Debug` shows the names only.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct StaticHeaders(BTreeMap<String, String>);

impl StaticHeaders {
    /// Name and value of each header.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

impl fmt::Debug for StaticHeaders {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.keys().map(|k| (k, "***")))
            .finish()
    }
}

/// The generic REST adapter's endpoints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestCrm {
    /// Lookup by number; answers a JSON list of `{id, name, url}`.
    pub lookup_url: Template,
    /// Call-log upsert, keyed by `{external_id}`.
    pub log_url: Template,
    /// Default `PUT`.
    pub log_method: LogMethod,
    /// Sent with every CRM request.
    pub headers: StaticHeaders,
    /// The activity widget's pairing upsert and read-back, keyed by `{activity}` (optional:
    /// without it the widget shows records but cannot save a pairing).
    pub pair_url: Option<Template>,
}

/// How the panel talks to the CRM.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Crm {
    /// The CRM page registers JavaScript functions (`{"adapter": "host_page"}`, default).
    #[default]
    HostPage,
    /// Configured REST endpoints (`{"adapter": "rest", …}`).
    Rest(RestCrm),
}

#[derive(Deserialize, Default, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Adapter {
    #[default]
    HostPage,
    Rest,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
pub(super) struct RawCrm {
    adapter: Adapter,
    lookup_url: Option<Template>,
    log_url: Option<Template>,
    log_method: Option<LogMethod>,
    // Values, so that a wrongly typed API key is never echoed in an error message.
    headers: Option<BTreeMap<String, Value>>,
    pair_url: Option<Template>,
}

impl RawCrm {
    pub(super) fn check(self) -> Result<Crm, ConfigError> {
        if self.adapter == Adapter::HostPage {
            let rest_only = [
                ("crm.lookup_url", self.lookup_url.is_some()),
                ("crm.log_url", self.log_url.is_some()),
                ("crm.log_method", self.log_method.is_some()),
                ("crm.headers", self.headers.is_some()),
                ("crm.pair_url", self.pair_url.is_some()),
            ];
            return match rest_only.iter().find(|(_, set)| *set) {
                Some((field, _)) => Err(ConfigError::field_error(
                    field,
                    "only used with \"adapter\": \"rest\": remove it, or set crm.adapter to \"rest\"",
                )),
                None => Ok(Crm::HostPage),
            };
        }
        let required = |field: &str| {
            ConfigError::field_error(
                field,
                "required with \"adapter\": \"rest\": give a URL template",
            )
        };
        let mut headers = BTreeMap::new();
        for (name, value) in self.headers.unwrap_or_default() {
            let field = format!("crm.headers.{name}");
            let valid_name = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b));
            if !valid_name {
                return Err(ConfigError::field_error(
                    &field,
                    "not a valid HTTP header name",
                ));
            }
            match value {
                Value::String(v) if !v.chars().any(char::is_control) => headers.insert(name, v),
                _ => {
                    return Err(ConfigError::field_error(
                        &field,
                        "must be a string on one line",
                    ));
                }
            };
        }
        // The pairing is an upsert keyed by the activity: a URL without it would make every
        // activity overwrite one record.
        if let Some(pair_url) = &self.pair_url
            && !pair_url.placeholders().contains(&"activity")
        {
            return Err(ConfigError::field_error(
                "crm.pair_url",
                "must contain {activity}, e.g. \"/api/pairings/{activity}\"",
            ));
        }
        Ok(Crm::Rest(RestCrm {
            lookup_url: self.lookup_url.ok_or_else(|| required("crm.lookup_url"))?,
            log_url: self.log_url.ok_or_else(|| required("crm.log_url"))?,
            log_method: self.log_method.unwrap_or_default(),
            headers: StaticHeaders(headers),
            pair_url: self.pair_url,
        }))
    }
}
