//! The HTTP router: Leptos pages and server functions, the live queue stream, health
//! checks, and the two rules every response follows (no caching of personal pages; staff
//! pages only with a session).

use app::app::{shell, App};
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Router;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};

/// Builds the whole application for `state`.
pub fn build(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let shell_options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(ready))
        .route("/staff", get(|| async { Redirect::to("/staff/queue") }))
        .route("/staff/queue/events", get(crate::live::queue_events))
        .route("/staff/calendar/events", get(crate::live::calendar_events))
        .route("/book/details", post(app::forms::booking::submit_details))
        .route(
            "/book/manage/{token}/cancel",
            post(app::forms::booking::cancel_booking),
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
        .route("/staff/reports.csv", get(app::forms::reports::visits_csv))
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
        .route("/staff/closures", post(app::forms::closures::close))
        .route("/staff/closures/reopen", post(app::forms::closures::reopen))
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(shell_options.clone()),
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            require_staff_session,
        ))
        .layer(middleware::from_fn(no_store_for_personal_pages))
        .with_state(state)
}

async fn ready(State(state): State<AppState>) -> StatusCode {
    match sqlx::query("select 1").execute(&state.pool).await {
        Ok(_) => StatusCode::OK,
        Err(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

/// Kiosk and staff pages and all server function answers can hold a visitor's answers:
/// `no-store` keeps them out of every cache, so Back after a kiosk reset cannot show them.
async fn no_store_for_personal_pages(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let personal = ["/kiosk", "/staff", "/api", "/book", "/workshops/manage"]
        .iter()
        .any(|prefix| path.starts_with(prefix));
    let mut response = next.run(request).await;
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
    match app::api::auth::current_staff(&state.pool, request.headers()).await {
        Ok(Some(_)) => next.run(request).await,
        Ok(None) if path.ends_with("/events") => StatusCode::UNAUTHORIZED.into_response(),
        Ok(None) => Redirect::to("/staff/login").into_response(),
        Err(error) => {
            tracing::error!(error = %error, "session check failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}
