//! Staff sign-in and sign-out. Both are plain HTML form posts: they work before the page's
//! WASM loads, and answer with a redirect.

use leptos::prelude::*;

/// Name of the cookie that carries a staff session token.
pub const SESSION_COOKIE: &str = "frontdesk_session";

/// The signed-in staff member, when the request carries a valid session cookie.
#[cfg(feature = "ssr")]
pub async fn current_staff(
    pool: &sqlx::PgPool,
    headers: &axum::http::HeaderMap,
) -> Result<Option<crate::db::sessions::SessionStaff>, sqlx::Error> {
    match session_token(headers) {
        Some(token) => crate::db::sessions::find_session(pool, &token).await,
        None => Ok(None),
    }
}

/// The session token in the request's `Cookie` headers.
#[cfg(feature = "ssr")]
pub fn session_token(headers: &axum::http::HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SESSION_COOKIE)
        .map(|(_, token)| token.to_owned())
}

/// For staff-only server functions: the caller, or a 401 error when not signed in.
#[cfg(feature = "ssr")]
pub async fn require_staff() -> Result<crate::db::sessions::SessionStaff, ServerFnError> {
    let state = super::state()?;
    let parts = use_context::<axum::http::request::Parts>()
        .ok_or_else(|| ServerFnError::new("no request"))?;
    match current_staff(&state.pool, &parts.headers)
        .await
        .map_err(super::unavailable)?
    {
        Some(staff) => Ok(staff),
        None => {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.set_status(axum::http::StatusCode::UNAUTHORIZED);
            }
            Err(ServerFnError::new("sign in required"))
        }
    }
}

#[cfg(feature = "ssr")]
fn set_cookie(value: String) {
    use axum::http::{header::SET_COOKIE, HeaderValue};
    if let (Some(response), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        HeaderValue::from_str(&value),
    ) {
        response.append_header(SET_COOKIE, value);
    }
}

/// Checks the email and password; on success starts a session and goes to the queue, on
/// failure back to the sign-in page with a message.
#[server(endpoint = "staff/sign-in")]
pub async fn sign_in(email: String, password: String) -> Result<(), ServerFnError> {
    use crate::db::sign_in_failures;
    use argon2::{password_hash::PasswordHash, Argon2, PasswordVerifier};
    let state = super::state()?;
    let account = email.trim().to_lowercase();
    let address = client_address();
    let now = chrono::Utc::now();
    let (failures, latest) = sign_in_failures::recent(&state.pool, &account, &address, now)
        .await
        .map_err(super::unavailable)?;
    if let Some(wait) = crate::domain::staff_access::must_wait(failures, latest, now) {
        // Refused before the password is even checked: guessing gains nothing by hurrying.
        tracing::warn!(failures, "staff sign-in slowed down");
        let seconds = wait.num_seconds().max(1);
        leptos_axum::redirect(&format!("/staff/login?wait={seconds}"));
        return Ok(());
    }
    let staff = crate::db::staff::find_active_by_email(&state.pool, &email)
        .await
        .map_err(super::unavailable)?;
    // Verify against a real hash even for an unknown email, so the response time does
    // not tell which emails have accounts.
    let hash = staff
        .as_ref()
        .map(|s| s.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.clone());
    let matches = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&hash).is_ok_and(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
    })
    .await
    .map_err(super::unavailable)?;
    match staff.filter(|_| matches) {
        Some(staff) => {
            sign_in_failures::clear(&state.pool, &account, &address)
                .await
                .map_err(super::unavailable)?;
            let token = crate::db::sessions::new_token();
            crate::db::sessions::create_session(&state.pool, staff.id, &token)
                .await
                .map_err(super::unavailable)?;
            set_cookie(session_cookie(&token));
            tracing::info!(staff.id = staff.id, "staff signed in");
            leptos_axum::redirect("/staff/queue");
        }
        None => {
            sign_in_failures::record(&state.pool, &account, &address, now)
                .await
                .map_err(super::unavailable)?;
            tracing::warn!("staff sign-in refused");
            leptos_axum::redirect("/staff/login?failed=1");
        }
    }
    Ok(())
}

/// The address the request came from, as the server saw the connection ("unknown" when
/// the server was not started with connection info, as in tests that skip the socket).
#[cfg(feature = "ssr")]
fn client_address() -> String {
    use axum::extract::ConnectInfo;
    use_context::<axum::http::request::Parts>()
        .and_then(|parts| {
            parts
                .extensions
                .get::<ConnectInfo<std::net::SocketAddr>>()
                .map(|info| info.0.ip().to_string())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

/// An argon2id hash of a random password nobody knows, for constant-time refusals.
#[cfg(feature = "ssr")]
static DUMMY_HASH: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    hash_password(&crate::db::sessions::new_token()).unwrap_or_default()
});

/// Ends the session and returns to the sign-in page.
#[server(endpoint = "staff/sign-out")]
pub async fn sign_out() -> Result<(), ServerFnError> {
    let state = super::state()?;
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        if let Some(token) = session_token(&parts.headers) {
            crate::db::sessions::delete_session(&state.pool, &token)
                .await
                .map_err(super::unavailable)?;
        }
    }
    set_cookie(format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"
    ));
    leptos_axum::redirect("/staff/login");
    Ok(())
}

/// The `Set-Cookie` value that carries a new session's token.
#[cfg(feature = "ssr")]
pub fn session_cookie(token: &str) -> String {
    let max_age = crate::domain::staff_access::SESSION_HOURS * 3600;
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}")
}

/// Hashes a password with argon2id and a random salt (for accounts made at start-up).
#[cfg(feature = "ssr")]
pub fn hash_password(password: &str) -> Result<String, argon2::password_hash::Error> {
    use argon2::{password_hash::SaltString, Argon2, PasswordHasher};
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}
