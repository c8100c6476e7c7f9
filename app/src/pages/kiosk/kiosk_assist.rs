//! The kiosk's one helper island, on every kiosk screen: it drives speech mode and the
//! keypad (`speech_browser`) and the idle guard's clock (`idle_browser`). It renders
//! nothing; what it drives is server-rendered (`speech_mode::SpeechControls`,
//! `idle_guard::IdleGuard`). One island with no view, rather than an island per part
//! with its own reactive view, keeps the kiosk's WASM within its budget; its props come
//! beside it (`components::island_props`).

use crate::i18n::{string_table, KioskSpeechStrings};
use leptos::prelude::*;

string_table! {
/// What the helper needs that the page does not show.
#[derive(Debug, Clone, PartialEq)]
pub struct KioskAssistData {
    /// The screen's language tag.
    pub lang: String,
    /// "This tablet has no Somali voice…", in English, for an English voice to say.
    pub no_voice_english: String,
    pub strings: KioskSpeechStrings,
}
}

/// The id of the element holding the helper's props.
pub const KIOSK_ASSIST_DATA: &str = "kiosk-assist-props";

#[island]
pub fn KioskAssist() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        use crate::components::island_props::read_island_props;
        if let Some(p) = read_island_props::<KioskAssistData>(KIOSK_ASSIST_DATA) {
            super::speech_browser::start_up(p.strings, p.lang, p.no_voice_english);
        }
        super::idle_browser::start_up();
    }
}
