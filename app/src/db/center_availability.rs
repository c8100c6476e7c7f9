//! [ssr] The queries behind a center's weekly hours and capacity per service; changing
//! them, with the choice about stranded bookings, is `services::center_availability`.

use super::closures::StrandedBooking;
use crate::domain::availability::{BookedSlot, WeeklyHours};
use chrono::{DateTime, NaiveTime, Utc};
use sqlx::{PgConnection, PgPool};

/// A center's current hours (ISO weekday, opens, closes) and services (id, slot minutes,
/// capacity).
pub struct CurrentAvailability {
    pub hours: Vec<(i16, NaiveTime, NaiveTime)>,
    pub services: Vec<(String, i32, i32)>,
}

pub async fn current(
    pool: &PgPool,
    center_id: &str,
) -> Result<CurrentAvailability, crate::db::Error> {
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

/// The center's upcoming booked appointments, as the availability rules see them.
pub async fn booked_after(
    conn: &mut PgConnection,
    center_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<BookedSlot>, crate::db::Error> {
    let booked: Vec<(i64, String, DateTime<Utc>, DateTime<Utc>)> = sqlx::query_as(
        "select id, service_id, starts_at, ends_at from bookings
         where center_id = $1 and status = 'booked' and starts_at > $2 order by id",
    )
    .bind(center_id)
    .bind(now)
    .fetch_all(conn)
    .await?;
    Ok(booked
        .into_iter()
        .map(|(id, service, start, end)| BookedSlot {
            id,
            service,
            start,
            end,
        })
        .collect())
}

/// Bookings `ids` as a manager's list shows them, in time order.
pub async fn listed(
    conn: &mut PgConnection,
    ids: &[i64],
) -> Result<Vec<StrandedBooking>, crate::db::Error> {
    sqlx::query_as(
        "select id, code, starts_at, first_name, last_name, service_id from bookings
         where id = any($1) order by starts_at, id",
    )
    .bind(ids)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

/// Replaces the center's weekly hours with `hours`.
pub async fn replace_hours(
    conn: &mut PgConnection,
    center_id: &str,
    hours: &WeeklyHours,
) -> Result<(), crate::db::Error> {
    sqlx::query("delete from center_hours where center_id = $1")
        .bind(center_id)
        .execute(&mut *conn)
        .await?;
    for day in 1..=7u32 {
        if let Some((opens, closes)) = hours.on_weekday(day) {
            sqlx::query(
                "insert into center_hours (center_id, weekday, opens_at, closes_at) values ($1, $2, $3, $4)",
            )
            .bind(center_id)
            .bind(day as i16)
            .bind(opens)
            .bind(closes)
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(())
}

/// Sets a service's seats per slot at the center, for the slots still to come too.
pub async fn set_service_capacity(
    conn: &mut PgConnection,
    center_id: &str,
    service: &str,
    seats: i32,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update center_services set capacity = $3 where center_id = $1 and service_id = $2",
    )
    .bind(center_id)
    .bind(service)
    .bind(seats)
    .execute(&mut *conn)
    .await?;
    // Seat counters of slots still to come take the new capacity; none holds more
    // bookings than that now.
    sqlx::query(
        "update slot_seats set capacity = $3
         where center_id = $1 and service_id = $2 and starts_at > $4",
    )
    .bind(center_id)
    .bind(service)
    .bind(seats)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
