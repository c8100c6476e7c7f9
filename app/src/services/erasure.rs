//! [ssr] "Delete my details" from a private link: a participant erases their details from
//! a booking or an enrolment once nothing is still to happen (it was cancelled, or it has
//! ended), without waiting for the retention period. The link stops working with it.

use crate::db::retention::{erase_one_booking, erase_one_enrolment};
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::retention::may_erase_now;
use crate::domain::workshop_status::{EnrolmentStatus, SessionStatus};
use chrono::{DateTime, Utc};
use sqlx::PgPool;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Erasure {
    Erased,
    /// Still to come: cancel first.
    NotYet,
    /// No such link (or it was used to erase already).
    UnknownLink,
}

/// Erases the details of the booking behind `token`.
pub async fn erase_booking_details(
    pool: &PgPool,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Erasure, crate::db::Error> {
    let Some(booking) = crate::db::bookings::find_by_token(pool, token, now).await? else {
        return Ok(Erasure::UnknownLink);
    };
    let cancelled = booking.status == AppointmentStatus::Cancelled;
    if !may_erase_now(cancelled, booking.ends_at, now) {
        return Ok(Erasure::NotYet);
    }
    let mut tx = pool.begin().await?;
    let erased = erase_one_booking(&mut tx, booking.id).await?;
    tx.commit().await?;
    Ok(if erased {
        Erasure::Erased
    } else {
        Erasure::UnknownLink
    })
}

/// Erases the details of the enrolment behind `token`.
pub async fn erase_enrolment_details(
    pool: &PgPool,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Erasure, crate::db::Error> {
    let Some(enrolment) = crate::db::workshops::enrolment_by_token(pool, token).await? else {
        return Ok(Erasure::UnknownLink);
    };
    let Some(session) = crate::db::workshops::session(pool, enrolment.session_id).await? else {
        return Ok(Erasure::UnknownLink);
    };
    let cancelled = enrolment.status == EnrolmentStatus::Cancelled
        || session.status == SessionStatus::Cancelled;
    if !may_erase_now(cancelled, session.ends_at, now) {
        return Ok(Erasure::NotYet);
    }
    let mut tx = pool.begin().await?;
    let erased = erase_one_enrolment(&mut tx, enrolment.id).await?;
    tx.commit().await?;
    Ok(if erased {
        Erasure::Erased
    } else {
        Erasure::UnknownLink
    })
}
