//! The kiosk's one helper island, on every kiosk screen: it drives speech mode and the
//! keypad (`speech_browser`) and the idle guard's clock (`idle_browser`). It renders
//! nothing; what it drives is server-rendered (`speech_mode::SpeechControls`,
//! `idle_guard::IdleGuard`). One island with no view, rather than an island per part
//! with its own reactive view, keeps the kiosk's WASM within its budget.

use crate::i18n::{KioskSpeechStrings, Packed};
use leptos::prelude::*;

#[island]
pub fn KioskAssist(
    /// The screen's language tag.
    lang: String,
    /// "This tablet has no Somali voice…", in English, for an English voice to say.
    no_voice_english: String,
    strings: Packed<KioskSpeechStrings>,
) -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        super::speech_browser::start_up(strings.0, lang, no_voice_english);
        super::idle_browser::start_up();
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (lang, no_voice_english, strings);
}
