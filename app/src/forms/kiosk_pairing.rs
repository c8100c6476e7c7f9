//! [ssr] Pairing kiosk tablets: a tablet redeems a manager's one-time code for its device
//! cookie (`POST /kiosk/pair`); managers make codes (`POST /staff/kiosks`) and revoke
//! tablets (`POST /staff/kiosks/{id}/revoke`).

use super::{limit, render_page, render_staff_page, Form, StaffPost};
use crate::api::auth::cookie;
use crate::domain::kiosk_pairing::{parse, parse_name, NameProblem, CODE_MINUTES};
use crate::domain::limits::Limited;
use crate::domain::roles::Permission;
use crate::i18n::{translations, Locale};
use crate::limits::ClientAddress;
use crate::pages::kiosk::pair_page::PairingAnswer;
use crate::pages::staff::kiosks_page::{NewTabletAnswer, PairingCodeShown};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::{Duration, Utc};

/// The device cookie lives as long as browsers allow (400 days); revoking is how a
/// tablet stops being a kiosk.
const DEVICE_COOKIE_DAYS: i64 = 400;

/// The device cookie's name: `__Host-` prefixed over https, like the staff session's.
pub fn device_cookie_name(secure: bool) -> &'static str {
    if secure {
        "__Host-frontdesk_kiosk"
    } else {
        "frontdesk_kiosk"
    }
}

/// The `Set-Cookie` value that makes a browser a paired tablet.
pub fn device_cookie(token: &str, secure: bool) -> String {
    cookie(
        device_cookie_name(secure),
        token,
        DEVICE_COOKIE_DAYS * 24 * 3600,
        secure,
    )
}

/// `POST /kiosk/pair`: `code`. A good code makes this browser a kiosk of the code's
/// center and opens its welcome screen; anything else shows the form again.
pub async fn pair(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang"));
    let page = format!("/kiosk/pair?lang={}", locale.tag());
    let typed = form.get("code");
    let refuse = |message: String| PairingAnswer {
        code: typed.clone(),
        code_error: Some(message),
        ..PairingAnswer::default()
    };
    // Codes are guessed, if at all, from one place: a few tries a minute per address.
    let key = client.limit_key();
    if let Err(refused) = limit(&state, Limited::KioskPairing, &key, locale, &page, refuse).await {
        return refused;
    }
    let error = translations(locale).kiosk_pairing.error_code.clone();
    let Some(code) = parse(&typed) else {
        return render_page(
            &state,
            &page,
            refuse(error),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let (token, device) =
        match crate::db::kiosk_devices::redeem(&state.pool, &code, Utc::now()).await {
            Ok(Some(paired)) => paired,
            Ok(None) => {
                return render_page(
                    &state,
                    &page,
                    refuse(error),
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
            Err(error) => return super::unavailable(error, locale),
        };
    tracing::info!(kiosk.id = device.id, center.id = %device.center_id, "kiosk tablet paired");
    let mut response = Redirect::to(&format!(
        "/kiosk/{}?lang={}",
        device.center_id,
        locale.tag()
    ))
    .into_response();
    let cookie = device_cookie(&token, state.settings.secure_cookies);
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}

fn tablets_page(locale: Locale) -> String {
    format!("/staff/kiosks?lang={}", locale.tag())
}

/// `POST /staff/kiosks`: `center`, `name`. Shows the new pairing code once.
pub async fn create_code(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost {
        form,
        locale,
        staff,
    } = match super::staff_post(&state, &headers, &body, Permission::ManageKiosks).await {
        Ok(post) => post,
        Err(refused) => return refused,
    };
    let k = &translations(locale).kiosk_tablets;
    let mut answer = NewTabletAnswer {
        center: form.get("center"),
        name: form.get("name"),
        ..NewTabletAnswer::default()
    };
    let center = match crate::db::centers::find_center(&state.pool, answer.center.trim()).await {
        Ok(center) => center,
        Err(error) => return super::unavailable(error, locale),
    };
    let name = parse_name(&answer.name);
    answer.center_error = center.is_none().then(|| k.error_center.clone());
    answer.name_error = match name {
        Err(NameProblem::Missing) => Some(k.error_name_missing.clone()),
        Err(NameProblem::TooLong) => Some(k.error_name_long.clone()),
        Err(NameProblem::Unprintable) => Some(translations(locale).booking.error_invisible.clone()),
        Ok(_) => None,
    };
    let (Some(center), Ok(name)) = (center, name) else {
        let page = tablets_page(locale);
        return render_staff_page(
            &state,
            &page,
            &headers,
            answer,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let now = Utc::now();
    let valid_for = Duration::minutes(CODE_MINUTES);
    let code = match crate::db::kiosk_devices::create_code(
        &state.pool,
        &center.id,
        &name,
        Some(staff.staff_id),
        valid_for,
        now,
    )
    .await
    {
        Ok(code) => code,
        Err(error) => return super::unavailable(error, locale),
    };
    tracing::info!(staff.id = staff.staff_id, center.id = %center.id, "kiosk pairing code made");
    let shown = NewTabletAnswer {
        code: Some(PairingCodeShown {
            code,
            name,
            center_name: center.name,
            pair_url: format!(
                "{}/kiosk/pair",
                state.settings.mail.public_url.trim_end_matches('/')
            ),
        }),
        ..NewTabletAnswer::default()
    };
    render_staff_page(
        &state,
        &tablets_page(locale),
        &headers,
        shown,
        StatusCode::OK,
    )
    .await
}

/// `POST /staff/kiosks/{id}/revoke`: the tablet stops being a kiosk with its next tap.
pub async fn revoke(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let StaffPost { locale, staff, .. } =
        match super::staff_post(&state, &headers, &body, Permission::ManageKiosks).await {
            Ok(post) => post,
            Err(refused) => return refused,
        };
    match crate::db::kiosk_devices::revoke(&state.pool, id, staff.staff_id, Utc::now()).await {
        Ok(_) => {
            tracing::info!(
                staff.id = staff.staff_id,
                kiosk.id = id,
                "kiosk tablet revoked"
            );
            Redirect::to(&format!("{}&notice=revoked", tablets_page(locale))).into_response()
        }
        Err(error) => super::unavailable(error, locale),
    }
}
