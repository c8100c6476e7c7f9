//! [ssr] Booking from home as use cases: book, cancel, reschedule and the day-before
//! reminders. Each runs in one transaction that makes the change, issues the private link
//! and queues the email that reports it, so an email goes out exactly when the change
//! commits. The queries are in `db::bookings`; the emails are composed in `booking_mail`.

use super::waitlist::offer_freed_seats;
use crate::booking_mail::{compose, MailKind};
use crate::db::booking_slots::{distinct_times, free_slots, offers, offers_in, Offer};
use crate::db::bookings::{
    booking_of_form, claim_seat, find_by_token, insert_booking, load, lock_center_shared,
    mark_cancelled, move_to, new_link, release_seat, take_due_reminders, upcoming_for_contact,
};
use crate::db::outbox::{insert_message, Recipient};
use crate::db::{notify_queue_changed, OlderLinks};
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::availability::{nearest, Slot};
use crate::domain::booking::{Booking, NewBooking, ALTERNATIVES};
use crate::domain::booking_form::BookingDetails;
use crate::domain::limits::FUTURE_BOOKINGS_PER_CONTACT;
use crate::domain::mail::MailContext;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

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
) -> Result<BookOutcome, crate::db::Error> {
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
    let offers = offers(pool, &request.service, request.center_id.as_deref()).await?;
    for offer in &offers {
        // A first look without locks: centers that do not offer the time are skipped.
        if offered_slot(offer, request.start, now).is_none() {
            continue;
        }
        let mut tx = pool.begin().await?;
        if upcoming_for_contact(&mut tx, &request.details, now).await?
            >= FUTURE_BOOKINGS_PER_CONTACT
        {
            tx.rollback().await?;
            return Ok(BookOutcome::TooManyUpcoming);
        }
        let Some((offer, slot)) =
            still_offered(&mut tx, offer, &request.service, request.start, now).await?
        else {
            tx.rollback().await?;
            continue;
        };
        if !claim_seat(&mut tx, &offer, &request.service, slot.start).await? {
            tx.rollback().await?;
            continue;
        }
        let Some(booking_id) = insert_booking(&mut tx, request, &offer, slot).await? else {
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
        queue_mail(&mut tx, MailKind::Confirmation, &booking, &token, mail, now).await?;
        // Staff calendars of the center show the new booking live.
        notify_queue_changed(&mut tx, &booking.center_id).await?;
        tx.commit().await?;
        return Ok(BookOutcome::Booked { booking_id, token });
    }
    Ok(BookOutcome::Taken {
        nearest: alternatives(pool, &request.service, &offers, request.start, now).await?,
    })
}

/// `offer`'s center as it is once no manager is changing it: takes the center's lock
/// (waiting for a manager who is closing a day or changing hours or seats there), then
/// reads its days, hours and seats afresh, and returns them with the slot at `start` if
/// they still offer it. So a booking never lands on a day just closed or an hour just
/// taken away. (Under READ COMMITTED only a statement begun after the wait sees what
/// the manager committed.)
async fn still_offered(
    tx: &mut PgConnection,
    offer: &Offer,
    service: &str,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Option<(Offer, Slot)>, crate::db::Error> {
    lock_center_shared(&mut *tx, &offer.center.id).await?;
    let fresh = offers_in(tx, service, Some(&offer.center.id)).await?;
    Ok(fresh.into_iter().next().and_then(|fresh| {
        let slot = offered_slot(&fresh, start, now)?;
        Some((fresh, slot))
    }))
}

/// The slot starting at `start` if `offer`'s rules allow it now (not past, not closed,
/// not beyond the horizon, on the slot grid).
fn offered_slot(offer: &Offer, start: DateTime<Utc>, now: DateTime<Utc>) -> Option<Slot> {
    offer.all_slots(now).into_iter().find(|s| s.start == start)
}

async fn alternatives(
    pool: &PgPool,
    service: &str,
    offers: &[Offer],
    wanted: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<Slot>, crate::db::Error> {
    let free = free_slots(pool, service, offers, now).await?;
    Ok(nearest(&distinct_times(&free), wanted, ALTERNATIVES))
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

async fn replay(
    pool: &PgPool,
    key: Uuid,
    details: &BookingDetails,
) -> Result<Replay, crate::db::Error> {
    match booking_of_form(pool, key, details).await? {
        None => Ok(Replay::New),
        Some((_, false)) => Ok(Replay::OtherPerson),
        Some((booking_id, true)) => {
            let mut conn = pool.acquire().await?;
            let token = new_link(&mut conn, booking_id, OlderLinks::Keep).await?;
            Ok(Replay::SamePerson(BookOutcome::Booked {
                booking_id,
                token,
            }))
        }
    }
}

/// Queues the email of `kind` about `booking`, with a manage link made from `token`.
pub(crate) async fn queue_mail(
    conn: &mut PgConnection,
    kind: MailKind,
    booking: &Booking,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    let message = compose(kind, booking, token, mail, now);
    insert_message(
        conn,
        Recipient::Booking(booking.id),
        kind.code(),
        &booking.email,
        &message,
    )
    .await?;
    Ok(())
}

/// Cancels booking `booking_id` inside `conn`'s transaction when it is still booked (by
/// its own link, or because its center closes that day): frees its seat and emails the
/// person, with a fresh link (which replaces the older ones). Returns that link's token
/// when it was cancelled.
pub async fn cancel_booked(
    conn: &mut PgConnection,
    booking_id: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Option<String>, crate::db::Error> {
    if !mark_cancelled(&mut *conn, booking_id, now).await? {
        return Ok(None);
    }
    let booking = load(&mut *conn, booking_id).await?;
    release_seat(&mut *conn, &booking).await?;
    let link = new_link(&mut *conn, booking_id, OlderLinks::Revoke).await?;
    queue_mail(
        &mut *conn,
        MailKind::Cancellation,
        &booking,
        &link,
        mail,
        now,
    )
    .await?;
    notify_queue_changed(&mut *conn, &booking.center_id).await?;
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
) -> Result<CancelOutcome, crate::db::Error> {
    let Some(booking) = find_by_token(pool, token, now).await? else {
        return Ok(CancelOutcome::UnknownLink);
    };
    if booking.starts_at <= now {
        return Ok(CancelOutcome::Unchanged);
    }
    let mut tx = pool.begin().await?;
    let cancelled = cancel_booked(&mut tx, booking.id, mail, now).await?;
    tx.commit().await?;
    if cancelled.is_some() {
        // The freed seat goes to the first person waiting for it.
        offer_freed_seats(pool, &booking.center_id, &booking.service_id, mail, now).await;
    }
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
) -> Result<RescheduleOutcome, crate::db::Error> {
    let Some(booking) = find_by_token(pool, token, now).await? else {
        return Ok(RescheduleOutcome::NotChangeable);
    };
    let service = booking.service_id.as_str();
    if booking.status != AppointmentStatus::Booked || booking.starts_at <= now {
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
    let Some((offer, slot)) = still_offered(&mut tx, offer, service, slot.start, now).await? else {
        tx.rollback().await?;
        return taken(alternatives(pool, service, &offers, new_start, now).await?);
    };
    if !claim_seat(&mut tx, &offer, service, slot.start).await? {
        tx.rollback().await?;
        return taken(alternatives(pool, service, &offers, new_start, now).await?);
    }
    if !move_to(&mut tx, &booking, slot, now).await? {
        // Changed by another request meanwhile: keep everything as it was.
        tx.rollback().await?;
        return Ok(RescheduleOutcome::NotChangeable);
    }
    release_seat(&mut tx, &booking).await?;
    let updated = load(&mut tx, booking.id).await?;
    let link = new_link(&mut tx, booking.id, OlderLinks::Revoke).await?;
    queue_mail(&mut tx, MailKind::Change, &updated, &link, mail, now).await?;
    // Staff calendars show the booking at its new time live.
    notify_queue_changed(&mut tx, &booking.center_id).await?;
    tx.commit().await?;
    // The seat it left goes to the first person waiting for it.
    offer_freed_seats(pool, &booking.center_id, service, mail, now).await;
    Ok(RescheduleOutcome::Moved { token: link })
}

/// Queues the day-before reminder of every booking that starts within 24 hours and was
/// booked or last changed earlier than that. Returns how many were queued.
pub async fn queue_reminders(
    pool: &PgPool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<usize, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let due = take_due_reminders(&mut tx, now).await?;
    for id in &due {
        let booking = load(&mut tx, *id).await?;
        let link = new_link(&mut tx, *id, OlderLinks::Revoke).await?;
        queue_mail(&mut tx, MailKind::Reminder, &booking, &link, mail, now).await?;
    }
    tx.commit().await?;
    Ok(due.len())
}
