//! [ssr] The waiting list for appointments as use cases: join (double opt-in), confirm,
//! leave; offer freed seats to the people waiting, each as a hold that counts against the
//! slot's capacity for `HOLD_MINUTES`; claim a hold (it becomes a booking), let it go, or
//! let it expire, after which it passes to the next person.
//!
//! Offering runs after the transaction that freed a seat has committed (a cancellation, a
//! reschedule, a hold let go or expired, a person confirming their place): it reads the
//! slots as they are then, under the same locks a booking takes, so a hold never lands on
//! a seat a booking took meanwhile, nor on a day just closed.

use super::bookings::queue_mail;
use crate::booking_mail::MailKind;
use crate::db::booking_slots::{free_slots_in, offers_in, Offer};
use crate::db::bookings::{
    insert_booking, load, lock_center_shared, new_link, upcoming_for_contact,
};
use crate::db::outbox::{insert_message, Recipient};
use crate::db::waitlist::{
    awaited_at, awaited_everywhere, book_held_seat, centers_offering, confirm_entry,
    confirmations_sent, drop_unanswered, end_entry, end_hold, entry_by_token, expire_due_holds,
    hold_by_token, hold_seat, in_line, insert_entry, insert_hold, load_entry, load_hold,
    lock_entry, lock_matching, lock_waiting, mark_mailed, new_entry_link, release_held_seat,
    set_hold_booking, void_hold_of_entry, FreedHold, Joined,
};
use crate::db::{notify_queue_changed, OlderLinks};
use crate::domain::availability::Slot;
use crate::domain::booking::NewBooking;
use crate::domain::limits::FUTURE_BOOKINGS_PER_CONTACT;
use crate::domain::mail::MailContext;
use crate::domain::service::HowHeld;
use crate::domain::waitlist::{
    assign, hold_length, worth_holding, NewEntry, OpenSeats, SlotHold, CONFIRMATIONS_PER_DAY,
    RESEND_AFTER_MINUTES, UNANSWERED_HOLDS,
};
use crate::waitlist_mail::{compose_confirm, compose_hold, WaitlistMail};
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgPool};

