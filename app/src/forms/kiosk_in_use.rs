//! [ssr] "Still in use", from a kiosk screen someone is touching (`pages::kiosk::idle_guard`
//! sends it at most every `IN_USE_EVERY_SECONDS`): the visitor's number must not lapse
//! while they take their time (`domain::kiosk_visitor`).

use crate::db::kiosk_devices::KioskDevice;
use crate::domain::limits::Limited;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Extension;

/// `POST /kiosk/{center}/in-use`, from a paired tablet of the center only (the kiosk
/// gate). The gate has already noted the request as the tablet's latest, which is all this
/// is for: nothing to read, nothing to answer.
pub async fn still_in_use(
    State(state): State<AppState>,
    Extension(device): Extension<KioskDevice>,
) -> StatusCode {
    match state
        .limits
        .check(Limited::KioskInUse, &format!("kiosk:{}", device.id))
    {
        Ok(()) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::TOO_MANY_REQUESTS,
    }
}
