//! [ssr] The live walk-in queue as staff see it, and the staff actions on it.

use crate::domain::accommodation::Accommodation;
use crate::domain::display_name::short_name;
use crate::domain::queue::{
    in_calling_order, queue_order, QueueAction, QueuePosition, QueueStatus,
};
use crate::domain::queue_view::{QueueEntry, QueueView};
use crate::domain::ticket::TicketNumber;
use crate::domain::wait::wait_summary;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

use super::centers::CenterRow;

#[derive(sqlx::FromRow)]
struct OpenVisitRow {
    id: i64,
    ticket_prefix: String,
    ticket_number: i32,
    first_name: String,
    last_name: String,
    reasons: Vec<String>,
    accommodations: Vec<String>,
    interpreter_language: Option<String>,
    accommodation_other: Option<String>,
    #[sqlx(try_from = "String")]
    status: QueueStatus,
    checked_in_at: DateTime<Utc>,
    called_at: Option<DateTime<Utc>>,
    staff_name: Option<String>,
    appointment_at: Option<DateTime<Utc>>,
}

/// Today's open visits at `center`: being served and called first, then the waiting line
/// in calling order.
pub async fn open_queue(
    pool: &PgPool,
    center: &CenterRow,
    now: DateTime<Utc>,
) -> Result<QueueView, crate::db::Error> {
    let rows: Vec<OpenVisitRow> = sqlx::query_as(
        "select v.id, v.ticket_prefix, v.ticket_number, v.first_name, v.last_name, v.reasons,
                v.accommodations, v.interpreter_language, v.accommodation_other, v.status,
                v.checked_in_at, v.called_at, u.display_name as staff_name, b.starts_at as appointment_at
         from visits v left join staff_users u on u.id = v.staff_id left join bookings b on b.id = v.booking_id
         where v.center_id = $1 and v.service_day = $2 and v.status in ('waiting', 'called', 'serving')",
    )
    .bind(&center.id)
    .bind(center.today(now)?)
    .fetch_all(pool)
    .await?;

    // Being served first, then called, then the waiting line in calling order.
    let stage = |row: &OpenVisitRow| match row.status {
        QueueStatus::Serving => 0,
        QueueStatus::Called => 1,
        _ => 2,
    };
    let position = |row: &OpenVisitRow| QueuePosition {
        id: row.id,
        arrived_at: row.checked_in_at,
        appointment: row.appointment_at.is_some(),
    };
    let mut rows = rows;
    rows.sort_by(|a, b| {
        stage(a)
            .cmp(&stage(b))
            .then_with(|| queue_order(&position(a), &position(b)))
    });

    let entries: Vec<QueueEntry> = rows
        .into_iter()
        .map(|row| {
            let waited_until = row.called_at.unwrap_or(now);
            QueueEntry {
                visit_id: row.id,
                ticket: TicketNumber {
                    prefix: row.ticket_prefix.chars().next().unwrap_or('?'),
                    number: u32::try_from(row.ticket_number).unwrap_or(0),
                }
                .to_string(),
                name: short_name(&row.first_name, &row.last_name),
                reasons: row.reasons,
                accommodations: row
                    .accommodations
                    .iter()
                    .filter_map(|c| Accommodation::from_code(c))
                    .collect(),
                interpreter_language: row.interpreter_language,
                accommodation_other: row.accommodation_other,
                status: row.status,
                waited_minutes: u32::try_from(
                    (waited_until - row.checked_in_at).num_minutes().max(0),
                )
                .unwrap_or(0),
                staff_name: row.staff_name,
                appointment_at: row.appointment_at,
            }
        })
        .collect();
    let called_waits: Vec<f64> = sqlx::query_scalar(
        "select extract(epoch from called_at - checked_in_at)::float8 / 60 from visits
         where center_id = $1 and service_day = $2 and called_at is not null",
    )
    .bind(&center.id)
    .bind(center.today(now)?)
    .fetch_all(pool)
    .await?;
    let still_waiting: Vec<f64> = entries
        .iter()
        .filter(|e: &&QueueEntry| e.status == QueueStatus::Waiting)
        .map(|e| f64::from(e.waited_minutes))
        .collect();
    // A walk-in checking in now goes behind everyone waiting, appointments included.
    let waiting = u32::try_from(still_waiting.len()).unwrap_or(u32::MAX);
    let new_walk_in_wait =
        super::visits::estimated_wait(pool, &center.id, center.today(now)?, waiting, false).await?;
    Ok(QueueView {
        new_walk_in_wait,
        staff_members: super::calendar::staff_members(pool).await?,
        reasons: super::visit_reasons::list(pool).await?,
        waits: wait_summary(&called_waits, &still_waiting),
        center_id: center.id.clone(),
        center_name: center.name.clone(),
        time_zone: center.time_zone.clone(),
        entries,
        // Filled by the caller that wants them (`api::queue`): it needs every service's
        // free times, which only the staff queue shows.
        open_slots: Vec::new(),
    })
}

