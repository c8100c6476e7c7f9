//! [ssr] The queries behind booking, cancelling and rescheduling appointments; the use
//! cases that put them together in one transaction are in `services::bookings`.
//!
//! Capacity is PostgreSQL's job: a booking first claims a seat in `slot_seats` with one
//! conditional upsert, inside the transaction that then inserts the booking, its private
//! link and its confirmation email. When the seat cannot be claimed, nothing is written.

use super::booking_slots::Offer;
use super::error::DataError;
use super::sessions::{hash, new_token};
use super::OlderLinks;
use crate::domain::availability::Slot;
use crate::domain::booking::{Booking, NewBooking, LINK_VALID_AFTER_END};
use crate::domain::booking_form::BookingDetails;
use crate::domain::confirmation_code;
use crate::domain::contact_details::last_four;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

pub(crate) const SELECT_BOOKING: &str = "select b.id, b.code, b.center_id, c.name as center_name,
        c.time_zone as center_time_zone, b.service_id, b.starts_at, b.ends_at, b.visitor_time_zone,
        b.first_name, b.last_name, b.email, b.phone, b.language, b.email_locale, b.accommodations,
        b.interpreter_language, b.accommodation_other, b.status, b.sequence, b.created_at, b.held, b.meeting_link,
        coalesce(
            (select t.name from service_texts t where t.service_id = b.service_id and t.locale = b.email_locale),
            (select t.name from service_texts t where t.service_id = b.service_id and t.locale = 'en'),
            b.service_id) as service_name
    from bookings b join centers c on c.id = b.center_id";

/// Upcoming booked appointments of the person's email or phone, counted under locks on
/// both (taken in one order), so two forms for one contact sent at once are counted one
/// after the other.
pub async fn upcoming_for_contact(
    conn: &mut PgConnection,
    details: &BookingDetails,
    now: DateTime<Utc>,
) -> Result<i64, crate::db::Error> {
    let email = details.email.to_lowercase();
    let digits: String = details.phone.chars().filter(char::is_ascii_digit).collect();
    let mut keys = [
        format!("booking-email:{email}"),
        format!("booking-phone:{digits}"),
    ];
    keys.sort();
    for key in &keys {
        sqlx::query("select pg_advisory_xact_lock(hashtextextended($1, 0))")
            .bind(key)
            .execute(&mut *conn)
            .await?;
    }
    sqlx::query_scalar(
        "select count(*) from bookings
         where status = 'booked' and starts_at > $3
           and (lower(email) = $1 or regexp_replace(phone, '[^0-9]', '', 'g') = $2)",
    )
    .bind(&email)
    .bind(&digits)
    .bind(now)
    .fetch_one(conn)
    .await
    .map_err(Into::into)
}

