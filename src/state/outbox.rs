//! The outbox: writes that must land exactly once (CRM call logs, Daktela dispositions),
//! surviving reloads (stored in localStorage through [`Outbox::to_json`]) and network loss.
//!
//! Exactly once is "at least once" plus idempotent targets: every key names an UPSERT (the CRM
//! log is keyed by the activity name as external id, the disposition is a `PUT` of one
//! activity), so a send repeated after an ambiguous failure, or an update re-sent with a
//! changed payload, overwrites the same record instead of creating a second one. The outbox's
//! part is to never send what was already delivered, never send one entry twice at the same
//! time, and never forget an entry until it is delivered.
//!
//! One tab should flush (elect a leader across tabs); two tabs each holding their own copy of
//! the stored outbox would both send.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::retry::Backoff;

/// How long a send may take before the entry counts as abandoned (tab crashed, request lost)
/// and may be sent again.
pub const LEASE_MS: u64 = 30_000;
/// How many delivered keys are remembered to refuse re-sending them.
const DELIVERED_MEMORY: usize = 500;
/// The storage format's version.
const VERSION: u32 = 1;

/// One pending write.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// What it writes, e.g. `crm-log:<activity>` or `daktela-disposition:<activity>`.
    pub key: String,
    /// The body for the adapter.
    pub payload: Value,
    /// Failed attempts so far.
    pub attempts: u32,
    /// Not before this time (epoch ms).
    pub next_attempt_ms: u64,
    /// The last failure, for the panel to show.
    pub last_error: Option<String>,
    /// When it was first queued.
    pub created_ms: u64,
    /// Parked after a failure that retrying cannot fix; sent again only on [`Outbox::retry_now`].
    #[serde(default)]
    pub parked: bool,
    /// While a send is under way: until when.
    #[serde(default)]
    lease_until_ms: Option<u64>,
    /// While a send is under way: the fingerprint of the payload being sent.
    #[serde(default)]
    sending: Option<String>,
}

/// What [`Outbox::enqueue`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enqueued {
    /// A new entry (also a changed payload for a key delivered before: sent as an update).
    Added,
    /// A pending entry got the new payload (it keeps its place in the queue).
    Replaced,
    /// The same payload is already pending.
    Unchanged,
    /// The same payload was already delivered: nothing to send.
    AlreadyDelivered,
}

/// Why the stored outbox could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutboxError {
    /// The stored text was not a readable outbox; the panel started with an empty one.
    #[error(
        "the saved queue of unsent call logs was unreadable and was cleared ({0}); check the CRM for calls logged in the last minutes"
    )]
    Corrupt(String),
    /// The outbox could not be written as JSON.
    #[error("the queue of unsent call logs could not be saved: {0}")]
    Encode(String),
}

/// A key delivered, with the fingerprint of the payload that landed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Delivered {
    key: String,
    fingerprint: String,
}

/// The outbox. Pure: time and jitter come in as arguments.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outbox {
    version: u32,
    entries: Vec<Entry>,
    delivered: VecDeque<Delivered>,
    #[serde(skip)]
    backoff: Backoff,
}

impl Default for Outbox {
    /// An empty outbox with the default backoff.
    fn default() -> Self {
        Self::new(Backoff::default())
    }
}

impl Outbox {
    /// An empty outbox retrying with `backoff`.
    pub fn new(backoff: Backoff) -> Self {
        Self {
            version: VERSION,
            entries: Vec::new(),
            delivered: VecDeque::new(),
            backoff,
        }
    }

    /// Restores the stored outbox. Blank text is an empty outbox; unreadable text gives an
    /// empty outbox AND the error, so the panel keeps working and can say what happened.
    pub fn from_json(text: &str, backoff: Backoff) -> (Self, Option<OutboxError>) {
        if text.trim().is_empty() {
            return (Self::new(backoff), None);
        }
        match serde_json::from_str::<Self>(text) {
            Ok(mut outbox) if outbox.version == VERSION => {
                outbox.backoff = backoff;
                // A hand-edited store must not make one key send twice.
                let mut seen = Vec::new();
                outbox.entries.retain(|e| {
                    let first = !seen.contains(&e.key);
                    seen.push(e.key.clone());
                    first
                });
                (outbox, None)
            }
            Ok(other) => {
                let problem = format!("unknown version {}", other.version);
                (Self::new(backoff), Some(OutboxError::Corrupt(problem)))
            }
            Err(e) => (
                Self::new(backoff),
                Some(OutboxError::Corrupt(e.to_string())),
            ),
        }
    }

    /// The text to store.
    pub fn to_json(&self) -> Result<String, OutboxError> {
        serde_json::to_string(self).map_err(|e| OutboxError::Encode(e.to_string()))
    }

