//! The HTTP router: Leptos pages and server functions, the live queue stream, health
//! checks, and the rules every request and response follows: security headers and a
//! nonce per response, no cross-site writes, no caching of personal pages, hashed site
//! files cached for good, compression (brotli or gzip, never of a live stream), staff
//! pages only with a session, bounded bodies and (but for live streams) bounded time.

use crate::client_address::{client_address, TrustedProxies};
use crate::security::{
    content_security_policy, refuse_cross_site, refuse_odd_paths, static_headers, SameSite,
};
use crate::site_files::{cache_site_files, HashedNames};
use app::app::{shell, App};
use app::security::provide_request_nonce;
use app::state::AppState;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

/// The largest request body any form or server function takes. Forms here are a few
/// hundred bytes; this keeps a stranger from making the server buffer megabytes.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

/// How long a request (but for a live stream) may take before it is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Builds the whole application for `state`.
pub fn build(state: AppState, trusted_proxies: TrustedProxies) -> Router {
    let secure = state.settings.secure_cookies;
    let site = SameSite {
        public_origin: Some(origin_of(&state.settings.mail.public_url)),
    };
    // Live streams stay open for as long as the screen does: no request timeout.
    let streams = Router::new()
        .route("/staff/queue/events", get(crate::live::queue_events))
        .route("/staff/calendar/events", get(crate::live::calendar_events))
        .route(
            "/t/{token}/events",
            get(crate::follow_stream::follow_events),
        )
        .route(
            "/display/{center}/events",
            get(crate::display_stream::display_events),
        );
    let mut app = pages_and_forms(state.clone())
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            REQUEST_TIMEOUT,
        ))
        .merge(streams)
        .layer(DefaultBodyLimit::max(BODY_LIMIT_BYTES))
        // Server functions read their bodies themselves: this bounds them too.
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT_BYTES))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            require_staff_session,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            app::kiosk_gate::kiosk_gate,
        ))
        .layer(middleware::from_fn(no_store_for_personal_pages))
        .layer(middleware::from_fn_with_state(site, refuse_cross_site))
        .layer(middleware::from_fn_with_state(
            trusted_proxies,
            client_address,
        ))
        .layer(middleware::from_fn(content_security_policy))
        .layer(middleware::from_fn(refuse_odd_paths));
    for layer in static_headers(secure) {
        app = app.layer(layer);
    }
    let hashed = HashedNames(state.leptos_options.hash_files);
    // Outermost: what travels is compressed, pages, JSON and files alike. Server-sent
    // events are left as they are (the default predicate), so each one leaves at once,
    // and so are files precompressed at build time (they carry their encoding).
    app.layer(middleware::from_fn_with_state(hashed, cache_site_files))
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Every route but the live streams.
fn pages_and_forms(state: AppState) -> Router<AppState> {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let fallback_state = state.clone();
    let shell_options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/staff", get(|| async { Redirect::to("/staff/queue") }))
        .route("/staff/login", post(app::forms::sign_in::sign_in))
        .route("/staff/sign-out", post(app::forms::sign_in::sign_out))
        .route("/staff/queue/act", post(app::forms::queue::act))
        .route("/staff/queue/transfer", post(app::forms::queue::transfer))
        .route("/staff/queue/call-next", post(app::forms::queue::call_next))
        .route(
            "/staff/queue/offer-slot",
            post(app::forms::queue::offer_slot),
        )
        .route("/staff/queue/desk", post(app::forms::queue::choose_desk))
        .route(
            "/staff/accommodations/update",
            post(app::forms::accommodations::update),
        )
        .route(
            "/staff/calendar/{id}/update",
            post(app::forms::calendar::update),
        )
        .route(
            "/staff/workshops/{id}/attendance",
            post(app::forms::staff_sessions::mark_attendance),
        )
        .route("/book/details", post(app::forms::booking::submit_details))
        .route("/book/waitlist", post(app::forms::waitlist::join_waitlist))
        .route(
            "/book/waitlist/{token}/confirm",
            post(app::forms::waitlist::confirm_entry),
        )
        .route(
            "/book/waitlist/{token}/leave",
            post(app::forms::waitlist::leave_waitlist),
        )
        .route(
            "/book/hold/{token}/claim",
            post(app::forms::waitlist::claim_hold),
        )
        .route(
            "/book/hold/{token}/decline",
            post(app::forms::waitlist::decline_hold),
        )
        .route("/t/{token}/leave", post(app::forms::follow::leave))
        .route(
            "/t/{token}/feedback",
            post(app::forms::feedback::from_phone),
        )
        .route(
            "/book/manage/{token}/cancel",
            post(app::forms::booking::cancel_booking),
        )
        .route(
            "/book/manage/{token}/erase",
            post(app::forms::erasure::erase_booking),
        )
        .route(
            "/book/manage/{token}/reschedule",
            post(app::forms::booking::reschedule_booking),
        )
        .route(
            "/book/manage/{token}/calendar.ics",
            get(app::forms::booking::calendar_file),
        )
        .route(
            "/kiosk/{center}/appointment",
            post(app::forms::arrival::kiosk_arrival),
        )
        .route(
            "/kiosk/{center}/check-in",
            post(app::forms::check_in::wizard_step),
        )
        .route(
            "/kiosk/{center}/feedback",
            post(app::forms::feedback::at_kiosk),
        )
        .route(
            "/kiosk/{center}/in-use",
            post(app::forms::kiosk_in_use::still_in_use),
        )
        .route(
            "/kiosk/{center}/workshops/{id}",
            post(app::forms::workshops::kiosk_enrol),
        )
        .route(
            "/workshops/enrol/{id}",
            post(app::forms::workshops::submit_enrolment),
        )
        .route(
            "/workshops/manage/{token}/cancel",
            post(app::forms::workshops::cancel),
        )
        .route(
            "/workshops/manage/{token}/erase",
            post(app::forms::erasure::erase_enrolment),
        )
        .route(
            "/workshops/manage/{token}/calendar.ics",
            get(app::forms::workshops::calendar_file),
        )
        .route(
            "/staff/workshops/new",
            post(app::forms::staff_sessions::create_session),
        )
        .route(
            "/staff/workshops/{id}/edit",
            post(app::forms::staff_sessions::edit_session),
        )
        .route(
            "/staff/workshops/{id}/cancel",
            post(app::forms::staff_sessions::cancel_session),
        )
        .route(
            "/staff/workshops/{id}/move",
            post(app::forms::staff_sessions::move_person),
        )
        .route(
            "/staff/workshops/{id}/capacity",
            post(app::forms::staff_sessions::change_capacity),
        )
        .route("/staff/reports.csv", get(app::forms::reports::visits_csv))
        .route(
            "/staff/feedback.csv",
            get(app::forms::reports::feedback_csv),
        )
        .route("/staff/audit.csv", get(app::forms::audit::audit_csv))
        .route("/staff/accounts", post(app::forms::accounts::invite))
        .route(
            "/staff/password/{token}",
            post(app::forms::password::set_password),
        )
        .route(
            "/staff/accounts/{id}/reset",
            post(app::forms::accounts::reset),
        )
        .route(
            "/staff/accounts/{id}/state",
            post(app::forms::accounts::set_state),
        )
        .route("/staff/availability", post(app::forms::availability::save))
        .route(
            "/staff/availability/{center}/meeting-link",
            post(app::forms::meeting_links::center),
        )
        .route(
            "/staff/calendar/{id}/meeting-link",
            post(app::forms::meeting_links::appointment),
        )
        .route(
            "/staff/meeting-links/staff",
            post(app::forms::meeting_links::staff),
        )
        .route("/kiosk/pair", post(app::forms::kiosk_pairing::pair))
        .route(
            "/staff/kiosks",
            post(app::forms::kiosk_pairing::create_code),
        )
        .route(
            "/staff/kiosks/{id}/revoke",
            post(app::forms::kiosk_pairing::revoke),
        )
        .route("/staff/agency", post(app::forms::agency_settings::save))
        .route("/staff/reasons", post(app::forms::reason_setup::create))
        .route(
            "/staff/reasons/{code}/edit",
            post(app::forms::reason_setup::edit),
        )
        .route(
            "/staff/reasons/{code}/{action}",
            post(app::forms::reason_setup::act),
        )
        .route("/staff/services", post(app::forms::service_setup::create))
        .route(
            "/staff/services/{code}/edit",
            post(app::forms::service_setup::edit),
        )
        .route(
            "/staff/services/{code}/{action}",
            post(app::forms::service_setup::act),
        )
        .route("/staff/centers", post(app::forms::center_setup::create))
        .route(
            "/staff/centers/{id}/edit",
            post(app::forms::center_setup::edit),
        )
        .route(
            "/staff/centers/{id}/retire",
            post(app::forms::center_setup::retire),
        )
        .route(
            "/staff/centers/{id}/restore",
            post(app::forms::center_setup::restore),
        )
        .route("/staff/closures", post(app::forms::closures::close))
        .route(
            "/staff/closures/agency",
            post(app::forms::agency_closures::close_day),
        )
        .route(
            "/staff/closures/import",
            post(app::forms::agency_closures::import_preview),
        )
        .route(
            "/staff/closures/import/confirm",
            post(app::forms::agency_closures::import_confirm),
        )
        .route("/staff/closures/reopen", post(app::forms::closures::reopen))
        .merge(app::partner_api::routes(state.clone()).layer(open_reads()))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(context_state.clone());
                provide_request_nonce();
            },
            move || shell(shell_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(
            move || {
                // The not-found page names the agency.
                provide_context(fallback_state.clone());
                provide_request_nonce();
            },
            shell,
        ))
}

