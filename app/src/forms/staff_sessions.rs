//! [ssr] Staff form posts on workshop sessions: create, edit, cancel, and move a person.
//! The router lets these through only with a staff session (`/staff/…`). Success
//! redirects to the roster with a notice; a refused form is shown again with every answer
//! and a message beside each field.

use super::{render_staff_page, unavailable, Form, StaffPost};
use crate::db::workshop_admin::create_sessions;
use crate::domain::roles::Permission;
use crate::domain::session_plan::{parse_capacity, plan, Places, PlanResult, SessionFields};
use crate::i18n::{fill, translations, Locale};
use crate::pages::staff::session_form_page::SessionSubmission;
use crate::services::workshop_admin::{
    cancel_sessions, move_enrolment, update_session, EditOutcome, MoveOutcome,
};
use crate::services::workshops::{set_capacity, CapacityOutcome};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use chrono_tz::Tz;

fn fields_of(form: &Form) -> SessionFields {
    SessionFields {
        topic: form.get("topic"),
        title: form.get("title"),
        description: form.get("description"),
        employer: form.get("employer"),
        place: form.get("place"),
        meeting_link: form.get("meeting_link"),
        date: form.get("date"),
        start: form.get("start"),
        end: form.get("end"),
        weeks: form.get("weeks"),
        capacity: form.get("capacity"),
        language: form.get("language"),
        facilitator: form.get("facilitator"),
    }
}

/// Checks the form against the centers as stored.
async fn checked(state: &AppState, fields: &SessionFields) -> Result<PlanResult, crate::db::Error> {
    let centers: Vec<(String, Tz)> = crate::db::centers::list_open_centers(&state.pool)
        .await?
        .into_iter()
        .filter_map(|c| Some((c.id, c.time_zone.parse().ok()?)))
        .collect();
    Ok(plan(
        fields,
        &Places {
            centers: &centers,
            home: chrono_tz::America::Los_Angeles,
        },
        Utc::now(),
    ))
}

fn roster(id: i64, locale: Locale, notice: &str) -> Response {
    Redirect::to(&format!(
        "/staff/workshops/{id}?lang={}&notice={notice}",
        locale.tag()
    ))
    .into_response()
}

