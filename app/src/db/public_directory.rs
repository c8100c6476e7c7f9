//! [ssr] What the partners' read API tells of the agency: its open centers with their
//! public address and phone, weekly hours and upcoming closed days, and which center
//! offers which service. Nothing of any person.

use chrono::{NaiveDate, NaiveTime};
use sqlx::PgPool;

/// A center as the public may know it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct PublicCenter {
    pub id: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub time_zone: String,
}

/// One weekday's opening hours (ISO weekday: 1 is Monday).
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct OpeningHours {
    pub center_id: String,
    pub weekday: i16,
    pub opens_at: NaiveTime,
    pub closes_at: NaiveTime,
}

/// The centers that are not retired, in the agency's order (`only`: that one alone).
pub async fn open_centers(
    pool: &PgPool,
    only: Option<&str>,
) -> Result<Vec<PublicCenter>, crate::db::Error> {
    sqlx::query_as(
        "select id, name, address, phone, time_zone from centers
         where retired_at is null and ($1::text is null or id = $1)
         order by position, name",
    )
    .bind(only)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// The weekly hours of every center, by center and weekday.
pub async fn opening_hours(pool: &PgPool) -> Result<Vec<OpeningHours>, crate::db::Error> {
    sqlx::query_as(
        "select center_id, weekday, opens_at, closes_at from center_hours order by center_id, weekday",
    )
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Closed days from `from` on, as (center, day), in date order.
pub async fn closed_days(
    pool: &PgPool,
    from: NaiveDate,
) -> Result<Vec<(String, NaiveDate)>, crate::db::Error> {
    sqlx::query_as(
        "select center_id, day from center_closures where day >= $1 order by day, center_id",
    )
    .bind(from)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// (service, center) for every service that is not hidden and a center that is not
/// retired offers, in the agency's order of services.
pub async fn offered_services(pool: &PgPool) -> Result<Vec<(String, String)>, crate::db::Error> {
    sqlx::query_as(
        "select s.service_id, s.center_id from center_services s
           join centers c on c.id = s.center_id join services v on v.id = s.service_id
         where s.offered and c.retired_at is null and not v.hidden
         order by v.position, v.id, c.position, c.name",
    )
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
