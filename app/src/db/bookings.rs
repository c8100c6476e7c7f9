//! [ssr] Booking, cancelling and rescheduling appointments.
//!
//! Capacity is PostgreSQL's job: a booking first claims a seat in `slot_seats` with one
//! conditional upsert, inside the transaction that then inserts the booking, its private
//! link and its confirmation email. When the seat cannot be claimed, nothing is written.

use super::booking_slots::{distinct_times, free_slots, offers, Offer};
use super::outbox::{enqueue, MailContext};
use super::sessions::{hash, new_token};
use super::OlderLinks;
use crate::booking_mail::MailKind;
use crate::domain::availability::{nearest, Slot};
use crate::domain::booking_form::BookingDetails;
use crate::domain::confirmation_code;
use crate::domain::contact_details::last_four;
use crate::domain::limits::FUTURE_BOOKINGS_PER_CONTACT;
use crate::domain::service::Service;
use crate::i18n::Locale;
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// A manage link stops working this long after the appointment ends.
pub const LINK_VALID_AFTER_END: Duration = Duration::days(7);
/// How many other times are offered when the chosen one was just taken.
pub const ALTERNATIVES: usize = 3;

/// A booking as stored, with its center.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct BookingRow {
    pub id: i64,
    pub code: String,
    pub center_id: String,
    pub center_name: String,
    pub center_time_zone: String,
    pub service_id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub visitor_time_zone: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub email_locale: String,
    pub accommodations: Vec<String>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
    pub status: String,
    pub sequence: i32,
    pub created_at: DateTime<Utc>,
}

impl BookingRow {
    pub fn service(&self) -> Option<Service> {
        Service::from_code(&self.service_id)
    }
    pub fn locale(&self) -> Locale {
        Locale::from_tag(&self.email_locale)
    }
}

pub(crate) const SELECT_BOOKING: &str = "select b.id, b.code, b.center_id, c.name as center_name,
        c.time_zone as center_time_zone, b.service_id, b.starts_at, b.ends_at, b.visitor_time_zone,
        b.first_name, b.last_name, b.email, b.phone, b.language, b.email_locale, b.accommodations,
        b.interpreter_language, b.accommodation_other, b.status, b.sequence, b.created_at
    from bookings b join centers c on c.id = b.center_id";

/// A booking request, validated.
#[derive(Debug, Clone)]
pub struct NewBooking {
    /// From the form: the same form sent twice books once.
    pub key: Uuid,
    pub service: Service,
    /// `None`: any center with room at that time.
    pub center_id: Option<String>,
    pub start: DateTime<Utc>,
    pub visitor_time_zone: String,
    pub details: BookingDetails,
    pub email_locale: Locale,
}

/// What became of a booking request.
#[derive(Debug, Clone, PartialEq)]
pub enum BookOutcome {
    /// Booked (or booked before, by the same form): the manage link's token.
    Booked { booking_id: i64, token: String },
    /// The time is full or no longer offered; the nearest free times instead.
    Taken { nearest: Vec<Slot> },
    /// The email or phone already holds `FUTURE_BOOKINGS_PER_CONTACT` upcoming bookings.
    TooManyUpcoming,
}

