//! The widget's controller: what the page shows (the lookup, the agent's choice and note, the
//! save state) and the actions behind its buttons. `Copy`, like the panel's `Ctl`.
//!
//! Writes happen only on the agent's "Confirm and save": opening or reloading the page reads
//! (the lookup, the pending outbox entry, the CRM's saved pairing) and delivers what an earlier
//! page of this activity queued, nothing more.

use leptos::prelude::*;

use super::outbox::{self, KeepError};
use crate::browser::clock::{jitter, now_ms, sleep_ms};
use crate::browser::crm::CrmAdapter;
use crate::browser::navigate::page_base;
use crate::browser::storage::LocalStore;
use crate::state::config::{Crm, PanelConfig};
use crate::state::i18n::{Lang, Text, fill, t};
use crate::state::outbox::Enqueued;
use crate::state::retry::{Backoff, Retry};
use crate::state::screen_pop::CrmRecord;
use crate::state::widget::messages::pairing_error;
use crate::state::widget::{Choice, PAIRING_KEY_PREFIX, Pairing, WidgetParams, choose, key_for};

/// How often queued pairings are retried while the page is open.
const FLUSH_EVERY_MS: u64 = 2_000;
/// Where the record chosen for a call is remembered, so that the activity after a transfer
/// (same call id) starts with it chosen: `widget-call:<call id>`.
const CALL_CHOICE_KEY: &str = "widget-call:";

/// The CRM lookup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// Under way.
    Loading,
    /// Answered.
    Done(Choice),
    /// Failed; the message says why.
    Failed(String),
}

/// Where the agent's pairing is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing saved for this activity.
    None,
    /// Queued, not yet delivered (retrying).
    Pending(Pairing),
    /// The CRM has it.
    Saved(Pairing),
    /// The CRM refused it; retried only when the agent asks.
    Refused(Pairing, String),
}

/// The widget's controller.
#[derive(Debug, Clone, Copy)]
pub struct WidgetCtl {
    /// The page's language (the configuration's `language`).
    pub lang: Lang,
    params: StoredValue<WidgetParams>,
    config: StoredValue<PanelConfig>,
    /// The CRM lookup.
    pub lookup: RwSignal<Lookup>,
    /// The chosen record's id.
    pub chosen: RwSignal<Option<String>>,
    /// The note being written.
    pub note: RwSignal<String>,
    /// The pairing's state.
    pub saved: RwSignal<SaveState>,
    /// A problem to show (storage, an invalid note).
    pub problem: RwSignal<Option<String>>,
}

impl WidgetCtl {
    /// A controller for checked parameters and configuration.
    pub fn new(params: WidgetParams, config: PanelConfig) -> Self {
        Self {
            lang: config.language,
            params: StoredValue::new(params),
            config: StoredValue::new(config),
            lookup: RwSignal::new(Lookup::Loading),
            chosen: RwSignal::new(None),
            note: RwSignal::new(String::new()),
            saved: RwSignal::new(SaveState::None),
            problem: RwSignal::new(None),
        }
    }

