//! A public live stream of one center's news: an HTML fragment rendered at once, again on
//! every queue change at the center heard from any server process (through `live`), and
//! every `FOLLOW_RECHECK_SECONDS` (estimates move and days end without anyone acting).
//! Only a changed fragment is sent. A few streams of the process read the database at a
//! time, so a busy lobby's phones and screens never starve staff and kiosks of
//! connections. Used by a followed ticket (`follow_stream`) and the lobby display
//! (`display_stream`).

use crate::live::ALL_CENTERS;
use app::domain::follow::FOLLOW_RECHECK_SECONDS;
use app::state::{AppState, StreamTicket};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use std::future::Future;
use std::sync::LazyLock;
use std::time::Duration;
use tokio::sync::{broadcast, Semaphore};

/// How many public streams of this process read the database at once.
const CONCURRENT_RELOADS: usize = 4;

static RELOADS: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(CONCURRENT_RELOADS));

/// What a render gives: the fragment, and whether it is the last there will be (the
/// stream then ends); None when there is nothing to show any more (the stream ends
/// without a word); Err to try again at the next change.
pub type Rendered = Result<Option<(String, bool)>, ()>;

struct Watching<R> {
    state: AppState,
    center_id: String,
    render: R,
    changes: broadcast::Receiver<String>,
    tick: tokio::time::Interval,
    last_sent: String,
    ended: bool,
    _place: StreamTicket,
}

/// The stream of `render`'s fragments for `center_id`, holding `place` while it is open.
pub fn center_stream<R, F>(
    state: AppState,
    center_id: String,
    place: StreamTicket,
    render: R,
) -> Response
where
    R: Fn(AppState) -> F + Send + 'static,
    F: Future<Output = Rendered> + Send,
{
    let mut tick = tokio::time::interval(Duration::from_secs(FOLLOW_RECHECK_SECONDS));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let watching = Watching {
        changes: state.queue_changes.subscribe(),
        state,
        center_id,
        render,
        tick,
        last_sent: String::new(),
        ended: false,
        _place: place,
    };
    let stream = futures::stream::unfold(watching, |mut w| async move {
        if w.ended {
            return None;
        }
        loop {
            // The first tick fires at once, which sends the current state on connect.
            tokio::select! {
                _ = w.tick.tick() => {}
                heard = w.changes.recv() => match heard {
                    Ok(center) if center == w.center_id || center == ALL_CENTERS => {}
                    Ok(_) => continue,
                    Err(broadcast::error::RecvError::Lagged(_)) => {}
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
            }
            let Ok(_turn) = RELOADS.acquire().await else {
                return None;
            };
            let (html, last) = match (w.render)(w.state.clone()).await {
                Ok(Some(rendered)) => rendered,
                Ok(None) => return None,
                Err(()) => continue,
            };
            w.ended = last;
            if html == w.last_sent && !last {
                continue;
            }
            w.last_sent.clone_from(&html);
            return Some((
                Ok::<_, std::convert::Infallible>(Event::default().data(html)),
                w,
            ));
        }
    });
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
