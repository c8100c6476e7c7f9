//! [ssr] `POST /staff/accommodations/update`: how far one accommodation request is
//! (open, arranged, not possible); whoever sets it handles it from now on. Back to the
//! work-queue with the same filters.

use super::{unavailable, StaffPost};
use crate::domain::accommodation::Accommodation;
use crate::domain::accommodation_work::{Source, WorkStatus};
use crate::domain::roles::Permission;
use crate::pages::booking::query::encode;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// `source`, `source_id`, `need`, `status`; the page's filters in `filter_status` and
/// `filter_center`.
pub async fn update(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let StaffPost {
        form,
        locale,
        staff,
    } = match super::staff_post(&state, &headers, &body, Permission::HandleAccommodations).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let (Some(source), Ok(source_id), Some(need), Some(status)) = (
        Source::from_code(&form.get("source")),
        form.get("source_id").parse::<i64>(),
        Accommodation::from_code(&form.get("need")),
        WorkStatus::from_code(&form.get("status")),
    ) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    if let Err(error) = crate::db::accommodation_work::set_status(
        &state.pool,
        source.code(),
        source_id,
        need.code(),
        status.code(),
        staff.staff_id,
    )
    .await
    {
        return unavailable(error, locale);
    }
    tracing::info!(
        staff.id = staff.staff_id,
        source = source.code(),
        source_id,
        "accommodation updated"
    );
    Redirect::to(&format!(
        "/staff/accommodations?lang={}&status={}&center={}",
        locale.tag(),
        encode(&form.get("filter_status")),
        encode(&form.get("filter_center"))
    ))
    .into_response()
}
