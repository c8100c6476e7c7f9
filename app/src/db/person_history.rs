//! [ssr] The rest of a person's history with the center, for an appointment's details:
//! workshop enrolments under the same email or phone, and walk-in visits under the same
//! name (the kiosk asks walk-ins for no contact details, so a name is all there is).

use crate::domain::queue::QueueStatus;
use crate::domain::workshop_status::EnrolmentStatus;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// How many lines of each kind the details page shows, newest first.
const LIMIT: i64 = 50;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct EnrolmentRow {
    pub starts_at: DateTime<Utc>,
    pub title: String,
    /// None for a virtual session.
    pub center_name: Option<String>,
    pub time_zone: Option<String>,
    #[sqlx(try_from = "String")]
    pub status: EnrolmentStatus,
}

/// Enrolments whose contact key is one of `contact_keys`.
pub async fn enrolments(
    pool: &PgPool,
    contact_keys: &[String],
) -> Result<Vec<EnrolmentRow>, crate::db::Error> {
    sqlx::query_as(
        "select s.starts_at, s.title, c.name as center_name, c.time_zone, e.status
         from workshop_enrolments e join workshop_sessions s on s.id = e.session_id
              left join centers c on c.id = s.center_id
         where e.contact_key = any($1)
         order by s.starts_at desc limit $2",
    )
    .bind(contact_keys)
    .bind(LIMIT)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct WalkInRow {
    pub checked_in_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    pub reasons: Vec<String>,
    #[sqlx(try_from = "String")]
    pub status: QueueStatus,
}

/// Walk-in visits (not arrivals for a booking, which the appointments already show) of
/// someone with the same first and last name, ignoring case. Erased visits (whose names
/// are empty) belong to nobody.
pub async fn walk_ins(
    pool: &PgPool,
    first_name: &str,
    last_name: &str,
) -> Result<Vec<WalkInRow>, crate::db::Error> {
    sqlx::query_as(
        "select v.checked_in_at, c.name as center_name, c.time_zone, v.reasons, v.status
         from visits v join centers c on c.id = v.center_id
         where v.booking_id is null and v.anonymized_at is null
           and lower(v.first_name) = lower($1) and lower(v.last_name) = lower($2)
         order by v.checked_in_at desc limit $3",
    )
    .bind(first_name)
    .bind(last_name)
    .bind(LIMIT)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
