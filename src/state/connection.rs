//! The state of the panel's link to Daktela, as the agent sees it.

/// Where the panel stands with Daktela. The agent always sees one of these in the panel header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConnectionState {
    /// No session yet: the agent has not logged in (the state on first load).
    #[default]
    NotConnected,
    /// A login or the first read of the agent's state is under way.
    Connecting,
    /// Logged in, and the last exchange with Daktela succeeded.
    Connected,
}

impl ConnectionState {
    /// The short text shown to the agent.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotConnected => "not connected",
            Self::Connecting => "connecting…",
            Self::Connected => "connected",
        }
    }

    /// A stable token for CSS and tests (`data-state` attribute), independent of the language.
    pub fn token(self) -> &'static str {
        match self {
            Self::NotConnected => "not-connected",
            Self::Connecting => "connecting",
            Self::Connected => "connected",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fresh_panel_says_it_is_not_connected() {
        assert_eq!(ConnectionState::default().label(), "not connected");
        assert_eq!(ConnectionState::default().token(), "not-connected");
    }

    #[test]
    fn every_state_has_a_distinct_label_and_token() {
        let all = [
            ConnectionState::NotConnected,
            ConnectionState::Connecting,
            ConnectionState::Connected,
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a.label(), b.label());
                assert_ne!(a.token(), b.token());
            }
        }
    }
}
