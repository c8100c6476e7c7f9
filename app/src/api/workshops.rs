//! Workshops and hiring events: the catalog, one session, and an enrolment as its private
//! link shows it. Enrolling and cancelling are form posts (see `forms::workshops`).

use crate::domain::workshop::Topic;
use crate::domain::workshop_status::EnrolmentStatus;
use crate::error::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A session as the public pages show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionView {
    pub id: i64,
    pub series_id: Option<i64>,
    pub topic: Topic,
    pub title: String,
    pub description: String,
    pub employer: Option<String>,
    /// `None`: virtual.
    pub center_name: Option<String>,
    pub time_zone: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: u32,
    pub enrolled: u32,
    pub waitlisted: u32,
    pub language: String,
    pub cancelled: bool,
}

#[cfg(feature = "ssr")]
impl SessionView {
    pub fn from_row(row: crate::domain::workshop_session::WorkshopSession) -> Option<SessionView> {
        Some(SessionView {
            topic: Topic::from_code(&row.topic)?,
            id: row.id,
            series_id: row.series_id,
            title: row.title,
            description: row.description,
            employer: row.employer,
            center_name: row.center_name,
            time_zone: row.time_zone,
            starts_at: row.starts_at,
            ends_at: row.ends_at,
            capacity: row.capacity.max(0) as u32,
            enrolled: row.enrolled.max(0) as u32,
            waitlisted: u32::try_from(row.waitlisted).unwrap_or(0),
            language: row.language,
            cancelled: row.status == crate::domain::workshop_status::SessionStatus::Cancelled,
        })
    }
}

/// Sessions matching the filters. `place`: a center id or "virtual"; `from`: a date
/// (`YYYY-MM-DD`, in the centers' zone) from which on to list.
#[server(endpoint = "workshops/catalog")]
pub async fn workshop_catalog(
    place: Option<String>,
    topic: Option<String>,
    language: Option<String>,
    from: Option<NaiveDate>,
) -> Result<Vec<SessionView>, AppError> {
    let state = super::state()?;
    let from = from.and_then(|d| {
        crate::domain::availability::local_instant(
            chrono_tz::America::Los_Angeles,
            d.and_hms_opt(0, 0, 0)?,
        )
    });
    let filter = crate::db::workshops::CatalogFilter {
        place,
        topic,
        language,
        from,
        until: None,
    };
    let rows = crate::db::workshops::catalog(&state.pool, &filter, Utc::now())
        .await
        .map_err(super::unavailable)?;
    Ok(rows.into_iter().filter_map(SessionView::from_row).collect())
}

/// One session with the other dates of its series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionDetail {
    pub session: SessionView,
    /// Future dates of the same series, this one included (empty when not a series).
    pub series: Vec<SessionView>,
}

#[server(endpoint = "workshops/session")]
pub async fn workshop_session(id: i64) -> Result<Option<SessionDetail>, AppError> {
    let state = super::state()?;
    let Some(row) = crate::db::workshops::session(&state.pool, id)
        .await
        .map_err(super::unavailable)?
    else {
        return Ok(None);
    };
    let series = match row.series_id {
        Some(series_id) => {
            crate::db::workshops::series_sessions(&state.pool, series_id, Utc::now())
                .await
                .map_err(super::unavailable)?
                .into_iter()
                .filter_map(SessionView::from_row)
                .collect()
        }
        None => Vec::new(),
    };
    Ok(SessionView::from_row(row).map(|session| SessionDetail { session, series }))
}

/// An enrolment as its private link shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EnrolmentView {
    pub first_name: String,
    pub contact: String,
    pub status: EnrolmentStatus,
    pub place: Option<u32>,
    pub session: SessionView,
    /// Cancelled or over: the person may erase their details now.
    pub erasable: bool,
    /// Days the details are kept after the session.
    pub retention_days: u32,
}

#[server(endpoint = "workshops/enrolment")]
pub async fn workshop_enrolment(token: String) -> Result<Option<EnrolmentView>, AppError> {
    let state = super::state()?;
    let Some(e) = crate::db::workshops::enrolment_by_token(&state.pool, &token)
        .await
        .map_err(super::unavailable)?
    else {
        return Ok(None);
    };
    let session = crate::db::workshops::session(&state.pool, e.session_id)
        .await
        .map_err(super::unavailable)?
        .and_then(SessionView::from_row);
    let now = chrono::Utc::now();
    Ok(session.map(|session| EnrolmentView {
        erasable: crate::domain::retention::may_erase_now(
            e.status == EnrolmentStatus::Cancelled || session.cancelled,
            session.ends_at,
            now,
        ),
        retention_days: state.agency.current().retention_days,
        first_name: e.first_name,
        contact: e.contact,
        status: e.status,
        place: e.place.and_then(|p| u32::try_from(p).ok()),
        session,
    }))
}
