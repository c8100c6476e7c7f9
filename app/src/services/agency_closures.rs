//! [ssr] Closing days at every center at once: a state holiday typed by a manager, or the
//! days read from the agency's holiday calendar. As for one center's closure, days with
//! bookings are refused with the list of them, or closed with each booking cancelled and
//! its person emailed, as the manager chooses. Every center not retired is closed; a day
//! a center had closed already stays as it was.

use super::bookings::cancel_booked;
use crate::db::center_setup::record_change;
use crate::db::closures::{booked_between, insert_closure, lock_open_centers, StrandedBooking};
use crate::domain::holiday_import::Holiday;
use crate::domain::local_time::day_bounds;
use crate::domain::mail::MailContext;
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use sqlx::PgPool;

#[derive(Debug, Clone, PartialEq)]
pub enum AgencyCloseOutcome {
    /// `added` center-days closed; `cancelled` bookings cancelled and emailed.
    Closed { added: usize, cancelled: usize },
    /// Nothing closed: these bookings fall on the days.
    Stranded(Vec<StrandedBooking>),
}

/// How many days the setup log names before "and N more".
const LOGGED_DAYS: usize = 12;

pub async fn close_everywhere(
    pool: &PgPool,
    staff: Option<i64>,
    days: &[Holiday],
    cancel_bookings: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<AgencyCloseOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    // Exclusive on every center: bookings claiming a seat anywhere wait, then see the
    // closures.
    let centers = lock_open_centers(&mut tx).await?;
    let mut added = 0;
    let mut closed_days: Vec<&Holiday> = Vec::new();
    let mut stranded = Vec::new();
    for (center, zone) in &centers {
        let tz: Tz = zone.parse().unwrap_or(chrono_tz::UTC);
        // A day already over at this center is history, not a closure (and its
        // appointments are kept as they went).
        let today = now.with_timezone(&tz).date_naive();
        for holiday in days.iter().filter(|h| h.day >= today) {
            if insert_closure(&mut tx, center, holiday.day, &holiday.reason).await? {
                added += 1;
                if !closed_days.iter().any(|d| d.day == holiday.day) {
                    closed_days.push(holiday);
                }
                let (from, until) = day_bounds(tz, holiday.day);
                stranded.extend(booked_between(&mut tx, center, from, until).await?);
            }
        }
    }
    if !stranded.is_empty() && !cancel_bookings {
        tx.rollback().await?;
        stranded.sort_by_key(|b| (b.starts_at, b.id));
        return Ok(AgencyCloseOutcome::Stranded(stranded));
    }
    for booking in &stranded {
        cancel_booked(&mut tx, booking.id, mail, now).await?;
    }
    if added > 0 {
        closed_days.sort();
        let summary = describe(&closed_days, added, stranded.len());
        record_change(&mut tx, staff, "agency", &summary).await?;
    }
    tx.commit().await?;
    Ok(AgencyCloseOutcome::Closed {
        added,
        cancelled: stranded.len(),
    })
}

/// "closed 10 center-days on 2027-01-01 (New Year's Day), …; 2 bookings cancelled": only
/// the days that were closed somewhere by this change.
fn describe(days: &[&Holiday], added: usize, cancelled: usize) -> String {
    let mut listed: Vec<String> = days
        .iter()
        .take(LOGGED_DAYS)
        .map(|h| match h.reason.is_empty() {
            true => h.day.to_string(),
            false => format!("{} ({})", h.day, h.reason),
        })
        .collect();
    if days.len() > LOGGED_DAYS {
        listed.push(format!("and {} more", days.len() - LOGGED_DAYS));
    }
    let mut summary = format!("closed {added} center-days on {}", listed.join(", "));
    if cancelled > 0 {
        summary.push_str(&format!("; {cancelled} bookings cancelled"));
    }
    summary
}
