//! [ssr] Kiosk pages and endpoints answer only to a paired tablet of their center. The
//! tablet carries its device token in an HttpOnly cookie; this middleware looks it up
//! (hash only) before any kiosk handler runs, puts the `KioskDevice` in the request's
//! extensions, and refuses everything else: the "not set up" screen (403) for a page, a
//! bare 403 for an endpoint. `/kiosk/pair`, where a tablet becomes a kiosk, is open. The
//! lobby's "now serving" screen (`/display/{center}`) is paired the same way. Each time a
//! tablet asks for its welcome screen, where every visit ends, the next visitor's number
//! is drawn (`db::kiosk_devices::next_visitor`): the kiosk's forms carry it, so a form of
//! an earlier visitor is not answered.

use crate::api::auth::cookie_value;
use crate::db::kiosk_devices::KioskDevice;
use crate::error::PlainErrorPage;
use crate::forms::kiosk_pairing::device_cookie_name;
use crate::i18n::Locale;
use crate::pages::kiosk::pair_page::PairingAnswer;
use crate::request_tablet::REQUEST_TABLET;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether `path` (asked with GET) is a kiosk's welcome screen: a new visitor's turn.
fn is_welcome(path: &str) -> bool {
    // A trailing slash (a start address typed so) shows the welcome screen too.
    path.strip_prefix("/kiosk/")
        .map(|center| center.strip_suffix('/').unwrap_or(center))
        .is_some_and(|center| !center.is_empty() && center != "pair" && !center.contains('/'))
}

/// What a path asks of a tablet: nothing (not a kiosk path, or the pairing screen), to
/// be a kiosk of a named center (pages and form posts), or of any center (server
/// functions, which check the center they are sent).
fn kiosk_scope(path: &str) -> Option<Option<&str>> {
    if path.starts_with("/api/kiosk/") {
        return Some(None);
    }
    if let Some(rest) = path.strip_prefix("/display/") {
        return Some(Some(rest.split('/').next().unwrap_or_default()));
    }
    let rest = path.strip_prefix("/kiosk/")?;
    let center = rest.split('/').next().unwrap_or_default();
    (center != "pair").then_some(Some(center))
}

pub async fn kiosk_gate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let Some(scope) = kiosk_scope(request.uri().path()) else {
        return next.run(request).await;
    };
    let wanted_center = scope.map(str::to_owned);
    // Where an error page at this tablet goes back to: the lobby display's own screen, or
    // the kiosk's welcome screen.
    let area = if request.uri().path().starts_with("/display/") {
        "display"
    } else {
        "kiosk"
    };
    let token = cookie_value(
        request.headers(),
        device_cookie_name(state.settings.secure_cookies),
    );
    let device = match token {
        Some(token) => match crate::db::kiosk_devices::device(&state.pool, &token).await {
            Ok(device) => device,
            Err(error) => {
                let page = crate::forms::unavailable(error, Locale::En);
                return with_reset_on_error_page(page, area, wanted_center.as_deref());
            }
        },
        None => None,
    };
    match device {
        Some(mut device)
            if wanted_center
                .as_ref()
                .is_none_or(|c| *c == device.center_id) =>
        {
            if request.method() == axum::http::Method::GET && is_welcome(request.uri().path()) {
                device.visitors =
                    match crate::db::kiosk_devices::next_visitor(&state.pool, device.id).await {
                        Ok(visitor) => visitor,
                        Err(error) => {
                            let page = crate::forms::unavailable(error, Locale::En);
                            return with_reset_on_error_page(page, area, Some(&device.center_id));
                        }
                    };
            }
            request.extensions_mut().insert(device.clone());
            let center = device.center_id.clone();
            let response = REQUEST_TABLET.scope(device, next.run(request)).await;
            with_reset_on_error_page(response, area, Some(&center))
        }
        other => {
            tracing::warn!(path = %request.uri().path(), "kiosk request from a tablet that is not this center's");
            if wanted_center.is_none() {
                return StatusCode::FORBIDDEN.into_response();
            }
            let lang = request
                .uri()
                .query()
                .and_then(|q| {
                    form_urlencoded::parse(q.as_bytes())
                        .find(|(k, _)| k == "lang")
                        .map(|(_, v)| v.into_owned())
                })
                .unwrap_or_default();
            not_set_up(&state, Locale::from_tag(&lang), other).await
        }
    }
}

/// A tablet shown a plain error page (`AppError::page`: the database away, a broken post)
/// goes back to its first screen (`area`'s) by itself after a kiosk screen's idle time, as every
/// kiosk screen does: the next visitor does not find the last one's error, nor a page to
/// resend (`domain::kiosk_visitor`). `center`: the tablet's, or, before it is known, the
/// one its address names (used only when it is a plain slug).
fn with_reset_on_error_page(mut response: Response, area: &str, center: Option<&str>) -> Response {
    use crate::domain::kiosk_visitor::{COUNTDOWN_SECONDS, IDLE_SECONDS};
    let slug = center.filter(|c| {
        !c.is_empty()
            && c.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    });
    if let (Some(center), Some(_)) = (slug, response.extensions().get::<PlainErrorPage>()) {
        let refresh = format!("{}; url=/{area}/{center}", IDLE_SECONDS + COUNTDOWN_SECONDS);
        if let Ok(value) = axum::http::HeaderValue::from_str(&refresh) {
            response
                .headers_mut()
                .insert(axum::http::HeaderName::from_static("refresh"), value);
        }
    }
    response
}

/// The "not set up" screen, in the language the address asked for, with the pairing form
/// (and, for a tablet of another center, the way back to its own kiosk).
async fn not_set_up(state: &AppState, locale: Locale, device: Option<KioskDevice>) -> Response {
    let answer = PairingAnswer {
        not_set_up: true,
        own_center: device.map(|d| d.center_id),
        ..PairingAnswer::default()
    };
    let uri = format!("/kiosk/pair?lang={}", locale.tag());
    crate::forms::render_page(state, &uri, answer, StatusCode::FORBIDDEN).await
}

#[cfg(test)]
mod tests {
    use super::{is_welcome, kiosk_scope};

    #[test]
    fn only_the_welcome_screen_starts_a_new_visitor() {
        assert!(is_welcome("/kiosk/tigard"));
        assert!(!is_welcome("/kiosk/tigard/check-in"));
        assert!(is_welcome("/kiosk/tigard/"));
        assert!(!is_welcome("/kiosk/tigard/check-in/"));
        assert!(!is_welcome("/kiosk/pair"));
        assert!(!is_welcome("/kiosk/"));
        assert!(!is_welcome("/display/tigard"));
    }

    #[test]
    fn kiosk_pages_and_endpoints_need_a_tablet_but_pairing_does_not() {
        assert_eq!(kiosk_scope("/kiosk/tigard"), Some(Some("tigard")));
        assert_eq!(
            kiosk_scope("/kiosk/tigard/appointment"),
            Some(Some("tigard"))
        );
        assert_eq!(kiosk_scope("/api/kiosk/check-in"), Some(None));
        assert_eq!(kiosk_scope("/kiosk/pair"), None);
        assert_eq!(kiosk_scope("/kiosk"), None);
        assert_eq!(kiosk_scope("/workshops"), None);
        assert_eq!(kiosk_scope("/staff/kiosks"), None);
        assert_eq!(kiosk_scope("/display/tigard"), Some(Some("tigard")));
        assert_eq!(kiosk_scope("/display/tigard/events"), Some(Some("tigard")));
        assert_eq!(kiosk_scope("/display/"), Some(Some("")));
    }
}
