//! The state of the panel's link to Daktela, as the agent sees it.

use serde::{Deserialize, Serialize};

use crate::state::i18n::{Lang, Text, t};

/// Where the panel stands with Daktela. The agent always sees one of these in the panel header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ConnectionState {
    /// No session yet: the agent has not logged in (the state on first load).
    #[default]
    NotConnected,
    /// A login or the first read of the agent's state is under way.
    Connecting,
    /// Logged in, and the last exchange with Daktela succeeded.
    Connected,
    /// Logged in, but the last exchange failed; the panel is retrying (the header shows when).
    Reconnecting,
    /// Logged in, but the browser says it is offline: the panel re-syncs the moment it is back.
    Offline,
    /// The login expired and could not be renewed (CONTRACT D6): the agent logs in again;
    /// call cards and queued CRM logs are kept.
    LoginExpired,
}

impl ConnectionState {
    /// The short text shown to the agent.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Self::NotConnected => Text::NotConnected,
                Self::Connecting => Text::Connecting,
                Self::Connected => Text::Connected,
                Self::Reconnecting => Text::Reconnecting,
                Self::Offline => Text::Offline,
                Self::LoginExpired => Text::LoginExpired,
            },
        )
    }

    /// A stable token for CSS and tests (`data-state` attribute), independent of the language.
    pub fn token(self) -> &'static str {
        match self {
            Self::NotConnected => "not-connected",
            Self::Connecting => "connecting",
            Self::Connected => "connected",
            Self::Reconnecting => "reconnecting",
            Self::Offline => "offline",
            Self::LoginExpired => "login-expired",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [ConnectionState; 6] = [
        ConnectionState::NotConnected,
        ConnectionState::Connecting,
        ConnectionState::Connected,
        ConnectionState::Reconnecting,
        ConnectionState::Offline,
        ConnectionState::LoginExpired,
    ];

    #[test]
    fn a_fresh_panel_says_it_is_not_connected() {
        assert_eq!(ConnectionState::default().label(Lang::En), "Not connected");
        assert_eq!(ConnectionState::default().token(), "not-connected");
    }

    #[test]
    fn every_state_has_a_distinct_label_and_token_in_every_language() {
        for lang in [Lang::En, Lang::Cs] {
            for (i, a) in ALL.iter().enumerate() {
                for b in &ALL[i + 1..] {
                    assert_ne!(a.label(lang), b.label(lang));
                    assert_ne!(a.token(), b.token());
                }
            }
        }
    }
}
