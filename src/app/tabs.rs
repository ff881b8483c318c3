//! One session per browser: this tab's part in the leader election, the state broadcast, and
//! the messages the tabs exchange (see `crate::state::tabs`).
//!
//! The leader runs what must happen once: Daktela's pull loop, the outbox, the ring and the
//! screen-pop decision. A follower renders the leader's state, makes the agent's own requests
//! (dial, pause, queues) with the shared token and asks the leader to re-read, and hands the
//! wrap-up to the leader. Pops and rings go to the tab the agent used last.

use leptos::prelude::*;

use super::Ctl;
use super::set_changed::SetChanged;
use crate::browser::clock::{jitter, now_ms, sleep_ms};
use crate::browser::tabs::{PageEvent, TabChannel, TabsError, request_leadership, watch_page};
use crate::state::ConnectionState;
use crate::state::config::PopTarget;
use crate::state::tabs::TabId;
use crate::state::tabs::active::ActiveTab;
use crate::state::tabs::election::{Change, Election, HEARTBEAT_MS};
use crate::state::tabs::message::{TabMessage, VERSION};
use crate::state::tabs::mirror::{Mirror, SharedTokens};

/// Where the last-used tab is kept (`localStorage`, shared by the tabs).
const ACTIVE_TAB: &str = "active-tab";
/// A tab not heard from for this long is taken for closed (timers of a hidden tab may fire only
/// once a minute, so this is generous; a tab that closes says goodbye anyway).
const ALIVE_MS: u64 = 70_000;

impl Ctl {
    /// Joins the other tabs of this origin: opens the channel, asks for the state, and queues
    /// for the lead. Without a channel the tab leads alone.
    pub(super) fn join_tabs(self) {
        let me = TabId::generate(now_ms(), jitter());
        self.tab.set_value(me.clone());
        // Per message format and per Daktela instance: tabs of an older build (a page not
        // reloaded since a deploy) form their own group instead of following a leader whose
        // messages they cannot read.
        let name = self
            .config
            .with_value(|c| format!("daktela-cti:v{VERSION}:{}", c.api_base));
        match TabChannel::open(&name, move |text| {
            if let Some(message) = TabMessage::decode(&text) {
                self.on_tab_message(message);
            }
        }) {
            Ok(channel) => self.channel.set_value(Some(channel)),
            Err(err) => {
                crate::browser::console::error(&format!("{err}; this tab runs on its own"));
                self.become_leader();
                return;
            }
        }
        self.post(&TabMessage::Hello { from: me.clone() });
        watch_page(move |event| self.on_page_event(event));
        self.broadcast_on_change();
        match request_leadership(&name, move || self.become_leader()) {
            Ok(()) => {}
            Err(TabsError::Unsupported(_)) => {
                self.election.set_value(Some(Election::new(me, now_ms())));
            }
            Err(err) => {
                crate::browser::console::error(&format!("{err}; this tab runs on its own"));
                self.become_leader();
            }
        }
        self.heartbeat_loop();
    }

    /// Whether this tab leads.
    pub(super) fn leads(&self) -> bool {
        self.leader.get_untracked()
    }

    /// Posts a message to the other tabs (nothing without a channel).
    pub(super) fn post(&self, message: &TabMessage) {
        self.channel.with_value(|c| {
            if let Some(channel) = c {
                channel.post(&message.encode());
            }
        });
    }

    /// This tab now leads: it restores the outbox and the calls and runs the session.
    fn become_leader(self) {
        if self.leads() {
            return;
        }
        self.leader.set(true);
        self.lead_epoch.update_value(|e| *e += 1);
        self.restore_outbox();
        if !self.mirrored.get_value() {
            // The first tab (or a reload of a lone tab): this tab's own saved calls.
            self.restore_calls();
        }
        self.persist_calls();
        self.resume();
        self.flush_loop(self.lead_epoch.get_value());
        self.post_state();
    }

    /// Another tab leads (heartbeat election only): stop the session loops here.
    fn step_down(self) {
        self.leader.set(false);
        self.lead_epoch.update_value(|e| *e += 1);
        self.generation.update_value(|g| *g += 1);
    }

    /// True while the lead taken at `epoch` lasts.
    pub(super) fn leads_since(&self, epoch: u64) -> bool {
        self.leads() && self.lead_epoch.get_value() == epoch
    }

