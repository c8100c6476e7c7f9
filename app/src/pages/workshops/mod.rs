//! The workshop pages at `/workshops`: the catalog with filters, a session with its
//! enrolment form, and the private link of an enrolment. Server-rendered forms like
//! booking (they share its frame and stylesheet), so no island and no JavaScript needed.

pub mod catalog_page;
pub mod embed_page;
pub mod enrolment_page;
pub mod session_card;
pub mod session_page;
pub mod training_library;

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The viewer's zone and language from `?tz=…&lang=…` (the browser's language when none
/// is chosen).
pub fn viewer() -> (chrono_tz::Tz, Locale) {
    let q = use_query_map().read_untracked();
    let zone = q
        .get("tz")
        .and_then(|z: String| crate::domain::time_zone::parse_zone(&z))
        .unwrap_or(chrono_tz::America::Los_Angeles);
    (zone, crate::pages::page_locale())
}
