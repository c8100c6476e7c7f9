//! [ssr] `POST /staff/login`: staff sign-in, and `POST /staff/sign-out`. Each attempt passes three gates before its
//! password is checked: the per-address limit, the per-account-and-address slow-down
//! (taken atomically, so parallel guesses cannot all slip through), and a turn at the
//! bounded Argon2 hashing. A refusal shows the sign-in page again with the email kept.

use super::{render_page, with_retry_after, Form};
use crate::db::sign_in_failures::{clear, give_back, reserve_attempt};
use crate::domain::limits::Limited;
use crate::i18n::{translations, Locale};
use crate::limits::ClientAddress;
use crate::pages::staff::login_page::LoginAnswer;
use crate::passwords::HashError;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::Utc;

/// Longer than any email address can be (RFC 5321's limit on a path).
const MAX_EMAIL_CHARS: usize = 254;

pub async fn sign_in(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    let t = &translations(locale).staff;
    let email = form.get("email");
    let account = email.trim().to_lowercase();
    let address = client.limit_key();
    let answer = |message: String| LoginAnswer {
        email: email.clone(),
        message: Some(message),
    };
    let page = format!("/staff/login?lang={}", locale.tag());
    let too_many = |wait: std::time::Duration| {
        let seconds = wait.as_secs().max(1);
        let message = crate::i18n::fill(&t.sign_in_wait, &[("seconds", &seconds.to_string())]);
        (answer(message), seconds)
    };
    let now = Utc::now();
    if account.chars().count() > MAX_EMAIL_CHARS {
        // No account has such an email: refused as a wrong password, nothing stored.
        let message = answer(t.sign_in_failed.clone());
        return render_page(&state, &page, message, StatusCode::UNAUTHORIZED).await;
    }
    let refused = match state.limits.check(Limited::SignIn, &address) {
        Err(wait) => Some(too_many(wait)),
        Ok(()) => match reserve_attempt(&state.pool, &account, &address, now).await {
            Ok(Ok(())) => None,
            Ok(Err(wait)) => Some(too_many(wait.to_std().unwrap_or_default())),
            Err(error) => return super::unavailable(error, locale),
        },
    };
    if let Some((answer, seconds)) = refused {
        // Refused before the password is even checked: guessing gains nothing by hurrying.
        tracing::warn!(%address, "staff sign-in slowed down");
        return with_retry_after(
            render_page(&state, &page, answer, StatusCode::TOO_MANY_REQUESTS).await,
            seconds,
        );
    }
    let staff = match crate::db::staff::find_active_by_email(&state.pool, &account).await {
        Ok(staff) => staff,
        Err(error) => return super::unavailable(error, locale),
    };
    let hash = staff.as_ref().map(|s| s.password_hash.clone());
    let matches = match state.hashing.verify(form.get("password"), hash).await {
        Ok(matches) => matches,
        Err(HashError::Busy) => {
            if let Err(error) = give_back(&state.pool, &account, &address).await {
                return super::unavailable(error, locale);
            }
            let busy = render_page(
                &state,
                &page,
                answer(t.sign_in_busy.clone()),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await;
            return with_retry_after(busy, crate::passwords::WAIT.as_secs());
        }
        Err(error) => return super::unavailable(error, locale),
    };
    let Some(staff) = staff.filter(|_| matches) else {
        tracing::warn!(%address, "staff sign-in refused");
        let message = answer(t.sign_in_failed.clone());
        return render_page(&state, &page, message, StatusCode::UNAUTHORIZED).await;
    };
    if let Err(error) = clear(&state.pool, &account, &address, now).await {
        return super::unavailable(error, locale);
    }
    let token = crate::db::sessions::new_token();
    if let Err(error) = crate::db::sessions::create_session(&state.pool, staff.id, &token).await {
        return super::unavailable(error, locale);
    }
    tracing::info!(staff.id = staff.id, "staff signed in");
    let queue = match locale {
        Locale::En => "/staff/queue".to_owned(),
        other => format!("/staff/queue?lang={}", other.tag()),
    };
    let mut response = Redirect::to(&queue).into_response();
    let cookie = crate::api::auth::session_cookie(&token, state.settings.secure_cookies);
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

/// `POST /staff/sign-out`: ends the session (its live screens close on every process) and
/// returns to the sign-in page.
pub async fn sign_out(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let secure = state.settings.secure_cookies;
    if let Some(token) = crate::api::auth::session_token(&headers, secure) {
        if let Err(error) = crate::db::sessions::delete_session(&state.pool, &token).await {
            // The sign-out button carries no language: the staff default.
            return super::unavailable(error, Locale::En);
        }
    }
    let mut response = Redirect::to("/staff/login").into_response();
    let expired =
        crate::api::auth::cookie(crate::api::auth::session_cookie_name(secure), "", 0, secure);
    if let Ok(cookie) = HeaderValue::from_str(&expired) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}
