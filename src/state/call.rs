//! The call tracker: turns snapshots of the agent's open call activities into call events, each
//! exactly once.
//!
//! Reading (CONTRACT D3, see `daktela_api::requests::open_call_activities`): a call for the agent
//! is an activity with `type: CALL`; `action` `WAIT` = ringing, `OPEN` = answered, `CLOSE` =
//! ended; an activity that drops out of the open list has ended too. `item` is the call record.
//!
//! Decisions:
//! - A call first seen already `OPEN` emits [`CallEvent::Answered`] alone (no ring): it was
//!   answered before the panel looked, so ringing now would be wrong.
//! - An outbound call (click-to-call) emits [`CallEvent::Rang`] like an inbound one; the panel
//!   reads [`CallInfo::direction`] to show "dialling" instead of ringing.
//! - Each activity is its own call. A transfer shows up as a new activity with the same
//!   `call_id`; [`crate::state::screen_pop::PopGate`] keys on `call_id` so it does not pop twice.
//! - `now_ms` passed to [`CallTracker::reconcile`] must be the time the snapshot's request was
//!   SENT. A snapshot sent before the newest one applied is stale: it may move calls forward
//!   (a WAIT seen as OPEN is true whenever it was fetched), but absence in it ends nothing.

use std::collections::VecDeque;

use daktela_api::models::{
    Activity, ActivityAction, ActivityName, ActivityType, CallDirection, CallId, Contact, Named,
    Related,
};
use serde::{Deserialize, Serialize};

/// How many ended activity names are remembered, so a stale snapshot cannot revive them.
const RECENT_ENDED: usize = 100;
/// How many calls may wait in wrap-up at once; beyond that the oldest is dropped. Nothing is
/// lost as long as the panel queues the CRM log when the call ends (and updates it on finish).
const MAX_WRAP_UP: usize = 20;

/// A related record as the panel shows it: its name and, when Daktela expanded it, its title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NamedRef {
    /// The record's name (id).
    pub name: String,
    /// Its display title, when the answer carried the expanded record.
    pub title: Option<String>,
}

impl NamedRef {
    /// What to show: the title, else the name.
    pub fn label(&self) -> &str {
        self.title.as_deref().unwrap_or(&self.name)
    }

    fn from_related<T: Named>(related: &Related<T>, title: Option<&String>) -> Option<Self> {
        let name = related.name()?.to_owned();
        let title = title.filter(|t| !t.trim().is_empty()).cloned();
        Some(Self { name, title })
    }
}

/// What the panel knows about one call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallInfo {
    /// The Daktela activity: the call log's external id.
    pub activity: ActivityName,
    /// The call id (`item.id_call`), shared by the activities of a transferred call.
    pub call_id: Option<CallId>,
    /// `in`, `out` or `internal`; `in` when the item does not say (D3: what rings is inbound).
    pub direction: CallDirection,
    /// The customer's number as Daktela sent it (often `00420…`): `item.clid` in both
    /// directions. Public material names no other number field (`did` is the line the customer
    /// dialled), and the simulator puts the dialled number there on click-to-call. `None` when
    /// withheld or absent.
    pub remote_number: Option<String>,
    /// The queue.
    pub queue: Option<NamedRef>,
    /// The contact Daktela matched (activity `contact`, else `item.contact`).
    pub contact: Option<NamedRef>,
    /// When the panel first saw the call (epoch ms, the snapshot's send time).
    pub rang_at_ms: u64,
    /// When the panel saw it answered.
    pub answered_at_ms: Option<u64>,
}

/// Where a call stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CallPhase {
    /// Offered to the agent (or, outbound, being dialled).
    Ringing,
    /// Answered, in progress.
    Talking,
    /// Ended; the agent may still pick a disposition and write a note.
    WrapUp,
    /// Finished by the panel ([`CallTracker::finish`]).
    Done,
}

/// A call that has just ended: everything the call log needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EndedCall {
    /// The call as last seen.
    pub info: CallInfo,
    /// When the panel saw it end (epoch ms).
    pub ended_at_ms: u64,
    /// Whether it was ever answered.
    pub answered: bool,
    /// Talk time in seconds: Daktela's `item.duration` when a `CLOSE` carried it, else what the
    /// panel observed from answer to end.
    pub talk_seconds: u64,
    /// `item.disconnection_cause` when Daktela gave one (`busy`, `noanswer`, ...).
    pub disconnection_cause: Option<String>,
}

