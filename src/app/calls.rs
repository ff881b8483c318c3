//! What the panel does when a call rings, is answered and ends: CRM lookup, the screen pop (once
//! per call), the flashing title, and the call log queued for the CRM.

use daktela_api::models::{CallDirection, StatusName};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::Ctl;
use crate::browser::crm::CrmAdapter;
use crate::browser::navigate;
use crate::state::call::{CallEvent, CallInfo, CallTracker, EndedCall, NamedRef};
use crate::state::call_log::{CallLogRecord, LogInputs};
use crate::state::config::PopWhen;
use crate::state::i18n::Text;
use crate::state::phone::normalize;
use crate::state::screen_pop::{PopGate, PopTarget, PopTrigger, TemplateVars, decide};

/// Where the calls of this tab are kept across a reload (wrap-up survives it).
const CALLS: &str = "calls";

/// Where the unsaved wrap-up drafts of this tab are kept across a reload.
pub(super) const DRAFTS: &str = "drafts";

/// The call state kept in `sessionStorage`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct SavedCalls {
    tracker: CallTracker,
    ended: Vec<EndedCall>,
    pops: PopGate,
}

impl Ctl {
    /// Applies one call event.
    pub(super) fn on_call_event(self, event: CallEvent) {
        match &event {
            // Once, in the tab the agent used last (only the leader sees call events).
            CallEvent::Rang(info) if info.direction == CallDirection::In => {
                self.ring_in_used_tab(info);
            }
            CallEvent::Answered(_) => self.quiet_everywhere(),
            CallEvent::Ended(ended) => {
                self.quiet_everywhere();
                self.ended.update_value(|e| e.push(ended.clone()));
                self.queue_call_log(&ended.info.activity, &[], None);
            }
            CallEvent::Rang(_) => {}
        }
        let trigger = match self.config.with_value(|c| c.screen_pop.when) {
            PopWhen::Ring => PopTrigger::Ring,
            PopWhen::Answer => PopTrigger::Answer,
            PopWhen::Never => PopTrigger::Never,
        };
        if let CallEvent::Rang(info) | CallEvent::Answered(info) = &event {
            let pop = trigger.fires_on(&event).is_some()
                && self
                    .pops
                    .try_update_value(|g| g.should_pop(info))
                    .unwrap_or(false);
            self.lookup(info.clone(), pop);
        }
    }

    /// The caller's (or dialled) number in E.164, when it is a number at all.
    fn remote_e164(&self, info: &CallInfo) -> Option<String> {
        let region = self.config.with_value(|c| c.default_country);
        let raw = info.remote_number.as_deref()?;
        normalize(raw, region).ok().map(|n| n.as_str().to_owned())
    }

    /// Looks the caller up in the CRM (for the call card), then pops the screen if `pop`.
    fn lookup(self, info: CallInfo, pop: bool) {
        let Some(e164) = self.remote_e164(&info) else {
            return;
        };
        let key = info.activity.as_str().to_owned();
        if !pop
            && self
                .matches
                .with_untracked(|m| m.iter().any(|(k, _)| *k == key))
        {
            return;
        }
        let adapter = CrmAdapter::from_config(&self.config.with_value(|c| c.crm.clone()));
        leptos::task::spawn_local(async move {
            let records = match adapter.lookup(&e164).await {
                Ok(records) => records,
                Err(err) => {
                    self.error(err.to_string());
                    Vec::new()
                }
            };
            self.matches.update(|m| {
                m.retain(|(k, _)| *k != key);
                m.push((key.clone(), records.clone()));
            });
            if pop {
                self.pop(&info, &e164, &records);
            }
        });
    }

    /// Opens the CRM page for a call: the record, a search, or a new-contact form.
    fn pop(&self, info: &CallInfo, e164: &str, records: &[crate::state::screen_pop::CrmRecord]) {
        let (search, new_contact, target) = self.config.with_value(|c| {
            (
                c.screen_pop
                    .search_url
                    .as_ref()
                    .map(|t| t.as_str().to_owned()),
                c.screen_pop
                    .new_contact_url
                    .as_ref()
                    .map(|t| t.as_str().to_owned()),
                c.screen_pop.target,
            )
        });
        let vars = TemplateVars {
            e164,
            activity: info.activity.as_str(),
            call_id: info.call_id.as_ref().map(|c| c.as_str()).unwrap_or(""),
        };
        match decide(
            records,
            &vars,
            search.as_deref(),
            new_contact.as_deref(),
            &navigate::page_base(),
        ) {
            // In the tab the agent used last, which may not be this (the leader) tab.
            Ok(PopTarget::Open(url)) => self.open_in_used_tab(url, target),
            // Several matches and no search page: the call card lists them for the agent.
            Ok(PopTarget::Choose(_) | PopTarget::Nothing) => {}
            Err(err) => self.error(err.to_string()),
        }
    }

    /// Opens a screen pop in this tab. A host-page CRM may open it its own way (an SPA route);
    /// else the panel does.
    pub(super) fn open_here(self, url: String, target: crate::state::config::PopTarget) {
        let adapter = CrmAdapter::from_config(&self.config.with_value(|c| c.crm.clone()));
        leptos::task::spawn_local(async move {
            let opened_by_host = match adapter.open_by_host(&url, target).await {
                Ok(opened) => opened,
                Err(err) => {
                    self.error(err.to_string());
                    false
                }
            };
            if !opened_by_host && let Err(err) = navigate::open_url(&url, target) {
                self.error(err.to_string());
            }
        });
    }

