//! [ssr] Free appointment times: each center's rules read from the database, turned into
//! slots by the pure `domain::availability`, minus the seats already taken.

use super::centers::CenterRow;
use crate::domain::availability::{slots, with_room, Slot, SlotRules, WeeklyHours};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Tz;
use sqlx::{PgConnection, PgPool};
use std::collections::BTreeMap;

/// Everything that decides when one center offers one service.
#[derive(Debug, Clone)]
pub struct Offer {
    pub center: CenterRow,
    pub tz: Tz,
    pub hours: WeeklyHours,
    pub closures: Vec<NaiveDate>,
    pub rules: SlotRules,
}

impl Offer {
    /// Every slot the rules allow from `now` on, free or not.
    pub fn all_slots(&self, now: DateTime<Utc>) -> Vec<Slot> {
        slots(self.tz, &self.hours, &self.closures, &self.rules, now)
    }
}

/// A free time at one center.
#[derive(Debug, Clone, PartialEq)]
pub struct FreeSlot {
    pub slot: Slot,
    pub center_id: String,
    pub seats_left: u32,
}

#[derive(sqlx::FromRow)]
struct RulesRow {
    id: String,
    name: String,
    time_zone: String,
    slot_minutes: i32,
    capacity: i32,
    lead_minutes: i32,
    horizon_days: i32,
}

/// The offers of service `service` (a code), at one center or (with `None`) at every
/// center that offers it and is not retired, in the centers' listed order. A hidden
/// service is offered nowhere; a center with an unknown zone is left out.
pub async fn offers(
    pool: &PgPool,
    service: &str,
    center_id: Option<&str>,
) -> Result<Vec<Offer>, crate::db::Error> {
    let mut conn = pool.acquire().await?;
    offers_in(&mut conn, service, center_id).await
}

/// `offers`, read on `conn` (inside a transaction: as things stand when it is called).
pub async fn offers_in(
    conn: &mut PgConnection,
    service: &str,
    center_id: Option<&str>,
) -> Result<Vec<Offer>, crate::db::Error> {
    let rows: Vec<RulesRow> = sqlx::query_as(
        "select c.id, c.name, c.time_zone, s.slot_minutes, s.capacity, s.lead_minutes, s.horizon_days
         from center_services s join centers c on c.id = s.center_id
              join services v on v.id = s.service_id
         where s.service_id = $1 and s.offered and not v.hidden and c.retired_at is null
           and ($2::text is null or c.id = $2)
         order by c.position, c.name",
    )
    .bind(service)
    .bind(center_id)
    .fetch_all(&mut *conn)
    .await?;
    let mut offers = Vec::with_capacity(rows.len());
    for row in rows {
        let Ok(tz) = row.time_zone.parse::<Tz>() else {
            tracing::error!(center = %row.id, "unknown time zone; center not offered");
            continue;
        };
        let hours: Vec<(i16, NaiveTime, NaiveTime)> = sqlx::query_as(
            "select weekday, opens_at, closes_at from center_hours where center_id = $1",
        )
        .bind(&row.id)
        .fetch_all(&mut *conn)
        .await?;
        let closures: Vec<NaiveDate> =
            sqlx::query_scalar("select day from center_closures where center_id = $1")
                .bind(&row.id)
                .fetch_all(&mut *conn)
                .await?;
        let hours = hours
            .into_iter()
            .fold(WeeklyHours::default(), |week, (day, opens, closes)| {
                week.open([day as u32], opens, closes)
            });
        offers.push(Offer {
            center: CenterRow {
                id: row.id,
                name: row.name,
                time_zone: row.time_zone,
            },
            tz,
            hours,
            closures,
            rules: SlotRules {
                slot_minutes: row.slot_minutes.max(1) as u32,
                capacity: row.capacity.max(0) as u32,
                lead_time: chrono::Duration::minutes(i64::from(row.lead_minutes)),
                horizon_days: row.horizon_days.max(0) as u32,
            },
        });
    }
    Ok(offers)
}

/// Free times of `service` across `offers`, in time order; at the same time, the first
/// center in the list comes first.
pub async fn free_slots(
    pool: &PgPool,
    service: &str,
    offers: &[Offer],
    now: DateTime<Utc>,
) -> Result<Vec<FreeSlot>, crate::db::Error> {
    let mut conn = pool.acquire().await?;
    free_slots_in(&mut conn, service, offers, now).await
}

/// `free_slots`, read on `conn` (inside a transaction: as things stand when it is called).
/// A seat held for someone on the waiting list is taken, as a booked one is.
pub async fn free_slots_in(
    conn: &mut PgConnection,
    service: &str,
    offers: &[Offer],
    now: DateTime<Utc>,
) -> Result<Vec<FreeSlot>, crate::db::Error> {
    let mut free = Vec::new();
    for offer in offers {
        let booked: Vec<(DateTime<Utc>, i32)> = sqlx::query_as(
            "select starts_at, booked + on_hold from slot_seats
             where center_id = $1 and service_id = $2 and starts_at >= $3",
        )
        .bind(&offer.center.id)
        .bind(service)
        .bind(now)
        .fetch_all(&mut *conn)
        .await?;
        let booked: BTreeMap<DateTime<Utc>, u32> = booked
            .into_iter()
            .map(|(at, n)| (at, n.max(0) as u32))
            .collect();
        free.extend(
            with_room(&offer.all_slots(now), offer.rules.capacity, &booked)
                .into_iter()
                .map(|(slot, seats_left)| FreeSlot {
                    slot,
                    center_id: offer.center.id.clone(),
                    seats_left,
                }),
        );
    }
    free.sort_by_key(|f| f.slot.start);
    Ok(free)
}

/// One entry per start time (a time is free when any center has room), for the picker.
pub fn distinct_times(free: &[FreeSlot]) -> Vec<Slot> {
    let mut times: Vec<Slot> = free.iter().map(|f| f.slot).collect();
    times.dedup_by_key(|s| s.start);
    times
}

/// The appointment times still free today at `center_id`, of every service it offers, in
/// time order, from `now` on: booking lead time aside (a walk-in in the lobby can take a
/// time no one could book online any more), held seats counted as taken.
pub async fn open_today(
    pool: &PgPool,
    center_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<crate::domain::open_slot::OpenSlotToday>, crate::db::Error> {
    let services: Vec<(String, String)> = sqlx::query_as(
        "select s.service_id, v.arrival_reason from center_services s join services v on v.id = s.service_id
         where s.center_id = $1 and s.offered and not v.hidden order by v.position",
    )
    .bind(center_id)
    .fetch_all(pool)
    .await?;
    let mut conn = pool.acquire().await?;
    let mut open = Vec::new();
    for (service, arrival_reason) in services {
        let mut offers = offers_in(&mut conn, &service, Some(center_id)).await?;
        let Some(offer) = offers.first_mut() else {
            continue;
        };
        offer.rules.lead_time = chrono::Duration::zero();
        // Today and no further: this runs on every live queue update.
        offer.rules.horizon_days = 0;
        let today = now.with_timezone(&offer.tz).date_naive();
        let free = free_slots_in(&mut conn, &service, &offers, now).await?;
        open.extend(
            free.into_iter()
                .filter(|f| f.slot.start.with_timezone(&offers[0].tz).date_naive() == today)
                .map(|f| crate::domain::open_slot::OpenSlotToday {
                    service: service.clone(),
                    arrival_reason: arrival_reason.clone(),
                    start: f.slot.start,
                }),
        );
    }
    open.sort_by_key(|o| o.start);
    Ok(open)
}
