//! The router: Daktela's `/api/v6/...` routes, the `/__sim/...` control surface, and the
//! request-log, fault and CORS layers.

mod activities;
mod auth;
mod catalog;
mod control;
mod crm_records;
mod crm_sync;
mod pull;
mod session;

use crate::envelope::{ApiError, list};
use crate::query::ListQuery;
use crate::state::SimState;
use crate::{faults, reqlog};
use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode, header};
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{MethodRouter, get, post};
use serde_json::Value;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Registers `path.json` and `path`: the `.json` suffix is optional on a real instance.
fn both(router: Router<SimState>, path: &str, route: MethodRouter<SimState>) -> Router<SimState> {
    router
        .route(&format!("{path}.json"), route.clone())
        .route(path, route)
}

/// axum 0.8 cannot capture `{name}.json` inside one segment: the handler gets the whole
/// segment and strips the suffix here.
pub(crate) fn record_name(segment: &str) -> &str {
    segment.strip_suffix(".json").unwrap_or(segment)
}

/// Applies a list query to rendered rows and answers `{data, total}`.
pub(crate) fn list_response(rows: Vec<Value>, query: &Value) -> Result<Response, ApiError> {
    let (page, total) = ListQuery::parse(query)?.apply(rows);
    Ok(list(page, total))
}

fn api_routes() -> Router<SimState> {
    let mut r = Router::new();
    r = both(r, "/api/v6/login", post(auth::login).put(auth::refresh));
    r = both(r, "/api/v6/whoim", get(auth::whoim));
    r = both(
        r,
        "/api/v6/appPullData",
        get(pull::pull_data).post(pull::pull_data),
    );
    r = both(r, "/api/v6/pauses", get(catalog::pauses));
    r = r.route("/api/v6/pauses/{file}", get(catalog::pause));
    r = both(r, "/api/v6/queues", get(catalog::queues));
    r = r.route("/api/v6/queues/{file}", get(catalog::queue));
    r = both(r, "/api/v6/statuses", get(catalog::statuses));
    r = r.route("/api/v6/statuses/{file}", get(catalog::status));
    r = both(
        r,
        "/api/v6/contacts",
        get(catalog::contacts).post(crm_records::create_contact),
    );
    r = r.route(
        "/api/v6/contacts/{file}",
        get(catalog::contact)
            .put(crm_records::update_contact)
            .delete(crm_records::delete_contact),
    );
    r = both(
        r,
        "/api/v6/accounts",
        get(crm_records::accounts).post(crm_records::create_account),
    );
    r = r.route(
        "/api/v6/accounts/{file}",
        get(crm_records::account)
            .put(crm_records::update_account)
            .delete(crm_records::delete_account),
    );
    r = r.route("/custom/crm/sync.php", post(crm_sync::sync));
    r = both(r, "/api/v6/usersSession", post(session::users_session));
    r = both(
        r,
        "/api/v6/realtimeSessions",
        get(session::realtime_sessions),
    );
    r = r.route(
        "/api/v6/realtimeSessions/{file}",
        get(session::realtime_session),
    );
    r = both(
        r,
        "/api/v6/activities",
        get(activities::list).post(activities::create),
    );
    r = r.route(
        "/api/v6/activities/{file}",
        get(activities::one).put(activities::update),
    );
    r = both(r, "/api/v6/activitiesCall", get(activities::calls));
    r.route(
        "/api/v6/activitiesCall/{file}",
        get(activities::call).put(activities::link_call),
    )
}

fn cors(origins: &[String]) -> Option<CorsLayer> {
    let allowed: Vec<HeaderValue> = origins
        .iter()
        .filter_map(|o| match HeaderValue::from_str(o.trim_end_matches('/')) {
            Ok(v) => Some(v),
            Err(_) => {
                tracing::warn!(origin = %o, "ignoring an origin that is not a valid header value");
                None
            }
        })
        .collect();
    if allowed.is_empty() {
        return None;
    }
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(allowed))
            .allow_methods([Method::GET, Method::POST, Method::PUT, Method::DELETE])
            .allow_headers([
                HeaderName::from_static("x-auth-token"),
                header::CONTENT_TYPE,
            ])
            .expose_headers([header::RETRY_AFTER]),
    )
}

/// The whole simulator as a router. Nestable under a prefix (`Router::nest("/daktela", ..)`):
/// it never emits absolute URLs.
pub fn app(state: SimState) -> Router {
    let router = api_routes()
        .merge(control::routes())
        .fallback(|| async { StatusCode::NOT_FOUND })
        .layer(from_fn_with_state(state.clone(), faults::apply_faults))
        .layer(from_fn_with_state(state.clone(), reqlog::log_requests));
    let router = match cors(&state.config().cors_origins) {
        Some(layer) => router.layer(layer),
        None => router,
    };
    router.with_state(state)
}
