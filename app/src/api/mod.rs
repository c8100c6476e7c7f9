//! Server functions: public HTTP endpoints under `/api`, for reads and the kiosk's
//! check-in island (every other write is a form post, see `forms`). Each is thin: get the
//! state, check who may call, parse the input with the domain types, call `db` or
//! `services`, and answer an `AppError` when it fails (its cause logged once, never shown
//! to the caller).

pub mod accommodations;
pub mod accounts;
pub mod agency_settings;
pub mod appointments;
pub mod auth;
pub mod availability;
pub mod booking;
pub mod calendar;
pub mod center_setup;
pub mod centers;
pub mod check_in;
pub mod closures;
pub mod display;
pub mod follow;
pub mod kiosks;
pub mod privacy;
pub mod queue;
pub mod reason_setup;
pub mod reports;
pub mod service_setup;
#[cfg(feature = "ssr")]
mod staff_center;
pub mod staff_workshops;
pub mod waitlist;
pub mod workshops;

#[cfg(feature = "ssr")]
use crate::error::AppError;

#[cfg(feature = "ssr")]
pub(crate) fn state() -> Result<crate::state::AppState, AppError> {
    leptos::prelude::use_context::<crate::state::AppState>()
        .ok_or_else(|| AppError::unavailable("server state missing").answered())
}

/// The agency settings every page shows some of (its names, the Language Access Line), as
/// this server process holds them; the defaults where no server state is at hand.
pub fn agency() -> crate::domain::agency::Agency {
    #[cfg(feature = "ssr")]
    if let Some(state) = leptos::prelude::use_context::<crate::state::AppState>() {
        return state.agency.current();
    }
    crate::domain::agency::Agency::default()
}

/// Logs an internal failure and returns an error that says nothing about it.
#[cfg(feature = "ssr")]
pub(crate) fn unavailable(error: impl std::fmt::Display) -> AppError {
    AppError::unavailable(error).answered()
}

/// The paired kiosk tablet the request comes from (put there by the kiosk gate), or a 403.
#[cfg(feature = "ssr")]
pub(crate) fn kiosk_device() -> Result<crate::db::kiosk_devices::KioskDevice, AppError> {
    leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<crate::db::kiosk_devices::KioskDevice>()
                .cloned()
        })
        .ok_or_else(|| AppError::Forbidden.answered())
}

/// A 429 with `Retry-After` for a rate-limited call.
#[cfg(feature = "ssr")]
pub(crate) fn too_many(wait: std::time::Duration) -> AppError {
    AppError::TooManyRequests {
        retry_after_seconds: wait.as_secs().max(1),
    }
    .answered()
}
