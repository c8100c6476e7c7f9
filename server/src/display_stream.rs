//! `GET /display/{center}/events`: the lobby display's board as server-sent events, for a
//! screen paired with the center (the kiosk gate checked its device cookie).

use crate::center_stream::center_stream;
use app::api::display::load_display;
use app::db::kiosk_devices::KioskDevice;
use app::i18n::Locale;
use app::pages::display_page::render_board_html;
use app::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Extension;
use serde::Deserialize;

/// Streams one paired screen may hold open (a reload overlapping the old page).
const STREAMS_PER_SCREEN: usize = 2;

#[derive(Debug, Deserialize)]
pub struct DisplayQuery {
    lang: Option<String>,
}

pub async fn display_events(
    State(state): State<AppState>,
    device: Option<Extension<KioskDevice>>,
    Path(center): Path<String>,
    Query(query): Query<DisplayQuery>,
) -> Response {
    let Some(Extension(device)) = device.filter(|d| d.center_id == center) else {
        return StatusCode::FORBIDDEN.into_response();
    };
    let Some(place) = state
        .live_streams
        .open(&format!("display:{}", device.id), STREAMS_PER_SCREEN)
    else {
        return StatusCode::TOO_MANY_REQUESTS.into_response();
    };
    let locale = Locale::from_tag(query.lang.as_deref().unwrap_or_default());
    let render = move |state: AppState| {
        let center = center.clone();
        async move {
            match load_display(&state.pool, &center).await {
                Ok(Some(data)) => Ok(Some((render_board_html(data.board, locale), false))),
                Ok(None) => Ok(None),
                Err(error) => {
                    tracing::warn!(%error, "could not load the lobby display's board");
                    Err(())
                }
            }
        }
    };
    center_stream(state, device.center_id, place, render)
}