/// Takes the center's row lock shared until the transaction ends: it waits while a
/// manager closes a day or changes hours or seats there (who holds it exclusively), and
/// keeps them waiting until this booking commits.
pub async fn lock_center_shared(
    conn: &mut PgConnection,
    center_id: &str,
) -> Result<(), crate::db::Error> {
    sqlx::query("select 1 from centers where id = $1 for share")
        .bind(center_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes one seat of the slot, or returns false when it is full (seats held for someone on
/// the waiting list are not free; of the row's capacity and the rules' as they are now,
/// the lower counts, since a row keeps a higher one while a cut left seats taken). The
/// row lock taken by the upsert makes concurrent claims wait for each other, and the
/// `where` re-checks the count they see after waiting.
pub async fn claim_seat(
    conn: &mut PgConnection,
    offer: &Offer,
    service: &str,
    start: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let claimed: Option<i32> = sqlx::query_scalar(
        "insert into slot_seats (center_id, service_id, starts_at, capacity, booked)
         values ($1, $2, $3, $4, 1)
         on conflict (center_id, service_id, starts_at)
         do update set booked = slot_seats.booked + 1
                   where slot_seats.booked + slot_seats.on_hold
                         < least(slot_seats.capacity, excluded.capacity)
         returning booked",
    )
    .bind(&offer.center.id)
    .bind(service)
    .bind(start)
    .bind(offer.rules.capacity as i32)
    .fetch_optional(conn)
    .await?;
    Ok(claimed.is_some())
}

/// Gives back the seat `booking` holds.
pub async fn release_seat(
    conn: &mut PgConnection,
    booking: &Booking,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update slot_seats set booked = booked - 1
         where center_id = $1 and service_id = $2 and starts_at = $3 and booked > 0",
    )
    .bind(&booking.center_id)
    .bind(&booking.service_id)
    .bind(booking.starts_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Inserts the booking with a fresh confirmation code; `None` when a booking with the
/// same key exists. A code already in use (1 in a trillion) is simply drawn again.
pub async fn insert_booking(
    conn: &mut PgConnection,
    request: &NewBooking,
    offer: &Offer,
    slot: Slot,
) -> Result<Option<i64>, crate::db::Error> {
    let d = &request.details;
    let accommodations: Vec<&str> = d.accommodations.iter().map(|a| a.code()).collect();
    for _ in 0..5 {
        let code = new_code();
        let id: Option<i64> = sqlx::query_scalar(
            "insert into bookings (code, idempotency_key, center_id, service_id, starts_at, ends_at,
                visitor_time_zone, first_name, last_name, email, phone, phone_last4, language,
                email_locale, accommodations, interpreter_language, accommodation_other, held,
                meeting_link)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
                     case when $18 = 'video'
                          then (select meeting_link from centers where id = $3) else '' end)
             on conflict do nothing returning id",
        )
        .bind(&code)
        .bind(request.key)
        .bind(&offer.center.id)
        .bind(&request.service)
        .bind(slot.start)
        .bind(slot.end)
        .bind(&request.visitor_time_zone)
        .bind(&d.first_name)
        .bind(&d.last_name)
        .bind(&d.email)
        .bind(&d.phone)
        .bind(last_four(&d.phone))
        .bind(&d.language)
        .bind(request.email_locale.tag())
        .bind(&accommodations)
        .bind(&d.interpreter_language)
        .bind(&d.accommodation_other)
        .bind(request.held.code())
        .fetch_optional(&mut *conn)
        .await?;
        if id.is_some() {
            return Ok(id);
        }
        let key_taken: bool =
            sqlx::query_scalar("select exists (select 1 from bookings where idempotency_key = $1)")
                .bind(request.key)
                .fetch_one(&mut *conn)
                .await?;
        if key_taken {
            return Ok(None);
        }
    }
    Err(DataError::CodesExhausted { draws: 5 }.into())
}

fn new_code() -> String {
    use rand::RngCore;
    let mut random = [0u8; confirmation_code::LENGTH];
    rand::rngs::OsRng.fill_bytes(&mut random);
    confirmation_code::from_random(random)
}

/// A new private manage link for the booking; only its hash is stored. With
/// `OlderLinks::Revoke` (every email after the confirmation) it becomes the only one that
/// works: the newest email holds the way in.
pub async fn new_link(
    conn: &mut PgConnection,
    booking_id: i64,
    older: OlderLinks,
) -> Result<String, crate::db::Error> {
    if older == OlderLinks::Revoke {
        sqlx::query("delete from booking_links where booking_id = $1")
            .bind(booking_id)
            .execute(&mut *conn)
            .await?;
    }
    let token = new_token();
    sqlx::query("insert into booking_links (token_hash, booking_id) values ($1, $2)")
        .bind(hash(&token))
        .bind(booking_id)
        .execute(conn)
        .await?;
    Ok(token)
}

pub async fn load(conn: &mut PgConnection, booking_id: i64) -> Result<Booking, crate::db::Error> {
    sqlx::query_as(&format!("{SELECT_BOOKING} where b.id = $1"))
        .bind(booking_id)
        .fetch_one(conn)
        .await
        .map_err(Into::into)
}

/// The booking a manage link opens; `None` for an unknown token or a link whose
/// appointment ended more than `LINK_VALID_AFTER_END` ago.
pub async fn find_by_token(
    pool: &PgPool,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Booking>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{SELECT_BOOKING} join booking_links l on l.booking_id = b.id
         where l.token_hash = $1 and b.ends_at > $2"
    ))
    .bind(hash(token))
    .bind(now - LINK_VALID_AFTER_END)
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

/// The booking made by the form with `key`, if any, and whether it was made for this
/// email and phone (the same person sending twice) or another person's.
pub async fn booking_of_form(
    pool: &PgPool,
    key: Uuid,
    details: &BookingDetails,
) -> Result<Option<(i64, bool)>, crate::db::Error> {
    sqlx::query_as(
        "select id, lower(email) = lower($2) and regexp_replace(phone, '[^0-9]', '', 'g') = $3
         from bookings where idempotency_key = $1",
    )
    .bind(key)
    .bind(&details.email)
    .bind(
        details
            .phone
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>(),
    )
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

/// Marks booking `booking_id` cancelled if it is still booked; returns whether it was.
pub async fn mark_cancelled(
    conn: &mut PgConnection,
    booking_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "update bookings set status = 'cancelled', cancelled_at = $2, updated_at = $2, sequence = sequence + 1
         where id = $1 and status = 'booked'",
    )
    .bind(booking_id)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Moves `booking` to `slot` if it is still booked at the time it was read with; returns
/// whether it moved (another request may have changed it meanwhile).
pub async fn move_to(
    conn: &mut PgConnection,
    booking: &Booking,
    slot: Slot,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "update bookings set starts_at = $3, ends_at = $4, updated_at = $5, sequence = sequence + 1,
                reminder_queued_at = null
         where id = $1 and status = 'booked' and starts_at = $2",
    )
    .bind(booking.id)
    .bind(booking.starts_at)
    .bind(slot.start)
    .bind(slot.end)
    .bind(now)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

/// Locks and marks as reminded every booking that starts within 24 hours and was booked
/// or last changed earlier than that (a fresh confirmation needs no reminder); returns
/// their ids. Each booking is reminded once per time it is booked for.
pub async fn take_due_reminders(
    conn: &mut PgConnection,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, crate::db::Error> {
    sqlx::query_scalar(
        "update bookings set reminder_queued_at = $1
         where id in (select id from bookings
                      where status = 'booked' and reminder_queued_at is null
                        and starts_at > $1 and starts_at <= $1 + interval '24 hours'
                        and updated_at < starts_at - interval '24 hours'
                      for update skip locked)
         returning id",
    )
    .bind(now)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}
