//! The queues the agent can see, each with a login toggle.

use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::i18n::Text;

/// One checkbox per queue: checked = logged in. Outbound queues carry a badge.
#[component]
pub fn QueueList(
    /// The controller.
    ctl: Ctl,
) -> impl IntoView {
    view! {
        <fieldset class="dcti-queues">
            <legend>{ctl.t(Text::QueuesHeading)}</legend>
            {move || ctl.agent.with(|a| a.queues.clone()).into_iter().map(|q| {
                let name = q.name.clone();
                view! {
                    <label class="dcti-queue" data-queue=q.name.as_str().to_owned()>
                        <input
                            type="checkbox"
                            prop:checked=q.logged_in
                            on:change=move |ev| ctl.set_queue(name.clone(), event_target_checked(&ev))
                        />
                        <span>{q.title}</span>
                        {q.outbound.then(|| view! {
                            <span class="dcti-badge">{ctl.t(Text::OutboundBadge)}</span>
                        })}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}
