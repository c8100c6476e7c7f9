//! [ssr] Privacy: names of walk-in visitors are erased once the retention period the kiosk
//! promised has passed. Reasons, times and states stay, without a name, for reporting.

use sqlx::PgPool;

/// Erases names of visits older than `retention_days`; returns how many were erased.
pub async fn anonymize_old_visits(
    pool: &PgPool,
    retention_days: u32,
) -> Result<u64, crate::db::Error> {
    let done = sqlx::query(
        "update visits
            set first_name = '', last_name = '', interpreter_language = null,
                accommodation_other = null, anonymized_at = now()
          where anonymized_at is null
            and checked_in_at < now() - make_interval(days => $1::int)",
    )
    .bind(i32::try_from(retention_days).unwrap_or(i32::MAX))
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