/// A transition, emitted once.
#[derive(Debug, Clone, PartialEq)]
pub enum CallEvent {
    /// A new call is ringing (inbound) or being dialled (outbound).
    Rang(CallInfo),
    /// The call was answered, or first seen already answered (then no `Rang` came before).
    Answered(CallInfo),
    /// The call ended; it now waits in wrap-up until [`CallTracker::finish`].
    Ended(EndedCall),
}

/// One call the tracker follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackedCall {
    /// The latest view of the call (a contact matched after the ring appears here).
    pub info: CallInfo,
    /// Its phase.
    pub phase: CallPhase,
    /// When it ended.
    pub ended_at_ms: Option<u64>,
    daktela_answered: bool,
    closed_duration_s: Option<u64>,
    disconnection_cause: Option<String>,
}

impl TrackedCall {
    /// Seconds talked: 0 while ringing, running while talking, frozen once ended.
    pub fn talk_seconds(&self, now_ms: u64) -> u64 {
        if let Some(daktela) = self.closed_duration_s.filter(|d| *d > 0) {
            return daktela;
        }
        match (self.info.answered_at_ms, self.ended_at_ms) {
            (None, _) => 0,
            (Some(answered), Some(ended)) => ended.saturating_sub(answered) / 1000,
            (Some(answered), None) => now_ms.saturating_sub(answered) / 1000,
        }
    }

    fn ended(&self) -> EndedCall {
        EndedCall {
            info: self.info.clone(),
            ended_at_ms: self.ended_at_ms.unwrap_or(self.info.rang_at_ms),
            answered: self.info.answered_at_ms.is_some() || self.daktela_answered,
            talk_seconds: self.talk_seconds(self.ended_at_ms.unwrap_or(0)),
            disconnection_cause: self.disconnection_cause.clone(),
        }
    }
}

/// What one snapshot says about one activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Seen {
    Ringing,
    Talking,
    Closed,
}

/// Follows the agent's calls across snapshots. Serializable, so a reload during wrap-up keeps
/// the call card (store it in sessionStorage with `serde_json`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallTracker {
    calls: Vec<TrackedCall>,
    recent_ended: VecDeque<ActivityName>,
    newest_snapshot_ms: u64,
}

impl CallTracker {
    /// An empty tracker.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every call not yet finished, oldest first.
    pub fn calls(&self) -> &[TrackedCall] {
        &self.calls
    }

    /// One call by activity name.
    pub fn call(&self, activity: &ActivityName) -> Option<&TrackedCall> {
        self.calls.iter().find(|c| &c.info.activity == activity)
    }

    /// The phase of a call; `Done` for a recently finished one, `None` if unknown.
    pub fn phase(&self, activity: &ActivityName) -> Option<CallPhase> {
        match self.call(activity) {
            Some(call) => Some(call.phase),
            None => self
                .recent_ended
                .contains(activity)
                .then_some(CallPhase::Done),
        }
    }

    /// Keeps only the `items` of calls this tracker still follows (ringing, talking or in
    /// wrap-up); `activity` names an item's call. What the panel keeps beside each call (its
    /// ended record, its CRM matches) goes through this whenever calls leave the tracker, or it
    /// would grow by one entry per call for as long as the page lives.
    pub fn retain_tracked<T>(&self, items: &mut Vec<T>, activity: impl Fn(&T) -> &str) {
        items.retain(|item| {
            let name = activity(item);
            self.calls.iter().any(|c| c.info.activity.as_str() == name)
        });
    }

    /// Ends wrap-up (the disposition is saved). False when the call is not in wrap-up.
    pub fn finish(&mut self, activity: &ActivityName) -> bool {
        let before = self.calls.len();
        self.calls
            .retain(|c| !(&c.info.activity == activity && c.phase == CallPhase::WrapUp));
        self.calls.len() != before
    }