    /// Announces this tab, and runs the fallback election, every heartbeat.
    fn heartbeat_loop(self) {
        leptos::task::spawn_local(async move {
            loop {
                let now = now_ms();
                let change = self
                    .election
                    .try_update_value(|e| e.as_mut().map_or(Change::None, |e| e.tick(now)))
                    .unwrap_or(Change::None);
                if change == Change::BecameLeader {
                    self.become_leader();
                }
                self.post(&TabMessage::Heartbeat {
                    from: self.tab.get_value(),
                    leads: self.leads(),
                });
                self.alive
                    .update_value(|a| a.retain(|(_, at)| now.saturating_sub(*at) < ALIVE_MS));
                sleep_ms(HEARTBEAT_MS).await;
            }
        });
    }

    /// The state every tab shows, as this tab has it.
    fn mirror(&self) -> Mirror {
        let client = self.client();
        let static_token = self
            .config
            .with_value(|c| matches!(c.login, crate::state::config::Login::Token(_)));
        let tokens = client
            .token()
            .filter(|_| !static_token)
            .map(|access| SharedTokens {
                access: access.expose().to_owned(),
                refresh: client.refresh_token().map(|r| r.expose().to_owned()),
            });
        Mirror {
            connection: self.connection.get_untracked(),
            next_retry_ms: self.next_retry_ms.get_untracked(),
            me: self.me.get_untracked(),
            session: self.session.get_untracked(),
            logged_in: self.logged_in.get_untracked(),
            pauses: self.pauses.get_untracked(),
            queues: self.queues.get_untracked(),
            statuses: self.statuses.get_untracked(),
            calls: self.calls.get_untracked(),
            ended: self.ended.get_value(),
            pops: self.pops.get_value(),
            matches: self.matches.get_untracked(),
            outbox_pending: self.outbox_pending.get_untracked(),
            tokens,
        }
    }

    /// The leader sends its state to every follower.
    pub(super) fn post_state(&self) {
        if self.leads() {
            self.post(&TabMessage::State {
                from: self.tab.get_value(),
                mirror: Box::new(self.mirror()),
            });
        }
    }

    /// The leader re-broadcasts whenever something the panels render changes, so every tab
    /// shows the same within a moment.
    fn broadcast_on_change(self) {
        let owner = Owner::new();
        owner.with(|| {
            Effect::new(move |_| {
                // Track what a panel renders; the values themselves are read in `mirror`.
                self.connection.track();
                self.next_retry_ms.track();
                self.me.track();
                self.session.track();
                self.logged_in.track();
                self.pauses.track();
                self.queues.track();
                self.statuses.track();
                self.calls.track();
                self.matches.track();
                self.outbox_pending.track();
                self.post_state();
            });
        });
        // The effect lives as long as the page.
        std::mem::forget(owner);
    }

    /// A follower takes the leader's state.
    fn apply_mirror(self, mirror: Mirror) {
        self.mirrored.set_value(true);
        let client = self.client();
        match &mirror.tokens {
            Some(tokens) => {
                client.set_token(Some(daktela_api::AccessToken::new(tokens.access.clone())));
                client
                    .set_refresh_token(tokens.refresh.clone().map(daktela_api::RefreshToken::new));
                self.persist_tokens();
            }
            None if mirror.me.is_none() => self.forget_session(),
            None => {}
        }
        self.connection.set_changed(mirror.connection);
        self.next_retry_ms.set_changed(mirror.next_retry_ms);
        self.me.set_changed(mirror.me);
        self.session.set_changed(mirror.session);
        self.logged_in.set_changed(mirror.logged_in);
        self.persist_queues();
        self.pauses.set_changed(mirror.pauses);
        self.queues.set_changed(mirror.queues);
        self.statuses.set_changed(mirror.statuses);
        self.calls.set_changed(mirror.calls);
        self.ended.set_value(mirror.ended);
        self.pops.set_value(mirror.pops);
        self.matches.set_changed(mirror.matches);
        self.outbox_pending.set_changed(mirror.outbox_pending);
        self.persist_calls();
        self.derive_agent();
    }