/// `POST /staff/workshops/new`.
pub async fn create_session(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { form, locale, .. } =
        match super::staff_post(&state, &headers, &body, Permission::ManageWorkshops).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    let fields = fields_of(&form);
    let page = format!("/staff/workshops/new?lang={}", locale.tag());
    let planned = match checked(&state, &fields).await {
        Ok(planned) => planned,
        Err(error) => return unavailable(error, locale),
    };
    let session_plan = match planned {
        Ok(session_plan) => session_plan,
        Err(problems) => {
            let refused = SessionSubmission {
                fields,
                problems,
                message: None,
            };
            return render_staff_page(
                &state,
                &page,
                &headers,
                refused,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    match create_sessions(&state.pool, &session_plan).await {
        Ok(ids) => {
            let notice = if ids.len() > 1 {
                format!("created_series_{}", ids.len())
            } else {
                "created".to_owned()
            };
            roster(ids[0], locale, &notice)
        }
        Err(error) => {
            tracing::error!(%error, "creating a session failed");
            let failed = SessionSubmission {
                fields,
                problems: Vec::new(),
                message: Some(translations(locale).booking.request_failed.clone()),
            };
            render_staff_page(
                &state,
                &page,
                &headers,
                failed,
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

/// `POST /staff/workshops/{id}/edit`: one session; its series is left as it is.
pub async fn edit_session(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { form, locale, .. } =
        match super::staff_post(&state, &headers, &body, Permission::ManageWorkshops).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    let a = &translations(locale).session_admin;
    let fields = SessionFields {
        weeks: "1".to_owned(),
        ..fields_of(&form)
    };
    let page = format!("/staff/workshops/{id}/edit?lang={}", locale.tag());
    let refuse = |problems, message| SessionSubmission {
        fields: fields.clone(),
        problems,
        message,
    };
    let session_plan = match checked(&state, &fields).await {
        Ok(Ok(session_plan)) => session_plan,
        Ok(Err(problems)) => {
            let refused = refuse(problems, None);
            return render_staff_page(
                &state,
                &page,
                &headers,
                refused,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(error) => return unavailable(error, locale),
    };
    let outcome =
        match update_session(&state.pool, id, &session_plan, &state.mail(), Utc::now()).await {
            Ok(outcome) => outcome,
            Err(error) => {
                tracing::error!(%error, "saving a session failed");
                let failed = refuse(
                    Vec::new(),
                    Some(translations(locale).booking.request_failed.clone()),
                );
                return render_staff_page(
                    &state,
                    &page,
                    &headers,
                    failed,
                    StatusCode::SERVICE_UNAVAILABLE,
                )
                .await;
            }
        };
    match outcome {
        EditOutcome::Saved { notified: 0 } => roster(id, locale, "saved"),
        EditOutcome::Saved { notified } => roster(id, locale, &format!("saved_{notified}")),
        EditOutcome::BelowSeatsTaken { taken } => {
            let message = fill(&a.error_below_seats_taken, &[("taken", &taken.to_string())]);
            let refused = refuse(Vec::new(), Some(message));
            render_staff_page(&state, &page, &headers, refused, StatusCode::CONFLICT).await
        }
        EditOutcome::Cancelled => {
            let refused = refuse(Vec::new(), Some(a.error_cancelled.clone()));
            render_staff_page(&state, &page, &headers, refused, StatusCode::CONFLICT).await
        }
        EditOutcome::Unknown => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `POST /staff/workshops/{id}/cancel`, with `rest_of_series=yes` to cancel the later
/// dates of its series too.
pub async fn cancel_session(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { form, locale, .. } =
        match super::staff_post(&state, &headers, &body, Permission::ManageWorkshops).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    let rest_of_series = form.get("rest_of_series") == "yes";
    match cancel_sessions(&state.pool, id, rest_of_series, &state.mail(), Utc::now()).await {
        Ok(_) => roster(id, locale, "cancelled"),
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/workshops/{id}/move`: `enrolment` to session `to`.
pub async fn move_person(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { form, locale, .. } =
        match super::staff_post(&state, &headers, &body, Permission::ManageWorkshops).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    let (Ok(enrolment), Ok(to)) = (
        form.get("enrolment").parse::<i64>(),
        form.get("to").parse::<i64>(),
    ) else {
        return roster(id, locale, "move_refused");
    };
    match move_enrolment(&state.pool, id, enrolment, to, &state.mail(), Utc::now()).await {
        Ok(MoveOutcome::Moved { waitlisted: false }) => roster(id, locale, "moved"),
        Ok(MoveOutcome::Moved { waitlisted: true }) => roster(id, locale, "moved_waitlisted"),
        Ok(MoveOutcome::AlreadyThere) => roster(id, locale, "move_already_there"),
        Ok(MoveOutcome::Refused(_) | MoveOutcome::Unknown) => roster(id, locale, "move_refused"),
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/workshops/{id}/capacity`: `capacity`, the number of seats. Raising it gives
/// the new seats to the waitlist in order; lowering it below the seats taken (or a number
/// out of range) is refused with 409 and the roster saying so.
pub async fn change_capacity(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { form, locale, .. } =
        match super::staff_post(&state, &headers, &body, Permission::ManageWorkshops).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    let refused = || async {
        let uri = format!(
            "/staff/workshops/{id}?lang={}&notice=capacity_refused",
            locale.tag()
        );
        render_staff_page(&state, &uri, &headers, (), StatusCode::CONFLICT).await
    };
    let Some(capacity) = parse_capacity(&form.get("capacity")) else {
        return refused().await;
    };
    match set_capacity(&state.pool, id, capacity, &state.mail(), Utc::now()).await {
        Ok(CapacityOutcome::Changed) => roster(id, locale, "capacity_changed"),
        Ok(CapacityOutcome::BelowSeatsTaken) => refused().await,
        Ok(CapacityOutcome::Unknown) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/workshops/{id}/attendance`: `enrolment`, `status` (attended, no_show or
/// enrolled again). The waitlist and cancelled enrolments are left alone.
pub async fn mark_attendance(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { form, locale, .. } =
        match super::staff_post(&state, &headers, &body, Permission::MarkAttendance).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    let (Ok(enrolment), Some(status)) = (
        form.get("enrolment").parse::<i64>(),
        crate::domain::workshop_status::EnrolmentStatus::attendance(&form.get("status")),
    ) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    match crate::db::workshops::mark_attendance(&state.pool, id, enrolment, status).await {
        Ok(_) => {
            Redirect::to(&format!("/staff/workshops/{id}?lang={}", locale.tag())).into_response()
        }
        Err(error) => unavailable(error, locale),
    }
}
