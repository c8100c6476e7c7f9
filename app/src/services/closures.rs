//! [ssr] Closing a center's day, set by managers. Closing a day that has bookings is
//! refused with the list of them, or done with each of them cancelled and its person
//! emailed, as the manager chooses.

use super::bookings::cancel_booked;
use crate::db::centers::CenterRow;
use crate::db::closures::{booked_between, insert_closure, lock_center, StrandedBooking};
use crate::domain::local_time::day_bounds;
use crate::domain::mail::MailContext;
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use sqlx::PgPool;

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
) -> Result<CloseOutcome, crate::db::Error> {
    let tz: Tz = center.tz()?;
    let (from, until) = day_bounds(tz, day);
    let mut tx = pool.begin().await?;
    lock_center(&mut tx, &center.id).await?;
    if !insert_closure(&mut tx, &center.id, day, reason).await? {
        return Ok(CloseOutcome::AlreadyClosed);
    }
    let stranded = booked_between(&mut tx, &center.id, from, until).await?;
    if !stranded.is_empty() && !cancel_bookings {
        tx.rollback().await?;
        return Ok(CloseOutcome::Stranded(stranded));
    }
    for booking in &stranded {
        cancel_booked(&mut tx, booking.id, mail, now).await?;
    }
    // Times held for the waiting list on that day go too (their people stay in line).
    crate::db::waitlist::void_holds_between(&mut tx, &center.id, from, until, now).await?;
    tx.commit().await?;
    Ok(CloseOutcome::Closed {
        cancelled: stranded.len(),
    })
}
