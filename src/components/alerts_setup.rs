//! The explicit step browsers require before a ring sound or a desktop notification: shown
//! only when the configuration asks for them and they are not enabled yet.

use leptos::prelude::*;

use crate::app::Ctl;
use crate::browser::alerts::Permission;
use crate::state::i18n::Text;

/// "Enable ring sound" / "Enable notifications" buttons, or why notifications cannot be shown.
#[component]
pub fn AlertsSetup(
    /// The controller.
    ctl: Ctl,
) -> impl IntoView {
    let (sound, notifications) = ctl.wants_alerts();
    let need_sound = move || sound && !ctl.sound_on.get();
    let ask = move || notifications && ctl.notify_permission.get() == Permission::Ask;
    let denied = move || notifications && ctl.notify_permission.get() == Permission::Denied;
    view! {
        <Show when=move || need_sound() || ask() || denied()>
            <div class="dcti-alerts">
                <Show when=need_sound>
                    <button
                        type="button"
                        class="dcti-enable-sound"
                        on:click=move |_| ctl.enable_ring_sound()
                    >
                        {ctl.t(Text::EnableRingSound)}
                    </button>
                </Show>
                <Show when=ask>
                    <button
                        type="button"
                        class="dcti-enable-notifications"
                        on:click=move |_| ctl.enable_notifications()
                    >
                        {ctl.t(Text::EnableNotifications)}
                    </button>
                </Show>
                <Show when=denied>
                    <p class="dcti-hint">{ctl.t(Text::NotificationsBlocked)}</p>
                </Show>
            </div>
        </Show>
    }
}
