//! [ssr] Walk-in check-ins: taking a ticket, and what the ticket says about the line.

use super::centers::CenterRow;
use crate::api::check_in::Ticket;
use crate::domain::check_in::NewCheckIn;
use crate::domain::queue::{people_ahead, QueuePosition, QueueStatus};
use crate::domain::ticket::{TicketNumber, WALK_IN_PREFIX};
use crate::domain::wait::estimate_wait_minutes;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;
use uuid::Uuid;

/// Records a check-in and returns its visit id.
///
/// Idempotent on `key`: the same check-in sent twice (a double tap, a retry after a lost
/// response) returns the first visit, and the ticket counter is not advanced twice, because
/// the losing transaction rolls back its increment.
pub async fn record_check_in(
    pool: &PgPool,
    center: &CenterRow,
    visitor: &NewCheckIn,
    key: Uuid,
    language: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    if let Some(id) = visit_by_key(pool, key).await? {
        return Ok(id);
    }
    let day = center.today(now)?;
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
                             interpreter_language, accommodation_other, language, consented_at, checked_in_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
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
    .bind(codes(visitor.reasons.iter().map(|r| r.code()).collect()))
    .bind(visitor.registered.code())
    .bind(codes(visitor.accommodations.iter().map(|a| a.code()).collect()))
    .bind(&visitor.interpreter_language)
    .bind(&visitor.accommodation_other)
    .bind(language)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    match inserted {
        Some(id) => {
            super::notify_queue_changed(&mut tx, &center.id).await?;
            tx.commit().await?;
            Ok(id)
        }
        None => {
            // A concurrent request with the same key committed first: use its visit.
            tx.rollback().await?;
            visit_by_key(pool, key)
                .await?
                .ok_or_else(|| sqlx::Error::Protocol("idempotency key vanished".into()))
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
) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar(
        "insert into ticket_counters (center_id, service_day, last_number) values ($1, $2, 1)
         on conflict (center_id, service_day) do update set last_number = ticket_counters.last_number + 1
         returning last_number",
    )
    .bind(center_id)
    .bind(day)
    .fetch_one(conn)
    .await
}

async fn visit_by_key(pool: &PgPool, key: Uuid) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("select id from visits where idempotency_key = $1")
        .bind(key)
        .fetch_optional(pool)
        .await
}

#[derive(sqlx::FromRow)]
struct VisitTicketRow {
    center_id: String,
    service_day: NaiveDate,
    ticket_prefix: String,
    ticket_number: i32,
    status: String,
    checked_in_at: DateTime<Utc>,
    appointment: bool,
}

/// The ticket for visit `id`: its number, its place in line now, and the estimated wait
/// from how long visits took today at the same center.
pub async fn ticket(pool: &PgPool, id: i64) -> Result<Ticket, sqlx::Error> {
    let visit: VisitTicketRow = sqlx::query_as(
        "select center_id, service_day, ticket_prefix, ticket_number, status, checked_in_at,
                booking_id is not null as appointment
         from visits where id = $1",
    )
    .bind(id)
    .fetch_one(pool)
    .await?;
    let waiting: Vec<(i64, DateTime<Utc>, bool)> = sqlx::query_as(
        "select id, checked_in_at, booking_id is not null from visits where center_id = $1 and service_day = $2 and status = 'waiting'",
    )
    .bind(&visit.center_id)
    .bind(visit.service_day)
    .fetch_all(pool)
    .await?;
    let positions: Vec<QueuePosition> = waiting
        .into_iter()
        .map(|(id, arrived_at, appointment)| QueuePosition {
            id,
            arrived_at,
            appointment,
        })
        .collect();
    let me = QueuePosition {
        id,
        arrived_at: visit.checked_in_at,
        appointment: visit.appointment,
    };
    let still_waiting = QueueStatus::from_code(&visit.status) == Some(QueueStatus::Waiting);
    let ahead = if still_waiting {
        people_ahead(&positions, &me)
    } else {
        0
    };
    let (service_minutes, staff_serving) =
        todays_service(pool, &visit.center_id, visit.service_day).await?;
    let prefix = visit.ticket_prefix.chars().next().unwrap_or(WALK_IN_PREFIX);
    Ok(Ticket {
        number: TicketNumber {
            prefix,
            number: u32::try_from(visit.ticket_number).unwrap_or(0),
        }
        .to_string(),
        people_ahead: ahead,
        wait_minutes: estimate_wait_minutes(ahead, &service_minutes, staff_serving),
    })
}

/// Today's service durations in minutes (called to done) and how many staff called or
/// served someone at the center in the last hour.
async fn todays_service(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
) -> Result<(Vec<f64>, u32), sqlx::Error> {
    let minutes: Vec<f64> = sqlx::query_scalar(
        "select (extract(epoch from finished_at - called_at) / 60)::float8 from visits
         where center_id = $1 and service_day = $2 and status = 'done' and called_at is not null",
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
