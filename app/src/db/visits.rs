//! [ssr] Walk-in check-ins: taking a ticket, and what the ticket says about the line.

use super::centers::CenterRow;
use crate::domain::check_in::NewCheckIn;
use crate::domain::queue::{people_ahead, QueuePosition, QueueStatus};
use crate::domain::ticket::{TicketNumber, WALK_IN_PREFIX};
use crate::domain::ticket_view::Ticket;
use crate::domain::wait::{told_wait, Estimator, LineNow, PastWait, KNOWN_VISITS, TOLD_WAIT};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;
use uuid::Uuid;

/// Records a check-in and returns its visit id.
///
/// Idempotent on `key`: the same check-in sent twice (a double tap, a retry after a lost
/// response) returns the first visit, and the ticket counter is not advanced twice, because
/// the losing transaction rolls back its increment. A key answers only for a check-in at
/// the same center on the same day: a key seen elsewhere (copied from another tablet's page
/// or an old one) gives no one's ticket, only an error.
pub async fn record_check_in(
    pool: &PgPool,
    center: &CenterRow,
    visitor: &NewCheckIn,
    key: Uuid,
    language: &str,
    now: DateTime<Utc>,
) -> Result<i64, crate::db::Error> {
    let day = center.today(now)?;
    if let Some(id) = visit_by_key(pool, key, &center.id, day).await? {
        return Ok(id);
    }
    let mut tx = pool.begin().await?;
    let number = next_ticket_number(&mut tx, &center.id, day).await?;
    let codes = |items: Vec<&'static str>| {
        items
            .into_iter()
            .map(str::to_owned)
            .collect::<Vec<String>>()
    };
    let inserted: Option<i64> = sqlx::query_scalar(
        "insert into visits (center_id, service_day, ticket_prefix, ticket_number, idempotency_key,
                             first_name, last_name, reasons, registered, accommodations,
                             interpreter_language, accommodation_other, language, consented_at, checked_in_at,
                             follow_token)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15)
         on conflict (idempotency_key) do nothing
         returning id",
    )
    .bind(&center.id)
    .bind(day)
    .bind(WALK_IN_PREFIX.to_string())
    .bind(number)
    .bind(key)
    .bind(&visitor.first_name)
    .bind(&visitor.last_name)
    .bind(&visitor.reasons)
    .bind(visitor.registered.code())
    .bind(codes(visitor.accommodations.iter().map(|a| a.code()).collect()))
    .bind(&visitor.interpreter_language)
    .bind(&visitor.accommodation_other)
    .bind(language)
    .bind(now)
    .bind(super::follow::new_follow_token())
    .fetch_optional(&mut *tx)
    .await?;
    match inserted {
        Some(id) => {
            record_ahead_at_check_in(&mut tx, id, &center.id, day).await?;
            super::notify_queue_changed(&mut tx, &center.id).await?;
            tx.commit().await?;
            Ok(id)
        }
        None => {
            // A concurrent request with the same key committed first: use its visit.
            tx.rollback().await?;
            visit_by_key(pool, key, &center.id, day)
                .await?
                .ok_or(sqlx::Error::RowNotFound.into())
        }
    }
}

/// The next ticket number of `center_id` on `day`. The counter row's lock, held until the
/// caller's transaction ends, serialises numbers per center and day; a rolled-back
/// transaction gives its number back.
pub(crate) async fn next_ticket_number(
    conn: &mut sqlx::PgConnection,
    center_id: &str,
    day: NaiveDate,
) -> Result<i32, crate::db::Error> {
    sqlx::query_scalar(
        "insert into ticket_counters (center_id, service_day, last_number) values ($1, $2, 1)
         on conflict (center_id, service_day) do update set last_number = ticket_counters.last_number + 1
         returning last_number",
    )
    .bind(center_id)
    .bind(day)
    .fetch_one(conn)
    .await.map_err(Into::into)
}