    /// Queues a write (an UPSERT by key; see [`Enqueued`] for what happens to repeats).
    pub fn enqueue(&mut self, key: &str, payload: Value, now_ms: u64) -> Enqueued {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.key == key) {
            if entry.payload == payload {
                return Enqueued::Unchanged;
            }
            entry.payload = payload;
            entry.attempts = 0;
            entry.next_attempt_ms = now_ms;
            entry.last_error = None;
            entry.parked = false;
            return Enqueued::Replaced;
        }
        let fingerprint = fingerprint(&payload);
        if self
            .delivered
            .iter()
            .any(|d| d.key == key && d.fingerprint == fingerprint)
        {
            return Enqueued::AlreadyDelivered;
        }
        self.entries.push(Entry {
            key: key.to_owned(),
            payload,
            attempts: 0,
            next_attempt_ms: now_ms,
            last_error: None,
            created_ms: now_ms,
            parked: false,
            lease_until_ms: None,
            sending: None,
        });
        Enqueued::Added
    }

    /// Entries to send now, oldest first: due, not parked, not being sent.
    pub fn due(&self, now_ms: u64) -> Vec<Entry> {
        let mut due: Vec<Entry> = self
            .entries
            .iter()
            .filter(|e| is_due(e, now_ms))
            .cloned()
            .collect();
        due.sort_by(|a, b| (a.created_ms, &a.key).cmp(&(b.created_ms, &b.key)));
        due
    }

    /// Takes the lease to send `key`; `None` when it is unknown, not due, or already being sent
    /// (a second flush in the same tab). The lease lapses after [`LEASE_MS`].
    pub fn begin(&mut self, key: &str, now_ms: u64) -> Option<Entry> {
        let entry = self.entries.iter_mut().find(|e| e.key == key)?;
        if !is_due(entry, now_ms) {
            return None;
        }
        entry.lease_until_ms = Some(now_ms.saturating_add(LEASE_MS));
        entry.sending = Some(fingerprint(&entry.payload));
        Some(entry.clone())
    }

    /// The send of `key` landed. True when the entry is gone; false when it is unknown or its
    /// payload changed while the old one was being sent (the new one is then still due).
    pub fn delivered(&mut self, key: &str) -> bool {
        let Some(i) = self.entries.iter().position(|e| e.key == key) else {
            return false;
        };
        let current = fingerprint(&self.entries[i].payload);
        let sent = self.entries[i]
            .sending
            .take()
            .unwrap_or_else(|| current.clone());
        self.remember(key, sent.clone());
        if sent == current {
            self.entries.remove(i);
            return true;
        }
        self.entries[i].lease_until_ms = None;
        false
    }

    /// The send of `key` failed and may be retried: backoff from the attempt count, at least
    /// `retry_after_s` when the server said so; `jitter` in `[0, 1)`.
    pub fn failed(
        &mut self,
        key: &str,
        now_ms: u64,
        error: &str,
        retry_after_s: Option<u64>,
        jitter: f64,
    ) {
        let backoff = self.backoff;
        if let Some(entry) = self.entries.iter_mut().find(|e| e.key == key) {
            entry.attempts = entry.attempts.saturating_add(1);
            let delay = backoff.delay_with_retry_after_ms(entry.attempts, jitter, retry_after_s);
            entry.next_attempt_ms = now_ms.saturating_add(delay);
            entry.last_error = Some(error.to_owned());
            entry.lease_until_ms = None;
            entry.sending = None;
        }
    }

    /// The send of `key` failed in a way retrying cannot fix (a 4xx rejection): keep the entry,
    /// show `error`, and send it again only on [`Outbox::retry_now`].
    pub fn park(&mut self, key: &str, error: &str) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.key == key) {
            entry.parked = true;
            entry.last_error = Some(error.to_owned());
            entry.lease_until_ms = None;
            entry.sending = None;
        }
    }

    /// Forgets every send in flight. For a page that has just loaded: nothing of its own is in
    /// flight, so leases stored by an earlier page (a reload mid-send) are stale, and waiting for
    /// them to lapse would hold back a log the agent just updated. Sending such an entry again is
    /// safe because every target is an upsert keyed by the entry's key.
    pub fn release_leases(&mut self) {
        for entry in &mut self.entries {
            entry.lease_until_ms = None;
            entry.sending = None;
        }
    }

    /// Makes `key` due now (the agent pressed "retry", or the session came back).
    pub fn retry_now(&mut self, key: &str, now_ms: u64) {
        if let Some(entry) = self.entries.iter_mut().find(|e| e.key == key) {
            entry.parked = false;
            entry.next_attempt_ms = now_ms;
        }
    }

    /// How many writes have not landed yet (parked ones included).
    pub fn pending_count(&self) -> usize {
        self.entries.len()
    }

    /// Every pending entry, in queue order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn remember(&mut self, key: &str, fingerprint: String) {
        self.delivered.retain(|d| d.key != key);
        self.delivered.push_back(Delivered {
            key: key.to_owned(),
            fingerprint,
        });
        while self.delivered.len() > DELIVERED_MEMORY {
            self.delivered.pop_front();
        }
    }
}

