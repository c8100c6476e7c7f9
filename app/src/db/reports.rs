//! [ssr] The counts behind the staff reports, per center-local day, for days `from` to
//! `to` (inclusive) and one center or all. Grouping into weeks happens in `domain::report`.

use crate::domain::appointment_status::{AppointmentStatus, Outcome};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

/// Visits of one day, center, reason and language. A visit with two reasons counts once
/// under each.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct VisitCount {
    pub day: NaiveDate,
    pub center_id: String,
    pub reason: String,
    pub language: String,
    pub visits: i64,
}

pub async fn visits_by_reason(
    pool: &PgPool,
    from: NaiveDate,
    to: NaiveDate,
    center: Option<&str>,
) -> Result<Vec<VisitCount>, crate::db::Error> {
    sqlx::query_as(
        "select v.service_day as day, v.center_id, r.reason, v.language, count(*) as visits
         from visits v cross join lateral unnest(v.reasons) as r(reason)
         where v.service_day between $1 and $2 and ($3::text is null or v.center_id = $3)
         group by 1, 2, 3, 4 order by 1, 2, 3, 4",
    )
    .bind(from)
    .bind(to)
    .bind(center)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// One visit: its day, language and, once called, its wait in minutes.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct VisitWait {
    pub day: NaiveDate,
    pub language: String,
    pub waited_minutes: Option<f64>,
}

pub async fn visit_waits(
    pool: &PgPool,
    from: NaiveDate,
    to: NaiveDate,
    center: Option<&str>,
) -> Result<Vec<VisitWait>, crate::db::Error> {
    sqlx::query_as(
        "select service_day as day, language,
                extract(epoch from called_at - checked_in_at)::float8 / 60 as waited_minutes
         from visits
         where service_day between $1 and $2 and ($3::text is null or center_id = $3)",
    )
    .bind(from)
    .bind(to)
    .bind(center)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// A walk-in's wait as the service level counts it: the minutes to being called, or for one
/// who left without being called, to leaving (one still waiting on a day that is over was
/// never called: counted as a whole day); with the visit's reasons and its center's target
/// wait.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct WalkInWait {
    pub day: NaiveDate,
    pub reasons: Vec<String>,
    pub target_wait_minutes: i32,
    pub called_after: Option<f64>,
    pub left_after: Option<f64>,
}

pub async fn walk_in_waits(
    pool: &PgPool,
    from: NaiveDate,
    to: NaiveDate,
    center: Option<&str>,
) -> Result<Vec<WalkInWait>, crate::db::Error> {
    sqlx::query_as(
        "select v.service_day as day, v.reasons, c.target_wait_minutes,
                extract(epoch from v.called_at - v.checked_in_at)::float8 / 60 as called_after,
                case when v.called_at is null and v.status = 'left'
                     then extract(epoch from v.finished_at - v.checked_in_at)::float8 / 60
                     when v.called_at is null and v.status = 'waiting'
                          and v.service_day < (now() at time zone c.time_zone)::date
                     then 1440.0
                end as left_after
         from visits v join centers c on c.id = v.center_id
         where v.booking_id is null and v.service_day between $1 and $2
           and ($3::text is null or v.center_id = $3)",
    )
    .bind(from)
    .bind(to)
    .bind(center)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Appointments of one day (on the center's wall clock) by what became of them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct BookingCount {
    pub day: NaiveDate,
    pub booked: i64,
    pub cancelled: i64,
    /// Arrived, and whatever staff did after (in progress, completed).
    pub arrived: i64,
    /// Marked a no-show, or still "booked" after the appointment ended.
    pub no_show: i64,
}

/// Appointments per day, status and whether they have ended; folded into `BookingCount`s
/// by the domain's rule (`AppointmentStatus::outcome`).
#[derive(sqlx::FromRow)]
struct StatusCount {
    day: NaiveDate,
    status: String,
    ended: bool,
    count: i64,
}

pub async fn bookings(
    pool: &PgPool,
    from: NaiveDate,
    to: NaiveDate,
    center: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<BookingCount>, crate::db::Error> {
    let rows: Vec<StatusCount> = sqlx::query_as(
        "select (b.starts_at at time zone c.time_zone)::date as day, b.status,
                b.ends_at < $4 as ended, count(*) as count
         from bookings b join centers c on c.id = b.center_id
         where (b.starts_at at time zone c.time_zone)::date between $1 and $2
           and ($3::text is null or b.center_id = $3)
         group by 1, 2, 3 order by 1",
    )
    .bind(from)
    .bind(to)
    .bind(center)
    .bind(now)
    .fetch_all(pool)
    .await?;
    let mut days: Vec<BookingCount> = Vec::new();
    for row in rows {
        if days.last().is_none_or(|d| d.day != row.day) {
            days.push(BookingCount {
                day: row.day,
                ..BookingCount::default()
            });
        }
        let Some(day) = days.last_mut() else { continue };
        day.booked += row.count;
        let status = AppointmentStatus::try_from(row.status.clone())?;
        match status.outcome(row.ended) {
            Outcome::Cancelled => day.cancelled += row.count,
            Outcome::Came => day.arrived += row.count,
            Outcome::NoShow => day.no_show += row.count,
            Outcome::Pending => {}
        }
    }
    Ok(days)
}

/// Workshop sessions held on one day: seats offered, taken, and attendance.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct WorkshopCount {
    pub day: NaiveDate,
    pub sessions: i64,
    pub seats: i64,
    pub enrolled: i64,
    pub attended: i64,
    pub no_show: i64,
}

pub async fn workshops(
    pool: &PgPool,
    from: NaiveDate,
    to: NaiveDate,
    center: Option<&str>,
) -> Result<Vec<WorkshopCount>, crate::db::Error> {
    sqlx::query_as(
        "with held as (
             select s.id, s.capacity,
                    (s.starts_at at time zone coalesce(c.time_zone, 'America/Los_Angeles'))::date as day
             from workshop_sessions s left join centers c on c.id = s.center_id
             where s.status = 'scheduled' and ($3::text is null or s.center_id = $3)
         )
         select h.day, count(distinct h.id) as sessions,
                coalesce(sum(h.capacity), 0)::int8 as seats,
                coalesce(sum(e.taken), 0)::int8 as enrolled,
                coalesce(sum(e.attended), 0)::int8 as attended,
                coalesce(sum(e.no_show), 0)::int8 as no_show
         from held h left join lateral (
             select count(*) filter (where status in ('enrolled', 'attended', 'no_show')) as taken,
                    count(*) filter (where status = 'attended') as attended,
                    count(*) filter (where status = 'no_show') as no_show
             from workshop_enrolments where session_id = h.id
         ) e on true
         where h.day between $1 and $2
         group by h.day order by h.day",
    )
    .bind(from)
    .bind(to)
    .bind(center)
    .fetch_all(pool)
    .await.map_err(Into::into)
}