/// CORS for the partners' read API: any site's page may read it (nothing in it is
/// anyone's, and no cookie is sent or needed), poll it with `If-None-Match` and see the
/// `ETag` and `Retry-After` it answers with.
fn open_reads() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH])
        .expose_headers([header::ETAG, header::RETRY_AFTER])
        .max_age(Duration::from_secs(24 * 60 * 60))
}

/// `scheme://host[:port]` of a URL, as browsers send it in `Origin`.
fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split('/').next().unwrap_or_default();
            format!("{scheme}://{host}")
        }
        None => url.to_owned(),
    }
}

async fn ready(State(state): State<AppState>) -> StatusCode {
    match sqlx::query("select 1").execute(&state.pool).await {
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// Whether `path` is in an area of personal pages: the area itself or below it, never a
/// file beside it (`/booking.css` is the site's, `/book/…` a visitor's). The partners'
/// API holds nobody's data and says itself how long its answers keep.
fn is_personal(path: &str) -> bool {
    let within = |area: &str| {
        path.strip_prefix(area)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    if within("/api/v1") {
        return false;
    }
    [
        "/kiosk",
        "/staff",
        "/api",
        "/book",
        "/workshops",
        "/t",
        "/display",
    ]
    .into_iter()
    .any(within)
}

/// Kiosk and staff pages, booking and workshop pages and all server function answers can
/// hold a visitor's answers or a form's key: `no-store` keeps them out of every cache, so
/// Back after a kiosk reset, or on a library's shared computer, cannot show them again.
async fn no_store_for_personal_pages(request: Request, next: Next) -> Response {
    let personal = is_personal(request.uri().path());
    let mut response = next.run(request).await;
    // A page without `?lang=` is in the browser's language: a shared cache must keep
    // one copy per Accept-Language.
    response
        .headers_mut()
        .append(header::VARY, HeaderValue::from_static("accept-language"));
    if personal {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Staff pages and the live stream need a signed-in session; without one, pages go to the
/// sign-in form and everything else gets 401. (Staff server functions under `/api/staff`
/// check the session themselves.)
async fn require_staff_session(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    // The sign-in form, and the emailed password links of people not signed in yet.
    if !path.starts_with("/staff") || path == "/staff/login" || path.starts_with("/staff/password/")
    {
        return next.run(request).await;
    }
    match app::api::auth::current_staff(&state, request.headers()).await {
        Ok(Some(_)) => next.run(request).await,
        Ok(None) if path.ends_with("/events") => StatusCode::UNAUTHORIZED.into_response(),
        Ok(None) => Redirect::to("/staff/login").into_response(),
        Err(error) => {
            tracing::error!(error = %error, "session check failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_personal;

    #[test]
    fn personal_areas_are_whole_path_segments() {
        for path in [
            "/book",
            "/book/times",
            "/kiosk/tigard",
            "/t/abc",
            "/staff",
            "/display/tigard",
        ] {
            assert!(is_personal(path), "{path}");
        }
        // The site's own style sheets beside them are not anyone's, nor the partners' API.
        for path in [
            "/api/v1",
            "/api/v1/free-times",
            "/booking.css",
            "/display.css",
            "/workspace.css",
            "/",
            "/tigard",
        ] {
            assert!(!is_personal(path), "{path}");
        }
    }
}
