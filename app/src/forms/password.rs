//! [ssr] `POST /staff/password/{token}`: sets the password chosen from an emailed link and
//! signs the person in. A refused password comes back beside its field; a link that no
//! longer works says so.

use super::{limit, render_staff_page, unavailable, Form};
use crate::domain::limits::Limited;
use crate::domain::staff_accounts::{new_password, PasswordProblem};
use crate::i18n::{translations, Locale};
use crate::limits::ClientAddress;
use crate::pages::staff::password_page::PasswordAnswer;
use crate::passwords::HashError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;

pub async fn set_password(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    // The token came in the path: encoded, so no byte of it reaches a header as sent.
    let safe = crate::pages::booking::query::encode(&token);
    let page = format!("/staff/password/{safe}?lang={}", locale.tag());
    let a = &translations(locale).accounts;
    let refused = |message| PasswordAnswer {
        password_error: Some(message),
        ..PasswordAnswer::default()
    };
    let key = client.limit_key();
    if let Err(refused) = limit(&state, Limited::PasswordLink, &key, locale, &page, refused).await {
        return refused;
    }
    // The link is checked before any hashing: a made-up link costs a lookup, not Argon2.
    match crate::db::password_links::holder(&state.pool, &token).await {
        Ok(Some(_)) => {}
        Ok(None) => return Redirect::to(&page).into_response(),
        Err(error) => return unavailable(error, locale),
    }
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
    let hash = match state.hashing.hash(password).await {
        Ok(hash) => hash,
        Err(HashError::Busy) => {
            let answer = PasswordAnswer {
                password_error: Some(translations(locale).staff.sign_in_busy.clone()),
                ..PasswordAnswer::default()
            };
            let status = StatusCode::SERVICE_UNAVAILABLE;
            return render_staff_page(&state, &page, &headers, answer, status).await;
        }
        Err(error) => return unavailable(error, locale),
    };
    let staff_id = match crate::db::password_links::set_password(&state.pool, &token, &hash).await {
        Ok(Some(id)) => id,
        // Used or expired meanwhile: the page now says the link no longer works.
        Ok(None) => return Redirect::to(&page).into_response(),
        Err(error) => return unavailable(error, locale),
    };
    let session = crate::db::sessions::new_token();
    if let Err(error) = crate::db::sessions::create_session(&state.pool, staff_id, &session).await {
        return unavailable(error, locale);
    }
    tracing::info!(
        staff.id = staff_id,
        "staff chose a password from an emailed link"
    );
    let mut response = Redirect::to(&format!("/staff/queue?lang={}", locale.tag())).into_response();
    let cookie = crate::api::auth::session_cookie(&session, state.settings.secure_cookies);
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}