    /// Queues the CRM call log of an ended call (again, with the disposition and note, when the
    /// agent saves the wrap-up: the CRM side is an upsert keyed by the activity name).
    fn queue_call_log(
        &self,
        activity: &daktela_api::models::ActivityName,
        disposition: &[NamedRef],
        note: Option<&str>,
    ) {
        let Some(ended) = self
            .ended
            .with_value(|e| e.iter().find(|c| c.info.activity == *activity).cloned())
        else {
            return;
        };
        let agent = self
            .me
            .with_untracked(|me| {
                me.as_ref()
                    .and_then(|u| u.name.as_ref())
                    .map(|n| n.as_str().to_owned())
            })
            .unwrap_or_default();
        let remote = self.remote_e164(&ended.info);
        let crm_record = self.matches.with_untracked(|m| {
            m.iter()
                .find(|(k, _)| k == activity.as_str())
                .and_then(|(_, records)| match records.as_slice() {
                    [one] => Some(one.id.clone()),
                    _ => None,
                })
        });
        let record = CallLogRecord::build(&LogInputs {
            call: &ended,
            remote_e164: remote.as_deref(),
            agent: &agent,
            crm_record: crm_record.as_deref(),
            disposition,
            note,
        });
        match serde_json::to_value(&record) {
            Ok(payload) => self.enqueue(
                &format!("{}{}", super::outbox::CRM_LOG, activity.as_str()),
                payload,
            ),
            Err(err) => self.error(err.to_string()),
        }
    }

    /// Saves the wrap-up: the disposition and note go to Daktela and, in the call log, to the
    /// CRM, both through the outbox; the call card closes.
    pub fn save_wrap_up(
        self,
        activity: daktela_api::models::ActivityName,
        statuses: Vec<StatusName>,
        note: String,
    ) {
        self.drafts.update(|d| d.remove(&activity));
        self.persist_drafts();
        if !self.leads() {
            // The leader owns the outbox and the calls: it saves, and its state comes back.
            self.post(&crate::state::tabs::message::TabMessage::WrapUp {
                activity,
                statuses,
                note,
            });
            self.info(self.t(Text::Saved));
            return;
        }
        let note = Some(note.trim().to_owned()).filter(|n| !n.is_empty());
        let names: Vec<&str> = statuses.iter().map(|s| s.as_str()).collect();
        self.enqueue(
            &format!(
                "{}{}",
                super::outbox::DAKTELA_DISPOSITION,
                activity.as_str()
            ),
            json!({"activity": activity.as_str(), "statuses": names, "note": note}),
        );
        let disposition: Vec<NamedRef> = self.statuses.with_untracked(|all| {
            statuses
                .iter()
                .map(|s| NamedRef {
                    name: s.as_str().to_owned(),
                    title: all
                        .iter()
                        .find(|st| st.name.as_ref() == Some(s))
                        .and_then(|st| st.title.clone()),
                })
                .collect()
        });
        self.queue_call_log(&activity, &disposition, note.as_deref());
        self.calls.update(|c| {
            c.finish(&activity);
        });
        self.forget_gone_calls();
        self.persist_calls();
        self.info(self.t(Text::Saved));
    }

    /// Drops what is kept beside each call (its ended record, its CRM matches) for calls the
    /// tracker no longer follows: a saved wrap-up, or one dropped past the tracker's bound.
    /// Without it both grew by one entry per call for the life of the page, and the matches
    /// rode along in every state broadcast to the other tabs.
    pub(super) fn forget_gone_calls(self) {
        // A copy (a few calls), so no signal is written while another's guard is held.
        let tracker = self.calls.get_untracked();
        self.ended
            .update_value(|e| tracker.retain_tracked(e, |c| c.info.activity.as_str()));
        let stale = self.matches.with_untracked(|m| {
            m.iter()
                .any(|(activity, _)| tracker.call(&activity.as_str().into()).is_none())
        });
        if stale {
            self.matches
                .update(|m| tracker.retain_tracked(m, |(activity, _)| activity));
        }
    }

    /// Changes the unsaved wrap-up of a call (kept across a reload of this tab).
    pub fn edit_draft(
        &self,
        activity: &daktela_api::models::ActivityName,
        change: impl FnOnce(&mut crate::state::wrap_up::Draft),
    ) {
        self.drafts.update(|d| d.edit(activity, change));
        self.persist_drafts();
    }

    fn persist_drafts(&self) {
        if let Ok(json) = self.drafts.with_untracked(serde_json::to_string) {
            let _ = super::store::session_set(DRAFTS, &json);
        }
    }

    /// Keeps the calls of this tab for a reload.
    pub(super) fn persist_calls(&self) {
        let saved = SavedCalls {
            tracker: self.calls.get_untracked(),
            ended: self.ended.get_value(),
            pops: self.pops.get_value(),
        };
        if let Ok(json) = serde_json::to_string(&saved) {
            let _ = super::store::session_set(CALLS, &json);
        }
    }

    /// Restores the calls kept by [`Ctl::persist_calls`] (a reload during wrap-up).
    pub(super) fn restore_calls(&self) {
        let Some(saved) = super::store::session_get(CALLS)
            .and_then(|j| serde_json::from_str::<SavedCalls>(&j).ok())
        else {
            return;
        };
        self.calls.set(saved.tracker);
        self.ended.set_value(saved.ended);
        self.pops.set_value(saved.pops);
    }
}
