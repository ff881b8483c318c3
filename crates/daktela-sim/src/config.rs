//! How a simulator instance is set up.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// Which of the two real `POST login.json` answers the simulator gives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LoginShape {
    /// `result: {accessToken, refreshToken}` (newer servers).
    #[default]
    Object,
    /// `result: "<token>"` (older servers with `only_token`).
    String,
}

/// Start-up configuration. Every field except `port` and `cors_origins` can also be changed
/// at run time through `POST /__sim/config`; `POST /__sim/reset` restores these values.
#[derive(Debug, Clone, PartialEq)]
pub struct SimConfig {
    /// Port for [`crate::spawn`] on 127.0.0.1; `0` picks a free one.
    pub port: u16,
    /// Origins allowed cross-origin (CORS mode). Empty = same-origin mode, no CORS headers.
    pub cors_origins: Vec<String>,
    /// Shape of the login answer.
    pub login_shape: LoginShape,
    /// How long `appPullData` holds a request when nothing changes (Daktela: 15 s).
    pub pull_idle: Duration,
    /// `false` makes `appPullData` answer 404, to exercise the client's polling fallback (D2).
    pub pull_data_enabled: bool,
    /// After how long a click-to-call is answered by the far end; `None` = it rings until a
    /// control call answers or hangs it up.
    pub outbound_answer_after: Option<Duration>,
    /// Country code added to bare nine-digit national numbers.
    pub default_country_code: String,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig {
            port: 0,
            cors_origins: Vec::new(),
            login_shape: LoginShape::Object,
            pull_idle: Duration::from_secs(15),
            pull_data_enabled: true,
            outbound_answer_after: Some(Duration::from_secs(3)),
            default_country_code: "420".to_owned(),
        }
    }
}

/// The run-time adjustable part of the configuration, as `/__sim/config` shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// See [`SimConfig::login_shape`].
    pub login_shape: LoginShape,
    /// See [`SimConfig::pull_idle`], in milliseconds.
    pub pull_idle_ms: u64,
    /// See [`SimConfig::pull_data_enabled`].
    pub pull_data_enabled: bool,
    /// See [`SimConfig::outbound_answer_after`], in milliseconds; `null` = never.
    pub outbound_answer_after_ms: Option<u64>,
}

impl Settings {
    /// The settings a configuration starts with.
    pub fn from_config(c: &SimConfig) -> Self {
        let ms = |d: Duration| u64::try_from(d.as_millis()).unwrap_or(u64::MAX);
        Settings {
            login_shape: c.login_shape,
            pull_idle_ms: ms(c.pull_idle),
            pull_data_enabled: c.pull_data_enabled,
            outbound_answer_after_ms: c.outbound_answer_after.map(ms),
        }
    }
}

/// A partial update of [`Settings`]; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SettingsPatch {
    /// New login shape.
    #[serde(default)]
    pub login_shape: Option<LoginShape>,
    /// New pull-data idle time.
    #[serde(default)]
    pub pull_idle_ms: Option<u64>,
    /// Serve or refuse pull data.
    #[serde(default)]
    pub pull_data_enabled: Option<bool>,
    /// `Some(None)` (JSON `null`) = never auto-answer; `Some(Some(ms))` = answer after `ms`.
    #[serde(default, deserialize_with = "double_option")]
    pub outbound_answer_after_ms: Option<Option<u64>>,
}

fn double_option<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Option<u64>>, D::Error> {
    Option::<u64>::deserialize(d).map(Some)
}

impl Settings {
    /// Applies a patch.
    pub fn apply(&mut self, p: &SettingsPatch) {
        if let Some(s) = p.login_shape {
            self.login_shape = s;
        }
        if let Some(ms) = p.pull_idle_ms {
            self.pull_idle_ms = ms;
        }
        if let Some(e) = p.pull_data_enabled {
            self.pull_data_enabled = e;
        }
        if let Some(a) = p.outbound_answer_after_ms {
            self.outbound_answer_after_ms = a;
        }
    }
}
