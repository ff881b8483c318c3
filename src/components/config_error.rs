//! What the panel shows instead of itself when its configuration is wrong.

use leptos::prelude::*;

/// The configuration problem, naming the field, for the integrator (also in the console).
#[component]
pub fn ConfigErrorPanel(
    /// The full message, e.g. "Configuration error in screen_pop.when: …".
    message: String,
) -> impl IntoView {
    view! {
        <section class="dcti-panel" role="region" aria-label="Daktela CTI">
            <header class="dcti-header">
                <h1 class="dcti-title">"daktela-cti"</h1>
                <p class="dcti-connection" role="status" data-state="config-error">"!"</p>
            </header>
            <div class="dcti-body">
                <p class="dcti-notice dcti-error" role="alert">{message}</p>
            </div>
        </section>
    }
}
