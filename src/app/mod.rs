//! The panel's controller: the signals the components render, and the async work that feeds
//! them from Daktela, the CRM and the page.
//!
//! Everything here is glue between [`crate::state`] (pure logic) and [`crate::browser`] (the
//! page); decisions live in `state`. The controller is `Copy` (signals and stored values only), so
//! every component and task can hold it.

mod alerts;
mod calls;
mod dial;
mod outbox;
mod prefs;
mod session;
mod set_changed;
mod store;
mod sync;
mod tabs;

use daktela_api::Client;
use daktela_api::models::{Pause, Queue, QueueName, RealtimeSession, Status, User};
use leptos::prelude::*;

use set_changed::SetChanged;

use crate::browser::alerts::{Permission, Ringer};
use crate::browser::tabs::TabChannel;
use crate::browser::title::TitleFlasher;
use crate::browser::transport::PageTransport;
use crate::state::ConnectionState;
use crate::state::agent::AgentView;
use crate::state::call::{CallTracker, EndedCall};
use crate::state::config::PanelConfig;
use crate::state::i18n::{Lang, Text, t};
use crate::state::outbox::Outbox;
use crate::state::prefs::Prefs;
use crate::state::screen_pop::{CrmRecord, PopGate};
use crate::state::tabs::TabId;
use crate::state::tabs::election::Election;

pub use dial::DialRequest;

/// A message for the agent: what happened and, for problems, what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The text, already in the agent's language.
    pub text: String,
    /// A problem (shown as an alert) rather than information.
    pub is_error: bool,
}

/// The panel's controller. Cheap to copy; see the module docs.
#[derive(Debug, Clone, Copy)]
pub struct Ctl {
    /// The agent's language: their choice in the panel ([`Ctl::prefs`]), else the configuration's.
    pub lang: Memo<Lang>,
    /// Collapsed, corner and language, as the agent left them.
    pub prefs: RwSignal<Prefs>,
    config: StoredValue<PanelConfig>,
    client: StoredValue<Client<PageTransport>, LocalStorage>,
    /// Where the panel stands with Daktela.
    pub connection: RwSignal<ConnectionState>,
    /// The logged-in agent, once known.
    pub me: RwSignal<Option<User>>,
    /// The agent's realtime session as last read.
    pub session: RwSignal<Option<RealtimeSession>>,
    /// Ready / paused / queues / phone, derived from the session.
    pub agent: RwSignal<AgentView>,
    /// The queues the panel logged the agent in to (no public endpoint lists them).
    pub logged_in: RwSignal<Vec<QueueName>>,
    /// The instance's pause reasons.
    pub pauses: RwSignal<Vec<Pause>>,
    /// The queues the agent can see.
    pub queues: RwSignal<Vec<Queue>>,
    /// The instance's activity statuses (dispositions).
    pub statuses: RwSignal<Vec<Status>>,
    /// The agent's calls: ringing, talking, in wrap-up.
    pub calls: RwSignal<CallTracker>,
    /// What the agent typed in wrap-up forms and has not saved.
    pub drafts: RwSignal<crate::state::wrap_up::Drafts>,
    /// CRM matches per call (keyed by activity name), once looked up.
    pub matches: RwSignal<Vec<(String, Vec<CrmRecord>)>>,
    /// The latest message for the agent.
    pub notice: RwSignal<Option<Notice>>,
    /// A request the agent started is under way (buttons show it and ignore double clicks).
    pub busy: RwSignal<bool>,
    /// A dial waiting for the agent's confirmation (`confirm_before_dial`).
    pub pending_dial: RwSignal<Option<DialRequest>>,
    /// Call logs and dispositions not yet delivered.
    pub outbox_pending: RwSignal<usize>,
    /// Now, Unix ms, ticking once a second for timers.
    pub now: RwSignal<u64>,
    outbox: StoredValue<Outbox>,
    pops: StoredValue<PopGate>,
    /// Ended calls waiting for the agent's wrap-up (their log is rebuilt with the disposition).
    ended: StoredValue<Vec<EndedCall>>,
    /// Flashes the tab title while a call rings.
    title: StoredValue<TitleFlasher, LocalStorage>,
    /// The ring sound, once the agent enabled it on this page.
    ringer: StoredValue<Option<Ringer>, LocalStorage>,
    /// The desktop notification of the ringing call, to close when it is answered or ends.
    notification: StoredValue<Option<web_sys::Notification>, LocalStorage>,
    /// The agent enabled the ring sound on this page.
    pub sound_on: RwSignal<bool>,
    /// The browser's answer about desktop notifications.
    pub notify_permission: RwSignal<Permission>,
    /// The ring sound is playing now.
    pub ringing_sound: RwSignal<bool>,
    /// Bumped on every login and logout, so loops of an older session stop.
    generation: StoredValue<u64>,
    /// When the pull loop retries next, while reconnecting (epoch ms).
    pub next_retry_ms: RwSignal<Option<u64>>,
    /// This tab leads the panel's tabs (runs the session, the outbox and the ring).
    pub leader: RwSignal<bool>,
    /// This tab, among the panel's tabs.
    tab: StoredValue<TabId>,
    /// Bumped whenever this tab takes or loses the lead, so the leader's loops stop.
    lead_epoch: StoredValue<u64>,
    /// The tabs' channel, once open.
    channel: StoredValue<Option<TabChannel>, LocalStorage>,
    /// The heartbeat election, where the browser has no Web Locks.
    election: StoredValue<Option<Election>>,
    /// Other tabs and when they were last heard from.
    alive: StoredValue<Vec<(TabId, u64)>>,
    /// Wakes the pull loop from its wait.
    wake: StoredValue<crate::browser::wake::Wake, LocalStorage>,
    /// The access token last sent to the other tabs.
    shared_token: StoredValue<Option<String>>,
    /// A leader's state has been mirrored here (then it is fresher than this tab's saved calls).
    mirrored: StoredValue<bool>,
}

