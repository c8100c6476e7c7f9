//! The lobby's "now serving" display (`/display/{center}`): for a tablet or TV paired
//! with the center like a kiosk (the kiosk gate lets nothing else through).

use crate::domain::display_board::DisplayBoard;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the display shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DisplayData {
    pub center_id: String,
    pub center_name: String,
    pub board: DisplayBoard,
}

/// The board of `center`, for a paired screen of that center.
#[server(endpoint = "kiosk/display")]
pub async fn lobby_board(center: String) -> Result<Option<DisplayData>, AppError> {
    let state = super::state()?;
    let device = super::kiosk_device()?;
    if device.center_id != center {
        return Err(AppError::Forbidden.answered());
    }
    load_display(&state.pool, &center)
        .await
        .map_err(super::unavailable)
}

/// The board of `center_id` now (also for the display's live stream); None for a center
/// that does not exist.
#[cfg(feature = "ssr")]
pub async fn load_display(
    pool: &sqlx::PgPool,
    center_id: &str,
) -> Result<Option<DisplayData>, crate::db::Error> {
    let Some(center) = crate::db::centers::find_center(pool, center_id).await? else {
        return Ok(None);
    };
    let day = center.today(chrono::Utc::now())?;
    let calls = crate::db::calls::todays_calls(pool, &center.id, day).await?;
    Ok(Some(DisplayData {
        center_id: center.id,
        center_name: center.name,
        board: DisplayBoard::from_calls(calls),
    }))
}
