//! [ssr] Workshop sessions as the catalog and staff read them, enrolments as their
//! private links show them, rosters and attendance. Enrolling and leaving, under the
//! session's lock, are in `db::enrolments` and `services::workshops`.

use super::sessions::hash;
use crate::domain::workshop_session::{WorkshopSession, LINK_VALID_AFTER_END_DAYS};
use crate::domain::workshop_status::EnrolmentStatus;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

pub(crate) const SELECT_SESSION: &str = "select s.id, s.series_id, s.topic, s.title, s.description, s.employer,
        s.center_id, c.name as center_name, coalesce(c.time_zone, 'America/Los_Angeles') as time_zone,
        s.meeting_link, s.starts_at, s.ends_at, s.capacity, s.language, s.facilitator, s.status,
        s.enrolled, s.sequence,
        (select count(*) from workshop_enrolments e where e.session_id = s.id and e.status = 'waitlisted') as waitlisted
    from workshop_sessions s left join centers c on c.id = s.center_id";

/// What the catalog is filtered by; `None` means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogFilter {
    /// `Some("virtual")` for virtual sessions, `Some(id)` for one center.
    pub place: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// Scheduled sessions that have not started, soonest first.
pub async fn catalog(
    pool: &PgPool,
    filter: &CatalogFilter,
    now: DateTime<Utc>,
) -> Result<Vec<WorkshopSession>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{SELECT_SESSION}
         where s.status = 'scheduled' and s.starts_at > $1
           and (s.center_id is null or c.retired_at is null)
           and ($2::text is null or ($2 = 'virtual' and s.center_id is null) or s.center_id = $2)
           and ($3::text is null or s.topic = $3)
           and ($4::text is null or s.language = $4)
           and ($5::timestamptz is null or s.starts_at >= $5)
           and ($6::timestamptz is null or s.starts_at < $6)
         order by s.starts_at, s.id"
    ))
    .bind(now)
    .bind(&filter.place)
    .bind(&filter.topic)
    .bind(&filter.language)
    .bind(filter.from)
    .bind(filter.until)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

pub async fn session(pool: &PgPool, id: i64) -> Result<Option<WorkshopSession>, crate::db::Error> {
    sqlx::query_as(&format!("{SELECT_SESSION} where s.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(Into::into)
}

/// The other scheduled, future sessions of a series, in date order.
pub async fn series_sessions(
    pool: &PgPool,
    series_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<WorkshopSession>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{SELECT_SESSION} where s.series_id = $1 and s.status = 'scheduled' and s.starts_at > $2
         order by s.starts_at"
    ))
    .bind(series_id)
    .bind(now)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// An enrolment as its private link shows it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct EnrolmentRow {
    pub id: i64,
    pub session_id: i64,
    pub first_name: String,
    pub contact: String,
    #[sqlx(try_from = "String")]
    pub status: EnrolmentStatus,
    pub email_locale: String,
    /// Place on the waitlist (1 = next), when waitlisted.
    pub place: Option<i64>,
}

pub async fn enrolment_by_token(
    pool: &PgPool,
    token: &str,
) -> Result<Option<EnrolmentRow>, crate::db::Error> {
    sqlx::query_as(
        "select e.id, e.session_id, e.first_name, e.contact, e.status, e.email_locale,
                case when e.status = 'waitlisted' then
                    (select count(*) from workshop_enrolments w
                     where w.session_id = e.session_id and w.status = 'waitlisted' and w.id <= e.id)
                end as place
         from workshop_links l join workshop_enrolments e on e.id = l.enrolment_id
         join workshop_sessions s on s.id = e.session_id
         where l.token_hash = $1 and s.ends_at > now() - make_interval(days => $2::int)",
    )
    .bind(hash(token))
    .bind(LINK_VALID_AFTER_END_DAYS as i32)
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

/// A session's roster: enrolled (and attended / no-show) first, then the waitlist in order.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RosterRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    #[sqlx(try_from = "String")]
    pub status: EnrolmentStatus,
}

pub async fn roster(pool: &PgPool, session_id: i64) -> Result<Vec<RosterRow>, crate::db::Error> {
    sqlx::query_as(
        "select id, first_name, last_name, status from workshop_enrolments
         where session_id = $1 and status <> 'cancelled'
         order by case when status = 'waitlisted' then 1 else 0 end, id",
    )
    .bind(session_id)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Sessions from today on, cancelled ones too, for staff.
pub async fn upcoming_for_staff(
    pool: &PgPool,
    now: DateTime<Utc>,
) -> Result<Vec<WorkshopSession>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{SELECT_SESSION} where s.ends_at > $1 - interval '12 hours' order by s.starts_at, s.id"
    ))
    .bind(now)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Attendance of one enrolled person; the waitlist and cancelled enrolments are left alone.
pub async fn mark_attendance(
    pool: &PgPool,
    session_id: i64,
    enrolment_id: i64,
    status: EnrolmentStatus,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "update workshop_enrolments set status = $3
         where id = $2 and session_id = $1 and status in ('enrolled', 'attended', 'no_show')",
    )
    .bind(session_id)
    .bind(enrolment_id)
    .bind(status.code())
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}
