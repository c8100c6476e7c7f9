//! [ssr] `POST /staff/calendar/{id}/update`: an appointment's status, who handles it and
//! its note; every change is kept with who and when (and a video appointment that changes
//! hands may move to its new handler's link). Back to the appointment's page.

use super::{unavailable, StaffPost};
use crate::db::calendar::{AppointmentUpdate, UpdateOutcome};
use crate::db::meeting_links::LinkChange;
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::free_text::{parse_optional, STAFF_NOTE_MAX_CHARS};
use crate::domain::roles::Permission;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

/// `status`, `staff_id` (empty: nobody), `note`.
pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost {
        form,
        locale,
        staff: me,
    } = match super::staff_post(&state, &headers, &body, Permission::UpdateAppointment).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let (Some(status), Ok(note)) = (
        AppointmentStatus::from_code(&form.get("status")),
        parse_optional(&form.get("note"), STAFF_NOTE_MAX_CHARS),
    ) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let update = AppointmentUpdate {
        status,
        staff_id: form.get("staff_id").parse().ok(),
        note: note.unwrap_or_default(),
    };
    let changed = crate::services::appointment_changes::update_appointment(
        &state.pool,
        id,
        &update,
        me.staff_id,
        &state.mail(),
        Utc::now(),
    )
    .await;
    match changed {
        // Not allowed: the status moved on meanwhile (a colleague); nothing changed and
        // the page shows where it stands.
        Ok((UpdateOutcome::Saved { .. } | UpdateOutcome::NotAllowed, link)) => {
            // A video appointment that changed hands may meet elsewhere now: emailed.
            let notice = if link == LinkChange::Changed {
                "&notice=link_sent"
            } else {
                ""
            };
            Redirect::to(&format!(
                "/staff/calendar/{id}?lang={}{notice}",
                locale.tag()
            ))
            .into_response()
        }
        Ok((UpdateOutcome::Unknown, _)) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => unavailable(error, locale),
    }
}
