//! [ssr] Admin posts on the centers page: add a center, edit one, retire one or bring it
//! back. Anyone but an admin is refused (403) before the form is read further; typing
//! mistakes come back beside their fields with everything typed kept; bookings a change
//! would strand are listed and nothing changes, unless the admin chose to cancel them.

use super::{render_staff_page, staff_post, unavailable, StaffPost};
use crate::db::center_setup::center_record;
use crate::domain::center_setup::{check_details, check_new_center, TypedCenter};
use crate::domain::roles::Permission;
use crate::i18n::{translations, Locale};
use crate::pages::staff::centers_page::{CenterForm, CenterSubmission};
use crate::services::center_setup::{
    create_center, edit_center, restore_center, retire_center, SetupOutcome,
};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;

fn page(locale: Locale, edit: Option<&str>) -> String {
    // The id may come from the request path: encoded, so no byte of it reaches the
    // Location header as it was sent.
    let edit = edit
        .map(|id| format!("edit={}&", crate::pages::booking::query::encode(id)))
        .unwrap_or_default();
    format!("/staff/centers?{edit}lang={}", locale.tag())
}

fn typed(post: &StaffPost) -> TypedCenter {
    TypedCenter {
        short_name: post.form.get("short_name"),
        name: post.form.get("name"),
        address: post.form.get("address"),
        phone: post.form.get("phone"),
        email: post.form.get("email"),
        time_zone: post.form.get("time_zone"),
        target_wait: post.form.get("target_wait"),
    }
}

/// The page again, with what was typed and why it was refused.
async fn again(
    state: &AppState,
    headers: &HeaderMap,
    edit: Option<&str>,
    locale: Locale,
    answer: CenterSubmission,
    status: StatusCode,
) -> Response {
    render_staff_page(state, &page(locale, edit), headers, answer, status).await
}

/// Where a saved change leads: the page with its notice (and count of cancellations).
fn saved(locale: Locale, edit: Option<&str>, notice: &str, cancelled: usize) -> Response {
    let (notice, count) = match cancelled {
        0 => (notice.to_owned(), String::new()),
        n => (format!("{notice}_cancelled"), format!("&count={n}")),
    };
    Redirect::to(&format!("{}&notice={notice}{count}", page(locale, edit))).into_response()
}

/// `POST /staff/centers`: `short_name`, `name`, `address`, `phone`, `email`, `time_zone`.
pub async fn create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let s = &translations(post.locale).center_setup;
    let mut answer = CenterSubmission {
        form: CenterForm::Add,
        typed: typed(&post),
        ..CenterSubmission::default()
    };
    let (id, details) = match check_new_center(&answer.typed) {
        Ok(checked) => checked,
        Err(refused) => {
            answer.refused = refused;
            answer.message = Some(s.form_has_problems.clone());
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return again(&state, &headers, None, post.locale, answer, status).await;
        }
    };
    match create_center(&state.pool, Some(post.staff.staff_id), &id, &details).await {
        Ok(SetupOutcome::Conflict) => {
            answer.short_name_taken = true;
            answer.message = Some(s.form_has_problems.clone());
            again(
                &state,
                &headers,
                None,
                post.locale,
                answer,
                StatusCode::CONFLICT,
            )
            .await
        }
        Ok(_) => saved(post.locale, Some(&id), "created", 0),
        Err(error) => unavailable(error, post.locale),
    }
}

/// `POST /staff/centers/{id}/edit`: the details, and `stranded` = refuse | cancel.
pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let locale = post.locale;
    match center_record(&state.pool, &id).await {
        Ok(Some(_)) => {}
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error, locale),
    }
    let s = &translations(locale).center_setup;
    let mut answer = CenterSubmission {
        form: CenterForm::Edit,
        typed: typed(&post),
        cancel_bookings: post.form.get("stranded") == "cancel",
        ..CenterSubmission::default()
    };
    let details = match check_details(&answer.typed) {
        Ok(details) => details,
        Err(refused) => {
            answer.refused = refused;
            answer.message = Some(s.form_has_problems.clone());
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return again(&state, &headers, Some(&id), locale, answer, status).await;
        }
    };
    let outcome = edit_center(
        &state.pool,
        Some(post.staff.staff_id),
        &id,
        &details,
        answer.cancel_bookings,
        &state.mail(),
        Utc::now(),
    )
    .await;
    match outcome {
        Ok(SetupOutcome::Saved { cancelled }) => saved(locale, Some(&id), "saved", cancelled),
        Ok(SetupOutcome::Stranded(list)) => {
            answer.message = Some(stranded_message(locale, list.len()));
            answer.stranded = super::stranded_views(&state, list, locale).await;
            again(
                &state,
                &headers,
                Some(&id),
                locale,
                answer,
                StatusCode::CONFLICT,
            )
            .await
        }
        Ok(SetupOutcome::Conflict | SetupOutcome::SessionsAhead(_)) => {
            StatusCode::NOT_FOUND.into_response()
        }
        Err(error) => unavailable(error, locale),
    }
}

fn stranded_message(locale: Locale, count: usize) -> String {
    let a = &translations(locale).availability;
    a.stranded_heading.count(count)
}

/// `POST /staff/centers/{id}/retire`: `stranded` = refuse | cancel.
pub async fn retire(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let locale = post.locale;
    let cancel_bookings = post.form.get("stranded") == "cancel";
    let outcome = retire_center(
        &state.pool,
        Some(post.staff.staff_id),
        &id,
        cancel_bookings,
        &state.mail(),
        Utc::now(),
    )
    .await;
    match outcome {
        Ok(SetupOutcome::Saved { cancelled }) => saved(locale, Some(&id), "retired", cancelled),
        Ok(SetupOutcome::Stranded(list)) => {
            let answer = CenterSubmission {
                form: CenterForm::Retire,
                cancel_bookings,
                message: Some(stranded_message(locale, list.len())),
                stranded: super::stranded_views(&state, list, locale).await,
                ..CenterSubmission::default()
            };
            again(
                &state,
                &headers,
                Some(&id),
                locale,
                answer,
                StatusCode::CONFLICT,
            )
            .await
        }
        Ok(SetupOutcome::SessionsAhead(count)) => {
            let s = &translations(locale).center_setup;
            let answer = CenterSubmission {
                form: CenterForm::Retire,
                message: Some(crate::i18n::fill(
                    &s.error_sessions_ahead,
                    &[("count", &count.to_string())],
                )),
                ..CenterSubmission::default()
            };
            again(
                &state,
                &headers,
                Some(&id),
                locale,
                answer,
                StatusCode::CONFLICT,
            )
            .await
        }
        // Unknown, or retired already: the page shows how it stands.
        Ok(SetupOutcome::Conflict) => Redirect::to(&page(locale, Some(&id))).into_response(),
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/centers/{id}/restore`.
pub async fn restore(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    match restore_center(&state.pool, Some(post.staff.staff_id), &id).await {
        Ok(SetupOutcome::Saved { .. }) => {
            // Bookable again: its free times go first to whoever waits for them.
            let (mail, now) = (state.mail(), chrono::Utc::now());
            crate::services::waitlist::offer_center_seats(&state.pool, &id, &mail, now).await;
            saved(post.locale, Some(&id), "restored", 0)
        }
        Ok(_) => Redirect::to(&page(post.locale, Some(&id))).into_response(),
        Err(error) => unavailable(error, post.locale),
    }
}
