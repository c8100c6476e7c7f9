//! Staff work with workshops: the sessions, each session's roster with attendance and the
//! waitlist in order, and the session form. Changes of seats are a form post
//! (`forms::staff_sessions`).

use super::workshops::SessionView;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::session_plan::SessionFields;
use crate::domain::workshop_status::EnrolmentStatus;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One person on a roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub enrolment_id: i64,
    pub name: String,
    pub status: EnrolmentStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub staff_name: String,
    pub session: SessionView,
    pub facilitator: String,
    pub meeting_link: Option<String>,
    pub entries: Vec<RosterEntry>,
    /// Sessions a person can be moved to, soonest first (none for a role that may not
    /// move people).
    pub move_targets: Vec<SessionView>,
    /// Whether the caller may edit, cancel, change seats and move people.
    pub can_manage: bool,
}

/// What the new- and edit-session form starts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SessionFormData {
    pub staff_name: String,
    /// Id, name and time zone of every center.
    pub centers: Vec<(String, String, String)>,
    /// The session as it is (edit), or empty (new).
    pub fields: SessionFields,
    pub cancelled: bool,
}

/// Upcoming sessions (cancelled ones included), soonest first, and whether the caller may
/// create sessions.
#[server(endpoint = "staff/workshops")]
pub async fn staff_workshops() -> Result<(String, bool, Vec<SessionView>), AppError> {
    let staff = super::auth::require(Permission::ViewWorkshops).await?;
    let state = super::state()?;
    let rows = crate::db::workshops::upcoming_for_staff(&state.pool, chrono::Utc::now())
        .await
        .map_err(super::unavailable)?;
    Ok((
        staff.display_name,
        staff.role.may(Permission::ManageWorkshops),
        rows.into_iter().filter_map(SessionView::from_row).collect(),
    ))
}

#[server(endpoint = "staff/workshops/roster")]
pub async fn staff_roster(id: i64) -> Result<Option<Roster>, AppError> {
    let staff = super::auth::require(Permission::ViewWorkshops).await?;
    let state = super::state()?;
    let Some(session) = crate::db::workshops::session(&state.pool, id)
        .await
        .map_err(super::unavailable)?
        .and_then(SessionView::from_row)
    else {
        return Ok(None);
    };
    let (facilitator, meeting_link) = match crate::db::workshops::session(&state.pool, id)
        .await
        .map_err(super::unavailable)?
    {
        Some(row) => (row.facilitator, row.meeting_link),
        None => (String::new(), None),
    };
    let can_manage = staff.role.may(Permission::ManageWorkshops);
    let move_targets = if can_manage {
        crate::db::workshop_admin::move_targets(&state.pool, id, chrono::Utc::now())
            .await
            .map_err(super::unavailable)?
            .into_iter()
            .filter_map(SessionView::from_row)
            .collect()
    } else {
        Vec::new()
    };
    let entries = crate::db::workshops::roster(&state.pool, id)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|r| RosterEntry {
            enrolment_id: r.id,
            name: format!("{} {}", r.first_name, r.last_name),
            status: r.status,
        })
        .collect();
    Ok(Some(Roster {
        staff_name: staff.display_name,
        session,
        facilitator,
        meeting_link,
        entries,
        move_targets,
        can_manage,
    }))
}

/// The form to create a session (`id` none) or edit session `id`, filled in with the
/// session's values read on its own wall clock. `None` when `id` is unknown.
#[server(endpoint = "staff/workshops/form")]
pub async fn session_form(id: Option<i64>) -> Result<Option<SessionFormData>, AppError> {
    let staff = super::auth::require(Permission::ManageWorkshops).await?;
    let state = super::state()?;
    let centers = crate::db::centers::list_open_centers(&state.pool)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|c| (c.id, c.name, c.time_zone))
        .collect();
    let (fields, cancelled) = match id {
        None => (SessionFields::default(), false),
        Some(id) => {
            let Some(row) = crate::db::workshops::session(&state.pool, id)
                .await
                .map_err(super::unavailable)?
            else {
                return Ok(None);
            };
            (
                fields_of(&row),
                row.status == crate::domain::workshop_status::SessionStatus::Cancelled,
            )
        }
    };
    Ok(Some(SessionFormData {
        staff_name: staff.display_name,
        centers,
        fields,
        cancelled,
    }))
}

/// A stored session as the form's fields: date and times on the session's wall clock.
#[cfg(feature = "ssr")]
fn fields_of(row: &crate::domain::workshop_session::WorkshopSession) -> SessionFields {
    let zone: chrono_tz::Tz = row.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let start = row.starts_at.with_timezone(&zone);
    let end = row.ends_at.with_timezone(&zone);
    SessionFields {
        topic: row.topic.clone(),
        title: row.title.clone(),
        description: row.description.clone(),
        employer: row.employer.clone().unwrap_or_default(),
        place: row
            .center_id
            .clone()
            .unwrap_or_else(|| "virtual".to_owned()),
        meeting_link: row.meeting_link.clone().unwrap_or_default(),
        date: start.format("%Y-%m-%d").to_string(),
        start: start.format("%H:%M").to_string(),
        end: end.format("%H:%M").to_string(),
        weeks: "1".to_owned(),
        capacity: row.capacity.to_string(),
        language: row.language.clone(),
        facilitator: row.facilitator.clone(),
    }
}
