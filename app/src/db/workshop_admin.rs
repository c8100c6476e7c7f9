//! [ssr] The queries behind staff changes to workshop sessions: create (alone or as a
//! weekly series), edit, cancel, and the sessions a person can be moved to. The use cases
//! (with their emails and waitlist promotions) are in `services::workshop_admin`.

use super::workshops::SELECT_SESSION;
use crate::domain::session_plan::SessionPlan;
use crate::domain::workshop_session::WorkshopSession;
use crate::domain::workshop_status::SessionStatus;
use chrono::{DateTime, Utc};
use sqlx::postgres::PgArguments;
use sqlx::query::Query;
use sqlx::{PgConnection, PgPool, Postgres, Row};

/// Creates the sessions of `plan`: one, or a series of weekly ones. Returns their ids in
/// date order.
pub async fn create_sessions(
    pool: &PgPool,
    plan: &SessionPlan,
) -> Result<Vec<i64>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let series_id: Option<i64> = if plan.times.len() > 1 {
        Some(
            sqlx::query_scalar(
                "insert into workshop_series (title, topic) values ($1, $2) returning id",
            )
            .bind(&plan.title)
            .bind(plan.topic.code())
            .fetch_one(&mut *tx)
            .await?,
        )
    } else {
        None
    };
    let mut ids = Vec::with_capacity(plan.times.len());
    for (starts_at, ends_at) in &plan.times {
        let id: i64 = bind_plan(
            sqlx::query(
                "insert into workshop_sessions (topic, title, description, employer, center_id,
                    meeting_link, capacity, language, facilitator, series_id, starts_at, ends_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id",
            ),
            plan,
        )
        .bind(series_id)
        .bind(starts_at)
        .bind(ends_at)
        .fetch_one(&mut *tx)
        .await?
        .get(0);
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// Binds what a plan sets, as `$1`…`$9` in this order, for both the insert and the edit:
/// topic, title, description, employer, center, meeting link, capacity, language,
/// facilitator.
fn bind_plan<'q>(
    query: Query<'q, Postgres, PgArguments>,
    plan: &'q SessionPlan,
) -> Query<'q, Postgres, PgArguments> {
    query
        .bind(plan.topic.code())
        .bind(&plan.title)
        .bind(&plan.description)
        .bind(&plan.employer)
        .bind(&plan.center_id)
        .bind(&plan.meeting_link)
        .bind(plan.capacity)
        .bind(&plan.language)
        .bind(&plan.facilitator)
}

/// What an edit compares against, read under the session's lock.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionBefore {
    #[sqlx(try_from = "String")]
    pub status: SessionStatus,
    pub enrolled: i32,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub center_id: Option<String>,
    pub meeting_link: Option<String>,
}

/// Locks session `id` for an edit and reads what the edit compares against.
pub async fn lock_for_edit(
    conn: &mut PgConnection,
    id: i64,
) -> Result<Option<SessionBefore>, crate::db::Error> {
    sqlx::query_as(
        "select status, enrolled, starts_at, ends_at, center_id, meeting_link
         from workshop_sessions where id = $1 for update",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
    .map_err(Into::into)
}

/// Saves `plan` over session `id` with the time `starts_at`..`ends_at`. The calendar
/// sequence and the time of the last change rise when it is `moved` or anything a
/// calendar shows of it changes (topic, title, description, employer, place, language):
/// the partners' feeds and the participants' calendar files then replace the event.
pub async fn save(
    conn: &mut PgConnection,
    id: i64,
    plan: &SessionPlan,
    (starts_at, ends_at): (DateTime<Utc>, DateTime<Utc>),
    moved: bool,
) -> Result<(), crate::db::Error> {
    bind_plan(
        sqlx::query(
            "update workshop_sessions set topic = $1, title = $2, description = $3, employer = $4,
                center_id = $5, meeting_link = $6, capacity = $7, language = $8, facilitator = $9,
                starts_at = $10, ends_at = $11,
                sequence = sequence + case when $12::int = 1 or changed.shown then 1 else 0 end,
                updated_at = case when $12::int = 1 or changed.shown then now() else updated_at end
             from (select (topic, title, description, employer, center_id, language)
                          is distinct from ($1, $2, $3, $4, $5, $8) as shown
                   from workshop_sessions where id = $13) changed
             where id = $13",
        ),
        plan,
    )
    .bind(starts_at)
    .bind(ends_at)
    .bind(i32::from(moved))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Locks, in id order, session `id` if scheduled and, with `rest_of_series`, every later
/// scheduled session of its series; returns their ids.
pub async fn lock_to_cancel(
    conn: &mut PgConnection,
    id: i64,
    rest_of_series: bool,
) -> Result<Vec<i64>, crate::db::Error> {
    sqlx::query_scalar(
        "select s.id from workshop_sessions s, workshop_sessions chosen
         where chosen.id = $1 and s.status = 'scheduled'
           and (s.id = chosen.id
                or ($2 and s.series_id = chosen.series_id and s.starts_at > chosen.starts_at))
         order by s.id for update of s",
    )
    .bind(id)
    .bind(rest_of_series)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

pub async fn mark_session_cancelled(
    conn: &mut PgConnection,
    id: i64,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update workshop_sessions set status = 'cancelled', sequence = sequence + 1, updated_at = now()
         where id = $1",
    )
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Scheduled sessions that have not started, other than `except`, for the "move to"
/// choice: soonest first.
pub async fn move_targets(
    pool: &PgPool,
    except: i64,
    now: DateTime<Utc>,
) -> Result<Vec<WorkshopSession>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{} where s.status = 'scheduled' and s.starts_at > $1 and s.id <> $2
         order by s.starts_at, s.id limit 60",
        SELECT_SESSION
    ))
    .bind(now)
    .bind(except)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