    /// Applies a snapshot of the agent's open call activities; returns the new transitions.
    /// `now_ms` is when the snapshot's request was sent (see the module docs).
    pub fn reconcile(&mut self, open: &[Activity], now_ms: u64) -> Vec<CallEvent> {
        let fresh = now_ms >= self.newest_snapshot_ms;
        if fresh {
            self.newest_snapshot_ms = now_ms;
        }
        let mut events = Vec::new();
        let mut present: Vec<&ActivityName> = Vec::new();
        for activity in open {
            let Some(name) = &activity.name else { continue };
            if !is_call(activity) || self.recent_ended.contains(name) {
                continue;
            }
            present.push(name);
            let seen = seen(activity);
            match self.calls.iter().position(|c| &c.info.activity == name) {
                None => self.start(name, activity, seen, now_ms, &mut events),
                Some(i) => self.advance(i, activity, seen, now_ms, &mut events),
            }
        }
        if fresh {
            let gone: Vec<usize> = (0..self.calls.len())
                .filter(|&i| {
                    let call = &self.calls[i];
                    matches!(call.phase, CallPhase::Ringing | CallPhase::Talking)
                        && !present.contains(&&call.info.activity)
                })
                .collect();
            for i in gone {
                events.push(self.end(i, now_ms));
            }
        }
        self.bound_wrap_up();
        events
    }

    fn start(
        &mut self,
        name: &ActivityName,
        a: &Activity,
        seen: Seen,
        now: u64,
        out: &mut Vec<CallEvent>,
    ) {
        if seen == Seen::Closed {
            // Ended before the panel ever saw it ring: nothing to show, only remember it.
            self.remember_ended(name.clone());
            return;
        }
        let mut info = Self::info(name, a, now);
        let talking = seen == Seen::Talking;
        if talking {
            info.answered_at_ms = Some(now);
        }
        out.push(if talking {
            CallEvent::Answered(info.clone())
        } else {
            CallEvent::Rang(info.clone())
        });
        let phase = if talking {
            CallPhase::Talking
        } else {
            CallPhase::Ringing
        };
        self.calls.push(TrackedCall {
            info,
            phase,
            ended_at_ms: None,
            daktela_answered: false,
            closed_duration_s: None,
            disconnection_cause: None,
        });
    }

    fn advance(&mut self, i: usize, a: &Activity, seen: Seen, now: u64, out: &mut Vec<CallEvent>) {
        let call = &mut self.calls[i];
        refresh(call, a, seen);
        match (call.phase, seen) {
            (CallPhase::Ringing, Seen::Talking) => {
                call.phase = CallPhase::Talking;
                call.info.answered_at_ms = Some(now);
                out.push(CallEvent::Answered(call.info.clone()));
            }
            (CallPhase::Ringing | CallPhase::Talking, Seen::Closed) => out.push(self.end(i, now)),
            // Repeats and regressions (an older snapshot's WAIT after OPEN) change nothing.
            _ => {}
        }
    }

    fn end(&mut self, i: usize, now: u64) -> CallEvent {
        let call = &mut self.calls[i];
        call.phase = CallPhase::WrapUp;
        call.ended_at_ms = Some(now);
        let ended = call.ended();
        self.remember_ended(ended.info.activity.clone());
        CallEvent::Ended(ended)
    }

    fn remember_ended(&mut self, name: ActivityName) {
        self.recent_ended.push_back(name);
        while self.recent_ended.len() > RECENT_ENDED {
            self.recent_ended.pop_front();
        }
    }

    fn bound_wrap_up(&mut self) {
        let waiting = self.calls.iter().filter(|c| c.phase == CallPhase::WrapUp);
        let mut excess = waiting.count().saturating_sub(MAX_WRAP_UP);
        self.calls.retain(|c| {
            let drop = excess > 0 && c.phase == CallPhase::WrapUp;
            excess -= usize::from(drop);
            !drop
        });
    }

    fn info(name: &ActivityName, a: &Activity, now: u64) -> CallInfo {
        let item = a.call();
        CallInfo {
            activity: name.clone(),
            call_id: item.and_then(|c| c.id_call.clone()),
            direction: item
                .and_then(|c| c.direction.clone())
                .unwrap_or(CallDirection::In),
            remote_number: item.and_then(|c| non_empty(c.clid.as_ref())),
            queue: queue_of(a),
            contact: contact_of(a),
            rang_at_ms: now,
            answered_at_ms: None,
        }
    }
}

/// Keeps the latest details: a contact matched late, the final duration and cause on `CLOSE`.
fn refresh(call: &mut TrackedCall, a: &Activity, seen: Seen) {
    if let Some(contact) = contact_of(a) {
        call.info.contact = Some(contact);
    }
    if call.info.queue.is_none() {
        call.info.queue = queue_of(a);
    }
    if let Some(item) = a.call() {
        call.daktela_answered |= item.answered == Some(true);
        if let Some(cause) = non_empty(item.disconnection_cause.as_ref()) {
            call.disconnection_cause = Some(cause);
        }
        if seen == Seen::Closed {
            call.closed_duration_s = item.duration.and_then(|d| u64::try_from(d).ok());
        }
    }
}

