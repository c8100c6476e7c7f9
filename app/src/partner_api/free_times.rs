//! `GET /api/v1/free-times`: the appointment times a person could book now, the very
//! times the booking page offers for the same service, center and days.

use super::caching::{json, Freshness};
use super::problem::Problem;
use super::query_of;
use super::vocabulary::TimeZoneName;
use crate::db::booking_slots;
use crate::domain::date_window::{parse_window, DateWindow};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FreeTimesQuery {
    /// A service code (see `/api/v1/services`).
    #[param(example = "job_coaching")]
    pub service: String,
    /// A center's short name; without it, times at any center that offers the service.
    #[param(example = "tigard")]
    pub center: Option<String>,
    /// The first day, `YYYY-MM-DD` in `time_zone` (default: today there).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-12-08")]
    pub from: Option<String>,
    /// The last day, included (default: 13 days after `from`; at most 92 days in all).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-12-21")]
    pub to: Option<String>,
    /// The IANA zone the days are counted and `local_start` written in (default: the
    /// center's, or the first center's).
    #[param(value_type = Option<TimeZoneName>, example = "America/Los_Angeles")]
    pub time_zone: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FreeTimes {
    pub service: String,
    /// The center asked for; absent when any center was.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(required = false)]
    pub center: Option<String>,
    pub time_zone: String,
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    /// In time order.
    pub times: Vec<FreeTime>,
}

/// A start time with room for one more person.
#[derive(Debug, Serialize, ToSchema)]
pub struct FreeTime {
    /// In UTC.
    pub start: DateTime<Utc>,
    /// In UTC; where centers with room differ in how long an appointment is, the first
    /// one's.
    pub end: DateTime<Utc>,
    /// The start on the clock of `time_zone`, with its offset.
    #[schema(example = "2026-12-08T09:30:00-08:00")]
    pub local_start: String,
    /// The centers with room at this time, in the agency's order.
    pub centers: Vec<String>,
}

/// Free appointment times of a service.
#[utoipa::path(get, path = "/api/v1/free-times", tag = "appointments", params(FreeTimesQuery),
    responses(
        (status = 200, description = "The free times, in time order", body = FreeTimes),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such service, or the center does not offer it", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    query: Result<Query<FreeTimesQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    match free_times(&state, query).await {
        Ok(times) => json(&headers, &times, Freshness::Live),
        Err(problem) => problem.into_response(),
    }
}

async fn free_times(
    state: &AppState,
    query: Result<Query<FreeTimesQuery>, QueryRejection>,
) -> Result<FreeTimes, Problem> {
    let query = query_of(query)?;
    let now = Utc::now();
    let window = |default_zone: Tz| {
        parse_window(
            query.time_zone.as_deref(),
            query.from.as_deref(),
            query.to.as_deref(),
            default_zone,
            now,
        )
        .map_err(|p| Problem::invalid(p.parameter(), p.reason()))
    };
    // A window that cannot be used is refused before the database is asked anything.
    window(chrono_tz::UTC)?;
    let offers =
        booking_slots::offers(&state.pool, &query.service, query.center.as_deref()).await?;
    let Some(first) = offers.first() else {
        return Err(Problem::not_found(
            "No such service is offered at the center asked for (or at any center).",
        ));
    };
    let window = window(first.tz)?;
    let free = booking_slots::free_slots(&state.pool, &query.service, &offers, now).await?;
    Ok(FreeTimes {
        service: query.service,
        center: query.center,
        time_zone: window.zone.name().to_owned(),
        from: window.from,
        to: window.to,
        times: within(&free, &window),
    })
}

/// The free times on the window's days, one per start, naming every center with room.
fn within(free: &[booking_slots::FreeSlot], window: &DateWindow) -> Vec<FreeTime> {
    let mut times: Vec<FreeTime> = Vec::new();
    for slot in free.iter().filter(|f| window.contains(f.slot.start)) {
        match times.last_mut() {
            Some(last) if last.start == slot.slot.start => {
                last.centers.push(slot.center_id.clone())
            }
            _ => times.push(FreeTime {
                start: slot.slot.start,
                end: slot.slot.end,
                local_start: local(slot.slot.start, window.zone),
                centers: vec![slot.center_id.clone()],
            }),
        }
    }
    times
}

fn local(instant: DateTime<Utc>, zone: Tz) -> String {
    instant
        .with_timezone(&zone)
        .to_rfc3339_opts(SecondsFormat::Secs, false)
}
