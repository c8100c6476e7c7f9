//! [ssr] The accommodation work-queue: requests read from bookings, enrolments and
//! today's open visits, with how far staff got with each.

use chrono::{DateTime, Duration, Utc};
use sqlx::PgPool;

/// One accommodation one person asked for.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct WorkRow {
    pub source: String,
    pub source_id: i64,
    pub need: String,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
    pub needed_at: DateTime<Utc>,
    pub center_name: Option<String>,
    pub time_zone: String,
    pub first_name: String,
    pub last_name: String,
    pub status: String,
    pub handler: Option<String>,
}

/// Requests for what is still ahead (or going on now), soonest first. `status` and
/// `center` narrow the list when given.
pub async fn work_queue(
    pool: &PgPool,
    status: Option<&str>,
    center: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Vec<WorkRow>, crate::db::Error> {
    sqlx::query_as(
        "with needs as (
             select 'booking' as source, b.id as source_id, unnest(b.accommodations) as need,
                    b.interpreter_language, b.accommodation_other, b.starts_at as needed_at,
                    b.center_id, b.first_name, b.last_name
             from bookings b where b.status <> 'cancelled' and b.ends_at > $1
             union all
             select 'enrolment', e.id, unnest(e.accommodations), e.interpreter_language,
                    e.accommodation_other, w.starts_at, w.center_id, e.first_name, e.last_name
             from workshop_enrolments e join workshop_sessions w on w.id = e.session_id
             where e.status in ('enrolled', 'waitlisted') and w.status = 'scheduled' and w.ends_at > $1
             union all
             select 'visit', v.id, unnest(v.accommodations), v.interpreter_language,
                    v.accommodation_other, v.checked_in_at, v.center_id, v.first_name, v.last_name
             from visits v where v.status in ('waiting', 'called', 'serving') and v.checked_in_at > $2
         )
         select n.source, n.source_id, n.need, n.interpreter_language, n.accommodation_other,
                n.needed_at, c.name as center_name,
                coalesce(c.time_zone, 'America/Los_Angeles') as time_zone,
                n.first_name, n.last_name, coalesce(w.status, 'open') as status,
                u.display_name as handler
         from needs n
         left join accommodation_work w
                on w.source = n.source and w.source_id = n.source_id and w.need = n.need
         left join staff_users u on u.id = w.staff_id
         left join centers c on c.id = n.center_id
         where ($3::text is null or coalesce(w.status, 'open') = $3)
           and ($4::text is null or n.center_id = $4)
         order by n.needed_at, n.source, n.source_id, n.need",
    )
    .bind(now)
    .bind(now - Duration::hours(24))
    .bind(status)
    .bind(center)
    .fetch_all(pool)
    .await.map_err(Into::into)
}

/// Records how far staff member `staff_id` got with one request; they now handle it.
pub async fn set_status(
    pool: &PgPool,
    source: &str,
    source_id: i64,
    need: &str,
    status: &str,
    staff_id: i64,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "insert into accommodation_work (source, source_id, need, status, staff_id, updated_at)
         values ($1, $2, $3, $4, $5, now())
         on conflict (source, source_id, need)
         do update set status = excluded.status, staff_id = excluded.staff_id, updated_at = now()",
    )
    .bind(source)
    .bind(source_id)
    .bind(need)
    .bind(status)
    .bind(staff_id)
    .execute(pool)
    .await?;
    Ok(())
}
