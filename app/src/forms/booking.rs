//! [ssr] Booking from home: the details form, cancel, reschedule and the calendar file.

use super::{limit, render_page, Form};
use crate::booking_mail::{calendar_event, manage_url};
use crate::db::bookings::find_by_token;
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::booking::NewBooking;
use crate::domain::booking_form::{DetailsField, DetailsProblem};
use crate::domain::ics::Method;
use crate::domain::limits::Limited;
use crate::domain::service::chosen_way;
use crate::i18n::{translations, Locale};
use crate::limits::ClientAddress;
use crate::pages::booking::details_page::DetailsSubmission;
use crate::pages::booking::times_page::TimeTaken;
use crate::pages::PageNotice;
use crate::services::bookings::{
    book, cancel, reschedule, BookOutcome, CancelOutcome, RescheduleOutcome,
};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::Utc;
use uuid::Uuid;

/// `POST /book/details`: books the chosen time.
pub async fn submit_details(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let query = form.booking_query();
    let key = form
        .get("key")
        .parse::<Uuid>()
        .unwrap_or_else(|_| Uuid::new_v4());
    let answers = form.details_answers();
    let (Some(service), Some(zone), Some(center), Some(start)) = (
        crate::domain::reason_setup::valid_code(&query.service).then(|| query.service.clone()),
        query.zone(),
        query.center_choice(),
        query.start(),
    ) else {
        // Only a tampered or truncated form gets here: start again at step 1.
        return Redirect::to(&query.href("/book")).into_response();
    };
    let again = |problems, taken, failed| DetailsSubmission {
        key: key.to_string(),
        answers: answers.clone(),
        problems,
        taken,
        failed,
        limited: None,
    };
    let page = query.href("/book/details");
    let limited = |message| DetailsSubmission {
        limited: Some(message),
        ..again(Vec::new(), None, false)
    };
    let locale = query.locale;
    if let Err(refused) = limit(
        &state,
        Limited::Booking,
        &client.limit_key(),
        locale,
        &page,
        limited,
    )
    .await
    {
        return refused;
    }
    // The service as it is now: its ways decide whether a choice was needed.
    let offered = match crate::db::appointment_services::find(&state.pool, &service).await {
        Ok(Some(found)) if !found.hidden => found.details.held,
        Ok(_) => return Redirect::to(&query.href("/book")).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "could not read the service");
            let submission = again(Vec::new(), None, true);
            return render_page(&state, &page, submission, StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    let held = chosen_way(&offered, &answers.held);
    let (details, held) = match (answers.parse(), held) {
        (Ok(details), Some(held)) => (details, held),
        (parsed, held) => {
            let mut problems = Vec::new();
            if held.is_none() {
                problems.push((DetailsField::Held, DetailsProblem::NotChosen));
            }
            problems.extend(parsed.err().unwrap_or_default());
            let submission = again(problems, None, false);
            return render_page(&state, &page, submission, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let request = NewBooking {
        key,
        service,
        held,
        center_id: center,
        start,
        visitor_time_zone: zone.name().to_owned(),
        details,
        email_locale: query.locale,
    };
    match book(&state.pool, &request, &state.mail(), Utc::now()).await {
        Ok(BookOutcome::Booked { booking_id, token }) => {
            tracing::info!(booking.id = booking_id, "booked");
            Redirect::to(&format!(
                "/book/manage/{token}?new=1&lang={}",
                query.locale.tag()
            ))
            .into_response()
        }
        Ok(BookOutcome::Taken { nearest }) => {
            let starts = nearest.into_iter().map(|s| s.start).collect();
            let submission = again(Vec::new(), Some(starts), false);
            render_page(&state, &page, submission, StatusCode::CONFLICT).await
        }
        Ok(BookOutcome::TooManyUpcoming) => {
            let problem = (DetailsField::Email, DetailsProblem::TooManyUpcoming);
            let submission = again(vec![problem], None, false);
            render_page(&state, &page, submission, StatusCode::CONFLICT).await
        }
        Err(error) => {
            tracing::error!(error = %error, "booking failed");
            let submission = again(Vec::new(), None, true);
            render_page(&state, &page, submission, StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

/// `POST /book/manage/{token}/cancel`.
pub async fn cancel_booking(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let locale = Locale::from_tag(&Form::parse(&body).get("lang"));
    // The token came in the path: encoded, so no byte of it reaches a header as sent.
    let safe = crate::pages::booking::query::encode(&token);
    let page = format!("/book/manage/{safe}?lang={}", locale.tag());
    let key = client.limit_key();
    if let Err(refused) = limit(
        &state,
        Limited::BookingChange,
        &key,
        locale,
        &page,
        PageNotice,
    )
    .await
    {
        return refused;
    }
    match cancel(&state.pool, &token, &state.mail(), Utc::now()).await {
        // The cancellation email carries a new link and the used one stops working: the
        // page goes on with the new one.
        Ok(CancelOutcome::Cancelled { token: new }) => {
            Redirect::to(&format!("/book/manage/{new}?lang={}", locale.tag())).into_response()
        }
        Ok(CancelOutcome::Unchanged | CancelOutcome::UnknownLink) => {
            Redirect::to(&page).into_response()
        }
        Err(error) => super::unavailable(error, locale),
    }
}

/// `POST /book/manage/{token}/reschedule`.
pub async fn reschedule_booking(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let query = form.booking_query();
    let lang = query.locale.tag();
    let safe = crate::pages::booking::query::encode(&token);
    let page = format!("/book/manage/{safe}?lang={lang}");
    let key = client.limit_key();
    if let Err(refused) = limit(
        &state,
        Limited::BookingChange,
        &key,
        query.locale,
        &page,
        PageNotice,
    )
    .await
    {
        return refused;
    }
    let Some(start) = query.start() else {
        let safe = crate::pages::booking::query::encode(&token);
        return Redirect::to(&format!("/book/manage/{safe}/reschedule?lang={lang}"))
            .into_response();
    };
    match reschedule(&state.pool, &token, start, &state.mail(), Utc::now()).await {
        Ok(RescheduleOutcome::Moved { token: new }) => {
            Redirect::to(&format!("/book/manage/{new}?changed=1&lang={lang}")).into_response()
        }
        Ok(RescheduleOutcome::Taken { nearest }) => {
            let taken = TimeTaken {
                nearest: nearest.into_iter().map(|s| s.start).collect(),
            };
            let page = format!(
                "/book/manage/{token}/reschedule?lang={lang}&tz={}",
                crate::pages::booking::query::encode(&query.tz)
            );
            render_page(&state, &page, taken, StatusCode::CONFLICT).await
        }
        Ok(RescheduleOutcome::NotChangeable) => {
            let safe = crate::pages::booking::query::encode(&token);
            Redirect::to(&format!("/book/manage/{safe}?lang={lang}")).into_response()
        }
        Err(error) => super::unavailable(error, query.locale),
    }
}

/// `GET /book/manage/{token}/calendar.ics`: the booking as a calendar file (a cancelled
/// booking's file removes the event).
pub async fn calendar_file(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let now = Utc::now();
    let booking = match find_by_token(&state.pool, &token, now).await {
        Ok(Some(booking)) => booking,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return super::unavailable(error, Locale::En),
    };
    let t = translations(booking.locale());
    let mail = state.mail();
    let event = calendar_event(
        &booking,
        t,
        &manage_url(&mail.public_url, &token),
        &mail,
        now,
    );
    let method = if booking.status == AppointmentStatus::Cancelled {
        Method::Cancel
    } else {
        Method::Request
    };
    super::calendar_download(&event, method, "worksource-appointment.ics")
}
