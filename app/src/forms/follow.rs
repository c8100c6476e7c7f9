//! [ssr] "I need to leave" on a followed ticket's page (`POST /t/{token}/leave`). The token
//! in the path is the only key: the cross-site check in front of every post keeps other
//! sites from sending it for the visitor.

use super::{limit, Form};
use crate::domain::limits::Limited;
use crate::i18n::Locale;
use crate::limits::ClientAddress;
use crate::pages::booking::query::encode;
use crate::pages::PageNotice;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

/// Gives the place up and goes back to the ticket's page, which then says so. A ticket
/// that cannot be given up (already called in, of another day, unknown) is left as it is;
/// its page says why.
pub async fn leave(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let locale = Locale::from_tag(&Form::parse(&body).get("lang"));
    // The token came in the path: encoded, so no byte of it reaches a header as sent.
    let page = format!("/t/{}?lang={}", encode(&token), locale.tag());
    let key = client.limit_key();
    if let Err(refused) = limit(
        &state,
        Limited::FollowLeave,
        &key,
        locale,
        &page,
        PageNotice,
    )
    .await
    {
        return refused;
    }
    match crate::services::follow::give_up_place(&state.pool, &token, chrono::Utc::now()).await {
        Ok(given_up) => {
            tracing::info!(given_up, "a visitor gave up their place from their phone");
            Redirect::to(&page).into_response()
        }
        Err(error) => super::unavailable(error, locale),
    }
}
