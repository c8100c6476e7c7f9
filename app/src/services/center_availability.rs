//! [ssr] A center's weekly hours and how it offers each service, changed by managers.
//! Like a closure, a change that would leave booked people without a place is refused
//! with their list, or made with each of them cancelled and emailed, as the manager
//! chooses. Each saved change is kept in the setup log with who made it.

use super::bookings::cancel_booked;
use crate::db::center_availability::{booked_after, listed, replace_hours, set_service_rules};
use crate::db::center_setup::{center_record, record_change};
use crate::db::centers::CenterRow;
use crate::db::closures::{lock_center, StrandedBooking};
use crate::domain::availability::{stranded, WeeklyHours};
use crate::domain::mail::MailContext;
use crate::domain::service_rules::{without_slot, ServiceRules};
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

/// Replaces `center`'s weekly hours with `hours` and sets each service in `rules`
/// (service id → settings); `staff` made the change.
#[allow(clippy::too_many_arguments)]
pub async fn change(
    pool: &PgPool,
    staff: Option<i64>,
    center: &CenterRow,
    hours: &WeeklyHours,
    rules: &BTreeMap<String, ServiceRules>,
    cancel_bookings: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<ChangeOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    // Exclusive, as for a closure: bookings claiming a seat here wait, then see the change.
    lock_center(&mut tx, &center.id).await?;
    // The zone as it stands under the lock: an admin may have just moved the center.
    let tz: Tz = match center_record(&mut *tx, &center.id).await? {
        Some(locked) => CenterRow {
            id: locked.id,
            name: locked.name,
            time_zone: locked.time_zone,
        }
        .tz()?,
        None => center.tz()?,
    };
    let booked = booked_after(&mut tx, &center.id, now).await?;
    let capacity: BTreeMap<String, u32> = rules
        .iter()
        .map(|(service, r)| (service.clone(), r.capacity))
        .collect();
    let mut ids = stranded(&booked, hours, &capacity, tz);
    ids.extend(without_slot(&booked, hours, rules, tz));
    ids.sort_unstable();
    ids.dedup();
    if !ids.is_empty() && !cancel_bookings {
        let list = listed(&mut tx, &ids).await?;
        tx.rollback().await?;
        return Ok(ChangeOutcome::Stranded(list));
    }
    for id in &ids {
        cancel_booked(&mut tx, *id, mail, now).await?;
    }
    replace_hours(&mut tx, &center.id, hours).await?;
    for (service, settings) in rules {
        set_service_rules(&mut tx, &center.id, service, settings, now).await?;
    }
    let summary = match ids.len() {
        0 => "hours and services saved".to_owned(),
        n => format!("hours and services saved; {n} bookings cancelled"),
    };
    record_change(&mut tx, staff, &format!("center:{}", center.id), &summary).await?;
    tx.commit().await?;
    // More seats or longer hours may open times someone on the waiting list wants.
    super::waitlist::offer_center_seats(pool, &center.id, mail, now).await;
    Ok(ChangeOutcome::Saved {
        cancelled: ids.len(),
    })
}
