//! [ssr] The partners' read API, `/api/v1`: centers, services, free appointment times,
//! workshop sessions and hiring events, as JSON that libraries, colleges and community
//! organizations can build on. Versioned (a breaking change is `/api/v2`), read-only,
//! with nothing of any person in it; described by the OpenAPI 3.1 document `utoipa`
//! generates from these types (`/api/v1/openapi.json`) and by a page for people
//! (`/api/v1`). Errors are RFC 9457 problems; every answer carries an `ETag`; every
//! request counts against its address's limit. The server adds CORS for any origin.
//!
//! Thin, like `api` and `forms`: parse the query, read through `db`, shape the answer.

mod caching;
mod centers;
pub mod docs;
mod feeds;
mod free_times;
pub mod problem;
mod services;
mod sessions;
mod vocabulary;

use crate::domain::limits::Limited;
use crate::domain::locale::Locale;
use crate::limits::ClientAddress;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, Request, State};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use problem::Problem;
use std::time::Duration;
use tokio::sync::Semaphore;

/// Requests of the API one process answers at once: one may run a query or three per
/// center, and the database pool is shared with the kiosks and the staff screens, which
/// must never wait behind a partner's burst.
const AT_ONCE: usize = 6;
static ANSWERING: Semaphore = Semaphore::const_new(AT_ONCE);

/// How long a request waits for its turn before it is told to come back.
const WAIT_FOR_TURN: Duration = Duration::from_secs(10);

/// The API's routes, each request counted against its client's `PartnerRead` limit.
pub fn routes(state: AppState) -> Router<AppState> {
    Router::new()
        .route("/api/v1", get(docs::page))
        .route("/api/v1/", get(docs::page))
        .route("/api/v1/openapi.json", get(docs::openapi_json))
        .route("/api/v1/centers", get(centers::list))
        .route("/api/v1/centers/{id}", get(centers::one))
        .route("/api/v1/centers/{id}/calendar.ics", get(feeds::center))
        .route("/api/v1/topics/{topic}/calendar.ics", get(feeds::topic))
        .route("/api/v1/services", get(services::list))
        .route("/api/v1/free-times", get(free_times::list))
        .route("/api/v1/workshops", get(sessions::workshops))
        .route("/api/v1/hiring-events", get(sessions::hiring_events))
        .route("/api/v1/{*rest}", get(no_such_endpoint))
        .layer(middleware::from_fn_with_state(state, limit_and_screen))
}

/// Counts the request against its address (a burst, then a steady rate), refuses a
/// query or path holding control characters, which no parameter has a use for (and
/// PostgreSQL refuses in text), and waits for one of the `AT_ONCE` turns.
async fn limit_and_screen(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let key = request
        .extensions()
        .get::<ClientAddress>()
        .map(ClientAddress::limit_key)
        .unwrap_or_default();
    if let Err(wait) = state.limits.check(Limited::PartnerRead, &key) {
        return Problem::too_many(wait.as_secs()).into_response();
    }
    if let Some(name) = control_characters(request.uri()) {
        return Problem::invalid(&name, "holds control characters").into_response();
    }
    let Ok(Ok(_turn)) = tokio::time::timeout(WAIT_FOR_TURN, ANSWERING.acquire()).await else {
        return Problem::busy().into_response();
    };
    next.run(request).await
}

/// The parameter (or `path`) whose decoded text holds a control character.
fn control_characters(uri: &axum::http::Uri) -> Option<String> {
    let has_control = |text: &str| text.chars().any(char::is_control);
    let path = uri.path().replace('+', "%2B");
    if form_urlencoded::parse(path.as_bytes()).any(|(k, v)| has_control(&k) || has_control(&v)) {
        return Some("path".to_owned());
    }
    form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .find(|(k, v)| has_control(k) || has_control(v))
        .map(|(k, _)| {
            if has_control(&k) {
                "query".to_owned()
            } else {
                k.into_owned()
            }
        })
}

/// 404 as a problem, for a path under `/api/v1` that names no endpoint.
async fn no_such_endpoint() -> Response {
    Problem::not_found("No endpoint has this path; /api/v1/openapi.json lists them.")
        .into_response()
}

/// The parsed query, or a 400 problem saying what did not parse.
fn query_of<T>(query: Result<Query<T>, QueryRejection>) -> Result<T, Problem> {
    query
        .map(|Query(q)| q)
        .map_err(|rejection| Problem::invalid("query", rejection.body_text()))
}

/// One of the visitors' languages by its exact tag (any case).
fn locale_of(tag: &str) -> Option<Locale> {
    Locale::ALL
        .into_iter()
        .find(|l| l.tag().eq_ignore_ascii_case(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_in_any_parameter_or_the_path() {
        let found = |uri: &str| control_characters(&uri.parse().unwrap());
        assert_eq!(
            found("/api/v1/free-times?service=a%00b"),
            Some("service".into())
        );
        assert_eq!(found("/api/v1/workshops?x%0A=1"), Some("query".into()));
        assert_eq!(found("/api/v1/centers/ti%07gard"), Some("path".into()));
        assert_eq!(found("/api/v1/workshops?language=zh-Hans&topic=a+b"), None);
        assert_eq!(found("/api/v1/centers/a+b"), None);
    }
}
