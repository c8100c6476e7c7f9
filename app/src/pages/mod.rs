//! Pages, one per file, rendered on the server. Interactive parts are islands.

pub mod booking;
pub mod details_deleted_page;
pub mod display_page;
pub mod follow_page;
pub mod home_page;
pub mod kiosk;
pub mod not_found_page;
pub mod staff;
pub mod workshops;

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A message a form handler puts above a public page it renders again (a rate limit's
/// "try again in 4 minutes"), shown by the page's frame.
#[derive(Debug, Clone, PartialEq)]
pub struct PageNotice(pub String);

/// A fresh key for a form that must not act twice: the same form sent again (a double
/// tap, a retry) is recognised by it. Only the person who loaded the form knows it.
pub fn new_form_key() -> String {
    #[cfg(feature = "ssr")]
    {
        uuid::Uuid::new_v4().to_string()
    }
    #[cfg(not(feature = "ssr"))]
    {
        String::new()
    }
}

/// A center as visitors know it ("WorkSource Gresham"), with the agency's name as set.
pub fn center_place(locale: crate::i18n::Locale, center: &str) -> String {
    crate::i18n::center_title(locale, &crate::api::agency().public_name, center)
}

/// The page's language, from `?lang=`; English when absent or unknown.
pub fn page_locale() -> Locale {
    let chosen = use_query_map().read_untracked().get("lang");
    match chosen {
        Some(tag) if !tag.is_empty() => Locale::from_tag(&tag),
        _ => browser_locale().unwrap_or_default(),
    }
}

/// A staff page's language: as `page_locale`, but only among the languages the staff
/// pages are written in.
pub fn staff_locale() -> Locale {
    page_locale().for_staff()
}

/// The browser's preferred language among ours (`Accept-Language`), for a visitor who
/// has not chosen one; `None` in the browser build, which renders no page.
pub fn browser_locale() -> Option<Locale> {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<axum::http::request::Parts>()?;
        let header = parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)?
            .to_str()
            .ok()?;
        Locale::from_accept_language(header)
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// The kiosk's display choices and center slug, from
/// `/kiosk/{center}?lang=…&text=…&contrast=…`.
pub fn kiosk_params() -> (kiosk::display::KioskDisplay, String) {
    let center = leptos_router::hooks::use_params_map()
        .read_untracked()
        .get("center")
        .unwrap_or_default();
    let query = use_query_map().read_untracked();
    let display = kiosk::display::KioskDisplay::from_query(
        query.get("lang").as_deref(),
        query.get("text").as_deref(),
        query.get("contrast").as_deref(),
    );
    (display, center)
}

/// Lets browsers and shared caches keep the page for `seconds` (a public page that is the
/// same for everyone who asks with the same address and language).
pub fn respond_cacheable_for(seconds: u32) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(value) = axum::http::HeaderValue::from_str(&format!("public, max-age={seconds}"))
        {
            response.insert_header(axum::http::header::CACHE_CONTROL, value);
        }
    }
    #[cfg(not(feature = "ssr"))]
    let _ = seconds;
}

/// Makes the page's response a 404.
pub fn respond_not_found() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
}
