//! [`SimState`]: the shared, clonable handle to one simulated instance, and the "world" API
//! that control routes, tests and other crates use to play the phone system.

use crate::config::{Settings, SettingsPatch, SimConfig};
use crate::faults::{FaultKind, FaultSpec, take_fault};
use crate::notify::Notifier;
use crate::reqlog::{LoggedRequest, RequestFilter};
use crate::world::{
    ActivityUpdate, ClickToCall, HangupOverrides, QueueLogin, Rejection, RingOutcome, RingRequest,
    World, WorldError,
};
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;
use tokio::sync::watch;

/// A handle to one simulated Daktela instance. Cheap to clone; all clones share the world.
#[derive(Debug, Clone)]
pub struct SimState {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    config: SimConfig,
    world: Mutex<World>,
    settings: Mutex<Settings>,
    faults: Mutex<Vec<FaultSpec>>,
    log: Mutex<Vec<LoggedRequest>>,
    log_seq: AtomicU64,
    notifier: Notifier,
    /// Bumped by every reset, so a timer from before a reset cannot touch the new world.
    generation: AtomicU64,
}

/// A poisoned lock only means another request panicked mid-update; the data is still usable
/// for a simulator, and refusing service forever would be worse.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl SimState {
    /// A fresh instance with the seeded agents, queues, pauses, statuses and contacts.
    pub fn seeded(config: SimConfig) -> Self {
        let world = World::seeded();
        let notifier = Notifier::new(world.agents.iter().map(|a| a.login.as_str()));
        SimState {
            inner: Arc::new(Inner {
                settings: Mutex::new(Settings::from_config(&config)),
                config,
                world: Mutex::new(world),
                faults: Mutex::new(Vec::new()),
                log: Mutex::new(Vec::new()),
                log_seq: AtomicU64::new(0),
                notifier,
                generation: AtomicU64::new(0),
            }),
        }
    }

    /// The start-up configuration.
    pub fn config(&self) -> &SimConfig {
        &self.inner.config
    }

    /// The current run-time settings.
    pub fn settings(&self) -> Settings {
        lock(&self.inner.settings).clone()
    }

    /// Changes run-time settings; returns the result.
    pub fn update_settings(&self, patch: &SettingsPatch) -> Settings {
        let mut s = lock(&self.inner.settings);
        s.apply(patch);
        s.clone()
    }

    /// Reads the world.
    pub fn read<R>(&self, f: impl FnOnce(&World) -> R) -> R {
        f(&lock(&self.inner.world))
    }

    /// Changes the world's CRM data (no agent is notified: nothing an agent watches changes).
    pub fn write_world<R>(&self, f: impl FnOnce(&mut World) -> R) -> R {
        f(&mut lock(&self.inner.world))
    }

    /// Changes the world; on success, wakes the pull-data requests of the agent `f` names.
    fn change<R, E>(&self, f: impl FnOnce(&mut World) -> Result<(R, String), E>) -> Result<R, E> {
        let (out, agent) = f(&mut lock(&self.inner.world))?;
        self.inner.notifier.bump(&agent);
        Ok(out)
    }

    fn cc(&self) -> &str {
        &self.inner.config.default_country_code
    }

    /// Rings an inbound call (activity `WAIT`, `item.direction: "in"`).
    pub fn ring(&self, req: &RingRequest) -> Result<RingOutcome, WorldError> {
        self.change(|w| w.ring(req, self.cc()).map(|o| (o, req.agent.clone())))
    }

    /// Answers the named activity, or the agent's ringing call. Returns the activity name.
    pub fn answer(
        &self,
        activity: Option<&str>,
        agent: Option<&str>,
    ) -> Result<String, WorldError> {
        self.change(|w| {
            let name = w.target_activity(activity, agent)?;
            w.answer(&name).map(|user| (name, user))
        })
    }

    /// Hangs up the named activity, or the agent's live call. Returns the activity name.
    pub fn hangup(
        &self,
        activity: Option<&str>,
        agent: Option<&str>,
        o: &HangupOverrides,
    ) -> Result<String, WorldError> {
        self.change(|w| {
            let name = w.target_activity(activity, agent)?;
            w.hangup(&name, o).map(|user| (name, user))
        })
    }

    /// Takes an agent's phone offline (`false`) or online.
    pub fn set_phone(&self, agent: &str, online: bool) -> Result<(), WorldError> {
        self.change(|w| w.set_device(agent, online).map(|()| ((), agent.to_owned())))
    }

    /// Invalidates access tokens (one agent's or all); refresh tokens too if asked.
    pub fn expire_tokens(&self, agent: Option<&str>, include_refresh: bool) -> usize {
        lock(&self.inner.world).expire_tokens(agent, include_refresh)
    }

    /// Arms a fault.
    pub fn inject_fault(&self, spec: FaultSpec) {
        lock(&self.inner.faults).push(spec);
    }

    /// The armed faults.
    pub fn faults(&self) -> Vec<FaultSpec> {
        lock(&self.inner.faults).clone()
    }

    /// Disarms every fault.
    pub fn clear_faults(&self) {
        lock(&self.inner.faults).clear();
    }

    pub(crate) fn take_fault(&self, path: &str) -> Option<FaultKind> {
        take_fault(&mut lock(&self.inner.faults), path)
    }

    /// Back to the seed: world, tokens, settings, faults and the request log.
    pub fn reset(&self) {
        self.inner.generation.fetch_add(1, Ordering::SeqCst);
        *lock(&self.inner.world) = World::seeded();
        *lock(&self.inner.settings) = Settings::from_config(&self.inner.config);
        self.clear_faults();
        self.clear_requests();
        self.inner.notifier.bump_all();
    }

    pub(crate) fn log_request(&self, method: &str, path: &str, query: &str, body: Value) {
        let seq = self.inner.log_seq.fetch_add(1, Ordering::SeqCst) + 1;
        lock(&self.inner.log).push(LoggedRequest {
            seq,
            time: crate::clock::now_string(),
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.to_owned(),
            body,
        });
    }

    /// Logged Daktela requests passing `filter`, oldest first.
    pub fn requests(&self, filter: &RequestFilter) -> Vec<LoggedRequest> {
        lock(&self.inner.log)
            .iter()
            .filter(|r| filter.matches(r))
            .cloned()
            .collect()
    }

    /// Empties the request log.
    pub fn clear_requests(&self) {
        lock(&self.inner.log).clear();
    }

    /// The agent an access token belongs to.
    pub fn agent_for_token(&self, token: &str) -> Option<String> {
        self.read(|w| w.agent_for_token(token).map(str::to_owned))
    }

    /// `POST login.json`: `(accessToken, refreshToken)` for good credentials.
    pub fn login(&self, username: &str, password: &str) -> Option<(String, String)> {
        lock(&self.inner.world).login(username, password)
    }

    /// `PUT login.json`: a new pair for a valid refresh token.
    pub fn refresh(&self, refresh_token: &str) -> Option<(String, String)> {
        lock(&self.inner.world).refresh(refresh_token)
    }

    /// Queue logins and logouts for `agent`.
    pub fn set_queues(&self, agent: &str, entries: &[QueueLogin]) -> Result<(), Rejection> {
        self.change(|w| {
            w.set_queues(agent, entries)
                .map(|()| ((), agent.to_owned()))
        })
    }

    /// Starts (`Some`) or ends (`None`) a pause for `agent`.
    pub fn set_pause(&self, agent: &str, pause: Option<&str>) -> Result<(), Rejection> {
        self.change(|w| w.set_pause(agent, pause).map(|()| ((), agent.to_owned())))
    }

    /// Click-to-call for `agent`; the far end answers after the configured delay.
    pub fn click_to_call(&self, agent: &str, req: &ClickToCall) -> Result<RingOutcome, Rejection> {
        let out = self.change(|w| {
            w.click_to_call(agent, req, self.cc())
                .map(|o| (o, agent.to_owned()))
        })?;
        if let (Some(ms), Ok(rt)) = (
            self.settings().outbound_answer_after_ms,
            tokio::runtime::Handle::try_current(),
        ) {
            let (state, name) = (self.clone(), out.activity.clone());
            let generation = self.inner.generation.load(Ordering::SeqCst);
            rt.spawn(async move {
                tokio::time::sleep(Duration::from_millis(ms)).await;
                if state.inner.generation.load(Ordering::SeqCst) == generation {
                    // Already answered or hung up by a control call: nothing to do.
                    let _ = state.answer(Some(&name), None);
                }
            });
        }
        Ok(out)
    }

    /// Disposition and note on an activity.
    pub fn update_activity(&self, name: &str, u: &ActivityUpdate) -> Result<(), Rejection> {
        self.change(|w| w.update_activity(name, u).map(|agent| ((), agent)))
    }

    /// Links a call to a contact.
    pub fn link_call_contact(&self, id_call: &str, contact: Option<&str>) -> Result<(), Rejection> {
        self.change(|w| {
            w.link_call_contact(id_call, contact)
                .map(|agent| ((), agent))
        })
    }

    /// The agent's current pull-data hash and a receiver that changes with it.
    pub(crate) fn pull_watch(&self, agent: &str) -> Option<watch::Receiver<u64>> {
        self.inner.notifier.subscribe(agent)
    }

    /// The hash for a counter value.
    pub(crate) fn pull_hash(&self, version: u64) -> String {
        self.inner.notifier.hash(version)
    }
}
