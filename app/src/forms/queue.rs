//! [ssr] Staff posts on the walk-in queue: an action on one visit, a transfer, and "call
//! next". Plain forms that work without WASM; each goes back to the queue of its center,
//! where the live table already shows the change.

use super::{unavailable, StaffPost};
use crate::domain::follow::{parse_desk, DeskError};
use crate::domain::queue::{QueueAction, Transfer};
use crate::domain::roles::Permission;
use crate::i18n::Locale;
use crate::pages::staff::queue_page::DeskRefused;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// The queue page of `center_id` in `locale`.
fn back_to_queue(center_id: &str, locale: Locale) -> Response {
    let center = crate::pages::booking::query::encode(center_id);
    Redirect::to(&format!(
        "/staff/queue?center={center}&lang={}",
        locale.tag()
    ))
    .into_response()
}

/// `POST /staff/queue/act`: `center_id`, `visit_id`, `action` (call, start_serving, done,
/// left). An action that no longer applies (a colleague was quicker) changes nothing.
pub async fn act(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let StaffPost {
        form,
        locale,
        staff,
    } = match super::staff_post(&state, &headers, &body, Permission::ActOnQueue).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let center_id = form.get("center_id");
    let (Ok(visit_id), Some(action)) = (
        form.get("visit_id").parse::<i64>(),
        QueueAction::from_code(&form.get("action")),
    ) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let now = chrono::Utc::now();
    match crate::db::queue::apply_action_at_desk(
        &state.pool,
        &center_id,
        visit_id,
        action,
        staff.staff_id,
        staff.desk.as_deref(),
        now,
    )
    .await
    {
        Ok(applied) => {
            tracing::info!(
                visit.id = visit_id,
                staff.id = staff.staff_id,
                action = action.code(),
                applied,
                "queue action"
            );
            back_to_queue(&center_id, locale)
        }
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/queue/transfer`: `center_id`, `visit_id`, `to` ("staff:<id>" for a
/// colleague, "service:<reason>" back into the line for another service).
pub async fn transfer(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let StaffPost {
        form,
        locale,
        staff,
    } = match super::staff_post(&state, &headers, &body, Permission::ActOnQueue).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let center_id = form.get("center_id");
    let (Ok(visit_id), Some(to)) = (
        form.get("visit_id").parse::<i64>(),
        Transfer::parse(&form.get("to")),
    ) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    match crate::db::queue::transfer(&state.pool, &center_id, visit_id, to.clone()).await {
        Ok(applied) => {
            tracing::info!(visit.id = visit_id, staff.id = staff.staff_id, to = %to.value(), applied, "queue transfer");
            back_to_queue(&center_id, locale)
        }
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/queue/offer-slot`: `center_id`, `visit_id`, `service`, `start` (RFC 3339).
/// Books that free time today for the walk-in, whose visit becomes the appointment. When
/// the time went or the walk-in was called meanwhile, nothing changes: the live queue
/// shows what is free now.
pub async fn offer_slot(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost {
        form,
        locale,
        staff,
    } = match super::staff_post(&state, &headers, &body, Permission::ActOnQueue).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let center_id = form.get("center_id");
    let service = form.get("service");
    let (Ok(visit_id), Ok(start)) = (
        form.get("visit_id").parse::<i64>(),
        chrono::DateTime::parse_from_rfc3339(&form.get("start")),
    ) else {
        return StatusCode::UNPROCESSABLE_ENTITY.into_response();
    };
    let start = start.with_timezone(&chrono::Utc);
    match crate::services::walk_in_slots::give_to_walk_in(
        &state.pool,
        &center_id,
        visit_id,
        &service,
        start,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(outcome) => {
            tracing::info!(
                visit.id = visit_id,
                staff.id = staff.staff_id,
                ?outcome,
                "free time offered to a walk-in"
            );
            back_to_queue(&center_id, locale)
        }
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/queue/call-next`: `center_id`.
pub async fn call_next(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let StaffPost {
        form,
        locale,
        staff,
    } = match super::staff_post(&state, &headers, &body, Permission::ActOnQueue).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let center = match crate::db::centers::find_center(&state.pool, &form.get("center_id")).await {
        Ok(Some(center)) => center,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error, locale),
    };
    let desk = staff.desk.as_deref();
    match crate::db::queue::call_next(
        &state.pool,
        &center,
        staff.staff_id,
        desk,
        chrono::Utc::now(),
    )
    .await
    {
        Ok(called) => {
            tracing::info!(visit.id = ?called, staff.id = staff.staff_id, "call next");
            back_to_queue(&center.id, locale)
        }
        Err(error) => unavailable(error, locale),
    }
}

/// `POST /staff/queue/desk`: `center_id`, `desk` (empty for none). The desk holds for the
/// session: a colleague signed in elsewhere has their own.
pub async fn choose_desk(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { form, locale, .. } =
        match super::staff_post(&state, &headers, &body, Permission::ActOnQueue).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    let center_id = form.get("center_id");
    let typed = form.get("desk");
    let desk = match parse_desk(&typed) {
        Ok(desk) => desk,
        Err(refused) => {
            let t = &crate::i18n::translations(locale).staff;
            let message = match refused {
                DeskError::TooLong => t.desk_too_long.clone(),
                DeskError::OddCharacters => t.desk_odd_characters.clone(),
            };
            let center = crate::pages::booking::query::encode(&center_id);
            let uri = format!("/staff/queue?center={center}&lang={}", locale.tag());
            let answer = DeskRefused { typed, message };
            return super::render_staff_page(
                &state,
                &uri,
                &headers,
                answer,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let token = crate::api::auth::session_token(&headers, state.settings.secure_cookies)
        .unwrap_or_default();
    match crate::db::sessions::set_desk(&state.pool, &token, desk.as_deref()).await {
        Ok(()) => back_to_queue(&center_id, locale),
        Err(error) => unavailable(error, locale),
    }
}
