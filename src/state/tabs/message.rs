//! What the panel's tabs say to each other on their channel, as JSON text.
//!
//! Followers never talk to Daktela's pull data, never flush the outbox and never decide a ring
//! or a pop: they send the agent's actions that change shared state to the leader, and render
//! what the leader broadcasts. Actions that only need a request (dial, pause, ready, queue
//! login) a follower makes itself with the shared token, then asks the leader to re-read.

use daktela_api::models::{ActivityName, QueueName, StatusName};
use serde::{Deserialize, Serialize};

use super::TabId;
use super::mirror::{Mirror, SharedTokens};
use crate::state::call::CallInfo;

/// The channel's format version. Change it with any incompatible change of [`TabMessage`]: the
/// channel and the leader lock are named per version, so tabs of an older build (a page not
/// reloaded since a deploy) keep their own leader instead of misreading a newer one.
/// Version 2: `{"v": 2, "m": {"<variant>": {...}}}` (1 was internally tagged and flattened).
pub const VERSION: u32 = 2;

/// One message between tabs. Serde's default (externally tagged) form, on purpose: an
/// internally tagged or flattened enum is buffered into serde's `Content` before it is read,
/// which compiles a second copy of every model's deserializer into the panel's wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TabMessage {
    /// A tab is alive (every tab, every heartbeat); `leads` from the leader.
    Heartbeat {
        /// The tab.
        from: TabId,
        /// It is the leader.
        leads: bool,
    },
    /// A tab opened and wants the state now.
    Hello {
        /// The new tab.
        from: TabId,
    },
    /// A tab is going away (closed, reloaded, navigated).
    Bye {
        /// The tab.
        from: TabId,
    },
    /// The leader's state.
    State {
        /// The leader.
        from: TabId,
        /// Its state.
        mirror: Box<Mirror>,
    },
    /// A follower logged the agent in: the leader starts the session with these tokens.
    LoggedIn {
        /// The new session's tokens.
        tokens: SharedTokens,
    },
    /// The agent logged out in some tab: every tab forgets the session.
    LoggedOut,
    /// A follower changed the agent's state: re-read it now (with the queues the follower
    /// logged the agent in to or out of, which no endpoint lists).
    Resync {
        /// The queues the panel logged the agent in to, when the follower changed them.
        logged_in: Option<Vec<QueueName>>,
    },
    /// The agent saved a wrap-up in a follower: the leader queues the disposition and the log.
    WrapUp {
        /// The call.
        activity: ActivityName,
        /// The chosen statuses.
        statuses: Vec<StatusName>,
        /// The note.
        note: String,
    },
    /// Open a screen pop in tab `to` (the one the agent used last).
    Pop {
        /// The tab that opens it.
        to: TabId,
        /// The checked http(s) URL.
        url: String,
        /// In a new tab rather than in place.
        new_tab: bool,
    },
    /// Ring (sound, notification, title) in tab `to` for this call.
    Ring {
        /// The tab that rings.
        to: TabId,
        /// The call.
        info: Box<CallInfo>,
    },
    /// The ringing call was answered or ended: every tab goes quiet.
    RingStop,
}

/// The message with its version, as sent (`M` is `&TabMessage` out, `TabMessage` in).
#[derive(Debug, Serialize, Deserialize)]
struct Envelope<M> {
    v: u32,
    m: M,
}

impl TabMessage {
    /// The text to post.
    pub fn encode(&self) -> String {
        let envelope = Envelope {
            v: VERSION,
            m: self,
        };
        // Every field is plain data with string keys: serialising cannot fail.
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    /// A received text; `None` for anything not from a tab of this version (ignored).
    pub fn decode(text: &str) -> Option<Self> {
        let envelope: Envelope<Self> = serde_json::from_str(text).ok()?;
        (envelope.v == VERSION).then_some(envelope.m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_round_trip_and_other_versions_are_ignored() {
        let messages = [
            TabMessage::Heartbeat {
                from: TabId::from("a"),
                leads: true,
            },
            TabMessage::Resync {
                logged_in: Some(vec![QueueName::new("1001")]),
            },
            TabMessage::WrapUp {
                activity: ActivityName::new("act_1"),
                statuses: vec![StatusName::new("status_1")],
                note: "callback tomorrow".into(),
            },
            TabMessage::State {
                from: TabId::from("a"),
                mirror: Box::default(),
            },
            TabMessage::RingStop,
        ];
        for message in messages {
            assert_eq!(TabMessage::decode(&message.encode()), Some(message));
        }
        assert_eq!(TabMessage::RingStop.encode(), r#"{"v":2,"m":"ring_stop"}"#);
        assert_eq!(TabMessage::decode(r#"{"v":3,"m":"ring_stop"}"#), None);
        assert_eq!(TabMessage::decode(r#"{"v":1,"type":"ring_stop"}"#), None);
        assert_eq!(TabMessage::decode("not json"), None);
    }
}
