//! Calendar feeds a phone or Outlook subscribes to: the upcoming workshops and hiring
//! events of one center (`/api/v1/centers/{id}/calendar.ics`) or of one topic
//! (`/api/v1/topics/{topic}/calendar.ics`), written with the `icalendar` crate (it escapes
//! and folds lines as RFC 5545 asks). Each session keeps its UID for good; its SEQUENCE
//! rises with every change staff make, and a cancelled one stays listed as CANCELLED
//! until it would have ended, so subscribed calendars update or strike the event rather
//! than keep a stale one.

use super::caching::{cached, Freshness};
use super::problem::Problem;
use super::vocabulary::{LanguageTag, TopicCode};
use crate::db::session_feed::{feed_sessions, FeedOf, FeedSession};
use crate::domain::workshop::Topic;
use crate::domain::workshop_status::SessionStatus;
use crate::i18n::{fill, translations, Locale, Translations};
use crate::state::AppState;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use icalendar::{Calendar, Component, Event, EventLike, EventStatus, Property};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// The language of the feed's own words (its name, "Cancelled", "Enrol"; default en).
    /// Titles are as staff wrote them.
    #[param(value_type = Option<LanguageTag>, example = "es")]
    pub lang: Option<String>,
}

/// The language asked for, or a 400 problem.
fn feed_locale(query: Result<Query<FeedQuery>, QueryRejection>) -> Result<Locale, Problem> {
    match super::query_of(query)?.lang {
        None => Ok(Locale::En),
        Some(tag) => super::locale_of(&tag)
            .ok_or_else(|| Problem::invalid("lang", "not one of en, es, vi, zh-Hans, ru, so, ar")),
    }
}

/// The media type of an iCalendar file.
const TEXT_CALENDAR: &str = "text/calendar; charset=utf-8";

/// The center's workshops and hiring events as a calendar feed.
#[utoipa::path(get, path = "/api/v1/centers/{id}/calendar.ics", tag = "calendars",
    params(("id" = String, Path, description = "The center's short name", example = "tigard"), FeedQuery),
    responses(
        (status = 200, description = "An iCalendar (RFC 5545) feed", body = String, content_type = "text/calendar"),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No open center has this name", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn center(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    query: Result<Query<FeedQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let t = match feed_locale(query) {
        Ok(locale) => translations(locale),
        Err(problem) => return problem.into_response(),
    };
    let center = match id {
        Ok(Path(id)) => crate::db::public_directory::open_centers(&state.pool, Some(&id))
            .await
            .map(|c| c.into_iter().next()),
        Err(_) => Ok(None),
    };
    let center = match center {
        Ok(Some(center)) => center,
        Ok(None) => {
            return Problem::not_found("There is no open center with this name.").into_response()
        }
        Err(error) => return Problem::from(error).into_response(),
    };
    let of = FeedOf {
        center_id: Some(&center.id),
        topic: None,
    };
    let w = &t.workshops;
    let name = fill(
        &w.feed_name,
        &[("place", &center.name), ("what", &w.heading)],
    );
    feed(&state, of, &name, t, &headers).await
}

/// One topic's sessions at every center and online, as a calendar feed.
#[utoipa::path(get, path = "/api/v1/topics/{topic}/calendar.ics", tag = "calendars",
    params(("topic" = TopicCode, Path, description = "A topic code", example = "hiring_event"), FeedQuery),
    responses(
        (status = 200, description = "An iCalendar (RFC 5545) feed", body = String, content_type = "text/calendar"),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No topic has this code", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn topic(
    State(state): State<AppState>,
    topic: Result<Path<String>, PathRejection>,
    query: Result<Query<FeedQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let t = match feed_locale(query) {
        Ok(locale) => translations(locale),
        Err(problem) => return problem.into_response(),
    };
    let Some(topic) = topic.ok().and_then(|Path(code)| Topic::from_code(&code)) else {
        return Problem::not_found("There is no topic with this code.").into_response();
    };
    let of = FeedOf {
        center_id: None,
        topic: Some(topic.code()),
    };
    let w = &t.workshops;
    let agency = state.agency.current().public_name;
    let name = fill(
        &w.feed_name,
        &[("place", &agency), ("what", w.topics.label(topic))],
    );
    feed(&state, of, &name, t, &headers).await
}

async fn feed(
    state: &AppState,
    of: FeedOf<'_>,
    name: &str,
    t: &Translations,
    headers: &HeaderMap,
) -> Response {
    let sessions = match feed_sessions(&state.pool, of, Utc::now()).await {
        Ok(sessions) => sessions,
        Err(error) => return Problem::from(error).into_response(),
    };
    let base = state.settings.mail.public_url.trim_end_matches('/');
    let body = calendar(name, &sessions, base, t).to_string();
    cached(headers, body.into_bytes(), TEXT_CALENDAR, Freshness::Setup)
}

/// The feed: one VEVENT per session.
fn calendar(name: &str, sessions: &[FeedSession], base: &str, t: &Translations) -> Calendar {
    let mut calendar = Calendar::empty();
    // No METHOD: a subscribed feed is a calendar store, whose DTSTAMP says when each
    // event was last revised (RFC 5545, 3.8.7.2), so an unchanged feed is byte-for-byte
    // the same and its ETag holds.
    for (key, value) in [
        ("VERSION", "2.0"),
        ("PRODID", "-//Frontdesk//Workshops and hiring events//EN"),
        ("CALSCALE", "GREGORIAN"),
    ] {
        calendar.append_property(Property::new(key, value));
    }
    calendar.name(name).ttl(&chrono::Duration::hours(1));
    for session in sessions {
        calendar.push(event(session, base, t));
    }
    calendar.done()
}

fn event(s: &FeedSession, base: &str, t: &Translations) -> Event {
    let w = &t.workshops;
    let cancelled = s.status == SessionStatus::Cancelled;
    let mut summary = match &s.employer {
        Some(employer) if !employer.is_empty() => format!("{} ({employer})", s.title),
        _ => s.title.clone(),
    };
    if cancelled {
        summary = fill(&w.feed_cancelled, &[("title", &summary)]);
    }
    let enrol = format!("{base}/workshops/{}", s.id);
    let location = match (&s.center_name, &s.center_address) {
        (Some(name), Some(address)) if !address.is_empty() => format!("{name}, {address}"),
        (Some(name), _) => name.clone(),
        (None, _) => w.virtual_place.clone(),
    };
    let enrol_line = fill(&w.feed_enrol, &[("url", &enrol)]);
    let description = if s.description.is_empty() {
        enrol_line
    } else {
        format!("{}\n\n{enrol_line}", s.description)
    };
    Event::new()
        // The same UID for the life of the session, whatever changes (the site's address
        // too, so it names no host).
        .uid(&format!("workshop-session-{}@frontdesk", s.id))
        .sequence(u32::try_from(s.sequence).unwrap_or(0))
        .timestamp(s.updated_at)
        .last_modified(s.updated_at)
        .starts(s.starts_at)
        .ends(s.ends_at)
        .summary(&summary)
        .description(&description)
        .location(&location)
        .url(&enrol)
        .add_property("CATEGORIES", s.topic.as_str())
        .status(if cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .done()
}
