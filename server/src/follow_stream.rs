//! `GET /t/{token}/events`: a followed ticket's status as server-sent events, for the
//! visitor's phone. Public: the token in the path is the only key. It hears every queue
//! change at the ticket's center from any server process (through `live`), and looks again
//! every `FOLLOW_RECHECK_SECONDS` so the wait estimate and the end of the day show. Only a
//! change of the fragment is sent. After a final state (done, left, expired) the stream
//! ends, and the browser's reconnection gets 204, which tells `EventSource` to stop.

use crate::live::ALL_CENTERS;
use app::api::follow::{load_follow, FollowView};
use app::domain::follow::{FOLLOW_RECHECK_SECONDS, FOLLOW_STREAMS_PER_TICKET};
use app::i18n::Locale;
use app::pages::follow_page::render_follow_html;
use app::state::{AppState, StreamTicket};
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use std::sync::LazyLock;
use std::time::Duration;
use tokio::sync::{broadcast, Semaphore};

/// How many followed tickets of this process read the database at once.
const CONCURRENT_RELOADS: usize = 4;

static RELOADS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(CONCURRENT_RELOADS));

#[derive(Debug, Deserialize)]
pub struct FollowQuery {
    lang: Option<String>,
}

/// What the stream carries between events.
struct Following {
    state: AppState,
    token: String,
    center_id: String,
    locale: Locale,
    changes: broadcast::Receiver<String>,
    tick: tokio::time::Interval,
    last_sent: String,
    ended: bool,
    _place: StreamTicket,
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
    let mut tick = tokio::time::interval(Duration::from_secs(FOLLOW_RECHECK_SECONDS));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let following = Following {
        changes: state.queue_changes.subscribe(),
        state,
        token,
        center_id: ticket.center_id,
        locale,
        tick,
        last_sent: String::new(),
        ended: false,
        _place: place,
    };
    let stream = futures::stream::unfold(following, |mut f| async move {
        if f.ended {
            return None;
        }
        loop {
            // The first tick fires at once, which sends the current state on connect.
            tokio::select! {
                _ = f.tick.tick() => {}
                heard = f.changes.recv() => match heard {
                    Ok(center) if center == f.center_id || center == ALL_CENTERS => {}
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Lagged(_)) => {}
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
            }
            // A change at a busy center wakes every phone following it at once: a few
            // at a time read the database, so staff and kiosks keep their connections.
            let Ok(_turn) = RELOADS.acquire().await else {
                return None;
            };
            let ticket: FollowView = match load_follow(&f.state.pool, &f.token).await {
                Ok(Some(ticket)) => ticket,
                Ok(None) => return None,
                Err(error) => {
                    tracing::warn!(%error, "could not load a followed ticket for its stream");
                    continue;
                }
            };
            f.ended = ticket.stage.is_final();
            let html = render_follow_html(ticket, f.locale);
            if html == f.last_sent && !f.ended {
                continue;
            }
            f.last_sent.clone_from(&html);
            return Some((
                Ok::<_, std::convert::Infallible>(Event::default().data(html)),
                f,
            ));
        }
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
