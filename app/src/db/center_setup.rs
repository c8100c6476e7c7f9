//! [ssr] The queries behind the admins' centers page: centers with every field, creating,
//! editing, retiring and restoring one, and the log of setup changes. The use cases that
//! combine them (with the choice about stranded bookings) are `services::center_setup`.

use crate::domain::center_setup::CenterDetails;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// A center with everything an admin edits.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct CenterRecord {
    pub id: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub time_zone: String,
    pub target_wait_minutes: i32,
    pub retired_at: Option<DateTime<Utc>>,
}

const RECORD: &str =
    "select id, name, address, phone, email, time_zone, target_wait_minutes, retired_at from centers";

/// Every center, retired ones last.
pub async fn all_centers(pool: &PgPool) -> Result<Vec<CenterRecord>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{RECORD} order by retired_at is not null, position, name"
    ))
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// The center `id`, read on `executor` (inside a transaction that locked it: as it
/// stands under the lock).
pub async fn center_record<'e>(
    executor: impl sqlx::PgExecutor<'e>,
    id: &str,
) -> Result<Option<CenterRecord>, crate::db::Error> {
    sqlx::query_as(&format!("{RECORD} where id = $1"))
        .bind(id)
        .fetch_optional(executor)
        .await
        .map_err(Into::into)
}

/// Adds a center at the end of the list; false when the short name is taken.
pub async fn insert_center(
    conn: &mut PgConnection,
    id: &str,
    details: &CenterDetails,
) -> Result<bool, crate::db::Error> {
    let added = sqlx::query(
        "insert into centers (id, name, address, phone, email, time_zone, target_wait_minutes, position)
         select $1, $2, $3, $4, $5, $6, $7, coalesce(max(position) + 1, 0) from centers
         on conflict (id) do nothing",
    )
    .bind(id)
    .bind(&details.name)
    .bind(&details.address)
    .bind(&details.phone)
    .bind(&details.email)
    .bind(details.time_zone.name())
    .bind(target_minutes(details))
    .execute(conn)
    .await?;
    Ok(added.rows_affected() == 1)
}

/// Replaces a center's details; false when there is no such center.
pub async fn update_center(
    conn: &mut PgConnection,
    id: &str,
    details: &CenterDetails,
) -> Result<bool, crate::db::Error> {
    let changed = sqlx::query(
        "update centers set name = $2, address = $3, phone = $4, email = $5, time_zone = $6,
                target_wait_minutes = $7
         where id = $1",
    )
    .bind(id)
    .bind(&details.name)
    .bind(&details.address)
    .bind(&details.phone)
    .bind(&details.email)
    .bind(details.time_zone.name())
    .bind(target_minutes(details))
    .execute(conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// The target wait as its column holds it (the domain keeps it within a day).
fn target_minutes(details: &CenterDetails) -> i32 {
    i32::try_from(details.target_wait_minutes).unwrap_or(i32::MAX)
}

/// Retires the center (`Some(now)`) or brings it back (`None`); false when it already was
/// in that state.
pub async fn set_retired(
    conn: &mut PgConnection,
    id: &str,
    retired_at: Option<DateTime<Utc>>,
) -> Result<bool, crate::db::Error> {
    let changed = sqlx::query(
        "update centers set retired_at = $2
         where id = $1 and (retired_at is null) <> ($2::timestamptz is null)",
    )
    .bind(id)
    .bind(retired_at)
    .execute(conn)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Workshop sessions still to come at the center, not cancelled.
pub async fn sessions_ahead(
    conn: &mut PgConnection,
    id: &str,
    now: DateTime<Utc>,
) -> Result<i64, crate::db::Error> {
    sqlx::query_scalar(
        "select count(*) from workshop_sessions
         where center_id = $1 and status = 'scheduled' and ends_at > $2",
    )
    .bind(id)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(Into::into)
}

/// Keeps one setup change with who made it (`None`: the demo seed).
pub async fn record_change(
    conn: &mut PgConnection,
    staff_id: Option<i64>,
    subject: &str,
    summary: &str,
) -> Result<(), crate::db::Error> {
    sqlx::query("insert into setup_changes (staff_id, subject, summary) values ($1, $2, $3)")
        .bind(staff_id)
        .bind(subject)
        .bind(summary)
        .execute(conn)
        .await?;
    Ok(())
}

/// A setup change as the log shows it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SetupChange {
    pub changed_at: DateTime<Utc>,
    pub staff_name: String,
    pub subject: String,
    pub summary: String,
}

/// The latest `limit` setup changes about `subject` (or about anything, with `None`),
/// newest first.
pub async fn recent_changes(
    pool: &PgPool,
    subject: Option<&str>,
    limit: i64,
) -> Result<Vec<SetupChange>, crate::db::Error> {
    sqlx::query_as(
        "select c.changed_at, coalesce(s.display_name, 'Frontdesk demo data') as staff_name, c.subject, c.summary
         from setup_changes c left join staff_users s on s.id = c.staff_id
         where $1::text is null or c.subject = $1 or starts_with(c.subject, $1 || ' ')
         order by c.changed_at desc, c.id desc limit $2",
    )
    .bind(subject)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
