//! Live queue and calendar updates across server processes. Every process LISTENs on
//! PostgreSQL's queue and sessions channels and fans what it hears out to its own open
//! staff screens as server-sent events, each carrying freshly rendered HTML. A check-in
//! handled by any process thus reaches every screen connected to any process, and a
//! sign-out or a disabled account on any process closes that person's screens on all. A
//! change of the agency settings makes every process read them again.

use app::api::auth::{authorize, session_token, Refused};
use app::api::queue::load_queue;
use app::db::agency::AGENCY_CHANNEL;
use app::db::sessions::still_valid;
use app::db::{QUEUE_CHANNEL, SESSIONS_CHANNEL};
use app::domain::roles::Permission;
use app::domain::staff_access::{LIVE_STREAMS_PER_SESSION, STREAM_RECHECK_SECONDS};
use app::i18n::{translations, Locale};
use app::pages::staff::queue_table::render_queue_html;
use app::state::{AgencyCache, AppState, StreamTicket, EVERY_SESSION};
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures::Stream;
use serde::Deserialize;
use sqlx::postgres::PgListener;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast;

/// Payload that means "every center": sent after the listener reconnects, since
/// notifications sent while it was away are lost.
pub(crate) const ALL_CENTERS: &str = "*";

/// Where what is heard goes: queue changes and ended sessions to the process's channels,
/// agency changes into its settings.
pub struct Hearers {
    pub changes: broadcast::Sender<String>,
    pub session_ends: broadcast::Sender<i64>,
    pub agency: AgencyCache,
}

