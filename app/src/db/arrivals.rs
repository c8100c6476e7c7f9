//! [ssr] "I have an appointment" at the kiosk: find today's booking, mark it arrived, and
//! put the visitor in the center's queue as an appointment (called before walk-ins).

use super::bookings::SELECT_BOOKING;
use super::centers::CenterRow;
use crate::domain::booking::Booking;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;
use uuid::Uuid;

/// Ticket prefix of arrived appointments, so staff tell them apart from walk-ins (`A`).
pub const APPOINTMENT_PREFIX: char = 'B';

/// How a visitor identifies their booking at the kiosk.
#[derive(Debug, Clone, PartialEq)]
pub enum Lookup {
    Code(String),
    NameAndPhone {
        first_name: String,
        last_name: String,
        last4: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum ArrivalOutcome {
    /// Marked arrived (now or earlier) and in the queue with this visit.
    Arrived {
        booking: Box<Booking>,
        visit_id: i64,
    },
    /// Booked for another day: that day, in the center's zone.
    OtherDay(NaiveDate),
    /// Booked today, at another center: its name.
    OtherCenter(String),
    NotFound,
}

/// Finds the booking and checks the visitor in for it. Repeating the arrival (a second
/// tap, a second kiosk) returns the same visit.
pub async fn arrive(
    pool: &PgPool,
    center: &CenterRow,
    lookup: &Lookup,
    now: DateTime<Utc>,
) -> Result<ArrivalOutcome, crate::db::Error> {
    let today = center.today(now)?;
    let candidates: Vec<Booking> = match lookup {
        Lookup::Code(code) => {
            sqlx::query_as(&format!(
                "{SELECT_BOOKING} where b.code = $1 and b.status in ('booked', 'arrived')"
            ))
            .bind(code)
            .fetch_all(pool)
            .await?
        }
        Lookup::NameAndPhone {
            first_name,
            last_name,
            last4,
        } => {
            sqlx::query_as(&format!(
                "{SELECT_BOOKING} where lower(b.first_name) = lower($1) and lower(b.last_name) = lower($2)
                   and b.phone_last4 = $3 and b.status in ('booked', 'arrived')
                 order by b.starts_at"
            ))
            .bind(first_name.trim())
            .bind(last_name.trim())
            .bind(last4)
            .fetch_all(pool)
            .await?
        }
    };
    let day_of = |b: &Booking| {
        crate::domain::local_time::local_day(b.starts_at, &center.time_zone).unwrap_or(today)
    };
    let Some(booking) = candidates
        .iter()
        .find(|b| b.center_id == center.id && day_of(b) == today)
    else {
        return Ok(match candidates.first() {
            Some(b) if day_of(b) == today => ArrivalOutcome::OtherCenter(b.center_name.clone()),
            Some(b) => ArrivalOutcome::OtherDay(day_of(b)),
            None => ArrivalOutcome::NotFound,
        });
    };
    let visit_id = join_queue(pool, center, booking, today, now).await?;
    let booking = super::bookings::load(&mut *pool.acquire().await?, booking.id).await?;
    Ok(ArrivalOutcome::Arrived {
        booking: Box::new(booking),
        visit_id,
    })
}

async fn join_queue(
    pool: &PgPool,
    center: &CenterRow,
    booking: &Booking,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64, crate::db::Error> {
    if let Some(id) = visit_of(pool, booking.id).await? {
        return Ok(id);
    }
    let mut tx = pool.begin().await?;
    let number = super::visits::next_ticket_number(&mut tx, &center.id, today).await?;
    // The reason its service arrives with; "something else" when it names none.
    let reason: String = sqlx::query_scalar(
        "select coalesce((select nullif(arrival_reason, '') from services where id = $1),
                         'something_else')",
    )
    .bind(&booking.service_id)
    .fetch_one(&mut *tx)
    .await?;
    let inserted: Option<i64> = sqlx::query_scalar(
        "insert into visits (center_id, service_day, ticket_prefix, ticket_number, idempotency_key,
                             first_name, last_name, reasons, registered, accommodations,
                             interpreter_language, accommodation_other, language, consented_at,
                             checked_in_at, booking_id)
         values ($1, $2, $3, $4, $5, $6, $7, array[$8], 'not_sure', $9, $10, $11, $12, $13, $14, $15)
         on conflict do nothing returning id",
    )
    .bind(&center.id)
    .bind(today)
    .bind(APPOINTMENT_PREFIX.to_string())
    .bind(number)
    .bind(Uuid::new_v4())
    .bind(&booking.first_name)
    .bind(&booking.last_name)
    .bind(&reason)
    .bind(&booking.accommodations)
    .bind(&booking.interpreter_language)
    .bind(&booking.accommodation_other)
    .bind(&booking.email_locale)
    .bind(booking.created_at)
    .bind(now)
    .bind(booking.id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(visit_id) = inserted else {
        // Another kiosk checked the same booking in at the same moment.
        tx.rollback().await?;
        return visit_of(pool, booking.id)
            .await?
            .ok_or(sqlx::Error::RowNotFound.into());
    };
    super::visits::record_ahead_at_check_in(&mut tx, visit_id, &center.id, today).await?;
    sqlx::query(
        "update bookings set status = 'arrived', arrived_at = $2, updated_at = $2 where id = $1 and status = 'booked'",
    )
    .bind(booking.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    super::notify_queue_changed(&mut tx, &center.id).await?;
    tx.commit().await?;
    Ok(visit_id)
}

async fn visit_of(pool: &PgPool, booking_id: i64) -> Result<Option<i64>, crate::db::Error> {
    sqlx::query_scalar("select id from visits where booking_id = $1")
        .bind(booking_id)
        .fetch_optional(pool)
        .await
        .map_err(Into::into)
}
