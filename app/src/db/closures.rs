//! [ssr] The queries behind closures of a center (holidays, one-off days); closing a
//! day with the choice about its bookings is `services::closures`.

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{PgConnection, PgPool};

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ClosureRow {
    pub day: NaiveDate,
    pub reason: String,
}

/// Closures from `from` on, in date order.
pub async fn upcoming(
    pool: &PgPool,
    center_id: &str,
    from: NaiveDate,
) -> Result<Vec<ClosureRow>, crate::db::Error> {
    sqlx::query_as(
        "select day, reason from center_closures where center_id = $1 and day >= $2 order by day",
    )
    .bind(center_id)
    .bind(from)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// A booking that a closure would strand.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct StrandedBooking {
    pub id: i64,
    pub code: String,
    pub starts_at: DateTime<Utc>,
    pub first_name: String,
    pub last_name: String,
    pub service_id: String,
    /// Where it is booked, and that center's zone: a list may span centers.
    pub center_name: String,
    pub time_zone: String,
}

/// Takes the center's lock exclusively until the transaction ends: bookings claiming a
/// seat at this center (which hold it shared) wait until the day is closed, then see the
/// closure. (`no key update`: check-ins, which only reference the center, need not wait.)
pub async fn lock_center(conn: &mut PgConnection, center_id: &str) -> Result<(), crate::db::Error> {
    sqlx::query("select 1 from centers where id = $1 for no key update")
        .bind(center_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Every center not retired (id and zone), each locked exclusively until the transaction
/// ends, in id order (so two agency-wide changes never wait on each other in a circle).
/// `no key update`: it keeps bookings (which hold the lock shared) and other changes out,
/// but not a kiosk's check-in, whose reference to the center needs only a key-share lock.
pub async fn lock_open_centers(
    conn: &mut PgConnection,
) -> Result<Vec<(String, String)>, crate::db::Error> {
    sqlx::query_as(
        "select id, time_zone from centers where retired_at is null order by id for no key update",
    )
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

/// Records the closure; false when the day was closed already.
pub async fn insert_closure(
    conn: &mut PgConnection,
    center_id: &str,
    day: NaiveDate,
    reason: &str,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "insert into center_closures (center_id, day, reason) values ($1, $2, $3)
         on conflict do nothing",
    )
    .bind(center_id)
    .bind(day)
    .bind(reason)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Bookings still booked at the center from `from` until `until`, in time order.
pub async fn booked_between(
    conn: &mut PgConnection,
    center_id: &str,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
) -> Result<Vec<StrandedBooking>, crate::db::Error> {
    sqlx::query_as(
        "select b.id, b.code, b.starts_at, b.first_name, b.last_name, b.service_id,
                c.name as center_name, c.time_zone
         from bookings b join centers c on c.id = b.center_id
         where b.center_id = $1 and b.status = 'booked' and b.starts_at >= $2 and b.starts_at < $3
         order by b.starts_at, b.id",
    )
    .bind(center_id)
    .bind(from)
    .bind(until)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

/// Opens a closed day again. Returns whether there was such a closure.
pub async fn reopen_day(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
) -> Result<bool, crate::db::Error> {
    Ok(
        sqlx::query("delete from center_closures where center_id = $1 and day = $2")
            .bind(center_id)
            .bind(day)
            .execute(pool)
            .await?
            .rows_affected()
            == 1,
    )
}