/// Forwards queue, session and agency notifications from PostgreSQL for as long as the
/// process runs, reconnecting after a lost connection.
pub async fn forward_notifications(pool: sqlx::PgPool, hearers: Hearers) {
    loop {
        match listen(&pool, &hearers).await {
            Ok(()) => {}
            Err(error) => {
                crate::database::note_database_lost();
                tracing::warn!(error = %error, "notification listener lost its connection; retrying")
            }
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

async fn listen(pool: &sqlx::PgPool, hearers: &Hearers) -> Result<(), app::db::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener
        .listen_all([QUEUE_CHANNEL, SESSIONS_CHANNEL, AGENCY_CHANNEL])
        .await?;
    // A failed read of the agency settings ends this listener like a lost connection
    // does, so the next one reads them again: no process keeps old settings for long.
    let missed_some = || async {
        let _ = hearers.changes.send(ALL_CENTERS.to_owned());
        let _ = hearers.session_ends.send(EVERY_SESSION);
        hearers.agency.reload(pool).await
    };
    missed_some().await?;
    loop {
        // `try_recv` gives `None` when the connection dropped and was re-established.
        match listener.try_recv().await? {
            Some(n) if n.channel() == SESSIONS_CHANNEL => {
                let _ = hearers
                    .session_ends
                    .send(n.payload().parse().unwrap_or(EVERY_SESSION));
            }
            Some(n) if n.channel() == AGENCY_CHANNEL => hearers.agency.reload(pool).await?,
            Some(n) => {
                let _ = hearers.changes.send(n.payload().to_owned());
            }
            None => {
                crate::database::note_database_lost();
                missed_some().await?
            }
        }
    }
}

/// The session a live stream belongs to, and its place among the session's streams.
struct Watched {
    token: String,
    staff_id: i64,
    _ticket: StreamTicket,
}

/// Checks that the request may open a live stream needing `permission`, and takes one of
/// its session's places; or the answer refusing it (401, 403, 429).
async fn watch(
    state: &AppState,
    headers: &HeaderMap,
    permission: Permission,
) -> Result<Watched, Response> {
    let staff = match authorize(state, headers, permission).await {
        Ok(staff) => staff,
        Err(Refused::SignedOut) => return Err(StatusCode::UNAUTHORIZED.into_response()),
        Err(Refused::Forbidden) => return Err(StatusCode::FORBIDDEN.into_response()),
        Err(Refused::Unavailable(error)) => {
            tracing::error!(%error, "live stream: session check failed");
            return Err(StatusCode::SERVICE_UNAVAILABLE.into_response());
        }
    };
    let token = session_token(headers, state.settings.secure_cookies).unwrap_or_default();
    let Some(ticket) = state.live_streams.open(&token, LIVE_STREAMS_PER_SESSION) else {
        tracing::warn!(
            staff.id = staff.staff_id,
            "too many live streams for one session"
        );
        return Err((
            StatusCode::TOO_MANY_REQUESTS,
            [(header::RETRY_AFTER, STREAM_RECHECK_SECONDS.to_string())],
        )
            .into_response());
    };
    Ok(Watched {
        token,
        staff_id: staff.staff_id,
        _ticket: ticket,
    })
}

/// What a live stream carries between events.
struct Live<W, R> {
    state: AppState,
    watched: Watched,
    locale: Locale,
    wanted: W,
    render: R,
    changes: broadcast::Receiver<String>,
    ends: broadcast::Receiver<i64>,
    tick: tokio::time::Interval,
}

/// A stream of `render`'s HTML: at once, on every change `wanted` cares about, and every
/// `STREAM_RECHECK_SECONDS` (when the session is also re-checked). When the session ends
/// (signed out, idle, disabled, password changed) a last message says so and the stream
/// closes.
fn live_stream<W, R, F>(
    state: AppState,
    watched: Watched,
    locale: Locale,
    wanted: W,
    render: R,
) -> impl Stream<Item = Result<Event, Infallible>>
where
    W: Fn(&str) -> bool + Send + 'static,
    R: Fn(AppState) -> F + Send + 'static,
    F: std::future::Future<Output = Event> + Send,
{
    let mut tick = tokio::time::interval(Duration::from_secs(STREAM_RECHECK_SECONDS));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let live = Live {
        changes: state.queue_changes.subscribe(),
        ends: state.session_ends.subscribe(),
        state,
        watched,
        locale,
        wanted,
        render,
        tick,
    };
    futures::stream::unfold(Some(live), |live| async move {
        let mut live = live?;
        // The first tick fires at once, which sends the current view on connect.
        loop {
            let recheck = tokio::select! {
                _ = live.tick.tick() => true,
                heard = live.changes.recv() => match heard {
                    Ok(changed) if (live.wanted)(&changed) => break,
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Lagged(_)) => break,
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                ended = live.ends.recv() => match ended {
                    Ok(id) => id == live.watched.staff_id || id == EVERY_SESSION,
                    Err(broadcast::error::RecvError::Lagged(_)) => true,
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
            };
            if !recheck {
                continue;
            }
            match still_valid(&live.state.pool, &live.watched.token).await {
                Ok(true) => {}
                Ok(false) => return Some((Ok(session_ended(live.locale)), None)),
                Err(error) => tracing::warn!(%error, "live stream: session re-check failed"),
            }
            break;
        }
        let event = (live.render)(live.state.clone()).await;
        Some((Ok(event), Some(live)))
    })
}

/// The last message of a stream whose session ended: the screen shows it in place of the
/// names it showed (a plain message, which the live updater puts in place like any other).
fn session_ended(locale: Locale) -> Event {
    use leptos::prelude::*;
    let t = &translations(locale).staff;
    let login = format!("/staff/login?lang={}", locale.tag());
    let html = Owner::new().with(|| {
        view! {
            <p class="notice notice-error" role="alert" data-session-ended="">
                {t.session_ended.clone()}" "<a href=login>{t.sign_in.clone()}</a>
            </p>
        }
        .to_html()
    });
    Event::default().data(html)
}

#[derive(Debug, Deserialize)]
pub struct EventsQuery {
    center: String,
    lang: Option<String>,
}

/// `GET /staff/queue/events?center=…`: the center's queue table as HTML, sent at once and
/// again on every change, for as long as the session holds.
pub async fn queue_events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<EventsQuery>,
) -> Response {
    let watched = match watch(&state, &headers, Permission::ViewQueue).await {
        Ok(watched) => watched,
        Err(refused) => return refused,
    };
    let locale = Locale::from_tag(query.lang.as_deref().unwrap_or_default()).for_staff();
    let center = query.center;
    let wanted_center = center.clone();
    let wanted = move |changed: &str| changed == wanted_center || changed == ALL_CENTERS;
    let render = move |state: AppState| {
        let center = center.clone();
        async move {
            match load_queue(&state.pool, &center).await {
                Ok(Some(queue)) => Event::default().data(render_queue_html(queue, locale)),
                Ok(None) => Event::default().event("unknown-center").data(""),
                Err(error) => {
                    tracing::warn!(error = %error, "could not load the queue for a live screen");
                    Event::default().comment("queue unavailable")
                }
            }
        }
    };
    let stream = live_stream(state, watched, locale, wanted, render);
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}

#[derive(Debug, Clone, Deserialize)]
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
/// center, for the all-centers calendar) changes, for as long as the session holds.
pub async fn calendar_events(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<CalendarQuery>,
) -> Response {
    let watched = match watch(&state, &headers, Permission::ViewCalendar).await {
        Ok(watched) => watched,
        Err(refused) => return refused,
    };
    let locale = Locale::from_tag(query.lang.as_deref().unwrap_or_default()).for_staff();
    let center = query.center.clone().unwrap_or_default();
    let wanted =
        move |changed: &str| center.is_empty() || changed == center || changed == ALL_CENTERS;
    let render = move |state: AppState| {
        let query = query.clone();
        async move {
            let data = app::api::calendar::ssr::calendar(
                &state.pool,
                String::new(),
                query.center,
                query.view,
                query.day,
                query.service,
                query.staff,
            )
            .await;
            match data {
                Ok(data) => {
                    Event::default().data(app::pages::staff::calendar_page::render_calendar_html(
                        data.days,
                        app::domain::service::ServiceNames::new(&data.services, locale),
                        locale,
                    ))
                }
                Err(error) => {
                    tracing::warn!(error = %error, "could not load the calendar for a live screen");
                    Event::default().comment("calendar unavailable")
                }
            }
        }
    };
    let stream = live_stream(state, watched, locale, wanted, render);
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
