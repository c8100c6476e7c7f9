//! [ssr] A center's weekly hours and capacity per service, changed by managers. Like a
//! closure, a change that would leave booked people without a place is refused with
//! their list, or made with each of them cancelled and emailed, as the manager chooses.

use super::bookings::cancel_booked;
use crate::db::center_availability::{booked_after, listed, replace_hours, set_service_capacity};
use crate::db::centers::CenterRow;
use crate::db::closures::{lock_center, StrandedBooking};
use crate::domain::availability::{stranded, WeeklyHours};
use crate::domain::mail::MailContext;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::PgPool;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum ChangeOutcome {
    /// Saved; `cancelled` bookings were cancelled and their people emailed.
    Saved { cancelled: usize },
    /// Not saved: these bookings would have no place.
    Stranded(Vec<StrandedBooking>),
}

/// Replaces `center`'s weekly hours with `hours` and sets each service's capacity from
/// `capacity` (service id → seats per slot).
pub async fn change(
    pool: &PgPool,
    center: &CenterRow,
    hours: &WeeklyHours,
    capacity: &BTreeMap<String, u32>,
    cancel_bookings: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<ChangeOutcome, crate::db::Error> {
    let tz: Tz = center.tz()?;
    let mut tx = pool.begin().await?;
    // Exclusive, as for a closure: bookings claiming a seat here wait, then see the change.
    lock_center(&mut tx, &center.id).await?;
    let booked = booked_after(&mut tx, &center.id, now).await?;
    let ids = stranded(&booked, hours, capacity, tz);
    if !ids.is_empty() && !cancel_bookings {
        let list = listed(&mut tx, &ids).await?;
        tx.rollback().await?;
        return Ok(ChangeOutcome::Stranded(list));
    }
    for id in &ids {
        cancel_booked(&mut tx, *id, mail, now).await?;
    }
    replace_hours(&mut tx, &center.id, hours).await?;
    for (service, seats) in capacity {
        let seats = i32::try_from(*seats).unwrap_or(i32::MAX);
        set_service_capacity(&mut tx, &center.id, service, seats, now).await?;
    }
    tx.commit().await?;
    Ok(ChangeOutcome::Saved {
        cancelled: ids.len(),
    })
}
