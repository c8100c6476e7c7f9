//! [ssr] Failed staff sign-ins, per account and address, for slowing down guessing.
//! Kept only for the window they count in.

use crate::domain::staff_access::FAILURE_WINDOW_MINUTES;
use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

/// Failures for `email` from `address` in the window before `now`, and the latest one.
pub async fn recent(
    pool: &PgPool,
    email: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(u32, Option<DateTime<Utc>>), sqlx::Error> {
    let (count, latest): (i64, Option<DateTime<Utc>>) = sqlx::query_as(
        "select count(*), max(failed_at) from sign_in_failures
         where email = $1 and address = $2 and failed_at > $3",
    )
    .bind(email)
    .bind(address)
    .bind(now - Duration::minutes(FAILURE_WINDOW_MINUTES))
    .fetch_one(pool)
    .await?;
    Ok((u32::try_from(count).unwrap_or(u32::MAX), latest))
}

/// Counts a failure, and forgets failures too old to count.
pub async fn record(
    pool: &PgPool,
    email: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("delete from sign_in_failures where failed_at < $1")
        .bind(now - Duration::minutes(FAILURE_WINDOW_MINUTES))
        .execute(pool)
        .await?;
    sqlx::query("insert into sign_in_failures (email, address, failed_at) values ($1, $2, $3)")
        .bind(email)
        .bind(address)
        .bind(now)
        .execute(pool)
        .await?;
    Ok(())
}

/// A successful sign-in wipes the slate for that account and address.
pub async fn clear(pool: &PgPool, email: &str, address: &str) -> Result<(), sqlx::Error> {
    sqlx::query("delete from sign_in_failures where email = $1 and address = $2")
        .bind(email)
        .bind(address)
        .execute(pool)
        .await?;
    Ok(())
}