pub async fn book(
    pool: &PgPool,
    request: &NewBooking,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<BookOutcome, sqlx::Error> {
    let fresh;
    let request = match replay(pool, request.key, &request.details).await? {
        Replay::SamePerson(outcome) => return Ok(outcome),
        // The form's key came back with someone else's details (Back on a shared
        // computer): a booking of its own, never a link to the first person's.
        Replay::OtherPerson => {
            fresh = NewBooking {
                key: Uuid::new_v4(),
                ..request.clone()
            };
            &fresh
        }
        Replay::New => request,
    };
    let offers = offers(pool, request.service, request.center_id.as_deref()).await?;
    for offer in &offers {
        let Some(slot) = offered_slot(offer, request.start, now) else {
            continue;
        };
        let mut tx = pool.begin().await?;
        if upcoming_for_contact(&mut tx, &request.details, now).await?
            >= FUTURE_BOOKINGS_PER_CONTACT
        {
            tx.rollback().await?;
            return Ok(BookOutcome::TooManyUpcoming);
        }
        if !claim_seat(&mut tx, offer, request.service, slot.start).await? {
            tx.rollback().await?;
            continue;
        }
        let Some(booking_id) = insert_booking(&mut tx, request, offer, slot).await? else {
            // The same form, sent concurrently, committed first: that is this booking.
            tx.rollback().await?;
            return Ok(match replay(pool, request.key, &request.details).await? {
                Replay::SamePerson(outcome) => outcome,
                Replay::OtherPerson | Replay::New => BookOutcome::Taken {
                    nearest: Vec::new(),
                },
            });
        };
        let token = new_link(&mut tx, booking_id, OlderLinks::Revoke).await?;
        let booking = load(&mut tx, booking_id).await?;
        enqueue(&mut tx, MailKind::Confirmation, &booking, &token, mail, now).await?;
        // Staff calendars of the center show the new booking live.
        super::notify_queue_changed(&mut tx, &booking.center_id).await?;
        tx.commit().await?;
        return Ok(BookOutcome::Booked { booking_id, token });
    }
    Ok(BookOutcome::Taken {
        nearest: alternatives(pool, request.service, &offers, request.start, now).await?,
    })
}

/// Upcoming booked appointments of the person's email or phone, counted under locks on
/// both (taken in one order), so two forms for one contact sent at once are counted one
/// after the other.
async fn upcoming_for_contact(
    conn: &mut PgConnection,
    details: &BookingDetails,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
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
}

/// The slot starting at `start` if `offer`'s rules allow it now (not past, not closed,
/// not beyond the horizon, on the slot grid).
fn offered_slot(offer: &Offer, start: DateTime<Utc>, now: DateTime<Utc>) -> Option<Slot> {
    offer.all_slots(now).into_iter().find(|s| s.start == start)
}

async fn alternatives(
    pool: &PgPool,
    service: Service,
    offers: &[Offer],
    wanted: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Slot>, sqlx::Error> {
    let free = free_slots(pool, service, offers, now).await?;
    Ok(nearest(&distinct_times(&free), wanted, ALTERNATIVES))
}

/// Takes one seat of the slot, or returns false when it is full or its day was just
/// closed. The row lock taken by the upsert makes concurrent claims wait for each other,
/// and the `where` re-checks the count they see after waiting. The share lock on the
/// center waits for a manager closing a day (who holds it exclusively), so a booking
/// never slips onto a day as it closes.
async fn claim_seat(
    conn: &mut PgConnection,
    offer: &Offer,
    service: Service,
    start: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let closed: bool = sqlx::query_scalar(
        "select exists (select 1 from center_closures where center_id = $1 and day = $2)
         from centers where id = $1 for share",
    )
    .bind(&offer.center.id)
    .bind(start.with_timezone(&offer.tz).date_naive())
    .fetch_one(&mut *conn)
    .await?;
    if closed {
        return Ok(false);
    }
    let claimed: Option<i32> = sqlx::query_scalar(
        "insert into slot_seats (center_id, service_id, starts_at, capacity, booked)
         values ($1, $2, $3, $4, 1)
         on conflict (center_id, service_id, starts_at)
         do update set booked = slot_seats.booked + 1 where slot_seats.booked < slot_seats.capacity
         returning booked",
    )
    .bind(&offer.center.id)
    .bind(service.code())
    .bind(start)
    .bind(offer.rules.capacity as i32)
    .fetch_optional(conn)
    .await?;
    Ok(claimed.is_some())
}

async fn release_seat(conn: &mut PgConnection, booking: &BookingRow) -> Result<(), sqlx::Error> {
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
async fn insert_booking(
    conn: &mut PgConnection,
    request: &NewBooking,
    offer: &Offer,
    slot: Slot,
) -> Result<Option<i64>, sqlx::Error> {
    let d = &request.details;
    let accommodations: Vec<&str> = d.accommodations.iter().map(|a| a.code()).collect();
    for _ in 0..5 {
        let code = new_code();
        let id: Option<i64> = sqlx::query_scalar(
            "insert into bookings (code, idempotency_key, center_id, service_id, starts_at, ends_at,
                visitor_time_zone, first_name, last_name, email, phone, phone_last4, language,
                email_locale, accommodations, interpreter_language, accommodation_other)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
             on conflict do nothing returning id",
        )
        .bind(&code)
        .bind(request.key)
        .bind(&offer.center.id)
        .bind(request.service.code())
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
    Err(sqlx::Error::Protocol(
        "no free confirmation code after 5 draws".into(),
    ))
}

fn new_code() -> String {
    use rand::RngCore;
    let mut random = [0u8; confirmation_code::LENGTH];
    rand::rngs::OsRng.fill_bytes(&mut random);
    confirmation_code::from_random(random)
}

/// What a form's key says about a booking request.
enum Replay {
    /// Booked before by this form, for the same email and phone: the same person sending
    /// twice, with a fresh manage link (the first link's token exists only as a hash, so
    /// it cannot be shown again; the links already out keep working).
    SamePerson(BookOutcome),
    /// The key is taken by another person's booking.
    OtherPerson,
    New,
}

async fn replay(pool: &PgPool, key: Uuid, details: &BookingDetails) -> Result<Replay, sqlx::Error> {
    let found: Option<(i64, bool)> = sqlx::query_as(
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
    .await?;
    let Some((booking_id, same_person)) = found else {
        return Ok(Replay::New);
    };
    if !same_person {
        return Ok(Replay::OtherPerson);
    }
    let mut conn = pool.acquire().await?;
    let token = new_link(&mut conn, booking_id, OlderLinks::Keep).await?;
    Ok(Replay::SamePerson(BookOutcome::Booked {
        booking_id,
        token,
    }))
}

/// A new private manage link for the booking; only its hash is stored. With
/// `OlderLinks::Revoke` (every email after the confirmation) it becomes the only one that
/// works: the newest email holds the way in.
pub(crate) async fn new_link(
    conn: &mut PgConnection,
    booking_id: i64,
    older: OlderLinks,
) -> Result<String, sqlx::Error> {
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

pub(crate) async fn load(
    conn: &mut PgConnection,
    booking_id: i64,
) -> Result<BookingRow, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT_BOOKING} where b.id = $1"))
        .bind(booking_id)
        .fetch_one(conn)
        .await
}

/// The booking a manage link opens; `None` for an unknown token or a link whose
/// appointment ended more than `LINK_VALID_AFTER_END` ago.
pub async fn find_by_token(
    pool: &PgPool,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<BookingRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT_BOOKING} join booking_links l on l.booking_id = b.id
         where l.token_hash = $1 and b.ends_at > $2"
    ))
    .bind(hash(token))
    .bind(now - LINK_VALID_AFTER_END)
    .fetch_optional(pool)
    .await
}

