//! Following the agent's state and calls: re-read the documented models whenever Daktela's pull
//! data rings the doorbell (CONTRACT D2), or every `poll_interval_ms` when it cannot.

use daktela_api::models::UserLogin;
use daktela_api::{Error, PullOutcome};
use leptos::prelude::*;

use super::Ctl;
use super::set_changed::SetChanged;
use crate::browser::clock::{jitter, now_ms};
use crate::browser::tabs::is_online;
use crate::state::ConnectionState;
use crate::state::config::PullMode;
use crate::state::retry::{Backoff, Retry};

impl Ctl {
    /// The agent's login, once known.
    fn login_name(&self) -> Option<UserLogin> {
        self.me
            .with_untracked(|me| me.as_ref().and_then(|u| u.name.clone()))
    }

    /// Reads the agent's session and open calls once, and applies them.
    ///
    /// # Errors
    /// The Daktela error of either read; nothing is applied then (a failed read must never
    /// look like "no calls", or a ringing call would end).
    pub(super) async fn refresh(self) -> Result<(), Error> {
        let Some(login) = self.login_name() else {
            return Ok(());
        };
        let client = self.client();
        // The time the reads were sent: a late answer must not undo a newer one.
        let sent_ms = now_ms();
        let session = client.realtime_session(&login).await?;
        let open = client.open_call_activities(&login).await?;
        self.session.set_changed(session);
        self.derive_agent();
        let events = self
            .calls
            .try_update(|calls| calls.reconcile(&open, sent_ms));
        for event in events.unwrap_or_default() {
            self.on_call_event(event);
        }
        self.forget_gone_calls();
        // After the events: an ended call waiting for wrap-up, and the pop already made, must
        // survive a reload with the tracker.
        self.persist_calls();
        Ok(())
    }

    /// Shows the effect of an agent's action at once: the leader re-reads, a follower asks the
    /// leader to (with the queues, when the action changed them).
    ///
    /// # Errors
    /// The leader's read error.
    pub(super) async fn resync(self, queues_changed: bool) -> Result<(), Error> {
        if self.leads() {
            return self.refresh().await;
        }
        let logged_in = queues_changed.then(|| self.logged_in.get_untracked());
        self.post(&crate::state::tabs::message::TabMessage::Resync { logged_in });
        Ok(())
    }

    /// The loop of one login session: refresh, then wait for the doorbell or the poll interval.
    /// It stops when the agent logs out or the login expires.
    pub(super) fn sync_loop(self, generation: u64) {
        leptos::task::spawn_local(async move {
            let (mode, interval) = self
                .config
                .with_value(|c| (c.pull.mode, c.pull.poll_interval_ms));
            let mut pull_supported = mode == PullMode::Auto;
            let mut hash = String::new();
            let mut attempt = 0u32;
            // Reconnect quickly: the agent may miss a ring while the panel waits.
            let backoff = Backoff {
                base_ms: 1000,
                factor: 2.0,
                max_ms: 30_000,
            };
            while self.is_current(generation) {
                let result = match self.refresh().await {
                    Ok(()) if pull_supported => match self.client().pull_data(&hash).await {
                        Ok(
                            PullOutcome::Changed { hash: h } | PullOutcome::Unchanged { hash: h },
                        ) => {
                            hash = h;
                            Ok(false)
                        }
                        Ok(PullOutcome::Unsupported) => {
                            pull_supported = false;
                            Ok(true)
                        }
                        Err(err) => Err(err),
                    },
                    Ok(()) => Ok(true),
                    Err(err) => Err(err),
                };
                if !self.is_current(generation) {
                    break;
                }
                match result {
                    Ok(wait) => {
                        attempt = 0;
                        self.next_retry_ms.set(None);
                        self.connection.set(ConnectionState::Connected);
                        self.persist_tokens();
                        if wait {
                            self.sleep_or_wake(u64::from(interval)).await;
                        }
                    }
                    Err(Error::Unauthorized { .. } | Error::NotLoggedIn) => {
                        self.expired();
                        break;
                    }
                    Err(err) => {
                        attempt = attempt.saturating_add(1);
                        let delay = match Retry::decide(&err, attempt, &backoff, jitter()) {
                            Retry::After(ms) => ms,
                            // Not a passing fault (e.g. 403 on realtime data): keep trying, slowly.
                            Retry::Never => backoff.max_ms,
                        };
                        self.next_retry_ms.set(Some(now_ms().saturating_add(delay)));
                        // Offline, the browser's `online` event wakes the loop at once.
                        self.connection.set(if is_online() {
                            ConnectionState::Reconnecting
                        } else {
                            ConnectionState::Offline
                        });
                        self.sleep_or_wake(delay).await;
                    }
                }
            }
        });
    }
}