    /// A text in the page's language.
    pub fn t(&self, text: Text) -> &'static str {
        t(self.lang, text)
    }

    /// The parameters.
    pub fn params(&self) -> WidgetParams {
        self.params.get_value()
    }

    fn adapter(&self) -> CrmAdapter {
        CrmAdapter::from_config(&self.config.with_value(|c| c.crm.clone()))
    }

    /// Reads everything the page shows, then keeps delivering what is queued.
    pub fn start(self) {
        self.restore();
        leptos::task::spawn_local(self.look_up());
        leptos::task::spawn_local(async move {
            loop {
                self.flush().await;
                sleep_ms(FLUSH_EVERY_MS).await;
            }
        });
    }

    /// The pairing this page (or an earlier one) queued, else the CRM's saved one, else the
    /// record chosen for the same call in an earlier activity.
    fn restore(self) {
        let params = self.params();
        let key = key_for(&params.activity);
        let pending = outbox::read(|o| {
            o.entries()
                .iter()
                .find(|e| e.key == key)
                .map(|e| (e.payload.clone(), e.parked.then(|| e.last_error.clone())))
        });
        if let Some((payload, parked)) = pending
            && let Some(pairing) = Pairing::from_value(payload).filter(|p| p.is_for(&params))
        {
            self.show(&pairing);
            self.saved.set(match parked {
                Some(error) => SaveState::Refused(pairing, error.unwrap_or_default()),
                None => SaveState::Pending(pairing),
            });
            return;
        }
        if let Some(id) = LocalStore::open()
            .ok()
            .and_then(|s| s.get(&call_choice_key(&params.call_id)).ok().flatten())
        {
            self.chosen.set(Some(id));
        }
        leptos::task::spawn_local(async move {
            match self.adapter().read_pairing(&params.activity).await {
                Ok(Some(pairing)) if pairing.is_for(&params) => {
                    // A save in this page wins over what the CRM had when the page opened.
                    if self.saved.with_untracked(|s| *s == SaveState::None) {
                        self.show(&pairing);
                        self.saved.set(SaveState::Saved(pairing));
                    }
                }
                Ok(_) => {}
                Err(e) => self.problem.set(Some(e.to_string())),
            }
        });
    }

    fn show(&self, pairing: &Pairing) {
        self.chosen.set(Some(pairing.crm_record.id.clone()));
        self.note.set(pairing.note.clone().unwrap_or_default());
    }

    async fn look_up(self) {
        let params = self.params();
        let Some(number) = params.number.clone() else {
            self.lookup.set(Lookup::Done(Choice::Internal));
            return;
        };
        let template = self
            .config
            .with_value(|c| c.screen_pop.new_contact_url.clone());
        let lookup = match self.adapter().lookup(number.as_str()).await {
            Ok(matches) => {
                let choice = choose(matches, &params, template.as_ref(), &page_base());
                if let Choice::One(record) = &choice {
                    self.chosen.set(Some(record.id.clone()));
                }
                Lookup::Done(choice)
            }
            Err(e) => Lookup::Failed(fill(
                self.t(Text::WidgetLookupFailed),
                "message",
                &e.to_string(),
            )),
        };
        self.lookup.set(lookup);
    }

    /// The record the agent has chosen, among those the lookup offered (or the saved one).
    pub fn chosen_record(&self) -> Option<CrmRecord> {
        let id = self.chosen.get()?;
        let offered = self.lookup.with(|l| match l {
            Lookup::Done(Choice::One(r)) => vec![r.clone()],
            Lookup::Done(Choice::Many(rs)) => rs.clone(),
            _ => Vec::new(),
        });
        offered.into_iter().find(|r| r.id == id).or_else(|| {
            // Saved earlier but no longer offered (the CRM's data changed): keep it pairable.
            self.saved.with(|s| match s {
                SaveState::Pending(p) | SaveState::Saved(p) | SaveState::Refused(p, _)
                    if p.crm_record.id == id =>
                {
                    Some(CrmRecord {
                        id: p.crm_record.id.clone(),
                        name: p.crm_record.name.clone(),
                        url: p.crm_record.url.clone(),
                        kind: None,
                    })
                }
                _ => None,
            })
        })
    }

    /// "Confirm and save": queues the pairing of the chosen record with the note, and sends it.
    pub fn save(self) {
        let Some(record) = self.chosen_record() else {
            self.problem
                .set(Some(self.t(Text::WidgetChooseFirst).to_owned()));
            return;
        };
        let params = self.params();
        let pairing = match Pairing::new(&params, &record, &self.note.get_untracked()) {
            Ok(p) => p,
            Err(e) => {
                self.problem.set(Some(pairing_error(self.lang, &e)));
                return;
            }
        };
        self.problem.set(None);
        let (outcome, problem) =
            outbox::change(|o| o.enqueue(&pairing.key(), pairing.to_payload(), now_ms()));
        self.report(problem);
        if let Ok(store) = LocalStore::open() {
            // Only a convenience for the next activity of this call.
            let _ = store.set(&call_choice_key(&params.call_id), &record.id);
        }
        match outcome {
            Enqueued::AlreadyDelivered => self.saved.set(SaveState::Saved(pairing)),
            _ => {
                self.saved.set(SaveState::Pending(pairing));
                leptos::task::spawn_local(self.flush());
            }
        }
    }

    /// "Try again" after a refusal.
    pub fn retry(self) {
        let key = key_for(&self.params.with_value(|p| p.activity.clone()));
        let ((), problem) = outbox::change(|o| o.retry_now(&key, now_ms()));
        self.report(problem);
        self.saved.update(|s| {
            if let SaveState::Refused(p, _) = s {
                *s = SaveState::Pending(p.clone());
            }
        });
        leptos::task::spawn_local(self.flush());
    }

    /// Delivers every due pairing of the widget's outbox once (other activities' too: a frame
    /// closed before its pairing landed leaves it to the next one).
    async fn flush(self) {
        // Read only: this runs every few seconds and must not rewrite the storage each time.
        let due = outbox::read(|o| o.due(now_ms()));
        let adapter = self.adapter();
        let backoff = Backoff::default();
        for entry in due {
            let (taken, problem) = outbox::change(|o| o.begin(&entry.key, now_ms()));
            self.report(problem);
            let Some(entry) = taken else { continue };
            let pairing = match Pairing::from_value(entry.payload.clone()) {
                Some(pairing) if entry.key.starts_with(PAIRING_KEY_PREFIX) => pairing,
                _ => {
                    let error = format!("unknown widget outbox entry {}", entry.key);
                    let ((), problem) = outbox::change(|o| o.park(&entry.key, &error));
                    self.report(problem);
                    continue;
                }
            };
            let result = adapter.pair(&pairing).await;
            let mine = key_for(&self.params.with_value(|p| p.activity.clone())) == entry.key;
            match result {
                Ok(()) => {
                    let (gone, problem) = outbox::change(|o| o.delivered(&entry.key));
                    self.report(problem);
                    // `false`: the agent changed the note while this was in flight; the new one
                    // is still queued.
                    if mine && gone {
                        self.saved.set(SaveState::Saved(pairing));
                    }
                }
                Err(e) => {
                    let retry = e.retry(entry.attempts + 1, &backoff, jitter());
                    let error = e.to_string();
                    let ((), problem) = outbox::change(|o| match retry {
                        Retry::After(_) => {
                            o.failed(&entry.key, now_ms(), &error, e.retry_after_s(), jitter())
                        }
                        Retry::Never => o.park(&entry.key, &error),
                    });
                    self.report(problem);
                    if mine && retry == Retry::Never {
                        self.saved.set(SaveState::Refused(pairing, error));
                    }
                }
            }
        }
    }

    fn report(&self, problem: Option<KeepError>) {
        if let Some(problem) = problem {
            self.problem.set(Some(problem.to_string()));
        }
    }

    /// Whether the configuration lets the widget save (a `crm.pair_url`).
    pub fn can_save(&self) -> bool {
        self.config
            .with_value(|c| matches!(&c.crm, Crm::Rest(rest) if rest.pair_url.is_some()))
    }
}

fn call_choice_key(call_id: &str) -> String {
    format!("{CALL_CHOICE_KEY}{call_id}")
}
