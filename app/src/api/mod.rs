//! Server functions: public HTTP endpoints under `/api`. Each is thin: get the state, check
//! who may call, parse the input with the domain types, call `db`, map errors. Internal
//! causes are logged once here and never shown to the caller.

pub mod accommodations;
pub mod accounts;
pub mod appointments;
pub mod auth;
pub mod availability;
pub mod booking;
pub mod calendar;
pub mod centers;
pub mod check_in;
pub mod closures;
pub mod kiosks;
pub mod queue;
pub mod reports;
pub mod staff_workshops;
pub mod workshops;

#[cfg(feature = "ssr")]
pub(crate) fn state() -> Result<crate::state::AppState, leptos::prelude::ServerFnError> {
    leptos::prelude::use_context::<crate::state::AppState>()
        .ok_or_else(|| leptos::prelude::ServerFnError::new("server state missing"))
}

/// Logs an internal failure and returns an error that says nothing about it.
#[cfg(feature = "ssr")]
pub(crate) fn unavailable(error: impl std::fmt::Display) -> leptos::prelude::ServerFnError {
    tracing::error!(error = %error, "request failed");
    leptos::prelude::ServerFnError::new("unavailable")
}

/// The paired kiosk tablet the request comes from (put there by the kiosk gate), or a 403.
#[cfg(feature = "ssr")]
pub(crate) fn kiosk_device(
) -> Result<crate::db::kiosk_devices::KioskDevice, leptos::prelude::ServerFnError> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<crate::db::kiosk_devices::KioskDevice>()
                .cloned()
        })
        .ok_or_else(|| refuse(axum::http::StatusCode::FORBIDDEN, "not a kiosk"))
}

/// An error answered with `status`.
#[cfg(feature = "ssr")]
pub(crate) fn refuse(
    status: axum::http::StatusCode,
    message: &str,
) -> leptos::prelude::ServerFnError {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(status);
    }
    leptos::prelude::ServerFnError::new(message)
}

/// A 429 with `Retry-After` for a rate-limited call.
#[cfg(feature = "ssr")]
pub(crate) fn too_many(wait: std::time::Duration) -> leptos::prelude::ServerFnError {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(value) = axum::http::HeaderValue::from_str(&wait.as_secs().max(1).to_string()) {
            response.insert_header(axum::http::header::RETRY_AFTER, value);
        }
    }
    refuse(
        axum::http::StatusCode::TOO_MANY_REQUESTS,
        "too many requests",
    )
}
