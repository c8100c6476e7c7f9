//! [ssr] What every request handler and server function shares: the database pool, the
//! settings, and the in-process fan-out of queue changes heard from PostgreSQL.

use crate::domain::agency::Agency;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};
use tokio::sync::broadcast;

/// Settings fixed at start-up (the agency's own settings are in `AgencyCache`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where manage links point and who sends booking emails (its `agency` is replaced by
    /// the current settings in `AppState::mail`).
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
    /// The agency settings as this process last read them.
    pub agency: AgencyCache,
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

impl AppState {
    /// What composing an email needs, with the agency settings as they are now.
    pub fn mail(&self) -> crate::domain::mail::MailContext {
        crate::domain::mail::MailContext {
            agency: self.agency.current(),
            ..self.settings.mail.clone()
        }
    }
}

/// The agency settings held in memory, since every page shows some of them: read at
/// start-up, and again whenever any process announces a change (`db::agency`), so every
/// process shows a change within moments of its save.
#[derive(Clone, Default)]
pub struct AgencyCache(Arc<RwLock<Agency>>);

impl AgencyCache {
    pub fn new(agency: Agency) -> Self {
        AgencyCache(Arc::new(RwLock::new(agency)))
    }

    pub fn current(&self) -> Agency {
        self.0
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Reads the settings from the database again.
    pub async fn reload(&self, pool: &PgPool) -> Result<(), crate::db::Error> {
        let agency = crate::db::agency::load(pool).await?;
        *self
            .0
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = agency;
        Ok(())
    }
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
