//! How the server connects to PostgreSQL: a bounded pool whose requests give up rather
//! than wait for ever, and statements that cannot run away with a connection.

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::time::Duration;

/// Connections per server process. Several processes share one database; PostgreSQL's
/// default of 100 connections leaves room for four of them and the tools.
pub const MAX_CONNECTIONS: u32 = 20;
/// A request that cannot get a connection in this time is answered 503 instead of
/// queueing behind a flood.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// No statement of ours takes a second; one that takes this long is cancelled.
pub const STATEMENT_TIMEOUT: &str = "15s";

pub fn pool_options() -> PgPoolOptions {
    PgPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(ACQUIRE_TIMEOUT)
}

/// `options` with PostgreSQL's `statement_timeout` set for every connection.
pub fn with_statement_timeout(options: PgConnectOptions) -> PgConnectOptions {
    options.options([("statement_timeout", STATEMENT_TIMEOUT)])
}
