//! `GET /api/v1/workshops` and `/api/v1/hiring-events`: upcoming sessions with the
//! catalog's filters, their seats left and how many wait, and where to enrol.

use super::caching::{json, Freshness};
use super::problem::Problem;
use super::query_of;
use super::vocabulary::{TimeZoneName, TopicCode};
use crate::db::workshops::CatalogFilter;
use crate::domain::date_window::parse_window;
use crate::domain::workshop::Topic;
use crate::domain::workshop_session::WorkshopSession;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SessionsQuery {
    /// A center's short name, or `virtual` for sessions held online.
    #[param(example = "tigard")]
    pub place: Option<String>,
    /// A topic code.
    #[param(value_type = Option<TopicCode>, example = "resumes")]
    pub topic: Option<String>,
    /// The language the session is held in, such as `en` or `es`.
    #[param(max_length = 35, example = "es")]
    pub language: Option<String>,
    /// The first day, `YYYY-MM-DD` in `time_zone` (default: today there).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-12-08")]
    pub from: Option<String>,
    /// The last day, included (default: 13 days after `from`; at most 92 days in all).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-12-21")]
    pub to: Option<String>,
    /// The IANA zone the days are counted in (default: the first center's).
    #[param(value_type = Option<TimeZoneName>, example = "America/Los_Angeles")]
    pub time_zone: Option<String>,
}

/// The filters of `/hiring-events`: the workshops' but the topic.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct HiringEventsQuery {
    /// A center's short name, or `virtual` for events held online.
    #[param(example = "tigard")]
    pub place: Option<String>,
    /// The language the event is held in, such as `en` or `es`.
    #[param(max_length = 35, example = "es")]
    pub language: Option<String>,
    /// The first day, `YYYY-MM-DD` in `time_zone` (default: today there).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-12-08")]
    pub from: Option<String>,
    /// The last day, included (default: 13 days after `from`; at most 92 days in all).
    #[param(value_type = Option<String>, format = Date, pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example = "2026-12-21")]
    pub to: Option<String>,
    /// The IANA zone the days are counted in (default: the first center's).
    #[param(value_type = Option<TimeZoneName>, example = "America/Los_Angeles")]
    pub time_zone: Option<String>,
}

