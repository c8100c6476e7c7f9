//! [ssr] `POST /staff/availability`: a manager saves a center's weekly hours and how it
//! offers each service (offered, slot length, people per slot, notice, how far ahead). Staff without the manager role are refused (403); typing mistakes come
//! back beside their fields; bookings the change would strand are listed and nothing
//! changes, unless the manager chose to cancel them.

use super::{refusal, render_staff_page, unavailable, Form};
use crate::api::auth::{authorize, Refused};
use crate::db::center_availability::current;
use crate::domain::availability::{parse_day_hours, WeeklyHours};
use crate::domain::roles::Permission;
use crate::domain::service_rules::{check_rules, TypedRules};
use crate::i18n::{translations, Locale};
use crate::pages::staff::availability_page::AvailabilitySubmission;
use crate::services::center_availability::{change, ChangeOutcome};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use std::collections::BTreeMap;

pub async fn save(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    let a = &translations(locale).availability;
    let center_id = form.get("center");
    let page = format!(
        "/staff/availability?center={center_id}&lang={}",
        locale.tag()
    );
    let mut answer = AvailabilitySubmission {
        days: (1..=7u32)
            .map(|d| {
                (
                    d,
                    form.get(&format!("opens_{d}")),
                    form.get(&format!("closes_{d}")),
                )
            })
            .collect(),
        cancel_bookings: form.get("stranded") == "cancel",
        ..AvailabilitySubmission::default()
    };
    let staff = match authorize(&state, &headers, Permission::ManageAvailability).await {
        Ok(staff) => staff,
        Err(Refused::Forbidden) => {
            answer.message = Some(a.managers_only.clone());
            return render_staff_page(&state, &page, &headers, answer, StatusCode::FORBIDDEN).await;
        }
        Err(refused) => return refusal(&state, &headers, refused, locale).await,
    };
    let center = match crate::db::centers::find_center(&state.pool, &center_id).await {
        Ok(Some(center)) => center,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error, locale),
    };
    let services = match state.pool.acquire().await {
        Ok(mut conn) => match current(&mut conn, &center.id).await {
            Ok(now) => now.services,
            Err(error) => return unavailable(error, locale),
        },
        Err(error) => return unavailable(error, locale),
    };

    let mut hours = WeeklyHours::default();
    for (day, opens, closes) in &answer.days {
        match parse_day_hours(opens, closes) {
            Ok(Some((o, c))) => hours = hours.open([*day], o, c),
            Ok(None) => {}
            Err(_) => answer.day_errors.push(*day),
        }
    }
    let mut rules = BTreeMap::new();
    for (code, _) in &services {
        let typed = TypedRules {
            offered: form.get(&format!("offered_{code}")) == "yes",
            slot_minutes: form.get(&format!("slot_{code}")),
            capacity: form.get(&format!("capacity_{code}")),
            lead_minutes: form.get(&format!("lead_{code}")),
            horizon_days: form.get(&format!("horizon_{code}")),
        };
        match check_rules(&typed) {
            Ok(checked) => {
                rules.insert(code.clone(), checked);
            }
            Err(fields) => answer.rule_errors.push((code.clone(), fields)),
        }
        answer.rules.push((code.clone(), typed));
    }
    if !answer.day_errors.is_empty() || !answer.rule_errors.is_empty() {
        answer.message = Some(a.form_has_problems.clone());
        return render_staff_page(
            &state,
            &page,
            &headers,
            answer,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let outcome = change(
        &state.pool,
        Some(staff.staff_id),
        &center,
        &hours,
        &rules,
        answer.cancel_bookings,
        &state.mail(),
        Utc::now(),
    )
    .await;
    match outcome {
        Ok(ChangeOutcome::Saved { cancelled: 0 }) => {
            Redirect::to(&format!("{page}&notice=saved")).into_response()
        }
        Ok(ChangeOutcome::Saved { cancelled }) => {
            Redirect::to(&format!("{page}&notice=saved_cancelled_{cancelled}")).into_response()
        }
        Ok(ChangeOutcome::Stranded(bookings)) => {
            answer.stranded = super::stranded_views(&state, bookings, locale).await;
            render_staff_page(&state, &page, &headers, answer, StatusCode::CONFLICT).await
        }
        Err(error) => unavailable(error, locale),
    }
}
