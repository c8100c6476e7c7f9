//! [ssr] Admin posts on the visit reasons page: add a reason, edit one, hide or offer it
//! again, move it up or down. Anyone but an admin is refused (403) before the form is read
//! further; typing mistakes come back beside their fields with everything typed kept.

use super::{render_staff_page, staff_post, unavailable, StaffPost};
use crate::domain::locale::Locale;
use crate::domain::reason_setup::{check_reason, valid_code, ReasonField, TypedReason};
use crate::domain::roles::Permission;
use crate::domain::visit_reason::ReasonText;
use crate::pages::staff::reasons_page::ReasonSubmission;
use crate::services::visit_reasons::{
    add_reason, edit_reason, hide_reason, reorder_reason, ReasonOutcome,
};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// The page; `edit` is a checked code, so it is safe in the Location header as it is.
fn page(locale: Locale, edit: Option<&str>) -> String {
    let edit = edit.map(|code| format!("edit={code}&")).unwrap_or_default();
    format!("/staff/reasons?{edit}lang={}", locale.tag())
}

fn typed(post: &StaffPost) -> TypedReason {
    let field = |name: &str, locale: Locale| post.form.get(&format!("{name}_{}", locale.tag()));
    TypedReason {
        code: post.form.get("code"),
        handled_elsewhere: post.form.get("handled_elsewhere") == "yes",
        phones: post.form.get("phones"),
        team: post.form.get("team"),
        texts: Locale::ALL
            .into_iter()
            .map(|l| {
                let text = ReasonText {
                    name: field("name", l),
                    hint: field("hint", l),
                    notice: field("notice", l),
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
    answer: ReasonSubmission,
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

/// `POST /staff/reasons`: `code` (may be empty), `name_<lang>`, `hint_<lang>`,
/// `notice_<lang>`, `handled_elsewhere` = yes, `phones`, `team`.
pub async fn create(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let post = match staff_post(&state, &headers, &body, Permission::ManageCenters).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let typed = typed(&post);
    let refuse = |refused, too_many, status| {
        let answer = ReasonSubmission {
            typed: typed.clone(),
            refused,
            editing: None,
            too_many,
        };
        again(&state, &headers, post.locale, answer, status)
    };
    let (code, details) = match check_reason(&typed, true) {
        Ok(checked) => checked,
        Err(refused) => return refuse(refused, false, StatusCode::UNPROCESSABLE_ENTITY).await,
    };
    match add_reason(&state.pool, Some(post.staff.staff_id), &code, &details).await {
        Ok(ReasonOutcome::CodeTaken) => {
            refuse(vec![ReasonField::Code], false, StatusCode::CONFLICT).await
        }
        Ok(ReasonOutcome::TooMany) => refuse(Vec::new(), true, StatusCode::CONFLICT).await,
        Ok(_) => done(post.locale, "added"),
        Err(error) => unavailable(error, post.locale),
    }
}

/// The code from the path, unless it cannot be a reason's (refused before any query).
fn path_code(code: &str) -> Option<&str> {
    valid_code(code).then_some(code)
}

/// `POST /staff/reasons/{code}/edit`: the fields of `create` but the code.
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
    let typed = TypedReason {
        code: code.to_owned(),
        ..typed(&post)
    };
    let details = match check_reason(&typed, false) {
        Ok((_, details)) => details,
        Err(refused) => {
            let answer = ReasonSubmission {
                typed,
                refused,
                editing: Some(code.to_owned()),
                too_many: false,
            };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return again(&state, &headers, post.locale, answer, status).await;
        }
    };
    match edit_reason(&state.pool, Some(post.staff.staff_id), code, &details).await {
        Ok(ReasonOutcome::Unknown) => StatusCode::NOT_FOUND.into_response(),
        Ok(ReasonOutcome::Unchanged) => done(post.locale, "unchanged"),
        Ok(_) => done(post.locale, "saved"),
        Err(error) => unavailable(error, post.locale),
    }
}

/// `POST /staff/reasons/{code}/hide`, `/show`, `/up` and `/down`.
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
        "hide" => (hide_reason(pool, staff, code, true).await, "hidden"),
        "show" => (hide_reason(pool, staff, code, false).await, "shown"),
        "up" => (reorder_reason(pool, staff, code, true).await, "moved"),
        "down" => (reorder_reason(pool, staff, code, false).await, "moved"),
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    match outcome {
        Ok(ReasonOutcome::Unknown) => StatusCode::NOT_FOUND.into_response(),
        Ok(ReasonOutcome::Unchanged) => done(post.locale, "unchanged"),
        Ok(_) => done(post.locale, notice),
        Err(error) => unavailable(error, post.locale),
    }
}
