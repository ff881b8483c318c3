//! The agent's availability: ready or paused (with the reason, elapsed time and a warning past
//! the reason's maximum), the pause picker, and the phone's state.

use daktela_api::models::PauseName;
use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::agent::{Availability, format_elapsed, pause_options};
use crate::state::i18n::Text;

/// Ready / paused / not in a queue, with the actions that change it.
#[component]
pub fn AgentBar(
    /// The controller.
    ctl: Ctl,
) -> impl IntoView {
    let availability = move || ctl.agent.with(|a| a.availability.clone());
    let state_token = move || match availability() {
        Availability::Ready => "ready",
        Availability::Paused { .. } => "paused",
        Availability::NotInQueue => "not-in-queue",
        Availability::Unknown => "unknown",
    };
    let label = move || match availability() {
        Availability::Ready => ctl.t(Text::Ready).to_owned(),
        Availability::Paused { title, pause, .. } => {
            let reason = title
                .or(pause.map(|p| p.as_str().to_owned()))
                .unwrap_or_default();
            format!("{}: {reason}", ctl.t(Text::Paused))
        }
        Availability::NotInQueue => ctl.t(Text::NotInQueue).to_owned(),
        Availability::Unknown => ctl.t(Text::StateUnknown).to_owned(),
    };
    let elapsed = move || {
        let now = ctl.now.get();
        ctl.agent.with(|a| {
            a.pause_elapsed_s(now)
                .map(|s| (format_elapsed(s), a.is_over_max(now)))
        })
    };
    let paused = move || matches!(availability(), Availability::Paused { .. });
    let phone_offline = move || ctl.agent.with(|a| a.phone_online == Some(false));
    let on_pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if !value.is_empty() {
            ctl.pause(PauseName::new(value));
        }
    };
    view! {
        <div class="dcti-agent" data-state=state_token>
            <p class="dcti-availability">
                <span class="dcti-state-label">{label}</span>
                {move || elapsed().map(|(text, over)| view! {
                    <span class="dcti-elapsed" class:dcti-over=over>
                        " " {text}
                        {over.then(|| format!(" ({})", ctl.t(Text::OverAllowedTime)))}
                    </span>
                })}
            </p>
            <Show when=phone_offline>
                <p class="dcti-phone-offline" role="alert">{ctl.t(Text::PhoneOffline)}</p>
            </Show>
            <div class="dcti-actions">
                <Show when=paused>
                    <button type="button" class="dcti-primary" on:click=move |_| ctl.go_ready()
                        disabled=move || ctl.busy.get()>
                        {ctl.t(Text::BackToReady)}
                    </button>
                </Show>
                <select class="dcti-pause" aria-label=ctl.t(Text::PausePicker) on:change=on_pick
                    prop:value="">
                    <option value="">{ctl.t(Text::PausePicker)}</option>
                    {move || ctl.pauses.with(|p| pause_options(p)).into_iter().map(|p| view! {
                        <option value=p.name.as_str().to_owned()>{p.title}</option>
                    }).collect_view()}
                </select>
            </div>
        </div>
    }
}
