//! The panel's frame: header with the connection state, then what the agent needs now.

use leptos::prelude::*;

use super::agent_bar::AgentBar;
use super::alerts_setup::AlertsSetup;
use super::call_card::CallCards;
use super::dial_field::DialField;
use super::login_form::LoginForm;
use super::notice::NoticeLine;
use super::panel_controls::PanelControls;
use super::queue_list::QueueList;
use crate::app::Ctl;
use crate::state::ConnectionState;
use crate::state::i18n::Text;

/// The CTI panel as mounted into a CRM page.
#[component]
pub fn Panel(
    /// The controller whose state the panel shows.
    ctl: Ctl,
) -> impl IntoView {
    let connection = ctl.connection;
    let logged_in = move || ctl.me.with(Option::is_some);
    let pending = move || ctl.outbox_pending.get();
    // Minimised, the body hides, except while a call is up: a ringing or live call always shows.
    let hidden =
        move || ctl.prefs.with(|p| p.collapsed) && ctl.calls.with(|c| c.calls().is_empty());
    // A language change renders the panel again in the new language (rare, and simpler than
    // making every text reactive).
    move || {
        let lang = ctl.lang.get();
        view! {
            <section
                class="dcti-panel"
                role="region"
                lang=lang.code()
                data-ringing=move || ctl.ringing_sound.get().to_string()
                data-tab-role=move || if ctl.leader.get() { "leader" } else { "follower" }
                aria-label=ctl.t(Text::ProductName)
            >
                <header class="dcti-header">
                    <h1 class="dcti-title">"daktela-cti"</h1>
                    <p
                        class="dcti-connection"
                        role="status"
                        data-state=move || connection.get().token()
                    >
                        {move || connection.get().label(lang)}
                        {move || retry_text(ctl, lang)}
                    </p>
                    <PanelControls ctl />
                </header>
                <div class="dcti-body" id="dcti-body" hidden=hidden>
                    <NoticeLine ctl />
                    <Show when=logged_in fallback=move || view! { <LoginForm ctl /> }>
                        // Expired mid-day (D6): log in again here; the calls below stay.
                        <Show when=move || connection.get() == ConnectionState::LoginExpired>
                            <LoginForm ctl />
                        </Show>
                        <AgentBar ctl />
                        <AlertsSetup ctl />
                        <CallCards ctl />
                        <DialField ctl />
                        <QueueList ctl />
                        <button class="dcti-link" type="button" on:click=move |_| ctl.logout()>
                            {ctl.t(Text::LogOut)}
                        </button>
                    </Show>
                    <Show when=move || { pending() > 0 }>
                        <p class="dcti-outbox" role="status">
                            {move || ctl.outbox_text(pending())}
                        </p>
                    </Show>
                </div>
            </section>
        }
    }
}

/// " · next try in 4 s" while reconnecting, counting down with the panel's clock.
fn retry_text(ctl: Ctl, lang: crate::state::i18n::Lang) -> Option<String> {
    if ctl.connection.get() != ConnectionState::Reconnecting {
        return None;
    }
    let at = ctl.next_retry_ms.get()?;
    let seconds = at.saturating_sub(ctl.now.get()).div_ceil(1000);
    let text = crate::state::i18n::t(lang, Text::NextRetry);
    Some(format!(
        " · {}",
        crate::state::i18n::fill(text, "seconds", &seconds.to_string())
    ))
}