/// The waiting visits of `center_id` on `day`, as the queue's calling order sees them.
async fn waiting_positions(
    conn: &mut sqlx::PgConnection,
    center_id: &str,
    day: NaiveDate,
) -> Result<Vec<QueuePosition>, crate::db::Error> {
    let rows: Vec<(i64, DateTime<Utc>, bool)> = sqlx::query_as(
        "select id, checked_in_at, booking_id is not null from visits
         where center_id = $1 and service_day = $2 and status = 'waiting'",
    )
    .bind(center_id)
    .bind(day)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, arrived_at, appointment)| QueuePosition {
            id,
            arrived_at,
            appointment,
        })
        .collect())
}

/// Stores how many people were ahead of the just inserted visit `visit_id`, in the
/// caller's transaction, so later estimates can learn minutes per place in line.
pub(crate) async fn record_ahead_at_check_in(
    conn: &mut sqlx::PgConnection,
    visit_id: i64,
    center_id: &str,
    day: NaiveDate,
) -> Result<(), crate::db::Error> {
    let positions = waiting_positions(conn, center_id, day).await?;
    let Some(me) = positions.iter().find(|p| p.id == visit_id).cloned() else {
        return Ok(());
    };
    let ahead = i32::try_from(people_ahead(&positions, &me)).unwrap_or(i32::MAX);
    sqlx::query("update visits set ahead_at_check_in = $2 where id = $1")
        .bind(visit_id)
        .bind(ahead)
        .execute(conn)
        .await?;
    Ok(())
}

