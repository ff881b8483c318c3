//! Per-agent change counters that wake waiting `appPullData` requests.

use std::collections::HashMap;
use tokio::sync::watch;

/// One `watch` channel per agent; its value counts the changes seen by that agent.
#[derive(Debug)]
pub struct Notifier {
    epoch: u64,
    senders: HashMap<String, watch::Sender<u64>>,
}

impl Notifier {
    /// Channels for these logins. `epoch` makes hashes differ between simulator runs.
    pub fn new<'a>(logins: impl IntoIterator<Item = &'a str>) -> Self {
        let epoch = u64::try_from(crate::clock::now_secs()).unwrap_or(0);
        let senders = logins
            .into_iter()
            .map(|l| (l.to_owned(), watch::Sender::new(0)))
            .collect();
        Notifier { epoch, senders }
    }

    /// Records a change for `login`, waking its waiting requests.
    pub fn bump(&self, login: &str) {
        if let Some(tx) = self.senders.get(login) {
            tx.send_modify(|v| *v += 1);
        }
    }

    /// Records a change for everyone (a reset).
    pub fn bump_all(&self) {
        for tx in self.senders.values() {
            tx.send_modify(|v| *v += 1);
        }
    }

    /// A receiver for `login`'s changes.
    pub fn subscribe(&self, login: &str) -> Option<watch::Receiver<u64>> {
        self.senders.get(login).map(watch::Sender::subscribe)
    }

    /// The opaque `hash` a client sends back: changes whenever the counter does.
    pub fn hash(&self, version: u64) -> String {
        format!("{:08x}{version:08x}", self.epoch)
    }
}
