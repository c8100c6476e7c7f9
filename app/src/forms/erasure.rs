//! [ssr] `POST /book/manage/{token}/erase` and `POST /workshops/manage/{token}/erase`:
//! "Delete my details" from a private link. Rate-limited like the other changes made with
//! a link; a booking or enrolment still to come is not erased (the page did not offer it).

use super::{limit, Form};
use crate::domain::limits::Limited;
use crate::i18n::Locale;
use crate::limits::ClientAddress;
use crate::pages::booking::query::encode;
use crate::pages::PageNotice;
use crate::services::erasure::{erase_booking_details, erase_enrolment_details, Erasure};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::Utc;

fn deleted(locale: Locale) -> Response {
    Redirect::to(&format!("/details-deleted?lang={}", locale.tag())).into_response()
}

pub async fn erase_booking(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let locale = Locale::from_tag(&Form::parse(&body).get("lang"));
    // The token came in the path: encoded, so no byte of it reaches a header as sent.
    let page = format!("/book/manage/{}?lang={}", encode(&token), locale.tag());
    let key = client.limit_key();
    let limited = limit(
        &state,
        Limited::BookingChange,
        &key,
        locale,
        &page,
        PageNotice,
    );
    if let Err(refused) = limited.await {
        return refused;
    }
    match erase_booking_details(&state.pool, &token, Utc::now()).await {
        Ok(Erasure::Erased) => deleted(locale),
        Ok(Erasure::NotYet | Erasure::UnknownLink) => Redirect::to(&page).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}

pub async fn erase_enrolment(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let locale = Locale::from_tag(&Form::parse(&body).get("lang"));
    let page = format!("/workshops/manage/{}?lang={}", encode(&token), locale.tag());
    let key = client.limit_key();
    let limited = limit(
        &state,
        Limited::EnrolmentChange,
        &key,
        locale,
        &page,
        PageNotice,
    );
    if let Err(refused) = limited.await {
        return refused;
    }
    match erase_enrolment_details(&state.pool, &token, Utc::now()).await {
        Ok(Erasure::Erased) => deleted(locale),
        Ok(Erasure::NotYet | Erasure::UnknownLink) => Redirect::to(&page).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}
