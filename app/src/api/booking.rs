//! Booking from home: the free times pages show, and a booking as its manage link shows
//! it. Booking, cancelling and rescheduling are form posts (see `forms::booking`), so the
//! whole flow works with JavaScript off.

use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::service::{AppointmentService, HowHeld};
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The free start times of a service at a center (or at any center).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FreeTimeList {
    /// The zone the times are shown beside the visitor's: the (first) center's.
    pub center_time_zone: String,
    pub starts: Vec<DateTime<Utc>>,
}

/// Free times of `service` at `center` (`None`: any center). `None` when the service or
/// center is unknown.
#[server(endpoint = "book/free-times")]
pub async fn free_times(
    service: String,
    center: Option<String>,
) -> Result<Option<FreeTimeList>, AppError> {
    let state = super::state()?;
    let offers = crate::db::booking_slots::offers(&state.pool, &service, center.as_deref())
        .await
        .map_err(super::unavailable)?;
    let Some(first) = offers.first() else {
        return Ok(None);
    };
    let free = crate::db::booking_slots::free_slots(&state.pool, &service, &offers, Utc::now())
        .await
        .map_err(super::unavailable)?;
    Ok(Some(FreeTimeList {
        center_time_zone: first.center.time_zone.clone(),
        starts: crate::db::booking_slots::distinct_times(&free)
            .into_iter()
            .map(|s| s.start)
            .collect(),
    }))
}

/// The services participants may book now, in the admins' order, named in every language.
#[server(endpoint = "book/services")]
pub async fn bookable_services() -> Result<Vec<AppointmentService>, AppError> {
    let state = super::state()?;
    let services = crate::db::appointment_services::list(&state.pool)
        .await
        .map_err(super::unavailable)?;
    // The arrival reason is the staff's business.
    Ok(services
        .into_iter()
        .filter(|s| !s.hidden)
        .map(|mut s| {
            s.details.arrival_reason.clear();
            s
        })
        .collect())
}

/// A booking as its private link shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BookingView {
    pub code: String,
    /// Its service, named in every language.
    pub service: AppointmentService,
    pub center_id: String,
    pub center_name: String,
    pub center_time_zone: String,
    pub visitor_time_zone: String,
    pub starts_at: DateTime<Utc>,
    pub first_name: String,
    pub email: String,
    /// The number a phone appointment calls.
    pub phone: String,
    pub held: HowHeld,
    /// A video call's link; '' while there is none.
    pub meeting_link: String,
    pub status: AppointmentStatus,
    /// The center's local date of the appointment.
    pub day: NaiveDate,
    pub changeable: bool,
    /// Cancelled or over: the person may erase their details now.
    pub erasable: bool,
    /// Days the details are kept after the appointment.
    pub retention_days: u32,
    /// The private link itself, to keep.
    pub manage_url: String,
}

/// The booking behind a manage link; `None` when the link is not valid.
#[server(endpoint = "book/manage")]
pub async fn booking_by_token(token: String) -> Result<Option<BookingView>, AppError> {
    let state = super::state()?;
    let now = Utc::now();
    let manage_url = crate::booking_mail::manage_url(&state.settings.mail.public_url, &token);
    let row = crate::db::bookings::find_by_token(&state.pool, &token, now)
        .await
        .map_err(super::unavailable)?;
    let Some(b) = row else {
        return Ok(None);
    };
    let service = crate::db::appointment_services::find(&state.pool, &b.service_id)
        .await
        .map_err(super::unavailable)?
        .unwrap_or_else(|| AppointmentService::unknown(&b.service_id));
    let held = b.how_held();
    let Some(day) = crate::domain::local_time::local_day(b.starts_at, &b.center_time_zone) else {
        return Ok(None);
    };
    Ok(Some(BookingView {
        service,
        changeable: b.status == AppointmentStatus::Booked && b.starts_at > now,
        erasable: crate::domain::retention::may_erase_now(
            b.status == AppointmentStatus::Cancelled,
            b.ends_at,
            now,
        ),
        retention_days: state.agency.current().retention_days,
        code: b.code,
        center_id: b.center_id,
        center_name: b.center_name,
        center_time_zone: b.center_time_zone,
        visitor_time_zone: b.visitor_time_zone,
        starts_at: b.starts_at,
        first_name: b.first_name,
        email: b.email,
        held,
        meeting_link: b.meeting_link,
        phone: b.phone,
        status: b.status,
        day,
        manage_url,
    }))
}
