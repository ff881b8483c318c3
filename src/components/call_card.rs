//! The agent's calls: ringing (number, Daktela's contact, the CRM match, the queue), answered
//! (with a timer), and ended (the wrap-up form).

use leptos::prelude::*;

use super::wrap_up::WrapUp;
use crate::app::Ctl;
use crate::browser::navigate::page_base;
use crate::state::call::{CallPhase, TrackedCall};
use crate::state::i18n::{Text, fill};
use crate::state::screen_pop::{CrmRecord, resolve_url};
use daktela_api::models::CallDirection;

/// Every call the panel tracks, newest last, plus the live announcement of a ringing call.
#[component]
pub fn CallCards(
    /// The controller.
    ctl: Ctl,
) -> impl IntoView {
    // Only what a card shows, memoised: the tracker also changes when nothing shown does (its
    // snapshot time moves on every sync), and building views costs more than time. Leptos 0.8
    // keeps a little memory per discarded view until the signals it read change again (their
    // subscriber lists hold `Weak`s), so cards are built when a call changes, a few times per
    // call, and not on every sync. One closure rather than a keyed `<For>`: each re-run cleans
    // up the previous cards' owners, where a `<For>` that lives all day keeps a `Weak` per row
    // it ever had.
    let calls = Memo::new(move |_| ctl.calls.with(|c| c.calls().to_vec()));
    let ringing = move || {
        ctl.calls.with(|c| {
            c.calls()
                .iter()
                .find(|call| {
                    call.phase == CallPhase::Ringing && call.info.direction == CallDirection::In
                })
                .map(|call| fill(ctl.t(Text::RingingAnnouncement), "number", &number(call)))
        })
    };
    view! {
        // Read out to screen-reader users the moment a call rings.
        <div class="dcti-live" aria-live="assertive">{ringing}</div>
        {move || calls.get().into_iter().map(|call| view! { <CallCard ctl call /> }).collect_view()}
    }
}

fn number(call: &TrackedCall) -> String {
    call.info.remote_number.clone().unwrap_or_default()
}

/// One call.
#[component]
fn CallCard(
    /// The controller.
    ctl: Ctl,
    /// The call as tracked when rendered.
    call: TrackedCall,
) -> impl IntoView {
    let activity = call.info.activity.clone();
    let heading = match call.info.direction {
        CallDirection::Out => ctl.t(Text::OutgoingCall),
        _ => ctl.t(Text::IncomingCall),
    };
    let phase_token = match call.phase {
        CallPhase::Ringing => "ringing",
        CallPhase::Talking => "talking",
        CallPhase::WrapUp => "wrap-up",
        CallPhase::Done => "done",
    };
    let key = activity.as_str().to_owned();
    let matches = move || {
        ctl.matches
            .with(|m| m.iter().find(|(k, _)| *k == key).map(|(_, r)| r.clone()))
    };
    let timer_call = call.clone();
    let timer = move || {
        let now = ctl.now.get();
        crate::state::agent::format_elapsed(timer_call.talk_seconds(now))
    };
    let contact = call.info.contact.as_ref().map(|c| c.label().to_owned());
    let queue = call.info.queue.as_ref().map(|q| q.label().to_owned());
    let wrap_up = (call.phase == CallPhase::WrapUp)
        .then(|| view! { <WrapUp ctl activity=activity.clone() /> });
    view! {
        <article class="dcti-call" data-phase=phase_token data-activity=activity.as_str().to_owned()>
            <h2>{heading}</h2>
            <p class="dcti-number">{number(&call)}</p>
            {contact.map(|c| view! { <p>{ctl.t(Text::DaktelaContact)} ": " {c}</p> })}
            {queue.map(|q| view! { <p>{ctl.t(Text::QueueLabel)} ": " {q}</p> })}
            <CrmMatches ctl matches=Signal::derive(matches) />
            {(call.phase == CallPhase::Talking).then(|| view! {
                <p class="dcti-timer">{ctl.t(Text::Answered)} " " {timer}</p>
            })}
            {wrap_up}
        </article>
    }
}

/// What the CRM knows about the caller, with links to open.
#[component]
fn CrmMatches(
    /// The controller.
    ctl: Ctl,
    /// The lookup's records; `None` while it runs.
    matches: Signal<Option<Vec<CrmRecord>>>,
) -> impl IntoView {
    move || {
        matches.get().map(|records| {
            let summary = match records.len() {
                0 => ctl.t(Text::CrmMatchNone).to_owned(),
                1 => ctl.t(Text::CrmMatchOne).to_owned(),
                n => fill(ctl.t(Text::CrmMatchMany), "n", &n.to_string()),
            };
            let base = page_base();
            // Only http(s) links: a CRM record's URL is remote data.
            let links = records
                .into_iter()
                .filter_map(|r| resolve_url(&r.url, &base).ok().map(|url| (url, r.name)))
                .map(|(url, name)| {
                    view! {
                        <li><a href=url target="daktela-cti-pop" rel="noopener">{name}</a></li>
                    }
                })
                .collect_view();
            view! {
                <div class="dcti-crm">
                    <p>{summary}</p>
                    <ul>{links}</ul>
                </div>
            }
        })
    }
}
