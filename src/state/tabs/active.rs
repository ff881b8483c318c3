//! Which tab the agent used last: the screen pop and the ring go there, not to the leader (the
//! leader may be a tab the agent has not looked at for an hour).
//!
//! Each tab writes `{id, at_ms}` to `localStorage` when the agent focuses it, shows it or clicks
//! in it, and removes it when the page goes away. The leader reads it when a call rings.

use serde::{Deserialize, Serialize};

use super::TabId;

/// The last-used tab as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveTab {
    /// The tab.
    pub id: TabId,
    /// When the agent last used it (epoch ms).
    pub at_ms: u64,
}

impl ActiveTab {
    /// Reads the stored text; anything unreadable counts as "no tab known".
    pub fn parse(text: &str) -> Option<Self> {
        serde_json::from_str(text).ok()
    }

    /// The stored text.
    pub fn to_json(&self) -> String {
        // Two plain fields: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Where the pop and the ring go: the last-used tab when it is still open (a tab the
    /// leader knows to be alive), else the leader itself.
    pub fn route<'a>(stored: Option<&'a Self>, leader: &'a TabId, alive: &[TabId]) -> &'a TabId {
        match stored {
            Some(active) if active.id == *leader || alive.contains(&active.id) => &active.id,
            _ => leader,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ActiveTab, TabId};

    #[test]
    fn the_last_used_tab_gets_the_pop_while_it_is_open() {
        let leader = TabId::from("a");
        let other = TabId::from("b");
        let active = ActiveTab {
            id: other.clone(),
            at_ms: 5,
        };
        assert_eq!(
            ActiveTab::route(Some(&active), &leader, std::slice::from_ref(&other)),
            &other
        );
        // Closed (or crashed) since: the leader pops rather than nobody.
        assert_eq!(ActiveTab::route(Some(&active), &leader, &[]), &leader);
        assert_eq!(ActiveTab::route(None, &leader, &[other]), &leader);
    }

    #[test]
    fn stored_text_round_trips_and_garbage_is_nobody() {
        let active = ActiveTab {
            id: TabId::from("0000000000001-000000002"),
            at_ms: 7,
        };
        assert_eq!(ActiveTab::parse(&active.to_json()), Some(active));
        assert_eq!(ActiveTab::parse("{"), None);
        assert_eq!(ActiveTab::parse(""), None);
    }
}
