//! [ssr] Admins create, edit, retire and bring back centers. Each change is kept in the
//! setup log with who made it, in the same transaction. Retiring a center, or moving it to
//! another time zone (which moves its hours under the booked appointments), is refused
//! with the list of bookings it would strand, or done with each of them cancelled and
//! emailed, as the admin chooses: the same choice a closure offers.

use super::bookings::cancel_booked;
use crate::db::center_availability::{booked_after, current, listed};
use crate::db::center_setup::{
    center_record, insert_center, record_change, sessions_ahead, set_retired, update_center,
};
use crate::db::closures::{lock_center, StrandedBooking};
use crate::domain::availability::{stranded, WeeklyHours};
use crate::domain::center_setup::{describe_edit, CenterDetails};
use crate::domain::mail::MailContext;
use crate::domain::service_rules::{without_slot, ServiceRules};
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};
use std::collections::BTreeMap;

/// Who makes a setup change, for the log: `None` for the demo seed.
pub type StaffId = Option<i64>;

#[derive(Debug, Clone, PartialEq)]
pub enum SetupOutcome {
    /// Done; `cancelled` bookings were cancelled and their people emailed.
    Saved { cancelled: usize },
    /// Not done: these bookings would have no place.
    Stranded(Vec<StrandedBooking>),
    /// No such center, or (creating) its short name is taken.
    Conflict,
    /// Not retired: it still has this many workshop sessions ahead.
    SessionsAhead(i64),
}

fn subject(id: &str) -> String {
    format!("center:{id}")
}

/// Adds a center. It offers nothing until its hours and services are set.
pub async fn create_center(
    pool: &PgPool,
    staff: StaffId,
    id: &str,
    details: &CenterDetails,
) -> Result<SetupOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    if !insert_center(&mut tx, id, details).await? {
        return Ok(SetupOutcome::Conflict);
    }
    let summary = format!("created “{}” ({})", details.name, details.time_zone.name());
    record_change(&mut tx, staff, &subject(id), &summary).await?;
    tx.commit().await?;
    Ok(SetupOutcome::Saved { cancelled: 0 })
}

/// Cancels `ids` when the admin chose so; otherwise rolls back and lists them.
async fn settle_stranded(
    tx: &mut PgConnection,
    ids: &[i64],
    cancel_bookings: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Option<Vec<StrandedBooking>>, crate::db::Error> {
    if ids.is_empty() {
        return Ok(None);
    }
    if !cancel_bookings {
        return Ok(Some(listed(tx, ids).await?));
    }
    for id in ids {
        cancel_booked(tx, *id, mail, now).await?;
    }
    Ok(None)
}

/// Changes center `id`'s details, compared with the center as it stands under the lock
/// (another admin may have changed it since the form was shown). A new time zone moves
/// the opening hours to other instants; booked appointments that would then fall outside
/// them, or off the slots laid from the opening time, are stranded.
#[allow(clippy::too_many_arguments)]
pub async fn edit_center(
    pool: &PgPool,
    staff: StaffId,
    id: &str,
    details: &CenterDetails,
    cancel_bookings: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<SetupOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    lock_center(&mut tx, id).await?;
    let Some(before) = center_record(&mut *tx, id).await? else {
        return Ok(SetupOutcome::Conflict);
    };
    let old = CenterDetails {
        name: before.name.clone(),
        address: before.address.clone(),
        phone: before.phone.clone(),
        email: before.email.clone(),
        time_zone: before.time_zone.parse().unwrap_or(chrono_tz::UTC),
        target_wait_minutes: u32::try_from(before.target_wait_minutes).unwrap_or_default(),
    };
    let summary = describe_edit(&old, details);
    if summary.is_empty() {
        return Ok(SetupOutcome::Saved { cancelled: 0 });
    }
    let mut ids = Vec::new();
    if before.time_zone != details.time_zone.name() {
        let set_up = current(&mut tx, id).await?;
        let hours = set_up
            .hours
            .iter()
            .fold(WeeklyHours::default(), |week, (day, opens, closes)| {
                week.open([*day as u32], *opens, *closes)
            });
        let rules: BTreeMap<String, ServiceRules> = set_up.services.into_iter().collect();
        let booked = booked_after(&mut tx, id, now).await?;
        ids = stranded(&booked, &hours, &BTreeMap::new(), details.time_zone);
        ids.extend(without_slot(&booked, &hours, &rules, details.time_zone));
        ids.sort_unstable();
        ids.dedup();
    }
    if let Some(list) = settle_stranded(&mut tx, &ids, cancel_bookings, mail, now).await? {
        tx.rollback().await?;
        return Ok(SetupOutcome::Stranded(list));
    }
    update_center(&mut tx, id, details).await?;
    record_change(&mut tx, staff, &subject(id), &summary).await?;
    tx.commit().await?;
    Ok(SetupOutcome::Saved {
        cancelled: ids.len(),
    })
}

/// Retires a center: it takes no new bookings and is no longer listed to the public.
/// Bookings still to come are stranded.
pub async fn retire_center(
    pool: &PgPool,
    staff: StaffId,
    id: &str,
    cancel_bookings: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<SetupOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    // Exclusive, as for a closure: a booking claiming a seat here waits, then sees the
    // center retired and is refused.
    lock_center(&mut tx, id).await?;
    // Its workshop sessions are for the workshops page to cancel or move (with their own
    // emails to the people enrolled); a center with sessions ahead is not retired.
    let sessions = sessions_ahead(&mut tx, id, now).await?;
    if sessions > 0 {
        return Ok(SetupOutcome::SessionsAhead(sessions));
    }
    let ids: Vec<i64> = booked_after(&mut tx, id, now)
        .await?
        .into_iter()
        .map(|b| b.id)
        .collect();
    if let Some(list) = settle_stranded(&mut tx, &ids, cancel_bookings, mail, now).await? {
        tx.rollback().await?;
        return Ok(SetupOutcome::Stranded(list));
    }
    if !set_retired(&mut tx, id, Some(now)).await? {
        return Ok(SetupOutcome::Conflict);
    }
    // Times held there for the waiting list go too (their people stay in line).
    crate::db::waitlist::void_holds_between(&mut tx, id, now, DateTime::<Utc>::MAX_UTC, now)
        .await?;
    let summary = match ids.len() {
        0 => "retired".to_owned(),
        n => format!("retired; {n} bookings cancelled"),
    };
    record_change(&mut tx, staff, &subject(id), &summary).await?;
    tx.commit().await?;
    Ok(SetupOutcome::Saved {
        cancelled: ids.len(),
    })
}

/// Brings a retired center back: it is listed and bookable again as it was set up.
pub async fn restore_center(
    pool: &PgPool,
    staff: StaffId,
    id: &str,
) -> Result<SetupOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    if !set_retired(&mut tx, id, None).await? {
        return Ok(SetupOutcome::Conflict);
    }
    record_change(&mut tx, staff, &subject(id), "brought back").await?;
    tx.commit().await?;
    Ok(SetupOutcome::Saved { cancelled: 0 })
}
