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

/// Which private link: where its page is, and its rate limit.
struct LinkKind {
    pages: &'static str,
    limited: Limited,
}

const BOOKING: LinkKind = LinkKind {
    pages: "/book/manage",
    limited: Limited::BookingChange,
};
const ENROLMENT: LinkKind = LinkKind {
    pages: "/workshops/manage",
    limited: Limited::EnrolmentChange,
};

/// The limit, then `erase`: on success the "deleted" page, otherwise back to the link's
/// page (which shows why: still to come, or the link is not valid).
async fn erase_by_link<F>(
    state: &AppState,
    client: &ClientAddress,
    token: &str,
    body: &[u8],
    kind: LinkKind,
    erase: F,
) -> Response
where
    F: std::future::Future<Output = Result<Erasure, crate::db::Error>>,
{
    let locale = Locale::from_tag(&Form::parse(body).get("lang"));
    // The token came in the path: encoded, so no byte of it reaches a header as sent.
    let page = format!("{}/{}?lang={}", kind.pages, encode(token), locale.tag());
    let key = client.limit_key();
    if let Err(refused) = limit(state, kind.limited, &key, locale, &page, PageNotice).await {
        return refused;
    }
    match erase.await {
        Ok(Erasure::Erased) => {
            Redirect::to(&format!("/details-deleted?lang={}", locale.tag())).into_response()
        }
        Ok(Erasure::NotYet | Erasure::UnknownLink) => Redirect::to(&page).into_response(),
        Err(error) => super::unavailable(error, locale),
    }
}

pub async fn erase_booking(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let erase = erase_booking_details(&state.pool, &token, Utc::now());
    erase_by_link(&state, &client, &token, &body, BOOKING, erase).await
}

pub async fn erase_enrolment(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let erase = erase_enrolment_details(&state.pool, &token, Utc::now());
    erase_by_link(&state, &client, &token, &body, ENROLMENT, erase).await
}
