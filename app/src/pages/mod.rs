//! Pages, one per file, rendered on the server. Interactive parts are islands.

pub mod home_page;
pub mod kiosk;
pub mod not_found_page;
pub mod staff;

use crate::i18n::Locale;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The page's language, from `?lang=`; English when absent or unknown.
pub fn page_locale() -> Locale {
    Locale::from_tag(
        &use_query_map()
            .read_untracked()
            .get("lang")
            .unwrap_or_default(),
    )
}
