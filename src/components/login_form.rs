//! Logging in to Daktela with a username and password.

use leptos::prelude::*;

use crate::app::Ctl;
use crate::state::ConnectionState;
use crate::state::i18n::Text;

/// The login form (the `password` login mode; with a configured token it only shows progress).
#[component]
pub fn LoginForm(
    /// The controller.
    ctl: Ctl,
) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        ctl.login(username.get_untracked(), password.get_untracked());
        password.set(String::new());
    };
    let connecting = move || ctl.connection.get() == ConnectionState::Connecting;
    view! {
        <form class="dcti-login" on:submit=submit>
            <label>
                <span>{ctl.t(Text::Username)}</span>
                <input
                    name="username"
                    autocomplete="username"
                    required
                    prop:value=username
                    on:input=move |ev| username.set(event_target_value(&ev))
                />
            </label>
            <label>
                <span>{ctl.t(Text::Password)}</span>
                <input
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    required
                    prop:value=password
                    on:input=move |ev| password.set(event_target_value(&ev))
                />
            </label>
            <button type="submit" class="dcti-primary" disabled=move || ctl.busy.get()>
                {move || if connecting() { ctl.t(Text::LoggingIn) } else { ctl.t(Text::LogIn) }}
            </button>
        </form>
    }
}
