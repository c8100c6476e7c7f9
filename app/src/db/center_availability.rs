//! [ssr] The queries behind a center's weekly hours and how it offers each service; changing
//! them, with the choice about stranded bookings, is `services::center_availability`.

use super::closures::StrandedBooking;
use crate::domain::availability::{BookedSlot, WeeklyHours};
use crate::domain::service_rules::ServiceRules;
use chrono::{DateTime, NaiveTime, Utc};
use sqlx::PgConnection;

/// A center's current hours (ISO weekday, opens, closes) and how it offers each service
/// the agency has (id and settings; `ServiceRules::NOT_SET_UP` for one never set up
/// there), in the agency's order of services.
pub struct CurrentAvailability {
    pub hours: Vec<(i16, NaiveTime, NaiveTime)>,
    pub services: Vec<(String, ServiceRules)>,
}

#[derive(sqlx::FromRow)]
struct RulesRow {
    id: String,
    offered: Option<bool>,
    slot_minutes: Option<i32>,
    capacity: Option<i32>,
    lead_minutes: Option<i32>,
    horizon_days: Option<i32>,
}

impl RulesRow {
    fn rules(&self) -> ServiceRules {
        let stored = |value: Option<i32>, default: u32| {
            value.and_then(|v| u32::try_from(v).ok()).unwrap_or(default)
        };
        let unset = ServiceRules::NOT_SET_UP;
        ServiceRules {
            offered: self.offered.unwrap_or(false),
            slot_minutes: stored(self.slot_minutes, unset.slot_minutes),
            capacity: stored(self.capacity, unset.capacity),
            lead_minutes: stored(self.lead_minutes, unset.lead_minutes),
            horizon_days: stored(self.horizon_days, unset.horizon_days),
        }
    }
}

pub async fn current(
    conn: &mut PgConnection,
    center_id: &str,
) -> Result<CurrentAvailability, crate::db::Error> {
    let hours = sqlx::query_as(
        "select weekday, opens_at, closes_at from center_hours where center_id = $1 order by weekday",
    )
    .bind(center_id)
    .fetch_all(&mut *conn)
    .await?;
    let rows: Vec<RulesRow> = sqlx::query_as(
        "select v.id, s.offered, s.slot_minutes, s.capacity, s.lead_minutes, s.horizon_days
         from services v left join center_services s on s.service_id = v.id and s.center_id = $1
         order by v.position, v.id",
    )
    .bind(center_id)
    .fetch_all(&mut *conn)
    .await?;
    let services = rows.iter().map(|r| (r.id.clone(), r.rules())).collect();
    Ok(CurrentAvailability { hours, services })
}

/// The center's upcoming booked appointments, as the availability rules see them.
pub async fn booked_after(
    conn: &mut PgConnection,
    center_id: &str,
    now: DateTime<Utc>,
) -> Result<Vec<BookedSlot>, crate::db::Error> {
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        service_id: String,
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
        arrived: bool,
    }
    let booked: Vec<Row> = sqlx::query_as(
        "select id, service_id, starts_at, ends_at, status = 'arrived' as arrived from bookings
         where center_id = $1 and status in ('booked', 'arrived') and starts_at > $2 order by id",
    )
    .bind(center_id)
    .bind(now)
    .fetch_all(conn)
    .await?;
    Ok(booked
        .into_iter()
        .map(|r| BookedSlot {
            id: r.id,
            service: r.service_id,
            start: r.starts_at,
            end: r.ends_at,
            arrived: r.arrived,
        })
        .collect())
}

/// Bookings `ids` as a manager's list shows them, in time order.
pub async fn listed(
    conn: &mut PgConnection,
    ids: &[i64],
) -> Result<Vec<StrandedBooking>, crate::db::Error> {
    sqlx::query_as(
        "select b.id, b.code, b.starts_at, b.first_name, b.last_name, b.service_id,
                c.name as center_name, c.time_zone
         from bookings b join centers c on c.id = b.center_id
         where b.id = any($1) order by b.starts_at, b.id",
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

/// Sets how the center offers `service`, for the slots still to come too.
pub async fn set_service_rules(
    conn: &mut PgConnection,
    center_id: &str,
    service: &str,
    rules: &ServiceRules,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    let number = |n: u32| i32::try_from(n).unwrap_or(i32::MAX);
    sqlx::query(
        "insert into center_services
             (center_id, service_id, offered, slot_minutes, capacity, lead_minutes, horizon_days)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (center_id, service_id) do update set
             offered = excluded.offered, slot_minutes = excluded.slot_minutes,
             capacity = excluded.capacity, lead_minutes = excluded.lead_minutes,
             horizon_days = excluded.horizon_days",
    )
    .bind(center_id)
    .bind(service)
    .bind(rules.offered)
    .bind(number(rules.slot_minutes))
    .bind(number(rules.capacity))
    .bind(number(rules.lead_minutes))
    .bind(number(rules.horizon_days))
    .execute(&mut *conn)
    .await?;
    // Seat counters of slots still to come take the new capacity; none holds more
    // bookings than that now, but for people who have already arrived, whose seats stay
    // (their slot is too near to be booked anyway), and seats held for someone on the
    // waiting list, which stay theirs until answered.
    sqlx::query(
        "update slot_seats set capacity = greatest($3, booked + on_hold)
         where center_id = $1 and service_id = $2 and starts_at > $4",
    )
    .bind(center_id)
    .bind(service)
    .bind(number(rules.capacity))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}