/// Applies `action` to visit `visit_id` at `center_id` on behalf of staff `staff_id`, as
/// of `now`. Returns false when the visit was no longer in a state the action applies to
/// (another staff member got there first); nothing is changed then.
pub async fn apply_action(
    pool: &PgPool,
    center_id: &str,
    visit_id: i64,
    action: QueueAction,
    staff_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    apply_action_at_desk(pool, center_id, visit_id, action, staff_id, None, now).await
}

/// As `apply_action`, by a staff member at `desk`: a visitor called is told to go there.
pub async fn apply_action_at_desk(
    pool: &PgPool,
    center_id: &str,
    visit_id: i64,
    action: QueueAction,
    staff_id: i64,
    desk: Option<&str>,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let from: Vec<&str> = action.allowed_from().iter().map(|s| s.code()).collect();
    let target = action.target().code();
    let mut tx = pool.begin().await?;
    let updated = sqlx::query(
        "update visits set
            status = $4,
            called_at = case when $4 in ('called', 'serving') then coalesce(called_at, $6) else called_at end,
            serving_started_at = case when $4 = 'serving' then $6 else serving_started_at end,
            finished_at = case when $4 in ('done', 'left') then $6 else finished_at end,
            staff_id = case when $4 in ('called', 'serving') then $5 else staff_id end,
            desk = case when $4 = 'called' then $7 else desk end
         where id = $1 and center_id = $2 and status = any($3)",
    )
    .bind(visit_id)
    .bind(center_id)
    .bind(&from)
    .bind(target)
    .bind(staff_id)
    .bind(now)
    .bind(desk)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if updated {
        super::notify_queue_changed(&mut tx, center_id).await?;
    }
    tx.commit().await?;
    Ok(updated)
}

/// Calls the first waiting visitor in calling order. When another staff member calls the
/// same visitor at the same instant, the conditional update lets only one succeed and the
/// other moves on to the next in line. Returns the visit called, if anyone was waiting.
/// The visitor is told to come to `desk`.
pub async fn call_next(
    pool: &PgPool,
    center: &CenterRow,
    staff_id: i64,
    desk: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Option<i64>, crate::db::Error> {
    let waiting: Vec<(i64, DateTime<Utc>, bool)> = sqlx::query_as(
        "select id, checked_in_at, booking_id is not null from visits where center_id = $1 and service_day = $2 and status = 'waiting'",
    )
    .bind(&center.id)
    .bind(center.today(now)?)
    .fetch_all(pool)
    .await?;
    let line = in_calling_order(
        waiting
            .into_iter()
            .map(|(id, arrived_at, appointment)| QueuePosition {
                id,
                arrived_at,
                appointment,
            })
            .collect(),
    );
    for candidate in line {
        if apply_action_at_desk(
            pool,
            &center.id,
            candidate.id,
            QueueAction::Call,
            staff_id,
            desk,
            now,
        )
        .await?
        {
            return Ok(Some(candidate.id));
        }
    }
    Ok(None)
}

/// Hands open visit `visit_id` on: to a colleague, who then has it (its stage stays), or
/// back into the waiting line for another service, keeping its arrival time so the
/// visitor does not lose their place. Returns false when the visit is no longer open.
pub async fn transfer(
    pool: &PgPool,
    center_id: &str,
    visit_id: i64,
    to: crate::domain::queue::Transfer,
) -> Result<bool, crate::db::Error> {
    use crate::domain::queue::Transfer;
    let mut tx = pool.begin().await?;
    let query = match to {
        // A visitor called already is sent to the colleague's desk (as their latest
        // session chose it), not left waiting at the first one.
        Transfer::ToStaff(staff_id) => sqlx::query(
            "update visits set staff_id = $3,
                desk = case when status = 'called'
                    then (select s.desk from staff_sessions s where s.staff_id = $3
                          order by s.last_seen_at desc limit 1)
                    else desk end
             where id = $1 and center_id = $2 and status in ('waiting', 'called', 'serving')
               and exists (select 1 from staff_users where id = $3 and not disabled)",
        )
        .bind(visit_id)
        .bind(center_id)
        .bind(staff_id),
        Transfer::ToService(reason) => sqlx::query(
            "update visits set reasons = array[$3], status = 'waiting', staff_id = null,
                called_at = null, serving_started_at = null
             where id = $1 and center_id = $2 and status in ('waiting', 'called', 'serving')
               and exists (select 1 from visit_reasons
                           where code = $3 and not hidden and not handled_elsewhere)",
        )
        .bind(visit_id)
        .bind(center_id)
        .bind(reason),
    };
    let updated = query.execute(&mut *tx).await?.rows_affected() == 1;
    if updated {
        super::notify_queue_changed(&mut tx, center_id).await?;
    }
    tx.commit().await?;
    Ok(updated)
}
