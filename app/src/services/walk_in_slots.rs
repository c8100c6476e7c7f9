//! [ssr] A free appointment time today given to a walk-in in the lobby: one press on the
//! staff queue books the time for them, under the same seat count a booking from home
//! takes (so it never lands on a seat taken or held meanwhile), and their visit becomes
//! that appointment, arrived.

use crate::db::booking_slots::offers_in;
use crate::db::bookings::{claim_seat, insert_booking, lock_center_shared};
use crate::db::notify_queue_changed;
use crate::db::walk_in_slots::{arrive_as, lock_waiting_walk_in};
use crate::domain::accommodation::Accommodation;
use crate::domain::booking::NewBooking;
use crate::domain::booking_form::BookingDetails;
use crate::domain::locale::Locale;
use crate::domain::service::HowHeld;
use chrono::{DateTime, Utc};
use sqlx::PgPool;
use uuid::Uuid;

/// What became of "Offer it".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GiveOutcome {
    Given,
    /// The time was booked, held or closed meanwhile, or has begun.
    TimeGone,
    /// The walk-in was called, left, or was given a time by a colleague first.
    NotWaiting,
}

/// Books the free time `start` of `service` at `center_id` for walk-in `visit_id`.
pub async fn give_to_walk_in(
    pool: &PgPool,
    center_id: &str,
    visit_id: i64,
    service: &str,
    start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<GiveOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    lock_center_shared(&mut tx, center_id).await?;
    let Some(mut offer) = offers_in(&mut tx, service, Some(center_id))
        .await?
        .into_iter()
        .next()
    else {
        return Ok(GiveOutcome::TimeGone);
    };
    // The lobby may take a time too near to book online.
    offer.rules.lead_time = chrono::Duration::zero();
    let Some(slot) = offer.all_slots(now).into_iter().find(|s| s.start == start) else {
        return Ok(GiveOutcome::TimeGone);
    };
    let today = now.with_timezone(&offer.tz).date_naive();
    // Today's times only: the lobby's walk-ins are here today.
    if slot.start.with_timezone(&offer.tz).date_naive() != today {
        return Ok(GiveOutcome::TimeGone);
    }
    let Some(walk_in) = lock_waiting_walk_in(&mut tx, visit_id, center_id, today).await? else {
        return Ok(GiveOutcome::NotWaiting);
    };
    if !claim_seat(&mut tx, &offer, service, start).await? {
        return Ok(GiveOutcome::TimeGone);
    }
    let request = NewBooking {
        key: Uuid::new_v4(),
        service: service.to_owned(),
        // They are here: in person, whatever else the service offers.
        held: HowHeld::InPerson,
        center_id: Some(center_id.to_owned()),
        start,
        visitor_time_zone: offer.center.time_zone.clone(),
        details: BookingDetails {
            first_name: walk_in.first_name,
            last_name: walk_in.last_name,
            email: String::new(),
            phone: String::new(),
            language: walk_in.language.clone(),
            accommodations: walk_in
                .accommodations
                .iter()
                .filter_map(|a| Accommodation::from_code(a))
                .collect(),
            interpreter_language: walk_in.interpreter_language,
            accommodation_other: walk_in.accommodation_other,
        },
        email_locale: Locale::from_tag(&walk_in.language),
    };
    let Some(booking_id) = insert_booking(&mut tx, &request, &offer, slot).await? else {
        return Ok(GiveOutcome::TimeGone);
    };
    arrive_as(&mut tx, booking_id, visit_id, now).await?;
    notify_queue_changed(&mut tx, center_id).await?;
    tx.commit().await?;
    Ok(GiveOutcome::Given)
}
