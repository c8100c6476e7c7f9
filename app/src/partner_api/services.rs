//! `GET /api/v1/services`: what can be booked, named in one of the visitors' languages,
//! with the ways each is held and the centers that offer it.

use super::caching::{json, Freshness};
use super::problem::Problem;
use super::query_of;
use super::vocabulary::LanguageTag;
use crate::db::public_directory;
use crate::domain::locale::Locale;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ServicesQuery {
    /// The language of names and descriptions (default en).
    #[param(value_type = Option<LanguageTag>, example = "es")]
    pub lang: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ServiceList {
    /// The language the names are in.
    #[schema(example = "en")]
    pub language: String,
    pub services: Vec<Service>,
}

/// A service people can book.
#[derive(Debug, Serialize, ToSchema)]
pub struct Service {
    /// Used as `service` in `/api/v1/free-times`.
    #[schema(example = "job_coaching")]
    pub code: String,
    pub name: String,
    /// A line under the name; may be empty.
    pub description: String,
    /// How it can be held: `in_person`, `phone`, `video`.
    pub held: Vec<String>,
    /// Short names of the centers that offer it.
    pub centers: Vec<String>,
}

/// The services that can be booked, in the agency's order.
#[utoipa::path(get, path = "/api/v1/services", tag = "appointments", params(ServicesQuery),
    responses(
        (status = 200, description = "The bookable services", body = ServiceList),
        (status = 304, description = "Unchanged since the `ETag` sent in `If-None-Match`"),
        (status = 400, description = "A parameter is not valid", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many requests from this address", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "The server cannot answer now", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    query: Result<Query<ServicesQuery>, QueryRejection>,
    headers: HeaderMap,
) -> Response {
    match services(&state, query).await {
        Ok(list) => json(&headers, &list, Freshness::Setup),
        Err(problem) => problem.into_response(),
    }
}

async fn services(
    state: &AppState,
    query: Result<Query<ServicesQuery>, QueryRejection>,
) -> Result<ServiceList, Problem> {
    let query = query_of(query)?;
    let locale = match query.lang.as_deref() {
        None => Locale::En,
        Some(tag) => super::locale_of(tag).ok_or_else(|| {
            Problem::invalid("lang", "not one of en, es, vi, zh-Hans, ru, so, ar")
        })?,
    };
    let offered = public_directory::offered_services(&state.pool).await?;
    let services = crate::db::appointment_services::list(&state.pool).await?;
    Ok(ServiceList {
        language: locale.tag().to_owned(),
        services: services
            .into_iter()
            .filter(|s| !s.hidden)
            .map(|s| {
                let text = s.details.text(locale);
                Service {
                    name: s.name(locale),
                    description: text.hint,
                    held: s.details.held.iter().map(|h| h.code().to_owned()).collect(),
                    centers: offered
                        .iter()
                        .filter(|(service, _)| *service == s.code)
                        .map(|(_, center)| center.clone())
                        .collect(),
                    code: s.code,
                }
            })
            .collect(),
    })
}
