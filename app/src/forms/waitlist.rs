//! [ssr] The appointments' waiting list: "tell me when a time opens", confirming and
//! leaving by the emailed link, and booking or letting go a held time. Every one of them
//! is limited per client address; a link's token is never echoed into a header unencoded.

use super::{limit, render_page, Form};
use crate::domain::booking_form::{DetailsField, DetailsProblem};
use crate::domain::limits::Limited;
use crate::domain::service::chosen_way;
use crate::domain::waitlist::{parse_wish, NewEntry};
use crate::i18n::Locale;
use crate::limits::ClientAddress;
use crate::pages::booking::query::encode;
use crate::pages::booking::waitlist_page::WaitlistSubmission;
use crate::pages::PageNotice;
use crate::services::waitlist::{claim, confirm, decline, join, leave, ClaimOutcome};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::Utc;

/// `POST /book/waitlist`: puts the person on the list, unconfirmed, and emails the link
/// that confirms it.
pub async fn join_waitlist(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let query = form.booking_query();
    let answers = form.details_answers();
    let days: Vec<String> = form.all("day").map(str::to_owned).collect();
    let parts: Vec<String> = form.all("part").map(str::to_owned).collect();
    let (Some(zone), Some(center)) = (query.zone(), query.center_choice()) else {
        return Redirect::to(&query.href("/book")).into_response();
    };
    let page = query.href("/book/waitlist");
    let again = |problems, wish_problems, failed| WaitlistSubmission {
        answers: answers.clone(),
        days: days.clone(),
        parts: parts.clone(),
        problems,
        wish_problems,
        failed,
        limited: None,
    };
    let limited = |message| WaitlistSubmission {
        limited: Some(message),
        ..again(Vec::new(), Vec::new(), false)
    };
    let locale = query.locale;
    if let Err(refused) = limit(
        &state,
        Limited::WaitlistJoin,
        &client.limit_key(),
        locale,
        &page,
        limited,
    )
    .await
    {
        return refused;
    }
    // The service as it is now, offered at the chosen center (or at some center).
    let offered = match crate::db::booking_slots::offers(
        &state.pool,
        &query.service,
        center.as_deref(),
    )
    .await
    {
        Ok(offers) if !offers.is_empty() => {
            crate::db::appointment_services::find(&state.pool, &query.service).await
        }
        Ok(_) => return Redirect::to(&query.href("/book")).into_response(),
        Err(error) => Err(error),
    };
    let ways = match offered {
        Ok(Some(found)) if !found.hidden => found.details.held,
        Ok(_) => return Redirect::to(&query.href("/book")).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "could not read the service");
            let submission = again(Vec::new(), Vec::new(), true);
            return render_page(&state, &page, submission, StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    let held = chosen_way(&ways, &answers.held);
    let wish = parse_wish(
        days.iter().map(String::as_str),
        parts.iter().map(String::as_str),
    );
    let (details, held, (weekdays, parts_of_day)) = match (answers.parse(), held, wish) {
        (Ok(details), Some(held), Ok(wish)) => (details, held, wish),
        (parsed, held, wish) => {
            let mut problems = Vec::new();
            if held.is_none() {
                problems.push((DetailsField::Held, DetailsProblem::NotChosen));
            }
            problems.extend(parsed.err().unwrap_or_default());
            let submission = again(problems, wish.err().unwrap_or_default(), false);
            return render_page(&state, &page, submission, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    let entry = NewEntry {
        service: query.service.clone(),
        center_id: center,
        weekdays,
        parts: parts_of_day,
        visitor_time_zone: zone.name().to_owned(),
        held,
        details,
        email_locale: locale,
    };
    match join(&state.pool, &entry, &state.mail(), Utc::now()).await {
        Ok(()) => Redirect::to(&format!("{page}&sent=1")).into_response(),
        Err(error) => {
            tracing::error!(error = %error, "joining the waiting list failed");
            let submission = again(Vec::new(), Vec::new(), true);
            render_page(&state, &page, submission, StatusCode::SERVICE_UNAVAILABLE).await
        }
    }
}

/// A post from a private link's page (`{path}/{token}`): the language it was sent in and
/// the page to go back to, once the per-address limit on changes by link allows it; the
/// refusal is that page, translated.
async fn link_post(
    state: &AppState,
    client: &ClientAddress,
    path: &str,
    token: &str,
    body: &[u8],
) -> Result<(Locale, String), Response> {
    let locale = Locale::from_tag(&Form::parse(body).get("lang"));
    // The token came in the path: encoded, so no byte of it reaches a header as sent.
    let page = format!("{path}/{}?lang={}", encode(token), locale.tag());
    let key = client.limit_key();
    limit(
        state,
        Limited::WaitlistChange,
        &key,
        locale,
        &page,
        PageNotice,
    )
    .await?;
    Ok((locale, page))
}

/// `POST /book/waitlist/{token}/confirm`: "Yes, keep me on the list".
pub async fn confirm_entry(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let (locale, page) = match link_post(&state, &client, "/book/waitlist", &token, &body).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    match confirm(&state.pool, &token, &state.mail(), Utc::now()).await {
        Ok(true) => Redirect::to(&format!("{page}&confirmed=1")).into_response(),
        Ok(false) => Redirect::to(&page).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}

/// `POST /book/waitlist/{token}/leave`.
pub async fn leave_waitlist(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let (locale, page) = match link_post(&state, &client, "/book/waitlist", &token, &body).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    match leave(&state.pool, &token, &state.mail(), Utc::now()).await {
        Ok(_) => Redirect::to(&page).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}

/// `POST /book/hold/{token}/claim`: "Book this time".
pub async fn claim_hold(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let (locale, page) = match link_post(&state, &client, "/book/hold", &token, &body).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    match claim(&state.pool, &token, &state.mail(), Utc::now()).await {
        Ok(ClaimOutcome::Booked { token: booking }) => {
            tracing::info!("booked from a held time");
            Redirect::to(&format!(
                "/book/manage/{booking}?new=1&lang={}",
                locale.tag()
            ))
            .into_response()
        }
        Ok(ClaimOutcome::TooManyUpcoming) => {
            let t = crate::i18n::translations(locale);
            let message = t.booking.problem(DetailsProblem::TooManyUpcoming);
            render_page(&state, &page, PageNotice(message), StatusCode::CONFLICT).await
        }
        Ok(ClaimOutcome::Over | ClaimOutcome::UnknownLink) => Redirect::to(&page).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}

/// `POST /book/hold/{token}/decline`: "I can't come then".
pub async fn decline_hold(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let (locale, page) = match link_post(&state, &client, "/book/hold", &token, &body).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    match decline(&state.pool, &token, &state.mail(), Utc::now()).await {
        Ok(_) => Redirect::to(&page).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}
