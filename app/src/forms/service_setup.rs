//! [ssr] Admin posts on the appointment services page: add a service, edit one, hide or
//! offer it again, move it up or down. Anyone but an admin is refused (403) before the form
//! is read further; typing mistakes come back beside their fields with everything typed kept.

use super::{render_staff_page, staff_post, unavailable, StaffPost};
use crate::domain::locale::Locale;
use crate::domain::reason_setup::valid_code;
use crate::domain::roles::Permission;
use crate::domain::service::ServiceText;
use crate::domain::service_setup::{check_service, ServiceField, TypedService};
use crate::pages::staff::services_page::ServiceSubmission;
use crate::services::appointment_services::{
    add_service, edit_service, hide_service, reorder_service, ServiceOutcome,
};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// The page; `edit` is a checked code, so it is safe in the Location header as it is.
fn page(locale: Locale, edit: Option<&str>) -> String {
    let edit = edit.map(|code| format!("edit={code}&")).unwrap_or_default();
    format!("/staff/services?{edit}lang={}", locale.tag())
}

fn typed(post: &StaffPost) -> TypedService {
    let field = |name: &str, locale: Locale| post.form.get(&format!("{name}_{}", locale.tag()));
    TypedService {
        code: post.form.get("code"),
        held: post.form.all("held").map(str::to_owned).collect(),
        arrival_reason: post.form.get("arrival_reason"),
        texts: Locale::ALL
            .into_iter()
            .map(|l| {
                let text = ServiceText {
                    name: field("name", l),
                    hint: field("hint", l),
                };
                (l, text)
            })
            .collect(),
    }
}

fn done(locale: Locale, notice: &str) -> Response {
    Redirect::to(&format!("{}&notice={notice}", page(locale, None))).into_response()
}

/// The page again with what was typed and every refused field marked.
async fn again(
    state: &AppState,
    headers: &HeaderMap,
    locale: Locale,
    answer: ServiceSubmission,
    status: StatusCode,
) -> Response {
    let edit = answer.editing.clone();
    render_staff_page(
        state,
        &page(locale, edit.as_deref()),
        headers,
        answer,
        status,
    )
    .await
}

/// The codes of the agency's visit reasons, which an arrival reason must be one of.
async fn reason_codes(state: &AppState) -> Result<Vec<String>, crate::db::Error> {
    let reasons = crate::db::visit_reasons::list(&state.pool).await?;
    Ok(reasons.into_iter().map(|r| r.code).collect())
}

/// `POST /staff/services`: `code` (may be empty), `name_<lang>`, `hint_<lang>`, `held`
/// (repeated: in_person, phone, video), `arrival_reason` (a reason's code, or empty).
pub async fn create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let typed = typed(&post);
    let refuse = |refused, too_many, status| {
        let answer = ServiceSubmission {
            typed: typed.clone(),
            refused,
            editing: None,
            too_many,
        };
        again(&state, &headers, post.locale, answer, status)
    };
    let reasons = match reason_codes(&state).await {
        Ok(reasons) => reasons,
        Err(error) => return unavailable(error, post.locale),
    };
    let (code, details) = match check_service(&typed, true, &reasons) {
        Ok(checked) => checked,
        Err(refused) => return refuse(refused, false, StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    match add_service(&state.pool, Some(post.staff.staff_id), &code, &details).await {
        Ok(ServiceOutcome::CodeTaken) => {
            refuse(vec![ServiceField::Code], false, StatusCode::CONFLICT).await
        }
        Ok(ServiceOutcome::TooMany) => refuse(Vec::new(), true, StatusCode::CONFLICT).await,
        Ok(_) => done(post.locale, "added"),
        Err(error) => unavailable(error, post.locale),
    }
}

/// The code from the path, unless it cannot be a service's (refused before any query).
fn path_code(code: &str) -> Option<&str> {
    valid_code(code).then_some(code)
}

/// `POST /staff/services/{code}/edit`: the fields of `create` but the code.
pub async fn edit(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let Some(code) = path_code(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // An unknown service has no form to show again.
    match crate::db::appointment_services::find(&state.pool, code).await {
        Ok(Some(_)) => {}
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return unavailable(error, post.locale),
    }
    let typed = TypedService {
        code: code.to_owned(),
        ..typed(&post)
    };
    let reasons = match reason_codes(&state).await {
        Ok(reasons) => reasons,
        Err(error) => return unavailable(error, post.locale),
    };
    let details = match check_service(&typed, false, &reasons) {
        Ok((_, details)) => details,
        Err(refused) => {
            let answer = ServiceSubmission {
                typed,
                refused,
                editing: Some(code.to_owned()),
                too_many: false,
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return again(&state, &headers, post.locale, answer, status).await;
        }
    };
    match edit_service(&state.pool, Some(post.staff.staff_id), code, &details).await {
        Ok(ServiceOutcome::Unknown) => StatusCode::NOT_FOUND.into_response(),
        Ok(ServiceOutcome::Unchanged) => done(post.locale, "unchanged"),
        Ok(_) => done(post.locale, "saved"),
        Err(error) => unavailable(error, post.locale),
    }
}

/// `POST /staff/services/{code}/hide`, `/show`, `/up` and `/down`.
pub async fn act(
    State(state): State<AppState>,
    Path((code, action)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let Some(code) = path_code(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let staff = Some(post.staff.staff_id);
    let pool = &state.pool;
    let (outcome, notice) = match action.as_str() {
        "hide" => (hide_service(pool, staff, code, true).await, "hidden"),
        "show" => (hide_service(pool, staff, code, false).await, "shown"),
        "up" => (reorder_service(pool, staff, code, true).await, "moved"),
        "down" => (reorder_service(pool, staff, code, false).await, "moved"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    match outcome {
        Ok(ServiceOutcome::Unknown) => StatusCode::NOT_FOUND.into_response(),
        Ok(ServiceOutcome::Unchanged) => done(post.locale, "unchanged"),
        Ok(_) => done(post.locale, notice),
        Err(error) => unavailable(error, post.locale),
    }
}