/// Puts a person on the waiting list, unconfirmed, and emails them the link that
/// confirms it. When the address or phone already has a live entry for the service, its
/// link is emailed again, at most once per `RESEND_AFTER_MINUTES`; an unconfirmed one takes
/// the newest details, a confirmed one is not changed (a stranger who knows the address
/// cannot change someone's wish). At most `CONFIRMATIONS_PER_DAY` confirmation emails go
/// to one address a day, whoever asks. The page says the same in every case, so it tells
/// nobody who is on the list.
pub async fn join(
    pool: &PgPool,
    entry: &NewEntry,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    let mut tx = pool.begin().await?;
    let (id, due) = match insert_entry(&mut tx, entry, now).await? {
        Joined::New(id) => (id, true),
        Joined::Existing { id, mailed_at } => (
            id,
            mailed_at <= now - Duration::minutes(RESEND_AFTER_MINUTES),
        ),
    };
    let stored = load_entry(&mut tx, id).await?;
    if !due || confirmations_sent(&mut tx, &stored.email, now).await? >= CONFIRMATIONS_PER_DAY {
        tx.commit().await?;
        return Ok(());
    }
    mark_mailed(&mut tx, id, now).await?;
    let token = new_entry_link(&mut tx, id).await?;
    let message = compose_confirm(&stored, &token, mail);
    let kind = WaitlistMail::Confirm.code();
    insert_message(
        &mut tx,
        Recipient::Waitlist(id),
        kind,
        &stored.email,
        &message,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms the place in line of the entry behind `token` (if it was unconfirmed), then
/// offers it any open time that suits it. Returns false for an unknown link.
pub async fn confirm(
    pool: &PgPool,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let Some(entry) = entry_by_token(pool, token).await? else {
        return Ok(false);
    };
    let mut conn = pool.acquire().await?;
    if !confirm_entry(&mut conn, entry.id, now).await? {
        return Ok(true);
    }
    let centers =
        centers_offering(&mut conn, &entry.service_id, entry.center_id.as_deref()).await?;
    // Back to the pool before offering, which takes connections of its own.
    drop(conn);
    for center in centers {
        offer_freed_seats(pool, &center, &entry.service_id, mail, now).await;
    }
    Ok(true)
}

/// Takes the entry behind `token` off the list; a time held for it passes on. Returns
/// false for an unknown link.
pub async fn leave(
    pool: &PgPool,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let Some(entry) = entry_by_token(pool, token).await? else {
        return Ok(false);
    };
    let mut tx = pool.begin().await?;
    lock_entry(&mut tx, entry.id).await?;
    end_entry(&mut tx, entry.id, "left", now).await?;
    let freed = void_hold_of_entry(&mut tx, entry.id, now).await?;
    tx.commit().await?;
    if let Some(freed) = freed {
        offer_freed_seats(pool, &freed.center_id, &freed.service_id, mail, now).await;
    }
    Ok(true)
}

/// `offer_open_seats` after a change has committed: a failure is logged, never the
/// change's (which stands; the next freed seat or the expiry job offers again).
pub async fn offer_freed_seats(
    pool: &PgPool,
    center_id: &str,
    service: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) {
    if let Err(error) = offer_open_seats(pool, center_id, service, mail, now).await {
        tracing::error!(%error, center = center_id, service, "could not offer freed seats");
    }
}

/// After a change at `center_id` that may open times (more seats, longer hours, a day
/// reopened, the center brought back): offers them to whoever waits for its services.
/// Failures are logged, as for `offer_freed_seats`.
pub async fn offer_center_seats(
    pool: &PgPool,
    center_id: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) {
    match awaited_at(pool, center_id).await {
        Ok(services) => {
            for service in services {
                offer_freed_seats(pool, center_id, &service, mail, now).await;
            }
        }
        Err(error) => {
            tracing::error!(%error, center = center_id, "could not read who waits here");
        }
    }
}

/// Offers the open seats of `service` at `center_id` to the people waiting for them: in
/// line order, each the earliest open time that suits them, held for `HOLD_MINUTES` and
/// emailed. Returns how many holds were made.
pub async fn offer_open_seats(
    pool: &PgPool,
    center_id: &str,
    service: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<usize, crate::db::Error> {
    let mut tx = pool.begin().await?;
    // The booking's locks first (a day being closed is waited for), then the list's.
    lock_center_shared(&mut tx, center_id).await?;
    lock_matching(&mut tx, center_id, service).await?;
    let waiting = in_line(&mut tx, center_id, service, now).await?;
    let offers = offers_in(&mut tx, service, Some(center_id)).await?;
    let Some(offer) = offers.first().filter(|_| !waiting.is_empty()) else {
        tx.rollback().await?;
        return Ok(0);
    };
    let open: Vec<OpenSeats> = free_slots_in(&mut tx, service, &offers, now)
        .await?
        .into_iter()
        .filter(|free| worth_holding(&free.slot, now))
        .map(|free| OpenSeats {
            slot: free.slot,
            seats: free.seats_left,
        })
        .collect();
    let given = assign(center_id, &waiting, &open);
    // Locked in id order before any seat: a person leaving now either left before (and is
    // skipped) or waits, and then finds their hold and gives it back.
    let mut ids: Vec<i64> = given.iter().map(|(id, _)| *id).collect();
    ids.sort_unstable();
    let still_waiting = lock_waiting(&mut tx, &ids).await?;
    let mut made = 0;
    for (entry_id, slot) in given {
        if still_waiting.contains(&entry_id)
            && hold_for(&mut tx, offer, service, entry_id, slot, mail, now).await?
        {
            made += 1;
        }
    }
    tx.commit().await?;
    if made > 0 {
        tracing::info!(
            center = center_id,
            service,
            holds = made,
            "freed seats offered"
        );
    }
    Ok(made)
}

/// Holds `slot` for entry `entry_id` (locked, waiting) and emails them, unless a booking
/// took the seat first or their address had its day's share of email (a hold nobody is
/// told of would only keep the seat from others); returns whether it did.
async fn hold_for(
    tx: &mut PgConnection,
    offer: &Offer,
    service: &str,
    entry_id: i64,
    slot: Slot,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let center_id = offer.center.id.as_str();
    if !hold_seat(
        &mut *tx,
        center_id,
        service,
        slot.start,
        offer.rules.capacity,
    )
    .await?
    {
        return Ok(false);
    }
    let expires_at = now + hold_length();
    let Some((hold_id, hold_token)) = insert_hold(
        &mut *tx, entry_id, center_id, service, slot, now, expires_at,
    )
    .await?
    else {
        // Offered a time at another center meanwhile (someone waiting for any center).
        let seat = FreedHold {
            center_id: center_id.to_owned(),
            service_id: service.to_owned(),
            starts_at: slot.start,
        };
        release_held_seat(&mut *tx, &seat).await?;
        return Ok(false);
    };
    let entry = load_entry(&mut *tx, entry_id).await?;
    let hold = load_hold(&mut *tx, hold_id).await?;
    let entry_token = new_entry_link(&mut *tx, entry_id).await?;
    let message = compose_hold(&entry, &hold, &hold_token, &entry_token, mail);
    let kind = WaitlistMail::Hold.code();
    let told = insert_message(
        &mut *tx,
        Recipient::Waitlist(entry_id),
        kind,
        &entry.email,
        &message,
    )
    .await?;
    if !told {
        end_hold(&mut *tx, hold_id, "void", now).await?;
        let seat = FreedHold {
            center_id: center_id.to_owned(),
            service_id: service.to_owned(),
            starts_at: slot.start,
        };
        release_held_seat(&mut *tx, &seat).await?;
    }
    Ok(told)
}

/// What became of pressing "Book this time" on a hold's page.
#[derive(Debug, Clone, PartialEq)]
pub enum ClaimOutcome {
    /// Booked: the new booking's manage link token.
    Booked {
        token: String,
    },
    /// The hold is no longer on offer (claimed, let go, expired, or its day closed).
    Over,
    /// The person's email or phone already holds as many upcoming appointments as one
    /// contact may; the hold stays theirs until it expires.
    TooManyUpcoming,
    UnknownLink,
}

/// Books the held time behind `token` for the person it was offered to: the held seat
/// becomes a booked one in one statement, the booking and its confirmation email are
/// written, and the person leaves the list, all in one transaction.
pub async fn claim(
    pool: &PgPool,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<ClaimOutcome, crate::db::Error> {
    let Some(hold) = hold_by_token(pool, token).await? else {
        return Ok(ClaimOutcome::UnknownLink);
    };
    if hold.state != "offered" || hold.expires_at <= now {
        return Ok(ClaimOutcome::Over);
    }
    let mut tx = pool.begin().await?;
    // Locks in a booking's order: the person's contact, then the center.
    let entry = load_entry(&mut tx, hold.entry_id).await?;
    let details = entry.details();
    if upcoming_for_contact(&mut tx, &details, now).await? >= FUTURE_BOOKINGS_PER_CONTACT {
        tx.rollback().await?;
        return Ok(ClaimOutcome::TooManyUpcoming);
    }
    lock_center_shared(&mut tx, &hold.center_id).await?;
    lock_entry(&mut tx, hold.entry_id).await?;
    let seat = FreedHold {
        center_id: hold.center_id.clone(),
        service_id: hold.service_id.clone(),
        starts_at: hold.starts_at,
    };
    let Some((offer, slot)) = still_offered(&mut tx, &hold).await? else {
        // Its day was closed or its hours changed since: the seat goes back (to nobody).
        if end_hold(&mut tx, hold.id, "void", now).await? {
            release_held_seat(&mut tx, &seat).await?;
        }
        tx.commit().await?;
        return Ok(ClaimOutcome::Over);
    };
    if !end_hold(&mut tx, hold.id, "claimed", now).await? {
        tx.rollback().await?;
        return Ok(ClaimOutcome::Over);
    }
    book_held_seat(&mut tx, &seat).await?;
    let request = NewBooking {
        key: hold.booking_key,
        service: hold.service_id.clone(),
        held: HowHeld::from_code(&entry.held).unwrap_or(HowHeld::InPerson),
        center_id: Some(hold.center_id.clone()),
        start: slot.start,
        visitor_time_zone: entry.visitor_time_zone.clone(),
        details,
        email_locale: entry.locale(),
    };
    let Some(booking_id) = insert_booking(&mut tx, &request, &offer, slot).await? else {
        tx.rollback().await?;
        return Ok(ClaimOutcome::Over);
    };
    set_hold_booking(&mut tx, hold.id, booking_id).await?;
    end_entry(&mut tx, entry.id, "booked", now).await?;
    let token = new_link(&mut tx, booking_id, OlderLinks::Revoke).await?;
    let booking = load(&mut tx, booking_id).await?;
    queue_mail(&mut tx, MailKind::Confirmation, &booking, &token, mail, now).await?;
    notify_queue_changed(&mut tx, &booking.center_id).await?;
    tx.commit().await?;
    Ok(ClaimOutcome::Booked { token })
}

/// The center's offer and the held slot, if its rules still offer that slot as they did
/// when it was held (read under the center's lock): a hold keeps its time even once the
/// booking lead time has passed, but not a day closed since.
async fn still_offered(
    tx: &mut PgConnection,
    hold: &SlotHold,
) -> Result<Option<(Offer, Slot)>, crate::db::Error> {
    let offers = offers_in(&mut *tx, &hold.service_id, Some(&hold.center_id)).await?;
    Ok(offers.into_iter().next().and_then(|offer| {
        let slot = offer
            .all_slots(hold.offered_at)
            .into_iter()
            .find(|s| s.start == hold.starts_at)?;
        Some((offer, slot))
    }))
}

/// "I can't come then": gives the held time back and offers it to the next person. The
/// person stays on the list. Returns false for an unknown link.
pub async fn decline(
    pool: &PgPool,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let Some(hold) = hold_by_token(pool, token).await? else {
        return Ok(false);
    };
    let mut tx = pool.begin().await?;
    let ended = end_hold(&mut tx, hold.id, "declined", now).await?;
    if ended {
        let seat = FreedHold {
            center_id: hold.center_id.clone(),
            service_id: hold.service_id.clone(),
            starts_at: hold.starts_at,
        };
        release_held_seat(&mut tx, &seat).await?;
    }
    tx.commit().await?;
    if ended {
        offer_freed_seats(pool, &hold.center_id, &hold.service_id, mail, now).await;
    }
    Ok(true)
}

/// Expires every hold whose time ran out (each exactly once, across server processes),
/// takes off the list whoever let `UNANSWERED_HOLDS` go by, and offers the seats to the
/// next people waiting. Returns how many expired.
pub async fn pass_on_holds(
    pool: &PgPool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<usize, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let expired = expire_due_holds(&mut tx, now).await?;
    let mut entries: Vec<i64> = expired.iter().map(|e| e.entry_id).collect();
    entries.sort_unstable();
    entries.dedup();
    let dropped = drop_unanswered(&mut tx, &entries, UNANSWERED_HOLDS, now).await?;
    tx.commit().await?;
    if !dropped.is_empty() {
        tracing::info!(
            entries = dropped.len(),
            "taken off the waiting list: holds unanswered"
        );
    }
    let mut slots: Vec<(&str, &str)> = expired
        .iter()
        .map(|e| (e.seat.center_id.as_str(), e.seat.service_id.as_str()))
        .collect();
    slots.sort_unstable();
    slots.dedup();
    for (center, service) in slots {
        offer_freed_seats(pool, center, service, mail, now).await;
    }
    Ok(expired.len())
}

/// Offers every open time to whoever waits for it, everywhere: for times that opened with
/// no change announcing them (a day entering the booking horizon, a service offered or
/// shown again). Run by a job every few minutes; cheap when nobody waits.
pub async fn offer_waiting(
    pool: &PgPool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    for (center, service) in awaited_everywhere(pool).await? {
        offer_freed_seats(pool, &center, &service, mail, now).await;
    }
    Ok(())
}
