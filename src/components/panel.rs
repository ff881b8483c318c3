//! The panel's outer frame: its name and the connection state.

use leptos::prelude::*;

use crate::state::ConnectionState;

/// The CTI panel as mounted into a CRM page.
///
/// For now it shows the product name and where it stands with Daktela; the agent's features
/// (log in, state, click to call, screen pop) are added inside this frame.
#[component]
pub fn Panel(
    /// The connection state to show; the panel starts [`ConnectionState::NotConnected`].
    #[prop(into)]
    connection: Signal<ConnectionState>,
) -> impl IntoView {
    view! {
        <section class="dcti-panel" role="region" aria-label="Daktela CTI">
            <header class="dcti-header">
                <h1 class="dcti-title">"daktela-cti"</h1>
                <p
                    class="dcti-connection"
                    role="status"
                    data-state=move || connection.get().token()
                >
                    {move || connection.get().label()}
                </p>
            </header>
        </section>
    }
}
