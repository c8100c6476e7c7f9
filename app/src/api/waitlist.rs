//! The appointments' waiting list as its private links show it: an entry (confirm or
//! leave) and a held time (book it or let it go). Read only; every change is a form post
//! (`forms::waitlist`). Neither answer carries a name, email or phone: a link is a way
//! in for whoever holds it, and the page does not need them.

use crate::domain::service::AppointmentService;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where an entry stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EntryState {
    /// The emailed link was not followed yet.
    Unconfirmed,
    Waiting,
    /// A held time was booked.
    Booked,
    Left,
    /// Taken off the list after holds went unanswered.
    Dropped,
}

/// An entry as its link shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntryView {
    pub service: AppointmentService,
    /// `None`: any center.
    pub center_name: Option<String>,
    /// ISO weekdays, Monday 1.
    pub weekdays: Vec<u32>,
    /// Part-of-day codes.
    pub parts: Vec<String>,
    pub state: EntryState,
}

/// The entry behind a waiting list link; `None` when the link is not valid.
#[server(endpoint = "book/waitlist")]
pub async fn entry_by_token(token: String) -> Result<Option<EntryView>, AppError> {
    let state = super::state()?;
    let Some(e) = crate::db::waitlist::entry_by_token(&state.pool, &token)
        .await
        .map_err(super::unavailable)?
    else {
        return Ok(None);
    };
    let service = crate::db::appointment_services::find(&state.pool, &e.service_id)
        .await
        .map_err(super::unavailable)?
        .unwrap_or_else(|| AppointmentService::unknown(&e.service_id));
    let entry_state = match e.state.as_str() {
        "unconfirmed" => EntryState::Unconfirmed,
        "waiting" => EntryState::Waiting,
        "booked" => EntryState::Booked,
        "dropped" => EntryState::Dropped,
        _ => EntryState::Left,
    };
    Ok(Some(EntryView {
        service,
        center_name: e.center_name.clone(),
        weekdays: e.wish().weekdays,
        parts: e.parts_of_day.clone(),
        state: entry_state,
    }))
}

/// Where a hold stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HoldState {
    /// Still held for the person, until `expires_at`.
    Offered,
    Claimed,
    Expired,
    Declined,
    /// Its day closed, or the person left the list.
    Void,
}

/// A held time as its link shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldView {
    pub service: AppointmentService,
    pub center_name: String,
    pub center_time_zone: String,
    pub visitor_time_zone: String,
    pub starts_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub state: HoldState,
}

/// The hold behind a link; `None` when the link is not valid.
#[server(endpoint = "book/hold")]
pub async fn hold_by_token(token: String) -> Result<Option<HoldView>, AppError> {
    let state = super::state()?;
    let Some(h) = crate::db::waitlist::hold_by_token(&state.pool, &token)
        .await
        .map_err(super::unavailable)?
    else {
        return Ok(None);
    };
    let service = crate::db::appointment_services::find(&state.pool, &h.service_id)
        .await
        .map_err(super::unavailable)?
        .unwrap_or_else(|| AppointmentService::unknown(&h.service_id));
    let hold_state = match h.state.as_str() {
        // Past its time but not yet passed on by the job: over all the same.
        "offered" if h.expires_at <= Utc::now() => HoldState::Expired,
        "offered" => HoldState::Offered,
        "claimed" => HoldState::Claimed,
        "expired" => HoldState::Expired,
        "declined" => HoldState::Declined,
        _ => HoldState::Void,
    };
    Ok(Some(HoldView {
        service,
        center_name: h.center_name,
        center_time_zone: h.center_time_zone,
        visitor_time_zone: h.visitor_time_zone,
        starts_at: h.starts_at,
        expires_at: h.expires_at,
        state: hold_state,
    }))
}
