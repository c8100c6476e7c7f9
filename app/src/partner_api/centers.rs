//! `GET /api/v1/centers` and `/api/v1/centers/{id}`: where the centers are, when they
//! are open, the days they are closed and what can be booked there.

use super::caching::{json, Freshness};
use super::problem::Problem;
use crate::db::public_directory::{self, PublicCenter};
use crate::state::AppState;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use serde::Serialize;
use utoipa::ToSchema;

/// Every open center.
#[derive(Debug, Serialize, ToSchema)]
pub struct CenterList {
    pub centers: Vec<Center>,
}

/// A center, as the public may know it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Center {
    /// The center's short name, used as `center` elsewhere in this API.
    #[schema(example = "tigard")]
    pub id: String,
    #[schema(example = "WorkSource Tigard")]
    pub name: String,
    /// The street address; empty when none is set up.
    pub address: String,
    /// The center's public phone number; empty when none is set up.
    pub phone: String,
    /// The IANA zone the center's hours are in.
    #[schema(example = "America/Los_Angeles")]
    pub time_zone: String,
    /// Regular weekly hours, Monday first; a weekday not listed is closed.
    pub hours: Vec<WeeklyHours>,
    /// Days from today on when the center is closed though its hours say open.
    #[schema(value_type = Vec<String>, format = Date)]
    pub closed_days: Vec<NaiveDate>,
    /// Codes of the services that can be booked here (see `/api/v1/services`).
    pub services: Vec<String>,
    /// The booking page for this center.
    pub booking_url: String,
    /// The list of its workshops and hiring events.
    pub workshops_url: String,
    /// Its workshops and hiring events as a calendar feed to subscribe to.
    pub calendar_url: String,
}

/// Opening hours on one weekday, on the center's clock.
#[derive(Debug, Serialize, ToSchema)]
pub struct WeeklyHours {
    /// ISO weekday: 1 is Monday, 7 is Sunday.
    #[schema(minimum = 1, maximum = 7)]
    pub weekday: u8,
    /// `HH:MM`.
    #[schema(example = "09:00", pattern = "^[0-2][0-9]:[0-5][0-9]$")]
    pub opens: String,
    /// `HH:MM`.
    #[schema(example = "17:00", pattern = "^[0-2][0-9]:[0-5][0-9]$")]
    pub closes: String,
}

/// The open centers, in the agency's order.
#[utoipa::path(get, path = "/api/v1/centers", tag = "centers",
    responses(
        (status = 200, description = "The open centers", body = CenterList),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(State(state): State<AppState>, headers: HeaderMap) -> Response {
    match centers(&state, None).await {
        Ok(centers) => json(&headers, &CenterList { centers }, Freshness::Setup),
        Err(problem) => problem.into_response(),
    }
}

/// One open center.
#[utoipa::path(get, path = "/api/v1/centers/{id}", tag = "centers",
    params(("id" = String, Path, description = "The center's short name", example = "tigard")),
    responses(
        (status = 200, description = "The center", body = Center),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 400, description = "The name holds characters no name has", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No open center has this name", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn one(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Response {
    let Ok(Path(id)) = id else {
        return Problem::not_found("There is no open center with this name.").into_response();
    };
    match centers(&state, Some(&id))
        .await
        .map(|c| c.into_iter().next())
    {
        Ok(Some(center)) => json(&headers, &center, Freshness::Setup),
        Ok(None) => Problem::not_found("There is no open center with this name.").into_response(),
        Err(problem) => problem.into_response(),
    }
}

async fn centers(state: &AppState, only: Option<&str>) -> Result<Vec<Center>, Problem> {
    let rows = public_directory::open_centers(&state.pool, only).await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let hours = public_directory::opening_hours(&state.pool).await?;
    // Closures from the earliest "today" of any zone: a day already over everywhere
    // is left out.
    let yesterday = Utc::now().date_naive().pred_opt().unwrap_or_default();
    let closed = public_directory::closed_days(&state.pool, yesterday).await?;
    let offered = public_directory::offered_services(&state.pool).await?;
    let base = state
        .settings
        .mail
        .public_url
        .trim_end_matches('/')
        .to_owned();
    Ok(rows
        .into_iter()
        .map(|row| {
            let today = crate::domain::local_time::local_day(Utc::now(), &row.time_zone)
                .unwrap_or(yesterday);
            center(row, &hours, &closed, &offered, today, &base)
        })
        .collect())
}

fn center(
    row: PublicCenter,
    hours: &[public_directory::OpeningHours],
    closed: &[(String, NaiveDate)],
    offered: &[(String, String)],
    today: NaiveDate,
    base: &str,
) -> Center {
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    Center {
        hours: hours
            .iter()
            .filter(|h| h.center_id == row.id)
            .map(|h| WeeklyHours {
                weekday: h.weekday.clamp(1, 7) as u8,
                opens: hhmm(h.opens_at),
                closes: hhmm(h.closes_at),
            })
            .collect(),
        closed_days: closed
            .iter()
            .filter(|(center, day)| *center == row.id && *day >= today)
            .map(|(_, day)| *day)
            .collect(),
        services: offered
            .iter()
            .filter(|(_, center)| *center == row.id)
            .map(|(service, _)| service.clone())
            .collect(),
        booking_url: format!("{base}/book?center={}", row.id),
        workshops_url: format!("{base}/workshops?place={}", row.id),
        calendar_url: format!("{base}/api/v1/centers/{}/calendar.ics", row.id),
        id: row.id,
        name: row.name,
        address: row.address,
        phone: row.phone,
        time_zone: row.time_zone,
    }
}
