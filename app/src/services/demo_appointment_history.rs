//! [ssr] The appointments of the demo's past days: some of each day's slots booked through
//! the booking's own queries (a seat claimed, the booking inserted), then most people
//! arriving at the kiosk (the arrival's own query, a place in the queue, called and
//! finished), some not coming (marked by the coach as staff do) and a few cancelling. No
//! email is composed: these people were told long ago.

use crate::db::arrivals::{arrive, ArrivalOutcome, Lookup};
use crate::db::booking_slots::{offers, Offer};
use crate::db::bookings::{claim_seat, insert_booking, load, mark_cancelled, release_seat};
use crate::db::calendar::{update_appointment, AppointmentUpdate};
use crate::db::queue::apply_action;
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::availability::Slot;
use crate::domain::booking::NewBooking;
use crate::domain::booking_form::BookingDetails;
use crate::domain::locale::Locale;
use crate::domain::queue::QueueAction;
use crate::domain::service::HowHeld;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use rand::rngs::StdRng;
use rand::Rng;
use sqlx::PgPool;

/// How one past appointment went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PastOutcome {
    Came,
    NoShow,
    Cancelled,
}

/// Three in four come, about one in eight does not, the rest cancel.
pub fn outcome(rng: &mut StdRng) -> PastOutcome {
    match rng.gen_range(0..100) {
        0..=74 => PastOutcome::Came,
        75..=87 => PastOutcome::NoShow,
        _ => PastOutcome::Cancelled,
    }
}

/// Every service's offer at `center_id` (what its hours and rules allow).
pub async fn center_offers(
    pool: &PgPool,
    center_id: &str,
) -> Result<Vec<(String, HowHeld, Offer)>, crate::db::Error> {
    let mut all = Vec::new();
    for service in crate::db::appointment_services::list(pool).await? {
        if let Some(offer) = offers(pool, &service.code, Some(center_id)).await?.pop() {
            // The first of its ways: a past booking's way is not in any report.
            let held = service
                .details
                .held
                .first()
                .copied()
                .unwrap_or(HowHeld::Phone);
            all.push((service.code, held, offer));
        }
    }
    Ok(all)
}

/// Books about one seat in eight of `day`'s slots at the offers' center, and lets each
/// booking go as `outcome` draws. Returns how many were booked.
pub async fn add_day(
    pool: &PgPool,
    rng: &mut StdRng,
    offers: &[(String, HowHeld, Offer)],
    day: NaiveDate,
    staff_id: i64,
) -> Result<usize, crate::db::Error> {
    let mut booked = 0;
    for (service, held, offer) in offers {
        // Every slot of the day, as the rules laid them out the day before.
        let eve = day
            .and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(offer.tz).single())
            .map(|t| t.with_timezone(&Utc) - Duration::days(1));
        let Some(eve) = eve else { continue };
        let slots: Vec<Slot> = offer
            .all_slots(eve)
            .into_iter()
            .filter(|s| s.start.with_timezone(&offer.tz).date_naive() == day)
            .collect();
        for slot in slots {
            for _ in 0..offer.rules.capacity {
                if rng.gen_ratio(1, 8) {
                    book_one(pool, rng, (service, *held), offer, slot, staff_id).await?;
                    booked += 1;
                }
            }
        }
    }
    Ok(booked)
}

async fn book_one(
    pool: &PgPool,
    rng: &mut StdRng,
    (service, held): (&str, HowHeld),
    offer: &Offer,
    slot: Slot,
    staff_id: i64,
) -> Result<(), crate::db::Error> {
    let n = rng.gen_range(0..10_000);
    let spanish = rng.gen_ratio(1, 4);
    let request = NewBooking {
        key: uuid::Uuid::new_v4(),
        service: service.to_owned(),
        held,
        center_id: Some(offer.center.id.clone()),
        start: slot.start,
        visitor_time_zone: offer.tz.name().to_owned(),
        details: BookingDetails {
            first_name: super::demo_history::first_name(rng).to_owned(),
            last_name: "Demo".to_owned(),
            email: format!("past-{n}@example.org"),
            phone: format!("50355{n:05}"),
            language: if spanish { "es" } else { "en" }.to_owned(),
            accommodations: Vec::new(),
            interpreter_language: None,
            accommodation_other: None,
        },
        email_locale: if spanish { Locale::Es } else { Locale::En },
    };
    let mut tx = pool.begin().await?;
    if !claim_seat(&mut tx, offer, service, slot.start).await? {
        return Ok(());
    }
    let Some(id) = insert_booking(&mut tx, &request, offer, slot).await? else {
        return Ok(());
    };
    let booking = load(&mut tx, id).await?;
    tx.commit().await?;
    let before = |minutes| slot.start - Duration::minutes(minutes);
    let after = |minutes| slot.start + Duration::minutes(minutes);
    match outcome(rng) {
        PastOutcome::Came => {
            let arrived = before(rng.gen_range(2..15));
            let lookup = Lookup::Code(booking.code.clone());
            if let ArrivalOutcome::Arrived { visit_id, .. } =
                arrive(pool, &offer.center, &lookup, arrived).await?
            {
                let act = |action, at: DateTime<Utc>| {
                    apply_action(pool, &offer.center.id, visit_id, action, staff_id, at)
                };
                act(QueueAction::Call, after(rng.gen_range(0..8))).await?;
                act(QueueAction::StartServing, after(8)).await?;
                act(QueueAction::Done, slot.end).await?;
            }
        }
        PastOutcome::NoShow => {
            let update = AppointmentUpdate {
                status: AppointmentStatus::NoShow,
                staff_id: None,
                note: String::new(),
            };
            update_appointment(pool, id, &update, staff_id, after(20)).await?;
        }
        PastOutcome::Cancelled => {
            let mut tx = pool.begin().await?;
            if mark_cancelled(&mut tx, id, before(rng.gen_range(60..4_000))).await? {
                release_seat(&mut tx, &booking).await?;
            }
            tx.commit().await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn most_come_some_do_not_and_a_few_cancel() {
        let mut rng = StdRng::seed_from_u64(3);
        let draws: Vec<PastOutcome> = (0..2_000).map(|_| outcome(&mut rng)).collect();
        let share = |o| draws.iter().filter(|d| **d == o).count() * 100 / draws.len();
        assert!((70..80).contains(&share(PastOutcome::Came)));
        assert!((9..17).contains(&share(PastOutcome::NoShow)));
        assert!((8..16).contains(&share(PastOutcome::Cancelled)));
    }
}
