//! The header's controls: language, move to another corner, minimise. Each is a native control
//! with an accessible name, so the keyboard and screen readers work without extra code.

use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::i18n::{Lang, Text};

/// Language picker, move and minimise buttons.
#[component]
pub fn PanelControls(
    /// The controller whose preferences these change.
    ctl: Ctl,
) -> impl IntoView {
    let collapsed = move || ctl.prefs.with(|p| p.collapsed);
    let lang = ctl.lang.get_untracked();
    view! {
        <div class="dcti-controls">
            <select
                class="dcti-lang"
                aria-label=ctl.t(Text::Language)
                on:change=move |ev| {
                    if let Some(lang) = Lang::from_code(&event_target_value(&ev)) {
                        ctl.set_lang(lang);
                    }
                }
            >
                <option value="en" selected=lang == Lang::En>
                    {ctl.t(Text::LanguageEnglish)}
                </option>
                <option value="cs" selected=lang == Lang::Cs>
                    {ctl.t(Text::LanguageCzech)}
                </option>
            </select>
            <button
                type="button"
                class="dcti-move"
                aria-label=ctl.t(Text::MovePanel)
                title=ctl.t(Text::MovePanel)
                on:click=move |_| ctl.move_panel()
            >
                "⇲"
            </button>
            <button
                type="button"
                class="dcti-collapse"
                aria-controls="dcti-body"
                aria-expanded=move || (!collapsed()).to_string()
                aria-label=move || ctl.t(if collapsed() { Text::ExpandPanel } else { Text::CollapsePanel })
                title=move || ctl.t(if collapsed() { Text::ExpandPanel } else { Text::CollapsePanel })
                on:click=move |_| ctl.toggle_collapsed()
            >
                {move || if collapsed() { "+" } else { "–" }}
            </button>
        </div>
    }
}
