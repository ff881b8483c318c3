//! The dial field, and the confirmation before dialling when the configuration asks for it.

use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::i18n::Text;

/// Type a number and call it through Daktela.
#[component]
pub fn DialField(
    /// The controller.
    ctl: Ctl,
) -> impl IntoView {
    let number = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctl.dial(&number.get_untracked());
    };
    view! {
        <form class="dcti-dial" on:submit=submit>
            <input
                name="number"
                type="tel"
                inputmode="tel"
                aria-label=ctl.t(Text::DialPlaceholder)
                placeholder=ctl.t(Text::DialPlaceholder)
                prop:value=number
                on:input=move |ev| number.set(event_target_value(&ev))
            />
            <button type="submit" class="dcti-primary" disabled=move || ctl.busy.get()>
                {ctl.t(Text::Call)}
            </button>
        </form>
        {move || ctl.pending_dial.get().map(|request| {
            let text = ctl.confirm_text(&request);
            let label = text.clone();
            view! {
                <div class="dcti-confirm" role="alertdialog" aria-label=label>
                    <p>{text}</p>
                    <button type="button" class="dcti-primary"
                        on:click=move |_| ctl.place_call(request.clone())>
                        {ctl.t(Text::Call)}
                    </button>
                    <button type="button" on:click=move |_| ctl.pending_dial.set(None)>
                        {ctl.t(Text::Cancel)}
                    </button>
                </div>
            }
        })}
    }
}
