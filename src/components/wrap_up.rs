//! After a call: the disposition (the instance's statuses) and a note, saved to Daktela and the
//! CRM through the outbox.

use daktela_api::models::{ActivityName, StatusName};
use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::i18n::Text;
use crate::state::wrap_up::Draft;

/// The wrap-up form of one ended call.
#[component]
pub fn WrapUp(
    /// The controller.
    ctl: Ctl,
    /// The call's activity.
    activity: ActivityName,
) -> impl IntoView {
    // The draft lives in the controller: this form may be rebuilt while the agent types.
    let draft = {
        let activity = activity.clone();
        Memo::new(move |_| ctl.drafts.with(|d| d.get(&activity)))
    };
    let on_status = {
        let activity = activity.clone();
        move |ev| {
            let value = event_target_value(&ev);
            ctl.edit_draft(&activity, |d| d.status = value);
        }
    };
    let on_note = {
        let activity = activity.clone();
        move |ev| {
            let value = event_target_value(&ev);
            ctl.edit_draft(&activity, |d| d.note = value);
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Draft { status, note } = draft.get_untracked();
        let statuses: Vec<StatusName> = Some(status)
            .filter(|s| !s.is_empty())
            .map(StatusName::new)
            .into_iter()
            .collect();
        ctl.save_wrap_up(activity.clone(), statuses, note);
    };
    view! {
        <form class="dcti-wrap-up" on:submit=submit>
            <p class="dcti-ended">{ctl.t(Text::CallEnded)}</p>
            <label>
                <span>{ctl.t(Text::Disposition)}</span>
                <select name="disposition" on:change=on_status>
                    <option value="">{ctl.t(Text::ChooseDisposition)}</option>
                    // Read once: the form lives for one call, and a tracked read of a list that
                    // never changes would keep every form's effect alive (see `CallCards`).
                    {ctl.statuses.get_untracked().into_iter().filter_map(|s| {
                        let name = s.name?.as_str().to_owned();
                        let title = s.title.unwrap_or_else(|| name.clone());
                        // Selected from the draft, so rebuilt options keep the agent's choice.
                        let chosen = name.clone();
                        let selected = move || draft.with(|d| d.status == chosen);
                        Some(view! { <option value=name prop:selected=selected>{title}</option> })
                    }).collect_view()}
                </select>
            </label>
            <label>
                <span>{ctl.t(Text::Note)}</span>
                <textarea name="note" rows="3"
                    prop:value=move || draft.with(|d| d.note.clone())
                    on:input=on_note></textarea>
            </label>
            <button type="submit" class="dcti-primary">{ctl.t(Text::Save)}</button>
        </form>
    }
}
