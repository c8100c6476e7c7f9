//! How the server connects to PostgreSQL: a bounded pool whose requests give up rather
//! than wait for ever, and statements that cannot run away with a connection.

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// Connections per server process. Several processes share one database; PostgreSQL's
/// default of 100 connections leaves room for four of them and the tools.
pub const MAX_CONNECTIONS: u32 = 20;
/// A request that cannot get a connection in this time is answered 503 instead of
/// queueing behind a flood.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// No statement of ours takes a second; one that takes this long is cancelled.
pub const STATEMENT_TIMEOUT: &str = "15s";

/// A connection idle longer than this is pinged before it is handed out, so one that died
/// with the database (a restart, a failover) is replaced before a request can fail on it.
/// One in steady use is not: sqlx's default pings on every acquire, and under the kiosk
/// welcome screen's load that ping was 15% of the server's CPU (`perf`, issue 16), a
/// round trip before each query.
pub const PING_AFTER_IDLE: Duration = Duration::from_secs(1);
/// For this long after the process found the database gone (`note_database_lost`), every
/// connection opened before that is pinged too: the busy ones died with the others.
pub const PING_OLDER_AFTER_LOSS: Duration = Duration::from_secs(60);

/// When this process last found the database gone, in ms since `STARTED` (0: never).
static LOST_AT_MS: AtomicU64 = AtomicU64::new(0);
static STARTED: LazyLock<Instant> = LazyLock::new(Instant::now);

fn ms_since_start() -> u64 {
    u64::try_from(STARTED.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// Says that the database connection was lost (the notification listener's dropped):
/// connections older than now are pinged before use for a while.
pub fn note_database_lost() {
    LOST_AT_MS.store(ms_since_start().max(1), Ordering::Relaxed);
}

/// Whether a connection `age` old and idle for `idle_for` is pinged before it is used.
fn needs_ping(age: Duration, idle_for: Duration, now_ms: u64, lost_at_ms: u64) -> bool {
    let since_loss = Duration::from_millis(now_ms.saturating_sub(lost_at_ms));
    let from_before_loss = lost_at_ms > 0 && since_loss < PING_OLDER_AFTER_LOSS && age > since_loss;
    idle_for > PING_AFTER_IDLE || from_before_loss
}

pub fn pool_options() -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .test_before_acquire(false)
        .before_acquire(|conn, meta| {
            Box::pin(async move {
                let lost_at = LOST_AT_MS.load(Ordering::Relaxed);
                if needs_ping(meta.age, meta.idle_for, ms_since_start(), lost_at) {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

/// `options` with PostgreSQL's `statement_timeout` set for every connection.
pub fn with_statement_timeout(options: PgConnectOptions) -> PgConnectOptions {
    options.options([("statement_timeout", STATEMENT_TIMEOUT)])
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: u64 = 1000;

    #[test]
    fn a_connection_in_steady_use_is_not_pinged() {
        let busy = Duration::from_millis(3);
        assert!(!needs_ping(Duration::from_secs(600), busy, 700 * S, 0));
        assert!(needs_ping(
            Duration::from_secs(600),
            Duration::from_secs(2),
            700 * S,
            0
        ));
    }

    #[test]
    fn after_a_loss_the_older_connections_are_pinged_for_a_while() {
        let busy = Duration::from_millis(3);
        let lost_at = 100 * S;
        // Opened before the loss: pinged, even in steady use, for a minute.
        assert!(needs_ping(Duration::from_secs(30), busy, 110 * S, lost_at));
        assert!(!needs_ping(Duration::from_secs(90), busy, 170 * S, lost_at));
        // Opened since: not.
        assert!(!needs_ping(Duration::from_secs(5), busy, 110 * S, lost_at));
    }
}
