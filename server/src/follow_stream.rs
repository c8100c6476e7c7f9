//! `GET /t/{token}/events`: a followed ticket's status fragment as server-sent events, for
//! the visitor's phone. Public: the token in the path is the only key. After a final state
//! (done, left, expired) the stream ends, and the browser's reconnection gets 204, which
//! tells `EventSource` to stop.

use crate::center_stream::center_stream;
use app::api::follow::load_follow;
use app::domain::follow::{FOLLOW_RECHECK_SECONDS, FOLLOW_STREAMS_PER_TICKET};
use app::i18n::Locale;
use app::pages::follow_page::render_follow_html;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct FollowQuery {
    lang: Option<String>,
}

pub async fn follow_events(
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(query): Query<FollowQuery>,
) -> Response {
    let ticket = match load_follow(&state.pool, &token).await {
        Ok(Some(ticket)) if !ticket.stage.is_final() => ticket,
        Ok(_) => return StatusCode::NO_CONTENT.into_response(),
        Err(error) => {
            tracing::warn!(%error, "could not load a followed ticket");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let Some(place) = state
        .live_streams
        .open(&format!("follow:{token}"), FOLLOW_STREAMS_PER_TICKET)
    else {
        return (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, FOLLOW_RECHECK_SECONDS.to_string())],
        )
            .into_response();
    };
    let locale = match query.lang.as_deref() {
        Some(tag) if !tag.is_empty() => Locale::from_tag(tag),
        _ => Locale::from_tag(&ticket.language),
    };
    let render = move |state: AppState| {
        let token = token.clone();
        async move {
            match load_follow(&state.pool, &token).await {
                Ok(Some(ticket)) => {
                    let last = ticket.stage.is_final();
                    Ok(Some((render_follow_html(ticket, locale), last)))
                }
                Ok(None) => Ok(None),
                Err(error) => {
                    tracing::warn!(%error, "could not load a followed ticket for its stream");
                    Err(())
                }
            }
        }
    };
    center_stream(state, ticket.center_id, place, render)
}
