//! [ssr] The queries behind giving a free appointment time today to a walk-in: the
//! walk-in, locked while still waiting with no appointment, and the booking made for them
//! marked as arrived, joined to their visit (so the queue shows it as their appointment).

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgConnection;

/// What a booking for a walk-in takes from their check-in.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WalkIn {
    pub first_name: String,
    pub last_name: String,
    pub language: String,
    pub accommodations: Vec<String>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
}

/// Locks visit `visit_id` if it is a walk-in still waiting at `center_id` today with no
/// appointment of its own; `None` otherwise (called meanwhile, gone, or given a time by a
/// colleague first).
pub async fn lock_waiting_walk_in(
    conn: &mut PgConnection,
    visit_id: i64,
    center_id: &str,
    today: NaiveDate,
) -> Result<Option<WalkIn>, crate::db::Error> {
    sqlx::query_as(
        "select first_name, last_name, language, accommodations, interpreter_language, accommodation_other
         from visits
         where id = $1 and center_id = $2 and service_day = $3 and status = 'waiting' and booking_id is null
         for update",
    )
    .bind(visit_id)
    .bind(center_id)
    .bind(today)
    .fetch_optional(conn)
    .await
    .map_err(Into::into)
}

/// Marks booking `booking_id` as arrived now and makes it visit `visit_id`'s appointment.
pub async fn arrive_as(
    conn: &mut PgConnection,
    booking_id: i64,
    visit_id: i64,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update bookings set status = 'arrived', arrived_at = $2, updated_at = $2 where id = $1",
    )
    .bind(booking_id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("update visits set booking_id = $2 where id = $1")
        .bind(visit_id)
        .bind(booking_id)
        .execute(conn)
        .await?;
    Ok(())
}
