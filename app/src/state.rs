//! [ssr] What every request handler and server function shares: the database pool, the
//! settings, and the in-process fan-out of queue changes heard from PostgreSQL.

use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// Settings that change what visitors are told or how long data is kept.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Days after which a visitor's name is erased; the kiosk's privacy notice says so.
    pub retention_days: u32,
    /// Where manage links point and who sends booking emails.
    pub mail: crate::domain::mail::MailContext,
    /// Served over https (the public URL says so): cookies are `Secure` (and the session
    /// cookie `__Host-`), and browsers are told to keep to https (HSTS).
    pub secure_cookies: bool,
}

/// Shared state, handed to server functions through Leptos context.
#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    pub leptos_options: LeptosOptions,
    pub settings: Settings,
    /// Center ids whose queue changed, as announced on PostgreSQL's queue channel.
    pub queue_changes: broadcast::Sender<String>,
    /// Staff ids whose sessions ended, as announced on PostgreSQL's sessions channel
    /// (`EVERY_SESSION` after the listener reconnected and may have missed some).
    pub session_ends: broadcast::Sender<i64>,
    /// Open live streams per staff session in this process.
    pub live_streams: LiveStreams,
    /// Rate limits of public writes, per client.
    pub limits: crate::limits::Limits,
    /// Bounded Argon2 hashing.
    pub hashing: crate::passwords::Hashing,
}

/// A `session_ends` message that means "check every session".
pub const EVERY_SESSION: i64 = -1;

/// Counts the live streams each session has open, to keep a stolen or looping session
/// from opening hundreds.
#[derive(Clone, Default)]
pub struct LiveStreams(Arc<Mutex<HashMap<String, usize>>>);

/// One open stream; dropping it (the screen closed) frees its place.
pub struct StreamTicket {
    streams: LiveStreams,
    session: String,
}

impl LiveStreams {
    /// A place for one more stream of `session`, unless it has `limit` open already.
    pub fn open(&self, session: &str, limit: usize) -> Option<StreamTicket> {
        let mut open = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        let count = open.entry(session.to_owned()).or_default();
        if *count >= limit {
            return None;
        }
        *count += 1;
        Some(StreamTicket {
            streams: self.clone(),
            session: session.to_owned(),
        })
    }
}

impl Drop for StreamTicket {
    fn drop(&mut self) {
        let mut open = self
            .streams
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(count) = open.get_mut(&self.session) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                open.remove(&self.session);
            }
        }
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}
