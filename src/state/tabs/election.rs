//! The fallback leader election, for browsers without Web Locks: heartbeats on the tabs'
//! channel.
//!
//! Every tab says "I am here" every [`HEARTBEAT_MS`]; the leader says "I lead". A tab that has
//! heard no leader for [`LEADER_TIMEOUT_MS`] claims the lead. Two tabs claiming at once both hear
//! the other and the younger one steps down (ids order by start time, [`super::TabId`]), so the
//! tabs settle on one leader within a heartbeat. Time is an argument: deterministic in tests.

use super::TabId;

/// How often every tab announces itself.
pub const HEARTBEAT_MS: u64 = 500;
/// Silence from the leader after which a follower takes over. With [`HEARTBEAT_MS`] it keeps
/// the takeover under 2 seconds while tolerating two lost or late heartbeats.
pub const LEADER_TIMEOUT_MS: u64 = 1_500;

/// What a heartbeat or a tick changed for this tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// Nothing.
    None,
    /// This tab now leads: start the Daktela session, the outbox and the ringing.
    BecameLeader,
    /// Another (older) tab leads: stop them here.
    SteppedDown,
}

/// One tab's view of the election.
#[derive(Debug, Clone)]
pub struct Election {
    me: TabId,
    started_ms: u64,
    leader: Option<(TabId, u64)>,
    leading: bool,
}

impl Election {
    /// A tab that just opened: a follower until it has listened for one timeout.
    pub fn new(me: TabId, now_ms: u64) -> Self {
        Self {
            me,
            started_ms: now_ms,
            leader: None,
            leading: false,
        }
    }

    /// Whether this tab leads.
    pub fn is_leader(&self) -> bool {
        self.leading
    }

    /// A heartbeat from another tab, `leads` when it says it is the leader.
    pub fn heard(&mut self, from: &TabId, leads: bool, now_ms: u64) -> Change {
        if !leads || *from == self.me {
            return Change::None;
        }
        if self.leading {
            if *from < self.me {
                // The older tab keeps the lead; this one follows it.
                self.leading = false;
                self.leader = Some((from.clone(), now_ms));
                return Change::SteppedDown;
            }
            // The younger claimant will hear us and step down.
            return Change::None;
        }
        self.leader = Some((from.clone(), now_ms));
        Change::None
    }

    /// Time passed: claim the lead when the leader has gone quiet.
    pub fn tick(&mut self, now_ms: u64) -> Change {
        if self.leading {
            return Change::None;
        }
        let last_heard = self.leader.as_ref().map_or(self.started_ms, |(_, at)| *at);
        if now_ms.saturating_sub(last_heard) >= LEADER_TIMEOUT_MS {
            self.leading = true;
            self.leader = None;
            return Change::BecameLeader;
        }
        Change::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> TabId {
        TabId::from(s)
    }

    #[test]
    fn a_lone_tab_leads_after_listening_for_one_timeout() {
        let mut e = Election::new(id("a"), 0);
        assert_eq!(e.tick(LEADER_TIMEOUT_MS - 1), Change::None);
        assert_eq!(e.tick(LEADER_TIMEOUT_MS), Change::BecameLeader);
        assert!(e.is_leader());
        assert_eq!(e.tick(LEADER_TIMEOUT_MS * 10), Change::None);
    }

    #[test]
    fn a_follower_takes_over_within_two_seconds_of_the_leaders_last_heartbeat() {
        let mut e = Election::new(id("b"), 0);
        let mut now = 0;
        while now < 10_000 {
            e.heard(&id("a"), true, now);
            now += HEARTBEAT_MS;
            assert_eq!(e.tick(now), Change::None, "the leader is alive");
        }
        // The leader's last heartbeat was at `now - HEARTBEAT_MS`; ticks every 250 ms.
        let last = now - HEARTBEAT_MS;
        let mut t = now;
        while e.tick(t) != Change::BecameLeader {
            t += 250;
        }
        assert!(
            t - last <= 2_000,
            "took over {} ms after the leader died",
            t - last
        );
    }

    #[test]
    fn two_claimants_settle_on_the_older_tab() {
        let mut older = Election::new(id("a"), 0);
        let mut younger = Election::new(id("b"), 0);
        assert_eq!(older.tick(LEADER_TIMEOUT_MS), Change::BecameLeader);
        assert_eq!(younger.tick(LEADER_TIMEOUT_MS), Change::BecameLeader);
        assert_eq!(older.heard(&id("b"), true, 1_600), Change::None);
        assert_eq!(younger.heard(&id("a"), true, 1_600), Change::SteppedDown);
        assert!(older.is_leader() && !younger.is_leader());
        // Followers' heartbeats and our own echo change nothing.
        assert_eq!(older.heard(&id("c"), false, 1_700), Change::None);
        assert_eq!(older.heard(&id("a"), true, 1_700), Change::None);
    }
}
