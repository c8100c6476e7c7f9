//! [ssr] A center's weekly hours and capacity per service, changed by managers. Like a
//! closure, a change that would leave booked people without a place is refused with
//! their list, or made with each of them cancelled and emailed, as the manager chooses.

use super::bookings::cancel_booked;
use super::centers::CenterRow;
use super::closures::StrandedBooking;
use super::outbox::MailContext;
use crate::domain::availability::{stranded, BookedSlot, WeeklyHours};
use chrono::{DateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use sqlx::PgPool;
use std::collections::BTreeMap;

/// A center's current hours (ISO weekday, opens, closes) and services (id, slot minutes,
/// capacity).
pub struct CurrentAvailability {
    pub hours: Vec<(i16, NaiveTime, NaiveTime)>,
    pub services: Vec<(String, i32, i32)>,
}

pub async fn current(pool: &PgPool, center_id: &str) -> Result<CurrentAvailability, sqlx::Error> {
    let hours = sqlx::query_as(
        "select weekday, opens_at, closes_at from center_hours where center_id = $1 order by weekday",
    )
    .bind(center_id)
    .fetch_all(pool)
    .await?;
    let services = sqlx::query_as(
        "select service_id, slot_minutes, capacity from center_services where center_id = $1 order by service_id",
    )
    .bind(center_id)
    .fetch_all(pool)
    .await?;
    Ok(CurrentAvailability { hours, services })
}

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
) -> Result<ChangeOutcome, sqlx::Error> {
    let tz: Tz = center
        .time_zone
        .parse()
        .map_err(|_| sqlx::Error::Protocol(format!("center {} has an unknown zone", center.id)))?;
    let mut tx = pool.begin().await?;
    // Exclusive, as for a closure: bookings claiming a seat here wait, then see the change.
    sqlx::query("select 1 from centers where id = $1 for update")
        .bind(&center.id)
        .execute(&mut *tx)
        .await?;
    let booked: Vec<(i64, String, DateTime<Utc>, DateTime<Utc>)> = sqlx::query_as(
        "select id, service_id, starts_at, ends_at from bookings
         where center_id = $1 and status = 'booked' and starts_at > $2 order by id",
    )
    .bind(&center.id)
    .bind(now)
    .fetch_all(&mut *tx)
    .await?;
    let booked: Vec<BookedSlot> = booked
        .into_iter()
        .map(|(id, service, start, end)| BookedSlot {
            id,
            service,
            start,
            end,
        })
        .collect();
    let ids = stranded(&booked, hours, capacity, tz);
    if !ids.is_empty() && !cancel_bookings {
        let list: Vec<StrandedBooking> = sqlx::query_as(
            "select id, code, starts_at, first_name, last_name, service_id from bookings
             where id = any($1) order by starts_at, id",
        )
        .bind(&ids)
        .fetch_all(&mut *tx)
        .await?;
        tx.rollback().await?;
        return Ok(ChangeOutcome::Stranded(list));
    }
    for id in &ids {
        cancel_booked(&mut tx, *id, mail, now).await?;
    }
    sqlx::query("delete from center_hours where center_id = $1")
        .bind(&center.id)
        .execute(&mut *tx)
        .await?;
    for day in 1..=7u32 {
        if let Some((opens, closes)) = hours.on_weekday(day) {
            sqlx::query(
                "insert into center_hours (center_id, weekday, opens_at, closes_at) values ($1, $2, $3, $4)",
            )
            .bind(&center.id)
            .bind(day as i16)
            .bind(opens)
            .bind(closes)
            .execute(&mut *tx)
            .await?;
        }
    }
    for (service, seats) in capacity {
        let seats = i32::try_from(*seats).unwrap_or(i32::MAX);
        sqlx::query(
            "update center_services set capacity = $3 where center_id = $1 and service_id = $2",
        )
        .bind(&center.id)
        .bind(service)
        .bind(seats)
        .execute(&mut *tx)
        .await?;
        // Seat counters of slots still to come take the new capacity; none holds more
        // bookings than that now.
        sqlx::query(
            "update slot_seats set capacity = $3
             where center_id = $1 and service_id = $2 and starts_at > $4",
        )
        .bind(&center.id)
        .bind(service)
        .bind(seats)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(ChangeOutcome::Saved {
        cancelled: ids.len(),
    })
}