impl Ctl {
    /// Builds the controller for a valid configuration; nothing runs until [`Ctl::start`].
    pub fn new(config: PanelConfig) -> Self {
        let transport = PageTransport::new();
        let client =
            Client::with_placement(config.api_base.clone(), transport, config.token_placement);
        let prefs = RwSignal::new(prefs::load());
        let configured = config.language;
        Self {
            lang: Memo::new(move |_| prefs.with(|p| p.lang_or(configured))),
            prefs,
            config: StoredValue::new(config),
            client: StoredValue::new_local(client),
            connection: RwSignal::new(ConnectionState::NotConnected),
            me: RwSignal::new(None),
            session: RwSignal::new(None),
            agent: RwSignal::new(AgentView::default()),
            logged_in: RwSignal::new(Vec::new()),
            pauses: RwSignal::new(Vec::new()),
            queues: RwSignal::new(Vec::new()),
            statuses: RwSignal::new(Vec::new()),
            calls: RwSignal::new(CallTracker::new()),
            matches: RwSignal::new(Vec::new()),
            drafts: RwSignal::new(
                store::session_get(calls::DRAFTS)
                    .and_then(|t| serde_json::from_str(&t).ok())
                    .unwrap_or_default(),
            ),
            notice: RwSignal::new(None),
            busy: RwSignal::new(false),
            pending_dial: RwSignal::new(None),
            outbox_pending: RwSignal::new(0),
            now: RwSignal::new(crate::browser::clock::now_ms()),
            outbox: StoredValue::new(Outbox::default()),
            pops: StoredValue::new(PopGate::default()),
            ended: StoredValue::new(Vec::new()),
            title: StoredValue::new_local(TitleFlasher::new()),
            ringer: StoredValue::new_local(None),
            notification: StoredValue::new_local(None),
            sound_on: RwSignal::new(false),
            notify_permission: RwSignal::new(Permission::Unsupported),
            ringing_sound: RwSignal::new(false),
            generation: StoredValue::new(0),
            next_retry_ms: RwSignal::new(None),
            leader: RwSignal::new(false),
            tab: StoredValue::new(TabId::from("")),
            lead_epoch: StoredValue::new(0),
            channel: StoredValue::new_local(None),
            election: StoredValue::new(None),
            alive: StoredValue::new(Vec::new()),
            wake: StoredValue::new_local(crate::browser::wake::Wake::new()),
            shared_token: StoredValue::new(None),
            mirrored: StoredValue::new(false),
        }
    }

    /// The configuration the panel runs with.
    pub fn config(&self) -> PanelConfig {
        self.config.get_value()
    }

    /// The Daktela client (shares its tokens with every clone).
    fn client(&self) -> Client<PageTransport> {
        self.client.get_value()
    }

    /// A text in the agent's language.
    pub fn t(&self, text: Text) -> &'static str {
        t(self.lang.get_untracked(), text)
    }

    /// "N call logs waiting to be sent".
    pub fn outbox_text(&self, pending: usize) -> String {
        match pending {
            1 => self.t(Text::OutboxPendingOne).to_owned(),
            n => crate::state::i18n::fill(self.t(Text::OutboxPending), "n", &n.to_string()),
        }
    }

    /// Shows a problem to the agent.
    pub fn error(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_error: true,
        }));
    }

    /// Shows information to the agent.
    pub fn info(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            text: text.into(),
            is_error: false,
        }));
    }

    /// Starts the panel: the clock, then joins the other tabs; the tab that leads restores the
    /// outbox and the session and runs them, the others mirror it.
    pub fn start(self) {
        crate::browser::host::place(self.prefs.get_untracked().corner);
        self.read_alert_permissions();
        self.tick();
        self.join_tabs();
    }

    /// Advances [`Ctl::now`] once a second (call timers, pause elapsed time).
    fn tick(self) {
        leptos::task::spawn_local(async move {
            loop {
                crate::browser::clock::sleep_ms(1000).await;
                self.now.set(crate::browser::clock::now_ms());
            }
        });
    }

    /// Re-derives the agent view from the last session, queues and pauses.
    fn derive_agent(&self) {
        let now_ms = self.now.get_untracked();
        self.session.with_untracked(|session| {
            self.pauses.with_untracked(|pauses| {
                self.queues.with_untracked(|queues| {
                    self.logged_in.with_untracked(|logged_in| {
                        let input = crate::state::agent::AgentInput {
                            session: session.as_ref(),
                            pauses,
                            queues,
                            logged_in,
                            now_ms,
                        };
                        let next = self
                            .agent
                            .with_untracked(|prev| AgentView::derive(&input, prev));
                        self.agent.set_changed(next);
                    })
                })
            })
        });
    }
}
