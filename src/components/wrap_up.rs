//! After a call: the disposition (the instance's statuses) and a note, saved to Daktela and the
//! CRM through the outbox.

use daktela_api::models::{ActivityName, StatusName};
use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::i18n::Text;

/// The wrap-up form of one ended call.
#[component]
pub fn WrapUp(
    /// The controller.
    ctl: Ctl,
    /// The call's activity.
    activity: ActivityName,
) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let statuses: Vec<StatusName> = Some(status.get_untracked())
            .filter(|s| !s.is_empty())
            .map(StatusName::new)
            .into_iter()
            .collect();
        ctl.save_wrap_up(activity.clone(), statuses, note.get_untracked());
    };
    view! {
        <form class="dcti-wrap-up" on:submit=submit>
            <p class="dcti-ended">{ctl.t(Text::CallEnded)}</p>
            <label>
                <span>{ctl.t(Text::Disposition)}</span>
                <select name="disposition" on:change=move |ev| status.set(event_target_value(&ev))>
                    <option value="">{ctl.t(Text::ChooseDisposition)}</option>
                    {move || ctl.statuses.get().into_iter().filter_map(|s| {
                        let name = s.name?.as_str().to_owned();
                        let title = s.title.unwrap_or_else(|| name.clone());
                        Some(view! { <option value=name>{title}</option> })
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{ctl.t(Text::Note)}</span>
                <textarea name="note" rows="3"
                    prop:value=note
                    on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </label>
            <button type="submit" class="dcti-primary">{ctl.t(Text::Save)}</button>
        </form>
    }
}