impl From<HiringEventsQuery> for SessionsQuery {
    fn from(q: HiringEventsQuery) -> SessionsQuery {
        SessionsQuery {
            place: q.place,
            topic: Some(Topic::HiringEvent.code().to_owned()),
            language: q.language,
            from: q.from,
            to: q.to,
            time_zone: q.time_zone,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SessionList {
    pub time_zone: String,
    #[schema(value_type = String, format = Date)]
    pub from: NaiveDate,
    #[schema(value_type = String, format = Date)]
    pub to: NaiveDate,
    /// Soonest first.
    pub sessions: Vec<Session>,
}

/// A scheduled workshop session or hiring event.
#[derive(Debug, Serialize, ToSchema)]
pub struct Session {
    pub id: i64,
    /// Sessions of one series share it.
    pub series_id: Option<i64>,
    /// The topic code.
    #[schema(example = "resumes")]
    pub topic: String,
    pub title: String,
    pub description: String,
    /// The employer hiring, for a hiring event.
    pub employer: Option<String>,
    /// The center's short name; null when held online.
    pub center: Option<String>,
    pub center_name: Option<String>,
    pub virtual_session: bool,
    /// The zone the session is planned in.
    pub time_zone: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    #[schema(example = "en")]
    pub language: String,
    pub capacity: u32,
    /// Seats nobody holds; when 0, a person who enrols joins the waitlist.
    pub seats_left: u32,
    /// People waiting for a seat.
    pub waitlist_length: u32,
    /// The page where a person enrols.
    pub enrol_url: String,
}

/// Upcoming workshop sessions and hiring events.
#[utoipa::path(get, path = "/api/v1/workshops", tag = "workshops", params(SessionsQuery),
    responses(
        (status = 200, description = "The sessions, soonest first", body = SessionList),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn workshops(
    State(state): State<AppState>,
    query: Result<Query<SessionsQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    answer(&state, query_of(query), &headers).await
}

/// Upcoming hiring events: the sessions whose topic is `hiring_event`, with their
/// employer.
#[utoipa::path(get, path = "/api/v1/hiring-events", tag = "workshops", params(HiringEventsQuery),
    responses(
        (status = 200, description = "The hiring events, soonest first", body = SessionList),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn hiring_events(
    State(state): State<AppState>,
    query: Result<Query<HiringEventsQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    answer(&state, query_of(query).map(SessionsQuery::from), &headers).await
}

async fn answer(
    state: &AppState,
    query: Result<SessionsQuery, Problem>,
    headers: &HeaderMap,
) -> Response {
    let list = match query {
        Ok(query) => sessions(state, query).await,
        Err(problem) => Err(problem),
    };
    match list {
        Ok(list) => json(headers, &list, Freshness::Live),
        Err(problem) => problem.into_response(),
    }
}

/// The longest `language` asked for: a BCP 47 tag of any use is far shorter.
const LANGUAGE_MAX: usize = 35;

async fn sessions(state: &AppState, query: SessionsQuery) -> Result<SessionList, Problem> {
    let topic = match query.topic.as_deref() {
        None => None,
        Some(code) => Some(Topic::from_code(code).ok_or_else(|| {
            Problem::invalid(
                "topic",
                "not a topic code (see the parameter's description)",
            )
        })?),
    };
    if query
        .language
        .as_ref()
        .is_some_and(|l| l.len() > LANGUAGE_MAX)
    {
        return Err(Problem::invalid("language", "longer than a language tag"));
    }
    let centers = crate::db::public_directory::open_centers(&state.pool, None).await?;
    if let Some(place) = query.place.as_deref() {
        if place != "virtual" && !centers.iter().any(|c| c.id == place) {
            return Err(Problem::invalid(
                "place",
                "neither an open center's short name nor virtual",
            ));
        }
    }
    let default_zone = centers
        .first()
        .and_then(|c| c.time_zone.parse().ok())
        .unwrap_or(chrono_tz::UTC);
    let window = parse_window(
        query.time_zone.as_deref(),
        query.from.as_deref(),
        query.to.as_deref(),
        default_zone,
        Utc::now(),
    )
    .map_err(|p| Problem::invalid(p.parameter(), p.reason()))?;
    let (from, until) = window.bounds();
    let filter = CatalogFilter {
        place: query.place,
        topic: topic.map(|t| t.code().to_owned()),
        language: query.language,
        from: Some(from),
        until: Some(until),
    };
    let rows = crate::db::workshops::catalog(&state.pool, &filter, Utc::now()).await?;
    let base = state.settings.mail.public_url.trim_end_matches('/');
    Ok(SessionList {
        time_zone: window.zone.name().to_owned(),
        from: window.from,
        to: window.to,
        sessions: rows.into_iter().map(|row| session(row, base)).collect(),
    })
}

fn session(row: WorkshopSession, base: &str) -> Session {
    let capacity = row.capacity.max(0) as u32;
    let enrolled = row.enrolled.max(0) as u32;
    Session {
        enrol_url: format!("{base}/workshops/{}", row.id),
        id: row.id,
        series_id: row.series_id,
        topic: row.topic,
        title: row.title,
        description: row.description,
        employer: row.employer,
        virtual_session: row.center_id.is_none(),
        center: row.center_id,
        center_name: row.center_name,
        time_zone: row.time_zone,
        starts_at: row.starts_at,
        ends_at: row.ends_at,
        language: row.language,
        capacity,
        seats_left: capacity.saturating_sub(enrolled),
        waitlist_length: u32::try_from(row.waitlisted).unwrap_or(0),
    }
}
