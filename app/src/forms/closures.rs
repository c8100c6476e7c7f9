//! [ssr] Managers close a center's day or open it again. Staff without the manager role
//! are refused (403) with the page and a message; a day with bookings is refused with
//! their list unless the manager chose to cancel them.

use super::{refusal, render_staff_page, unavailable, Form};
use crate::api::auth::{authorize, Refused};
use crate::db::closures::reopen_day;
use crate::domain::roles::Permission;
use crate::i18n::{translations, Locale};
use crate::pages::staff::closures_page::ClosureSubmission;
use crate::services::closures::{close_day, CloseOutcome};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{NaiveDate, Utc};

fn page(center: &str, locale: Locale, notice: Option<&str>) -> String {
    let notice = notice.map(|n| format!("&notice={n}")).unwrap_or_default();
    // The center comes from the form: encoded, so no byte of it reaches a header as sent.
    format!(
        "/staff/closures?center={}&lang={}{notice}",
        crate::pages::booking::query::encode(center),
        locale.tag()
    )
}

/// `POST /staff/closures`: `center`, `day`, `reason`, `stranded` = refuse | cancel.
pub async fn close(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    let c = &translations(locale).closures;
    let center_id = form.get("center");
    let here = page(&center_id, locale, None);
    let mut answer = ClosureSubmission {
        day: form.get("day"),
        reason: form.get("reason").trim().to_owned(),
        cancel_bookings: form.get("stranded") == "cancel",
        ..ClosureSubmission::default()
    };
    match authorize(&state, &headers, Permission::ManageAvailability).await {
        Ok(_) => {}
        Err(Refused::Forbidden) => {
            answer.message = Some(c.managers_only.clone());
            return render_staff_page(&state, &here, &headers, answer, StatusCode::FORBIDDEN).await;
        }
        Err(refused) => return refusal(&state, &headers, refused, locale).await,
    }
    let center = match crate::db::centers::find_center(&state.pool, &center_id).await {
        Ok(Some(center)) => center,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error, locale),
    };
    let now = Utc::now();
    let today = match center.today(now) {
        Ok(today) => today,
        Err(error) => return unavailable(error, locale),
    };
    let day = NaiveDate::parse_from_str(answer.day.trim(), "%Y-%m-%d")
        .ok()
        .filter(|day| *day >= today);
    let Some(day) = day else {
        answer.day_error = Some(c.error_day.clone());
        return render_staff_page(
            &state,
            &here,
            &headers,
            answer,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let outcome = close_day(
        &state.pool,
        &center,
        day,
        &answer.reason,
        answer.cancel_bookings,
        &state.mail(),
        now,
    )
    .await;
    match outcome {
        Ok(CloseOutcome::Closed { cancelled: 0 }) => {
            Redirect::to(&page(&center.id, locale, Some("closed"))).into_response()
        }
        Ok(CloseOutcome::Closed { cancelled }) => Redirect::to(&page(
            &center.id,
            locale,
            Some(&format!("closed_cancelled_{cancelled}")),
        ))
        .into_response(),
        Ok(CloseOutcome::AlreadyClosed) => {
            Redirect::to(&page(&center.id, locale, Some("already_closed"))).into_response()
        }
        Ok(CloseOutcome::Stranded(bookings)) => {
            answer.stranded = super::stranded_views(&state, bookings, locale).await;
            render_staff_page(&state, &here, &headers, answer, StatusCode::CONFLICT).await
        }
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/closures/reopen`: `center`, `day`.
pub async fn reopen(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    let center_id = form.get("center");
    match authorize(&state, &headers, Permission::ManageAvailability).await {
        Ok(_) => {}
        Err(Refused::Forbidden) => {
            let answer = ClosureSubmission {
                message: Some(translations(locale).closures.managers_only.clone()),
                ..ClosureSubmission::default()
            };
            let here = page(&center_id, locale, None);
            return render_staff_page(&state, &here, &headers, answer, StatusCode::FORBIDDEN).await;
        }
        Err(refused) => return refusal(&state, &headers, refused, locale).await,
    }
    let Ok(day) = NaiveDate::parse_from_str(&form.get("day"), "%Y-%m-%d") else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    match reopen_day(&state.pool, &center_id, day).await {
        Ok(_) => {
            // The day's times are bookable again: first for whoever waits for them.
            let (mail, now) = (state.mail(), chrono::Utc::now());
            crate::services::waitlist::offer_center_seats(&state.pool, &center_id, &mail, now)
                .await;
            Redirect::to(&page(&center_id, locale, Some("reopened"))).into_response()
        }
        Err(error) => unavailable(error, locale),
    }
}
