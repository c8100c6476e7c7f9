//! Staff sessions: the session cookie and the one permission check every staff action goes
//! through (`authorize`, and `require` for server functions). Sign-in and sign-out are form
//! posts (`forms::sign_in`).

#[cfg(feature = "ssr")]
use crate::error::AppError;
#[cfg(feature = "ssr")]
use leptos::prelude::*;

/// Name of the cookie that carries a staff session token over plain http (a loopback
/// demo). Over https it is `__Host-` + this: the browser then takes it only from this very
/// host, over https, for the whole site, so no sibling subdomain can plant or read it.
pub const SESSION_COOKIE: &str = "frontdesk_session";

/// The session cookie's name where cookies are `Secure` (`settings.secure_cookies`).
#[cfg(feature = "ssr")]
pub fn session_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-frontdesk_session"
    } else {
        SESSION_COOKIE
    }
}

/// The signed-in staff member, when the request carries a valid session cookie.
#[cfg(feature = "ssr")]
pub async fn current_staff(
    state: &crate::state::AppState,
    headers: &axum::http::HeaderMap,
) -> Result<Option<crate::db::sessions::SessionStaff>, crate::db::Error> {
    match session_token(headers, state.settings.secure_cookies) {
        Some(token) => crate::db::sessions::find_session(&state.pool, &token).await,
        None => Ok(None),
    }
}

/// The session token in the request's `Cookie` headers.
#[cfg(feature = "ssr")]
pub fn session_token(headers: &axum::http::HeaderMap, secure: bool) -> Option<String> {
    cookie_value(headers, session_cookie_name(secure))
}

/// The value of cookie `name` in the request's `Cookie` headers.
#[cfg(feature = "ssr")]
pub fn cookie_value(headers: &axum::http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(found, _)| *found == name)
        .map(|(_, value)| value.to_owned())
}

/// Why a staff request was refused.
#[cfg(feature = "ssr")]
#[derive(Debug)]
pub enum Refused {
    /// No live session: 401, or the sign-in page.
    SignedOut,
    /// Signed in, but the role may not do this: 403.
    Forbidden,
    /// The session could not be checked.
    Unavailable(crate::db::Error),
}

/// The one permission check: the signed-in staff member behind `headers`, if their role
/// may do `permission`. Every staff server function and form handler calls this (or
/// `require`, its server-function form) before anything else.
#[cfg(feature = "ssr")]
pub async fn authorize(
    state: &crate::state::AppState,
    headers: &axum::http::HeaderMap,
    permission: crate::domain::roles::Permission,
) -> Result<crate::db::sessions::SessionStaff, Refused> {
    match current_staff(state, headers).await {
        Ok(Some(staff)) if staff.role.may(permission) => Ok(staff),
        Ok(Some(staff)) => {
            tracing::warn!(
                staff.id = staff.staff_id,
                ?permission,
                "staff action refused"
            );
            Err(Refused::Forbidden)
        }
        Ok(None) => Err(Refused::SignedOut),
        Err(error) => Err(Refused::Unavailable(error)),
    }
}

/// For staff server functions: `authorize` for the calling request, answering 401 or 403
/// with an error when refused.
#[cfg(feature = "ssr")]
pub async fn require(
    permission: crate::domain::roles::Permission,
) -> Result<crate::db::sessions::SessionStaff, AppError> {
    let state = super::state()?;
    let parts = use_context::<axum::http::request::Parts>()
        .ok_or_else(|| super::unavailable("no request"))?;
    match authorize(&state, &parts.headers, permission).await {
        Ok(staff) => Ok(staff),
        Err(Refused::SignedOut) => Err(AppError::SignedOut.answered()),
        Err(Refused::Forbidden) => Err(AppError::Forbidden.answered()),
        Err(Refused::Unavailable(error)) => Err(super::unavailable(error)),
    }
}

/// The `Set-Cookie` value that carries a new session's token.
#[cfg(feature = "ssr")]
pub fn session_cookie(token: &str, secure: bool) -> String {
    let max_age = crate::domain::staff_access::SESSION_HOURS * 3600;
    cookie(session_cookie_name(secure), token, max_age, secure)
}

/// A `Set-Cookie` value for the whole site that scripts cannot read and that no other
/// site's page or link carries along (`SameSite=Strict`); `Secure` over https.
#[cfg(feature = "ssr")]
pub fn cookie(name: &str, value: &str, max_age_seconds: i64, secure: bool) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age_seconds}{secure}")
}
