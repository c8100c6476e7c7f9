//! Staff work with workshops: the sessions, each session's roster with attendance and the
//! waitlist in order, and its capacity (raising it promotes from the waitlist). Staff only.

use super::workshops::SessionView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One person on a roster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RosterEntry {
    pub enrolment_id: i64,
    pub name: String,
    /// "enrolled", "attended", "no_show" or "waitlisted".
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Roster {
    pub staff_name: String,
    pub session: SessionView,
    pub entries: Vec<RosterEntry>,
}

/// Upcoming sessions (cancelled ones included), soonest first.
#[server(endpoint = "staff/workshops")]
pub async fn staff_workshops() -> Result<(String, Vec<SessionView>), ServerFnError> {
    let staff = super::auth::require_staff().await?;
    let state = super::state()?;
    let rows = crate::db::workshops::upcoming_for_staff(&state.pool, chrono::Utc::now())
        .await
        .map_err(super::unavailable)?;
    Ok((
        staff.display_name,
        rows.into_iter().filter_map(SessionView::from_row).collect(),
    ))
}

#[server(endpoint = "staff/workshops/roster")]
pub async fn staff_roster(id: i64) -> Result<Option<Roster>, ServerFnError> {
    let staff = super::auth::require_staff().await?;
    let state = super::state()?;
    let Some(session) = crate::db::workshops::session(&state.pool, id)
        .await
        .map_err(super::unavailable)?
        .and_then(SessionView::from_row)
    else {
        return Ok(None);
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
        entries,
    }))
}

/// Marks one enrolled person as attended or no-show (or back to enrolled).
#[server(endpoint = "staff/workshops/attendance")]
pub async fn mark_attendance(
    session_id: i64,
    enrolment_id: i64,
    status: String,
) -> Result<(), ServerFnError> {
    super::auth::require_staff().await?;
    let state = super::state()?;
    if !matches!(status.as_str(), "attended" | "no_show" | "enrolled") {
        return Err(ServerFnError::new("unknown attendance"));
    }
    crate::db::workshops::mark_attendance(&state.pool, session_id, enrolment_id, &status)
        .await
        .map_err(super::unavailable)?;
    Ok(())
}

/// Sets the number of seats; raising it gives the new seats to the waitlist in order.
#[server(endpoint = "staff/workshops/capacity")]
pub async fn change_capacity(session_id: i64, capacity: i32) -> Result<(), ServerFnError> {
    super::auth::require_staff().await?;
    let state = super::state()?;
    crate::db::workshops::set_capacity(
        &state.pool,
        session_id,
        capacity.max(0),
        &state.settings.mail,
        chrono::Utc::now(),
    )
    .await
    .map_err(super::unavailable)?;
    Ok(())
}