/// Cancels booking `booking_id` inside `conn`'s transaction when it is still booked (by
/// its own link, or because its center closes that day): frees its seat and emails the
/// person, with a fresh link (which replaces the older ones). Returns that link's token
/// when it was cancelled.
pub(crate) async fn cancel_booked(
    conn: &mut PgConnection,
    booking_id: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Option<String>, sqlx::Error> {
    let cancelled = sqlx::query(
        "update bookings set status = 'cancelled', cancelled_at = $2, updated_at = $2, sequence = sequence + 1
         where id = $1 and status = 'booked'",
    )
    .bind(booking_id)
    .bind(now)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if !cancelled {
        return Ok(None);
    }
    let booking = load(&mut *conn, booking_id).await?;
    release_seat(&mut *conn, &booking).await?;
    let link = new_link(&mut *conn, booking_id, OlderLinks::Revoke).await?;
    enqueue(
        &mut *conn,
        MailKind::Cancellation,
        &booking,
        &link,
        mail,
        now,
    )
    .await?;
    super::notify_queue_changed(&mut *conn, &booking.center_id).await?;
    Ok(Some(link))
}

/// What became of a cancellation by link.
#[derive(Debug, Clone, PartialEq)]
pub enum CancelOutcome {
    /// Cancelled now: the link that replaced the used one (the page goes on with it).
    Cancelled { token: String },
    /// Already cancelled, or it has started (a started appointment is not cancelled by
    /// link): nothing changed.
    Unchanged,
    /// No such link, or it expired or was replaced.
    UnknownLink,
}

/// Cancels the booking behind `token`, frees its seat and queues the cancellation email.
pub async fn cancel(
    pool: &PgPool,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<CancelOutcome, sqlx::Error> {
    let Some(booking) = find_by_token(pool, token, now).await? else {
        return Ok(CancelOutcome::UnknownLink);
    };
    if booking.starts_at <= now {
        return Ok(CancelOutcome::Unchanged);
    }
    let mut tx = pool.begin().await?;
    let cancelled = cancel_booked(&mut tx, booking.id, mail, now).await?;
    tx.commit().await?;
    Ok(match cancelled {
        Some(token) => CancelOutcome::Cancelled { token },
        None => CancelOutcome::Unchanged,
    })
}

/// What became of a reschedule.
#[derive(Debug, Clone, PartialEq)]
pub enum RescheduleOutcome {
    /// Moved: the link that replaced the used one.
    Moved { token: String },
    /// The new time was taken meanwhile; the booking keeps its old time.
    Taken { nearest: Vec<Slot> },
    /// The link is not valid, or the booking is cancelled, arrived or past.
    NotChangeable,
}

/// Moves the booking behind `token` to `new_start`: the new seat is claimed before the old
/// one is released, in one transaction, so the person never ends up with neither.
pub async fn reschedule(
    pool: &PgPool,
    token: &str,
    new_start: DateTime<Utc>,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<RescheduleOutcome, sqlx::Error> {
    let Some(booking) = find_by_token(pool, token, now).await? else {
        return Ok(RescheduleOutcome::NotChangeable);
    };
    let Some(service) = booking.service() else {
        return Ok(RescheduleOutcome::NotChangeable);
    };
    if booking.status != "booked" || booking.starts_at <= now {
        return Ok(RescheduleOutcome::NotChangeable);
    }
    if booking.starts_at == new_start {
        return Ok(RescheduleOutcome::Moved {
            token: token.to_owned(),
        });
    }
    let offers = offers(pool, service, Some(&booking.center_id)).await?;
    let taken = |nearest| Ok(RescheduleOutcome::Taken { nearest });
    let Some((offer, slot)) = offers
        .first()
        .and_then(|o| offered_slot(o, new_start, now).map(|s| (o, s)))
    else {
        return taken(alternatives(pool, service, &offers, new_start, now).await?);
    };
    let mut tx = pool.begin().await?;
    if !claim_seat(&mut tx, offer, service, slot.start).await? {
        tx.rollback().await?;
        return taken(alternatives(pool, service, &offers, new_start, now).await?);
    }
    let moved = sqlx::query(
        "update bookings set starts_at = $3, ends_at = $4, updated_at = $5, sequence = sequence + 1,
                reminder_queued_at = null
         where id = $1 and status = 'booked' and starts_at = $2",
    )
    .bind(booking.id)
    .bind(booking.starts_at)
    .bind(slot.start)
    .bind(slot.end)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !moved {
        // Changed by another request meanwhile: keep everything as it was.
        tx.rollback().await?;
        return Ok(RescheduleOutcome::NotChangeable);
    }
    release_seat(&mut tx, &booking).await?;
    let updated = load(&mut tx, booking.id).await?;
    let link = new_link(&mut tx, booking.id, OlderLinks::Revoke).await?;
    enqueue(&mut tx, MailKind::Change, &updated, &link, mail, now).await?;
    tx.commit().await?;
    Ok(RescheduleOutcome::Moved { token: link })
}
