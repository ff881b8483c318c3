//! The latest message for the agent: problems as alerts (read out at once), information as status.

use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::i18n::Text;

/// Shows [`Ctl::notice`] with a dismiss button.
#[component]
pub fn NoticeLine(
    /// The controller.
    ctl: Ctl,
) -> impl IntoView {
    move || {
        ctl.notice.get().map(|notice| {
            let (class, role) = if notice.is_error {
                ("dcti-notice dcti-error", "alert")
            } else {
                ("dcti-notice", "status")
            };
            view! {
                <div class=class role=role>
                    <span class="dcti-notice-text">{notice.text}</span>
                    <button
                        type="button"
                        class="dcti-dismiss"
                        aria-label=ctl.t(Text::Dismiss)
                        on:click=move |_| ctl.notice.set(None)
                    >
                        "×"
                    </button>
                </div>
            }
        })
    }
}
