//! [ssr] What every request handler and server function shares: the database pool, the
//! settings, and the in-process fan-out of queue changes heard from PostgreSQL.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use tokio::sync::broadcast;

/// Settings that change what visitors are told or how long data is kept.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Days after which a visitor's name is erased; the kiosk's privacy notice says so.
    pub retention_days: u32,
    /// Where manage links point and who sends booking emails.
    pub mail: crate::db::outbox::MailContext,
}

/// Shared state, handed to server functions through Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub leptos_options: LeptosOptions,
    pub settings: Settings,
    /// Center ids whose queue changed, as announced on PostgreSQL's queue channel.
    pub queue_changes: broadcast::Sender<String>,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