async fn visit_by_key(
    pool: &PgPool,
    key: Uuid,
    center_id: &str,
    day: NaiveDate,
) -> Result<Option<i64>, crate::db::Error> {
    sqlx::query_scalar(
        "select id from visits where idempotency_key = $1 and center_id = $2 and service_day = $3",
    )
    .bind(key)
    .bind(center_id)
    .bind(day)
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

#[derive(sqlx::FromRow)]
struct VisitTicketRow {
    center_id: String,
    service_day: NaiveDate,
    ticket_prefix: String,
    ticket_number: i32,
    #[sqlx(try_from = "String")]
    status: QueueStatus,
    checked_in_at: DateTime<Utc>,
    appointment: bool,
}

/// The ticket for visit `id`: its number, its place in line now, and the estimated wait
/// from how long visitors waited, or visits took, today at the same center.
pub async fn ticket(pool: &PgPool, id: i64) -> Result<Ticket, crate::db::Error> {
    let visit: VisitTicketRow = sqlx::query_as(
        "select center_id, service_day, ticket_prefix, ticket_number, status, checked_in_at,
                booking_id is not null as appointment
         from visits where id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await?;
    let positions = waiting_positions(
        &mut *pool.acquire().await?,
        &visit.center_id,
        visit.service_day,
    )
    .await?;
    let me = QueuePosition {
        id,
        arrived_at: visit.checked_in_at,
        appointment: visit.appointment,
    };
    let still_waiting = visit.status == QueueStatus::Waiting;
    let ahead = if still_waiting {
        people_ahead(&positions, &me)
    } else {
        0
    };
    let wait_minutes = estimated_wait(
        pool,
        &visit.center_id,
        visit.service_day,
        ahead,
        visit.appointment,
    )
    .await?;
    let prefix = visit.ticket_prefix.chars().next().unwrap_or(WALK_IN_PREFIX);
    Ok(Ticket {
        number: TicketNumber {
            prefix,
            number: u32::try_from(visit.ticket_number).unwrap_or(0),
        }
        .to_string(),
        people_ahead: ahead,
        wait_minutes,
        wait_sentence: String::new(),
        follow: None,
        registration: None,
        team_note: String::new(),
    })
}

/// The secret of visit `id`'s follow link (none for visits from before follow links, and
/// for appointment arrivals), and when the visitor checked in.
pub async fn follow_token_of(
    pool: &PgPool,
    id: i64,
) -> Result<(Option<String>, DateTime<Utc>), crate::db::Error> {
    sqlx::query_as("select follow_token, checked_in_at from visits where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .map_err(Into::into)
}

/// Minutes a visitor with `ahead` people before them at `center_id` can expect to wait,
/// from what the line looks like now (`domain::wait::told_wait`).
pub async fn estimated_wait(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
    ahead: u32,
    appointment: bool,
) -> Result<u32, crate::db::Error> {
    if ahead == 0 {
        return Ok(0);
    }
    // Recent visitors' waits feed only the former estimate (kept for the replay's
    // comparison): the line played forward does not read them, so they are not queried.
    let past_waits = match TOLD_WAIT {
        Estimator::PastWaits(_) => recent_waits(pool, center_id, day, appointment).await?,
        Estimator::Line { .. } => Vec::new(),
    };
    let (services, staff) = todays_service(pool, center_id, day).await?;
    let in_progress = visits_in_progress(pool, center_id, day).await?;
    let earlier_services = if services.len() + in_progress.len() < KNOWN_VISITS {
        earlier_services(pool, center_id, day).await?
    } else {
        Vec::new()
    };
    let line = LineNow {
        ahead,
        past_waits,
        services,
        in_progress,
        earlier_services,
        staff,
    };
    Ok(told_wait(&line, TOLD_WAIT))
}

/// Minutes each visit now with staff at `center_id` has run (called, not yet done). A call
/// older than two hours is most likely one nobody closed (a no-show left "called"): it
/// would hold a staff member and lengthen every visit in the estimate for the rest of the
/// day.
async fn visits_in_progress(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
) -> Result<Vec<f64>, crate::db::Error> {
    sqlx::query_scalar(
        "select (extract(epoch from now() - called_at) / 60)::float8 from visits
         where center_id = $1 and service_day = $2 and status in ('called', 'serving')
           and called_at > now() - interval '2 hours'",
    )
    .bind(center_id)
    .bind(day)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Minutes the latest `KNOWN_VISITS` visits done at `center_id` in the four weeks before
/// `day` took (called to done), newest first. A "visit" of two hours or more is a call
/// nobody closed until later (as `visits_in_progress` reads it): it would stretch every
/// morning's waits until thirty newer visits pushed it out.
async fn earlier_services(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
) -> Result<Vec<f64>, crate::db::Error> {
    sqlx::query_scalar(
        "select (extract(epoch from finished_at - called_at) / 60)::float8 from visits
         where center_id = $1 and service_day < $2 and service_day >= $2 - 28
           and status = 'done' and called_at is not null and finished_at is not null
           and finished_at - called_at < interval '2 hours'
         order by finished_at desc
         limit $3",
    )
    .bind(center_id)
    .bind(day)
    .bind(KNOWN_VISITS as i64)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// How long the visitors called in the last two hours at `center_id` waited, and how many
/// were ahead of each when they checked in. Appointments are called before walk-ins, so
/// each kind learns only from its own kind.
async fn recent_waits(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
    appointment: bool,
) -> Result<Vec<PastWait>, crate::db::Error> {
    let rows: Vec<(f64, i32)> = sqlx::query_as(
        "select (extract(epoch from called_at - checked_in_at) / 60)::float8, ahead_at_check_in
         from visits
         where center_id = $1 and service_day = $2 and called_at > now() - interval '2 hours'
           and ahead_at_check_in is not null and (booking_id is not null) = $3",
    )
    .bind(center_id)
    .bind(day)
    .bind(appointment)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(waited_minutes, ahead)| PastWait {
            waited_minutes,
            ahead_at_check_in: u32::try_from(ahead).unwrap_or(0),
        })
        .collect())
}

/// Today's service durations in minutes (called to done) and how many staff called or
/// served someone at the center in the last hour.
async fn todays_service(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
) -> Result<(Vec<f64>, u32), crate::db::Error> {
    let minutes: Vec<f64> = sqlx::query_scalar(
        "select (extract(epoch from finished_at - called_at) / 60)::float8 from visits
         where center_id = $1 and service_day = $2 and status = 'done'
           and called_at is not null and finished_at is not null",
    )
    .bind(center_id)
    .bind(day)
    .fetch_all(pool)
    .await?;
    let staff: i64 = sqlx::query_scalar(
        "select count(distinct staff_id) from visits
         where center_id = $1 and service_day = $2 and called_at > now() - interval '1 hour'",
    )
    .bind(center_id)
    .bind(day)
    .fetch_one(pool)
    .await?;
    Ok((minutes, u32::try_from(staff).unwrap_or(1)))
}
