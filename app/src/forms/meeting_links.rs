//! [ssr] Posts that set video meeting links: a center's and a staff member's (managers, on
//! a center's hours page) and one appointment's (staff who update appointments; the
//! participant is emailed). A link that is not a web address comes back beside its field
//! with what was typed.

use super::{render_staff_page, staff_post, unavailable};
use crate::db::meeting_links::LinkChange;
use crate::domain::meeting_link::check_meeting_link;
use crate::domain::roles::Permission;
use crate::pages::staff::meeting_link_form::MeetingLinkSubmission;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

/// `POST /staff/availability/{center}/meeting-link`: `meeting_link` (empty: none).
pub async fn center(
    State(state): State<AppState>,
    Path(center): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageAvailability).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let known = match crate::db::centers::find_center(&state.pool, &center).await {
        Ok(found) => found,
        Err(error) => return unavailable(error, post.locale),
    };
    // Only a known center's id goes into the addresses below.
    let Some(center) = known else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let page = format!(
        "/staff/availability?center={}&lang={}",
        center.id,
        post.locale.tag()
    );
    let typed = post.form.get("meeting_link");
    let Some(link) = check_meeting_link(&typed) else {
        let answer = MeetingLinkSubmission {
            typed,
            staff_id: None,
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render_staff_page(&state, &page, &headers, answer, status).await;
    };
    match crate::db::meeting_links::set_center_link(&state.pool, &center.id, &link).await {
        Ok(_) => Redirect::to(&format!("{page}&notice=link_saved#meeting-link")).into_response(),
        Err(error) => unavailable(error, post.locale),
    }
}

/// `POST /staff/calendar/{id}/meeting-link`: `meeting_link` (empty: none yet).
pub async fn appointment(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::SendMeetingLinks).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let page = format!("/staff/calendar/{id}?lang={}", post.locale.tag());
    let typed = post.form.get("meeting_link");
    let Some(link) = check_meeting_link(&typed) else {
        let answer = MeetingLinkSubmission {
            typed,
            staff_id: None,
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render_staff_page(&state, &page, &headers, answer, status).await;
    };
    let changed = crate::services::meeting_links::change_booking_link(
        &state.pool,
        id,
        &link,
        post.staff.staff_id,
        &state.mail(),
        Utc::now(),
    )
    .await;
    let notice = match changed {
        Ok(LinkChange::Changed) => "link_sent",
        Ok(LinkChange::Unchanged) => "link_unchanged",
        Ok(LinkChange::NotChangeable) => "link_not_changeable",
        Err(error) => return unavailable(error, post.locale),
    };
    Redirect::to(&format!("{page}&notice={notice}")).into_response()
}

/// `POST /staff/meeting-links/staff`: `staff_id`, `staff_meeting_link` (empty: none). The
/// links are the same on every center's hours page; back to the first one's.
pub async fn staff(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageAvailability).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let page = format!("/staff/availability?lang={}", post.locale.tag());
    let typed = post.form.get("staff_meeting_link");
    let Some(staff_id) = post
        .form
        .get("staff_id")
        .parse::<i64>()
        .ok()
        .filter(|id| *id > 0)
    else {
        // Nobody chosen: back beside the list, the link typed kept.
        let answer = MeetingLinkSubmission {
            typed,
            staff_id: Some(0),
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render_staff_page(&state, &page, &headers, answer, status).await;
    };
    let Some(link) = check_meeting_link(&typed) else {
        let answer = MeetingLinkSubmission {
            typed,
            staff_id: Some(staff_id),
        };
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render_staff_page(&state, &page, &headers, answer, status).await;
    };
    match crate::db::meeting_links::set_staff_link(&state.pool, staff_id, &link).await {
        Ok(true) => {
            Redirect::to(&format!("{page}&notice=staff_link_saved#staff-links")).into_response()
        }
        Ok(false) => StatusCode::NOT_FOUND.into_response(),
        Err(error) => unavailable(error, post.locale),
    }
}
