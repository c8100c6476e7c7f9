//! [ssr] Managers close days at every center: one day typed in the form, or the days of
//! the agency's holiday calendar, read from an uploaded `.ics` file, shown for checking,
//! then added. Staff without the manager role are refused (403) before anything is read.

use super::{authorize, render_staff_page, staff_post, unavailable, StaffPost};
use crate::domain::holiday_import::{
    read_holidays, tidy_reason, Holiday, ImportProblem, MAX_FILE_BYTES,
};
use crate::domain::roles::Permission;
use crate::i18n::{translations, Locale};
use crate::pages::staff::agency_closures_page::AgencyClosureSubmission;
use crate::services::agency_closures::{close_everywhere, AgencyCloseOutcome};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Multipart, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{Duration, NaiveDate, Utc};

/// `?lang=` of the upload's address.
#[derive(Debug, serde::Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

fn page(locale: Locale) -> String {
    format!("/staff/closures/agency?lang={}", locale.tag())
}

/// The earliest day a manager may close: yesterday in UTC, so that today is allowed in
/// every zone the agency's centers may be in (a day already over at a center is skipped
/// there).
fn earliest_day() -> NaiveDate {
    (Utc::now() - Duration::days(1)).date_naive()
}

/// Whether a typed day may be closed: from `earliest_day` to two years ahead.
fn closable(day: NaiveDate) -> bool {
    let earliest = earliest_day();
    day >= earliest && day <= earliest + Duration::days(2 * 366)
}

async fn again(
    state: &AppState,
    headers: &HeaderMap,
    locale: Locale,
    answer: AgencyClosureSubmission,
    status: StatusCode,
) -> Response {
    render_staff_page(state, &page(locale), headers, answer, status).await
}

/// Closes `days` everywhere, or shows why not.
async fn close(
    state: &AppState,
    headers: &HeaderMap,
    post: &StaffPost,
    days: Vec<Holiday>,
    mut answer: AgencyClosureSubmission,
) -> Response {
    let outcome = close_everywhere(
        &state.pool,
        Some(post.staff.staff_id),
        &days,
        answer.cancel_bookings,
        &state.mail(),
        Utc::now(),
    )
    .await;
    let locale = post.locale;
    match outcome {
        Ok(AgencyCloseOutcome::Closed { added, cancelled }) => Redirect::to(&format!(
            "{}&notice=closed&added={added}&cancelled={cancelled}",
            page(locale)
        ))
        .into_response(),
        Ok(AgencyCloseOutcome::Stranded(list)) => {
            let c = &translations(locale).closures;
            answer.message = Some(c.stranded_heading.count(list.len()));
            answer.stranded = super::stranded_views(state, list, locale).await;
            again(state, headers, locale, answer, StatusCode::CONFLICT).await
        }
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/closures/agency`: `day`, `reason`, `stranded` = refuse | cancel.
pub async fn close_day(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageAvailability).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let answer = AgencyClosureSubmission {
        day: post.form.get("day"),
        reason: post.form.get("reason"),
        cancel_bookings: post.form.get("stranded") == "cancel",
        ..AgencyClosureSubmission::default()
    };
    let day = NaiveDate::parse_from_str(answer.day.trim(), "%Y-%m-%d")
        .ok()
        .filter(|day| closable(*day));
    let Some(day) = day else {
        let answer = AgencyClosureSubmission {
            day_error: Some(translations(post.locale).closures.error_day.clone()),
            ..answer
        };
        return again(
            &state,
            &headers,
            post.locale,
            answer,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let days = vec![Holiday {
        day,
        reason: tidy_reason(&answer.reason),
    }];
    close(&state, &headers, &post, days, answer).await
}

/// `POST /staff/closures/import` (multipart): `lang`, `file`. Shows the days the file
/// would close; nothing is added yet.
pub async fn import_preview(
    State(state): State<AppState>,
    Query(query): Query<LangQuery>,
    headers: HeaderMap,
    mut multipart: Multipart,
) -> Response {
    // The permission first, before a byte of the upload is read; the page's language
    // comes in the form's address for that reason.
    let mut locale = Locale::from_tag(query.lang.as_deref().unwrap_or_default()).for_staff();
    if let Err(refused) = authorize(&state, &headers, Permission::ManageAvailability, locale).await
    {
        return refused;
    }
    let mut file: Option<Vec<u8>> = None;
    let mut too_large = false;
    while let Ok(Some(field)) = multipart.next_field().await {
        match field.name() {
            Some("lang") => {
                locale = Locale::from_tag(&field.text().await.unwrap_or_default()).for_staff()
            }
            Some("file") => match field.bytes().await {
                Ok(bytes) if bytes.len() <= MAX_FILE_BYTES => file = Some(bytes.to_vec()),
                _ => too_large = true,
            },
            _ => {}
        }
    }
    let problem = |problem| AgencyClosureSubmission {
        import_problem: Some(problem),
        ..AgencyClosureSubmission::default()
    };
    let text = match (file, too_large) {
        (_, true) => Err(ImportProblem::TooLarge),
        (Some(bytes), false) => String::from_utf8(bytes).map_err(|_| ImportProblem::NotACalendar),
        (None, false) => Err(ImportProblem::NotACalendar),
    };
    let read = text.and_then(|text| read_holidays(&text, earliest_day()));
    match read {
        Ok((days, notes)) => {
            let answer = AgencyClosureSubmission {
                preview: days,
                notes: Some(notes),
                ..AgencyClosureSubmission::default()
            };
            again(&state, &headers, locale, answer, StatusCode::OK).await
        }
        Err(refused) => {
            again(
                &state,
                &headers,
                locale,
                problem(refused),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `POST /staff/closures/import/confirm`: the previewed days as `day` and `reason` pairs,
/// and `stranded` = refuse | cancel. Checked again: the form came back from a browser.
pub async fn import_confirm(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageAvailability).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let days: Option<Vec<Holiday>> = post
        .form
        .all("day")
        .zip(post.form.all("reason"))
        .map(|(day, reason)| {
            let day = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
            closable(day).then(|| Holiday {
                day,
                reason: tidy_reason(reason),
            })
        })
        .collect();
    let days = days.unwrap_or_default();
    let max = crate::domain::holiday_import::MAX_DAYS;
    if days.is_empty() || days.len() > max {
        let answer = AgencyClosureSubmission {
            import_problem: Some(ImportProblem::NothingToAdd),
            ..AgencyClosureSubmission::default()
        };
        return again(
            &state,
            &headers,
            post.locale,
            answer,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let answer = AgencyClosureSubmission {
        preview: days.clone(),
        cancel_bookings: post.form.get("stranded") == "cancel",
        ..AgencyClosureSubmission::default()
    };
    close(&state, &headers, &post, days, answer).await
}
