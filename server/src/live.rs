//! Live queue updates across server processes. Every process LISTENs on PostgreSQL's queue
//! channel and fans what it hears out to its own open staff screens as server-sent events,
//! each carrying the freshly rendered queue table. A check-in handled by any process thus
//! reaches every screen connected to any process.

use app::api::queue::load_queue;
use app::db::QUEUE_CHANNEL;
use app::i18n::Locale;
use app::pages::staff::queue_table::render_queue_html;
use app::state::AppState;
use axum::extract::{Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures::Stream;
use serde::Deserialize;
use sqlx::postgres::PgListener;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast;

/// Payload that means "every center": sent after the listener reconnects, since
/// notifications sent while it was away are lost.
const ALL_CENTERS: &str = "*";

/// How often an open screen is refreshed even without changes, so "waited" minutes tick.
const REFRESH_EVERY: Duration = Duration::from_secs(30);

/// Forwards queue notifications from PostgreSQL to `changes` for as long as the process
/// runs, reconnecting after a lost connection.
pub async fn forward_queue_changes(pool: sqlx::PgPool, changes: broadcast::Sender<String>) {
    loop {
        match listen(&pool, &changes).await {
            Ok(()) => {}
            Err(error) => {
                tracing::warn!(error = %error, "queue listener lost its connection; retrying")
            }
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

async fn listen(
    pool: &sqlx::PgPool,
    changes: &broadcast::Sender<String>,
) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(QUEUE_CHANNEL).await?;
    let _ = changes.send(ALL_CENTERS.to_owned());
    loop {
        // `try_recv` gives `None` when the connection dropped and was re-established.
        match listener.try_recv().await? {
            Some(notification) => {
                let _ = changes.send(notification.payload().to_owned());
            }
            None => {
                let _ = changes.send(ALL_CENTERS.to_owned());
            }
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct EventsQuery {
    center: String,
    lang: Option<String>,
}

/// `GET /staff/queue/events?center=…`: the center's queue table as HTML, sent at once and
/// again on every change. Behind the staff session check of the router.
pub async fn queue_events(
    State(state): State<AppState>,
    Query(query): Query<EventsQuery>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let locale = Locale::from_tag(query.lang.as_deref().unwrap_or_default());
    let changes = state.queue_changes.subscribe();
    let mut tick = tokio::time::interval(REFRESH_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let start = (state, query.center, changes, tick);
    let stream = futures::stream::unfold(
        start,
        move |(state, center, mut changes, mut tick)| async move {
            // The first tick fires at once, which sends the current table on connect.
            loop {
                tokio::select! {
                    _ = tick.tick() => break,
                    heard = changes.recv() => match heard {
                        Ok(changed) if changed == center || changed == ALL_CENTERS => break,
                        Ok(_) => continue,
                        Err(broadcast::error::RecvError::Lagged(_)) => break,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                }
            }
            let event = match load_queue(&state.pool, &center).await {
                Ok(Some(queue)) => Event::default().data(render_queue_html(queue, locale)),
                Ok(None) => Event::default().event("unknown-center").data(""),
                Err(error) => {
                    tracing::warn!(error = %error, "could not load the queue for a live screen");
                    Event::default().comment("queue unavailable")
                }
            };
            Some((Ok(event), (state, center, changes, tick)))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[derive(Debug, Deserialize)]
pub struct CalendarQuery {
    center: Option<String>,
    view: Option<String>,
    day: Option<String>,
    service: Option<String>,
    staff: Option<String>,
    lang: Option<String>,
}

/// `GET /staff/calendar/events?…`: the calendar's days as HTML for the same filters as the
/// page, sent at once and again whenever a booking or arrival at its center (or any
/// center, for the all-centers calendar) changes.
pub async fn calendar_events(
    State(state): State<AppState>,
    Query(query): Query<CalendarQuery>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let locale = Locale::from_tag(query.lang.as_deref().unwrap_or_default());
    let changes = state.queue_changes.subscribe();
    let mut tick = tokio::time::interval(REFRESH_EVERY);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let stream = futures::stream::unfold(
        (state, query, changes, tick),
        move |(state, query, mut changes, mut tick)| async move {
            let center = query.center.clone().unwrap_or_default();
            loop {
                tokio::select! {
                    _ = tick.tick() => break,
                    heard = changes.recv() => match heard {
                        Ok(changed) if center.is_empty() || changed == center || changed == ALL_CENTERS => break,
                        Ok(_) => continue,
                        Err(broadcast::error::RecvError::Lagged(_)) => break,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    },
                }
            }
            let data = app::api::calendar::ssr::calendar(
                &state.pool,
                String::new(),
                query.center.clone(),
                query.view.clone(),
                query.day.clone(),
                query.service.clone(),
                query.staff.clone(),
            )
            .await;
            let event = match data {
                Ok(data) => Event::default().data(
                    app::pages::staff::calendar_page::render_calendar_html(data.days, locale),
                ),
                Err(error) => {
                    tracing::warn!(error = %error, "could not load the calendar for a live screen");
                    Event::default().comment("calendar unavailable")
                }
            };
            Some((Ok(event), (state, query, changes, tick)))
        },
    );
    Sse::new(stream).keep_alive(KeepAlive::default())
}
