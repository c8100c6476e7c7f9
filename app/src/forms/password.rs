//! [ssr] `POST /staff/password/{token}`: sets the password chosen from an emailed link and
//! signs the person in. A refused password comes back beside its field; a link that no
//! longer works says so.

use super::{render_staff_page, Form};
use crate::domain::staff_accounts::{new_password, PasswordProblem};
use crate::i18n::{translations, Locale};
use crate::pages::staff::password_page::PasswordAnswer;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

fn unavailable(error: impl std::fmt::Display) -> Response {
    tracing::error!(%error, "setting a password failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

pub async fn set_password(
    State(state): State<AppState>,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang"));
    let page = format!("/staff/password/{token}?lang={}", locale.tag());
    let a = &translations(locale).accounts;
    let password = form.get("password");
    if let Err(problems) = new_password(&password, &form.get("repeat")) {
        let mut answer = PasswordAnswer::default();
        for problem in problems {
            match problem {
                PasswordProblem::TooShort => {
                    answer.password_error = Some(a.error_password_short.clone())
                }
                PasswordProblem::TooLong => {
                    answer.password_error = Some(a.error_password_long.clone())
                }
                PasswordProblem::NotRepeated => {
                    answer.repeat_error = Some(a.error_password_repeat.clone())
                }
            }
        }
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return render_staff_page(&state, &page, &headers, answer, status).await;
    }
    let hash = match tokio::task::spawn_blocking(move || crate::api::auth::hash_password(&password))
        .await
    {
        Ok(Ok(hash)) => hash,
        Ok(Err(error)) => return unavailable(error),
        Err(error) => return unavailable(error),
    };
    let staff_id = match crate::db::password_links::set_password(&state.pool, &token, &hash).await {
        Ok(Some(id)) => id,
        // Used or expired meanwhile: the page now says the link no longer works.
        Ok(None) => return Redirect::to(&page).into_response(),
        Err(error) => return unavailable(error),
    };
    let session = crate::db::sessions::new_token();
    if let Err(error) = crate::db::sessions::create_session(&state.pool, staff_id, &session).await {
        return unavailable(error);
    }
    tracing::info!(
        staff.id = staff_id,
        "staff chose a password from an emailed link"
    );
    let mut response = Redirect::to(&format!("/staff/queue?lang={}", locale.tag())).into_response();
    if let Ok(cookie) = HeaderValue::from_str(&crate::api::auth::session_cookie(&session)) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}
