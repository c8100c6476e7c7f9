//! [ssr] Failed staff sign-ins, per account and address, for slowing down guessing.
//!
//! An attempt is counted as a failure before its password is checked, in one transaction
//! that holds the account-and-address row: parallel attempts wait for each other, each
//! sees the count the previous one left, and only as many as `domain::staff_access`
//! allows get through to the check. A successful sign-in clears the row.

use crate::domain::staff_access::{must_wait, FAILURE_WINDOW_MINUTES};
use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

/// Takes one attempt for `email` from `address`: `Ok` when it may be checked (it now
/// counts as a failure until `clear`), or how long to wait first.
pub async fn reserve_attempt(
    pool: &PgPool,
    email: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<Result<(), Duration>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query(
        "insert into sign_in_attempts (email, address) values ($1, $2) on conflict do nothing",
    )
    .bind(email)
    .bind(address)
    .execute(&mut *tx)
    .await?;
    let (failures, latest): (i32, Option<DateTime<Utc>>) = sqlx::query_as(
        "select failures, latest_at from sign_in_attempts
         where email = $1 and address = $2 for update",
    )
    .bind(email)
    .bind(address)
    .fetch_one(&mut *tx)
    .await?;
    // Failures older than the window no longer count.
    let window = Duration::minutes(FAILURE_WINDOW_MINUTES);
    let counted = match latest {
        Some(latest) if now - latest < window => u32::try_from(failures).unwrap_or(0),
        _ => 0,
    };
    if let Some(wait) = must_wait(counted, latest, now) {
        tx.commit().await?;
        return Ok(Err(wait));
    }
    sqlx::query(
        "update sign_in_attempts set failures = $3, latest_at = $4 where email = $1 and address = $2",
    )
    .bind(email)
    .bind(address)
    .bind(i32::try_from(counted + 1).unwrap_or(i32::MAX))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Gives back an attempt that was never checked (every hashing slot was busy): the
/// person's password was not tried, so it must not count against them.
pub async fn give_back(pool: &PgPool, email: &str, address: &str) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update sign_in_attempts set failures = greatest(failures - 1, 0)
         where email = $1 and address = $2",
    )
    .bind(email)
    .bind(address)
    .execute(pool)
    .await?;
    Ok(())
}

/// Forgets failures too old to count (every hour), so guesses with made-up emails do not
/// pile up rows.
pub async fn forget_old(pool: &PgPool, now: DateTime<Utc>) -> Result<u64, crate::db::Error> {
    Ok(
        sqlx::query("delete from sign_in_attempts where latest_at < $1 or latest_at is null")
            .bind(now - Duration::minutes(FAILURE_WINDOW_MINUTES))
            .execute(pool)
            .await?
            .rows_affected(),
    )
}

/// A successful sign-in wipes the slate for that account and address, and rows of
/// failures too old to count go too.
pub async fn clear(
    pool: &PgPool,
    email: &str,
    address: &str,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "delete from sign_in_attempts
         where (email = $1 and address = $2) or latest_at < $3",
    )
    .bind(email)
    .bind(address)
    .bind(now - Duration::minutes(FAILURE_WINDOW_MINUTES))
    .execute(pool)
    .await?;
    Ok(())
}