    fn on_tab_message(self, message: TabMessage) {
        let now = now_ms();
        match message {
            TabMessage::Heartbeat { from, leads } => {
                self.heard_from(&from, now);
                let change = self
                    .election
                    .try_update_value(|e| {
                        e.as_mut()
                            .map_or(Change::None, |e| e.heard(&from, leads, now))
                    })
                    .unwrap_or(Change::None);
                if change == Change::SteppedDown {
                    self.step_down();
                }
            }
            TabMessage::Hello { from } => {
                self.heard_from(&from, now);
                self.post_state();
            }
            TabMessage::Bye { from } => {
                self.alive.update_value(|a| a.retain(|(id, _)| *id != from))
            }
            TabMessage::State { mirror, .. } if !self.leads() => self.apply_mirror(*mirror),
            TabMessage::State { .. } => {}
            TabMessage::LoggedIn { tokens } if self.leads() => {
                let client = self.client();
                client.set_token(Some(daktela_api::AccessToken::new(tokens.access)));
                client.set_refresh_token(tokens.refresh.map(daktela_api::RefreshToken::new));
                self.persist_tokens();
                self.notice.set(None);
                self.resume();
            }
            TabMessage::LoggedIn { .. } => {}
            TabMessage::LoggedOut => self.logout_here(),
            TabMessage::Resync { logged_in } if self.leads() => {
                if let Some(queues) = logged_in {
                    self.logged_in.set(queues);
                    self.persist_queues();
                    self.derive_agent();
                }
                self.wake();
            }
            TabMessage::Resync { .. } => {}
            TabMessage::WrapUp {
                activity,
                statuses,
                note,
            } if self.leads() => self.save_wrap_up(activity, statuses, note),
            TabMessage::WrapUp { .. } => {}
            TabMessage::Pop { to, url, new_tab } if to == self.tab.get_value() => {
                let target = if new_tab {
                    PopTarget::NewTab
                } else {
                    PopTarget::SameTab
                };
                self.open_here(url, target);
            }
            TabMessage::Pop { .. } => {}
            TabMessage::Ring { to, info } if to == self.tab.get_value() => self.ring_here(&info),
            TabMessage::Ring { .. } => {}
            TabMessage::RingStop => self.quiet_here(),
        }
    }

    fn heard_from(&self, from: &TabId, now: u64) {
        self.alive.update_value(|a| {
            a.retain(|(id, _)| id != from);
            a.push((from.clone(), now));
        });
    }

    fn on_page_event(self, event: PageEvent) {
        match event {
            PageEvent::Used => self.mark_used(),
            PageEvent::Visible | PageEvent::Online => {
                if self.leads() {
                    self.wake();
                } else {
                    self.post(&TabMessage::Resync { logged_in: None });
                }
            }
            PageEvent::Offline => {
                if self.leads() && self.me.with_untracked(Option::is_some) {
                    self.connection.set(ConnectionState::Offline);
                }
            }
            PageEvent::Leaving => {
                let me = self.tab.get_value();
                self.post(&TabMessage::Bye { from: me.clone() });
                if self.active_tab().is_some_and(|a| a.id == me) {
                    super::store::local_remove(ACTIVE_TAB);
                }
            }
        }
    }

    /// The agent used this tab: pops and rings come here from now on.
    fn mark_used(&self) {
        let me = self.tab.get_value();
        let now = now_ms();
        // Clicks come in bursts; one write a second is plenty.
        if self
            .active_tab()
            .is_some_and(|a| a.id == me && now.saturating_sub(a.at_ms) < 1_000)
        {
            return;
        }
        let _ = super::store::local_set(ACTIVE_TAB, &ActiveTab { id: me, at_ms: now }.to_json());
    }

    fn active_tab(&self) -> Option<ActiveTab> {
        super::store::local_get(ACTIVE_TAB).and_then(|t| ActiveTab::parse(&t))
    }

    /// The tab that pops and rings: the one the agent used last, while it is open.
    fn alert_tab(&self) -> TabId {
        let me = self.tab.get_value();
        let alive: Vec<TabId> = self
            .alive
            .with_value(|a| a.iter().map(|(id, _)| id.clone()).collect());
        ActiveTab::route(self.active_tab().as_ref(), &me, &alive).clone()
    }

    /// Opens a screen pop in the last-used tab.
    pub(super) fn open_in_used_tab(self, url: String, target: PopTarget) {
        let to = self.alert_tab();
        if to == self.tab.get_value() {
            self.open_here(url, target);
        } else {
            self.post(&TabMessage::Pop {
                to,
                url,
                new_tab: target == PopTarget::NewTab,
            });
        }
    }

    /// Rings in the last-used tab.
    pub(super) fn ring_in_used_tab(self, info: &crate::state::call::CallInfo) {
        let to = self.alert_tab();
        if to == self.tab.get_value() {
            self.ring_here(info);
        } else {
            self.post(&TabMessage::Ring {
                to,
                info: Box::new(info.clone()),
            });
        }
    }

    /// The call was answered or ended: quiet in every tab.
    pub(super) fn quiet_everywhere(self) {
        self.quiet_here();
        self.post(&TabMessage::RingStop);
    }

    /// Wakes the leader's loop from its wait (a re-sync now).
    pub(super) fn wake(&self) {
        self.wake.with_value(|w| w.wake());
    }

    /// Waits `ms`, or less when [`Ctl::wake`] is called meanwhile.
    pub(super) async fn sleep_or_wake(&self, ms: u64) {
        let wake = self.wake.get_value();
        wake.sleep(ms).await;
    }
}
