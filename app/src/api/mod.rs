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