fn is_due(entry: &Entry, now_ms: u64) -> bool {
    !entry.parked
        && entry.next_attempt_ms <= now_ms
        && entry.lease_until_ms.is_none_or(|until| until <= now_ms)
}

/// FNV-1a over the payload's JSON text: enough to tell "the same payload" in the delivered
/// memory without storing 500 payloads in localStorage. Hex, so it survives any JSON reader.
fn fingerprint(payload: &Value) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in payload.to_string().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::collections::BTreeMap;

    const KEY: &str = "crm-log:activities_9";

    fn log(note: &str) -> Value {
        json!({"external_id": "activities_9", "note": note})
    }

    /// A CRM that upserts by external id and counts the requests it got.
    #[derive(Default)]
    struct Crm {
        records: BTreeMap<String, Value>,
        requests: usize,
    }

    impl Crm {
        /// Sends everything due, as the panel's flush loop does.
        fn flush(&mut self, outbox: &mut Outbox, now: u64) {
            for entry in outbox.due(now) {
                let Some(entry) = outbox.begin(&entry.key, now) else {
                    continue;
                };
                self.requests += 1;
                self.records
                    .insert(entry.key.clone(), entry.payload.clone());
                outbox.delivered(&entry.key);
            }
        }
    }

    fn reload(outbox: &Outbox) -> Outbox {
        let (back, error) = Outbox::from_json(&outbox.to_json().unwrap(), Backoff::default());
        assert_eq!(error, None);
        back
    }

    #[test]
    fn a_log_queued_repeatedly_and_flushed_across_reloads_is_sent_once() {
        let mut outbox = Outbox::default();
        let mut crm = Crm::default();
        assert_eq!(outbox.enqueue(KEY, log(""), 1_000), Enqueued::Added);
        assert_eq!(outbox.enqueue(KEY, log(""), 1_001), Enqueued::Unchanged);
        let mut outbox = reload(&outbox);
        crm.flush(&mut outbox, 2_000);
        crm.flush(&mut outbox, 3_000);
        let mut outbox = reload(&outbox);
        // The panel rebuilds the same record after the reload: nothing new to send.
        assert_eq!(
            outbox.enqueue(KEY, log(""), 4_000),
            Enqueued::AlreadyDelivered
        );
        crm.flush(&mut outbox, 5_000);
        assert_eq!((crm.requests, crm.records.len()), (1, 1));
        assert_eq!(outbox.pending_count(), 0);
    }

    #[test]
    fn a_changed_payload_after_delivery_is_sent_again_as_an_update() {
        let mut outbox = Outbox::default();
        let mut crm = Crm::default();
        outbox.enqueue(KEY, log(""), 1_000);
        crm.flush(&mut outbox, 1_000);
        assert_eq!(outbox.enqueue(KEY, log("callback"), 2_000), Enqueued::Added);
        crm.flush(&mut outbox, 2_000);
        assert_eq!(crm.records.len(), 1, "the upsert overwrote the same record");
        assert_eq!(crm.records[KEY], log("callback"));
    }

    #[test]
    fn replacing_a_pending_entry_keeps_its_place_and_resets_its_backoff() {
        let mut outbox = Outbox::default();
        outbox.enqueue("a", log("1"), 1_000);
        outbox.enqueue("b", log("1"), 2_000);
        outbox.failed("a", 3_000, "CRM down", None, 0.0);
        assert_eq!(outbox.enqueue("a", log("2"), 4_000), Enqueued::Replaced);
        let due = outbox.due(4_000);
        assert_eq!(
            due.iter().map(|e| e.key.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!((due[0].created_ms, due[0].attempts), (1_000, 0));
        assert_eq!(due[0].payload, log("2"));
    }

    #[test]
    fn a_payload_replaced_while_being_sent_is_sent_again_afterwards() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log("old"), 1_000);
        let sending = outbox.begin(KEY, 1_000).unwrap();
        assert_eq!(outbox.enqueue(KEY, log("new"), 1_100), Enqueued::Replaced);
        assert!(outbox.due(1_200).is_empty(), "still leased");
        assert!(!outbox.delivered(&sending.key));
        let due = outbox.due(1_300);
        assert_eq!(due.len(), 1);
        assert_eq!(due[0].payload, log("new"));
        assert_eq!(outbox.enqueue(KEY, log("old"), 1_400), Enqueued::Replaced);
    }

    #[test]
    fn two_flushes_in_one_tab_never_send_the_same_entry_at_once() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log(""), 1_000);
        assert!(outbox.begin(KEY, 1_000).is_some());
        assert!(outbox.begin(KEY, 1_500).is_none());
        assert!(outbox.due(1_500).is_empty());
        assert!(outbox.begin("unknown", 1_500).is_none());
    }

    #[test]
    fn a_reload_mid_send_releases_the_stale_lease_at_once() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log(""), 1_000);
        assert!(outbox.begin(KEY, 1_000).is_some());
        // The page reloaded mid-send; the new page releases, then the agent saves the wrap-up.
        let mut outbox = reload(&outbox);
        outbox.release_leases();
        outbox.enqueue(KEY, log("call back"), 1_100);
        let sending = outbox
            .begin(KEY, 1_100)
            .expect("due at once, not after the lease");
        assert_eq!(sending.payload, log("call back"));
        assert!(outbox.delivered(KEY));
        assert_eq!(outbox.pending_count(), 0);
    }

    #[test]
    fn a_send_that_never_came_back_is_retried_after_the_lease() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log(""), 1_000);
        outbox.begin(KEY, 1_000).unwrap();
        // The tab crashed mid-send; the stored lease came back with the reload.
        let mut outbox = reload(&outbox);
        assert!(outbox.due(1_000 + LEASE_MS - 1).is_empty());
        assert!(outbox.begin(KEY, 1_000 + LEASE_MS).is_some());
    }

    #[test]
    fn failures_back_off_exponentially_up_to_the_cap() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log(""), 0);
        let mut waits = Vec::new();
        let mut now = 0;
        for _ in 0..12 {
            outbox.begin(KEY, now).unwrap();
            outbox.failed(KEY, now, "503", None, 0.0);
            let next = outbox.entries()[0].next_attempt_ms;
            waits.push(next - now);
            assert!(outbox.due(next - 1).is_empty());
            now = next;
        }
        assert_eq!(&waits[..5], [500, 1_000, 2_000, 4_000, 8_000]);
        assert_eq!(
            waits[11], 150_000,
            "capped at half of max_ms with zero jitter"
        );
        assert_eq!(outbox.entries()[0].attempts, 12);
        assert_eq!(outbox.entries()[0].last_error.as_deref(), Some("503"));
    }

    #[test]
    fn retry_after_from_the_server_is_honoured() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log(""), 0);
        outbox.begin(KEY, 0).unwrap();
        outbox.failed(KEY, 10_000, "429", Some(120), 0.3);
        assert!(outbox.due(129_999).is_empty());
        assert_eq!(outbox.due(130_000).len(), 1);
    }

    #[test]
    fn a_parked_entry_waits_for_an_explicit_retry() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log(""), 0);
        outbox.begin(KEY, 0).unwrap();
        outbox.park(KEY, "422: subject too long");
        assert!(outbox.due(u64::MAX).is_empty());
        assert_eq!(outbox.pending_count(), 1);
        outbox.retry_now(KEY, 5_000);
        assert_eq!(outbox.due(5_000).len(), 1);
    }

    #[test]
    fn a_corrupt_store_gives_an_empty_outbox_and_an_error_never_a_panic() {
        for text in [
            "{",
            "null",
            "[1,2]",
            "{\"version\":1}",
            "{\"version\":9,\"entries\":[],\"delivered\":[]}",
        ] {
            let (outbox, error) = Outbox::from_json(text, Backoff::default());
            assert_eq!(outbox.pending_count(), 0, "{text}");
            assert!(matches!(error, Some(OutboxError::Corrupt(_))), "{text}");
        }
        let (outbox, error) = Outbox::from_json("  ", Backoff::default());
        assert_eq!((outbox.pending_count(), error), (0, None));
    }

    #[test]
    fn a_store_with_a_key_twice_keeps_one_entry() {
        let mut outbox = Outbox::default();
        outbox.enqueue(KEY, log(""), 1);
        let mut stored: Value = serde_json::from_str(&outbox.to_json().unwrap()).unwrap();
        let entry = stored["entries"][0].clone();
        stored["entries"].as_array_mut().unwrap().push(entry);
        let (outbox, error) = Outbox::from_json(&stored.to_string(), Backoff::default());
        assert_eq!((outbox.pending_count(), error), (1, None));
    }

    #[test]
    fn delivered_memory_is_bounded() {
        let mut outbox = Outbox::default();
        let mut crm = Crm::default();
        for n in 0..(DELIVERED_MEMORY as u64 + 20) {
            outbox.enqueue(&format!("k{n}"), log(""), n);
            crm.flush(&mut outbox, n);
        }
        assert_eq!(outbox.delivered.len(), DELIVERED_MEMORY);
        assert_eq!(
            outbox.enqueue("k0", log(""), 9_999),
            Enqueued::Added,
            "forgotten"
        );
        assert_eq!(
            outbox.enqueue("k519", log(""), 9_999),
            Enqueued::AlreadyDelivered
        );
    }
}