fn is_call(a: &Activity) -> bool {
    // A `fields[]` answer may leave `type` out; the D3 query only returns calls anyway.
    matches!(a.activity_type, None | Some(ActivityType::Call))
}

fn seen(a: &Activity) -> Seen {
    match a.action {
        Some(ActivityAction::Open) => Seen::Talking,
        Some(ActivityAction::Close) => Seen::Closed,
        // WAIT, and anything unexpected on an open call, counts as not yet answered.
        _ => Seen::Ringing,
    }
}

fn queue_of(a: &Activity) -> Option<NamedRef> {
    let related = a
        .queue
        .as_ref()
        .or_else(|| a.call().and_then(|c| c.id_queue.as_ref()))?;
    NamedRef::from_related(related, related.record().and_then(|q| q.title.as_ref()))
}

fn contact_of(a: &Activity) -> Option<NamedRef> {
    let related: &Related<Contact> = a
        .contact
        .as_ref()
        .or_else(|| a.call().and_then(|c| c.contact.as_ref()))?;
    NamedRef::from_related(related, related.record().and_then(|c| c.title.as_ref()))
}

fn non_empty(text: Option<&String>) -> Option<String> {
    text.map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    /// An activity shaped like the simulator's (and the real list fixtures'): expanded item.
    fn call(name: &str, action: &str, direction: &str, clid: &str, id_call: &str) -> Activity {
        serde_json::from_value(json!({
            "name": name, "type": "CALL", "action": action, "user": "jnovak",
            "queue": {"name": 1001, "title": "Support CZ"},
            "item": {"id_call": id_call, "direction": direction, "clid": clid,
                     "answered": action != "WAIT", "duration": 0, "disconnection_cause": "",
                     "_sys": {"model": "activitiesCall"}},
        }))
        .unwrap()
    }

    fn ring(name: &str) -> Activity {
        call(name, "WAIT", "in", "00420226211245", &format!("id-{name}"))
    }

    fn open(name: &str) -> Activity {
        call(name, "OPEN", "in", "00420226211245", &format!("id-{name}"))
    }

    fn kinds(events: &[CallEvent]) -> Vec<String> {
        events
            .iter()
            .map(|e| match e {
                CallEvent::Rang(i) => format!("rang {}", i.activity),
                CallEvent::Answered(i) => format!("answered {}", i.activity),
                CallEvent::Ended(e) => format!("ended {}", e.info.activity),
            })
            .collect()
    }

    fn name(n: &str) -> ActivityName {
        ActivityName::new(n)
    }

    #[test]
    fn an_inbound_call_rings_is_answered_and_ends_once_however_often_it_is_polled() {
        let mut t = CallTracker::new();
        let mut all = Vec::new();
        for now in [1_000, 2_000, 3_000] {
            all.extend(t.reconcile(&[ring("a1")], now));
        }
        for now in [4_000, 5_000] {
            all.extend(t.reconcile(&[open("a1")], now));
        }
        for now in [65_000, 66_000] {
            all.extend(t.reconcile(&[], now));
        }
        assert_eq!(kinds(&all), ["rang a1", "answered a1", "ended a1"]);
        let CallEvent::Rang(info) = &all[0] else {
            panic!()
        };
        assert_eq!(info.remote_number.as_deref(), Some("00420226211245"));
        assert_eq!(info.direction, CallDirection::In);
        assert_eq!(info.queue.as_ref().unwrap().label(), "Support CZ");
        assert_eq!(info.call_id.as_ref().unwrap().as_str(), "id-a1");
        let CallEvent::Ended(ended) = &all[2] else {
            panic!()
        };
        assert!(ended.answered);
        assert_eq!((ended.talk_seconds, ended.ended_at_ms), (61, 65_000));
        assert_eq!(t.phase(&name("a1")), Some(CallPhase::WrapUp));
    }

    #[test]
    fn a_call_first_seen_answered_emits_answered_without_a_ring() {
        let mut t = CallTracker::new();
        let events = t.reconcile(&[open("a1")], 10_000);
        assert_eq!(kinds(&events), ["answered a1"]);
        let CallEvent::Answered(info) = &events[0] else {
            panic!()
        };
        assert_eq!(info.answered_at_ms, Some(10_000));
    }

    #[test]
    fn a_stale_snapshot_missing_a_ringing_call_does_not_end_it() {
        let mut t = CallTracker::new();
        t.reconcile(&[ring("a1")], 2_000);
        // A request sent at 1 s (before the ring) answers late.
        assert!(t.reconcile(&[], 1_000).is_empty());
        assert_eq!(t.phase(&name("a1")), Some(CallPhase::Ringing));
    }

    #[test]
    fn an_older_wait_arriving_after_open_does_not_ring_again() {
        let mut t = CallTracker::new();
        t.reconcile(&[ring("a1")], 1_000);
        t.reconcile(&[open("a1")], 3_000);
        assert!(t.reconcile(&[ring("a1")], 2_000).is_empty());
        assert_eq!(t.phase(&name("a1")), Some(CallPhase::Talking));
    }

    #[test]
    fn a_close_ends_the_call_with_daktelas_duration_and_cause() {
        let mut t = CallTracker::new();
        t.reconcile(&[open("a1")], 1_000);
        let mut closed = call("a1", "CLOSE", "in", "00420226211245", "id-a1");
        let item = serde_json::from_value(json!({"id_call": "id-a1", "direction": "in",
            "answered": true, "duration": 42, "disconnection_cause": "caller"}))
        .unwrap();
        closed.item = Some(daktela_api::models::ActivityItem::Call(Box::new(item)));
        let events = t.reconcile(&[closed.clone()], 900);
        let CallEvent::Ended(ended) = &events[0] else {
            panic!("{events:?}")
        };
        assert_eq!(ended.talk_seconds, 42);
        assert_eq!(ended.disconnection_cause.as_deref(), Some("caller"));
        assert!(t.reconcile(&[closed], 5_000).is_empty());
    }

    #[test]
    fn an_ended_call_is_not_revived_by_a_stale_snapshot_that_still_lists_it() {
        let mut t = CallTracker::new();
        t.reconcile(&[ring("a1")], 1_000);
        t.reconcile(&[], 3_000);
        assert!(t.reconcile(&[ring("a1")], 2_000).is_empty());
        assert!(t.finish(&name("a1")));
        assert!(t.reconcile(&[open("a1")], 2_500).is_empty());
        assert_eq!(t.phase(&name("a1")), Some(CallPhase::Done));
    }

    #[test]
    fn a_transfer_ends_the_old_activity_and_rings_the_new_one_with_the_same_call_id() {
        let mut t = CallTracker::new();
        t.reconcile(&[open("a1")], 1_000);
        let transferred = call("a2", "WAIT", "in", "00420226211245", "id-a1");
        let events = t.reconcile(&[transferred], 2_000);
        assert_eq!(kinds(&events), ["rang a2", "ended a1"]);
        let CallEvent::Rang(info) = &events[0] else {
            panic!()
        };
        assert_eq!(info.call_id.as_ref().unwrap().as_str(), "id-a1");
    }

    #[test]
    fn simultaneous_calls_are_followed_independently() {
        let mut t = CallTracker::new();
        t.reconcile(&[open("a1"), ring("a2")], 1_000);
        let events = t.reconcile(&[open("a1"), open("a2")], 2_000);
        assert_eq!(kinds(&events), ["answered a2"]);
        let events = t.reconcile(&[open("a2")], 3_000);
        assert_eq!(kinds(&events), ["ended a1"]);
        assert_eq!(t.phase(&name("a2")), Some(CallPhase::Talking));
    }

    #[test]
    fn wrap_up_lasts_until_the_panel_finishes_it() {
        let mut t = CallTracker::new();
        t.reconcile(&[open("a1")], 1_000);
        assert!(!t.finish(&name("a1")), "a live call cannot be finished");
        t.reconcile(&[], 2_000);
        t.reconcile(&[], 60_000);
        assert_eq!(t.calls().len(), 1);
        assert!(t.finish(&name("a1")));
        assert!(t.calls().is_empty());
        assert_eq!(t.phase(&name("a1")), Some(CallPhase::Done));
        assert_eq!(t.phase(&name("never")), None);
    }

    #[test]
    fn a_reload_during_wrap_up_keeps_the_card_and_stays_idempotent() {
        let mut t = CallTracker::new();
        t.reconcile(&[open("a1")], 1_000);
        t.reconcile(&[], 31_000);
        let stored = serde_json::to_string(&t).unwrap();
        let mut back: CallTracker = serde_json::from_str(&stored).unwrap();
        assert_eq!(back, t);
        assert_eq!(back.call(&name("a1")).unwrap().talk_seconds(99_000), 30);
        assert!(back.reconcile(&[open("a1")], 500).is_empty());
        assert!(back.reconcile(&[], 40_000).is_empty());
    }

    #[test]
    fn memory_stays_bounded_however_many_calls_end() {
        let mut t = CallTracker::new();
        for n in 0..150u64 {
            t.reconcile(&[ring(&format!("c{n}"))], n * 10 + 1);
            t.reconcile(&[], n * 10 + 2);
        }
        assert_eq!(t.recent_ended.len(), RECENT_ENDED);
        assert_eq!(t.calls().len(), MAX_WRAP_UP);
        assert_eq!(
            t.calls()[0].info.activity.as_str(),
            "c130",
            "oldest dropped"
        );
    }

    #[test]
    fn what_is_kept_beside_calls_follows_the_tracker_out() {
        let mut t = CallTracker::new();
        // Per call: the CRM matches, as the panel keeps them (activity, records).
        let mut kept: Vec<(String, u32)> = Vec::new();
        for n in 0..150u64 {
            t.reconcile(&[ring(&format!("c{n}"))], n * 10 + 1);
            kept.push((format!("c{n}"), 1));
            t.reconcile(&[], n * 10 + 2);
            if n % 2 == 0 {
                // The agent saves every other wrap-up.
                assert!(t.finish(&name(&format!("c{n}"))));
            }
            t.retain_tracked(&mut kept, |(activity, _)| activity);
        }
        // Only the unsaved wrap-ups the tracker still holds (the newest MAX_WRAP_UP).
        assert_eq!(kept.len(), MAX_WRAP_UP);
        assert!(kept.iter().all(|(a, _)| t.call(&name(a)).is_some()));
        assert_eq!(kept.last().map(|(a, _)| a.as_str()), Some("c149"));
        t.reconcile(&[ring("live")], 10_000);
        kept.push(("live".into(), 2));
        t.retain_tracked(&mut kept, |(activity, _)| activity);
        assert_eq!(
            kept.last().map(|(a, _)| a.as_str()),
            Some("live"),
            "a ringing call stays"
        );
    }

    #[test]
    fn other_channels_and_nameless_records_are_ignored() {
        let mut t = CallTracker::new();
        let email: Activity =
            serde_json::from_value(json!({"name": "e1", "type": "EMAIL", "action": "WAIT"}))
                .unwrap();
        let nameless: Activity =
            serde_json::from_value(json!({"type": "CALL", "action": "WAIT"})).unwrap();
        assert!(t.reconcile(&[email, nameless], 1_000).is_empty());
    }

    #[test]
    fn an_unanswered_outbound_call_ends_unanswered_with_no_talk_time() {
        let mut t = CallTracker::new();
        let dial = call("o1", "WAIT", "out", "00420777123456", "id-o1");
        let events = t.reconcile(&[dial], 1_000);
        let CallEvent::Rang(info) = &events[0] else {
            panic!()
        };
        assert_eq!(info.direction, CallDirection::Out);
        assert_eq!(info.remote_number.as_deref(), Some("00420777123456"));
        let events = t.reconcile(&[], 20_000);
        let CallEvent::Ended(ended) = &events[0] else {
            panic!()
        };
        assert_eq!((ended.answered, ended.talk_seconds), (false, 0));
    }

    #[test]
    fn a_contact_matched_after_the_ring_shows_on_the_card() {
        let mut t = CallTracker::new();
        t.reconcile(&[ring("a1")], 1_000);
        let mut later = ring("a1");
        later.contact = Some(
            serde_json::from_value(json!({"name": "contacts_1", "title": "Jan Novák"})).unwrap(),
        );
        assert!(t.reconcile(&[later], 2_000).is_empty());
        let card = t.call(&name("a1")).unwrap();
        assert_eq!(card.info.contact.as_ref().unwrap().label(), "Jan Novák");
    }

    #[test]
    fn the_talk_timer_runs_while_talking_and_freezes_at_the_end() {
        let mut t = CallTracker::new();
        t.reconcile(&[ring("a1")], 1_000);
        t.reconcile(&[open("a1")], 5_000);
        assert_eq!(t.call(&name("a1")).unwrap().talk_seconds(5_000), 0);
        assert_eq!(t.call(&name("a1")).unwrap().talk_seconds(17_500), 12);
        t.reconcile(&[], 20_000);
        assert_eq!(t.call(&name("a1")).unwrap().talk_seconds(99_000), 15);
    }
}
