//! [ssr] Closures of a center (holidays, one-off days), set by managers. Closing a day
//! that has bookings is refused with the list of them, or done with each of them
//! cancelled and its person emailed, as the manager chooses.

use super::bookings::cancel_booked;
use super::centers::CenterRow;
use super::outbox::MailContext;
use crate::domain::local_time::day_bounds;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sqlx::PgPool;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ClosureRow {
    pub day: NaiveDate,
    pub reason: String,
}

/// Closures from `from` on, in date order.
pub async fn upcoming(
    pool: &PgPool,
    center_id: &str,
    from: NaiveDate,
) -> Result<Vec<ClosureRow>, sqlx::Error> {
    sqlx::query_as(
        "select day, reason from center_closures where center_id = $1 and day >= $2 order by day",
    )
    .bind(center_id)
    .bind(from)
    .fetch_all(pool)
    .await
}

/// A booking that a closure would strand.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StrandedBooking {
    pub id: i64,
    pub code: String,
    pub starts_at: DateTime<Utc>,
    pub first_name: String,
    pub last_name: String,
    pub service_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CloseOutcome {
    /// Closed; `cancelled` bookings were cancelled and their people emailed.
    Closed {
        cancelled: usize,
    },
    /// Not closed: these bookings fall on the day.
    Stranded(Vec<StrandedBooking>),
    AlreadyClosed,
}

/// Closes `center` on `day`. With bookings that day and `cancel_bookings` false, nothing
/// changes and the bookings are returned.
pub async fn close_day(
    pool: &PgPool,
    center: &CenterRow,
    day: NaiveDate,
    reason: &str,
    cancel_bookings: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<CloseOutcome, sqlx::Error> {
    let tz: Tz = center
        .time_zone
        .parse()
        .map_err(|_| sqlx::Error::Protocol(format!("center {} has an unknown zone", center.id)))?;
    let (from, until) = day_bounds(tz, day);
    let mut tx = pool.begin().await?;
    // Exclusive: bookings claiming a seat at this center (which hold it shared) wait until
    // the day is closed, then see the closure.
    sqlx::query("select 1 from centers where id = $1 for update")
        .bind(&center.id)
        .execute(&mut *tx)
        .await?;
    let inserted = sqlx::query(
        "insert into center_closures (center_id, day, reason) values ($1, $2, $3)
         on conflict do nothing",
    )
    .bind(&center.id)
    .bind(day)
    .bind(reason)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Ok(CloseOutcome::AlreadyClosed);
    }
    let stranded: Vec<StrandedBooking> = sqlx::query_as(
        "select id, code, starts_at, first_name, last_name, service_id from bookings
         where center_id = $1 and status = 'booked' and starts_at >= $2 and starts_at < $3
         order by starts_at, id",
    )
    .bind(&center.id)
    .bind(from)
    .bind(until)
    .fetch_all(&mut *tx)
    .await?;
    if !stranded.is_empty() && !cancel_bookings {
        tx.rollback().await?;
        return Ok(CloseOutcome::Stranded(stranded));
    }
    for booking in &stranded {
        cancel_booked(&mut tx, booking.id, mail, now).await?;
    }
    tx.commit().await?;
    Ok(CloseOutcome::Closed {
        cancelled: stranded.len(),
    })
}

/// Opens a closed day again. Returns whether there was such a closure.
pub async fn reopen_day(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("delete from center_closures where center_id = $1 and day = $2")
            .bind(center_id)
            .bind(day)
            .execute(pool)
            .await?
            .rows_affected()
            == 1,
    )
}
