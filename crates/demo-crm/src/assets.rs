//! The CRM's own static files, compiled in so the binary runs from any directory.

use axum::http::header;
use axum::response::IntoResponse;

/// `GET /demo-controls.js`: the demo toolbar's script.
pub async fn demo_controls() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../assets/demo-controls.js"),
    )
}

/// `GET /crm.css`: the CRM's stylesheet.
pub async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../assets/crm.css"),
    )
}
