//! What every kiosk screen shares: the page language, the center's name at the top, the
//! Language Access Line at the bottom, and the idle guard.

use super::display::KioskDisplay;
use super::idle_guard::IdleGuard;
use super::kiosk_assist::{KioskAssist, KioskAssistData, KIOSK_ASSIST_DATA};
use super::speech_mode::SpeechControls;
use crate::components::island_props::island_props;
use crate::components::page_title::PageTitle;
use crate::domain::kiosk_visitor::{COUNTDOWN_SECONDS, IDLE_SECONDS};
use crate::i18n::{fill, language_line, translations, Locale};
use leptos::prelude::*;
use leptos_meta::Html;

/// `guard_idle`: whether this screen has anything to reset after a visitor walks away
/// (without it, only speech mode is reset, so the next visitor does not find it on).
#[component]
pub fn KioskFrame(
    center_id: String,
    center_name: String,
    display: KioskDisplay,
    title: String,
    #[prop(default = true)] guard_idle: bool,
    children: Children,
) -> impl IntoView {
    let locale = display.locale;
    let t = translations(locale);
    let agency = crate::api::agency();
    let place = crate::i18n::center_title(locale, &agency.public_name, &center_name);
    // Said by an English voice when the tablet has none for the screen's language.
    let english = locale.english_name();
    let no_voice_english = fill(
        &translations(Locale::En).kiosk_speech.no_voice,
        &[("language", english)],
    );
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=fill(&t.kiosk_frame.page_title, &[("page", &title), ("place", &place)])/>
        <div class=display.classes()>
            <header class="kiosk-header">
                <SpeechControls t=t.kiosk_speech.clone()/>
                <p class="kiosk-center">{place.clone()}</p>
                <p class="read-aloud-missing" role="status" data-message=t.kiosk_frame.no_voice.clone()></p>
            </header>
            <main id="main" class="kiosk-main">{children()}</main>
            <footer class="kiosk-footer">
                {language_line(locale, &agency).map(|line| view! { <p>{line}</p> })}
            </footer>
            <IdleGuard
                    home_url=format!("/kiosk/{center_id}")
                    in_use_url=format!("/kiosk/{center_id}/in-use")
                    heading=t.kiosk_frame.idle_heading.clone()
                    countdown=t.kiosk_frame.idle_countdown.clone()
                    continue_label=t.kiosk_frame.idle_continue.clone()
                    idle_seconds=IDLE_SECONDS
                    countdown_seconds=COUNTDOWN_SECONDS
                    speech_only=!guard_idle
                />
            {island_props(KIOSK_ASSIST_DATA, &KioskAssistData {
                lang: locale.tag().to_owned(),
                no_voice_english,
                strings: t.kiosk_speech.clone(),
            })}
            <KioskAssist/>
        </div>
    }
}

/// The screen shown when the kiosk's address names no known center.
#[component]
pub fn UnknownCenter(locale: Locale) -> impl IntoView {
    let t = translations(locale);
    crate::pages::respond_not_found();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=t.kiosk_frame.unknown_center.clone()/>
        <main class="kiosk kiosk-main">
            <h1>{t.kiosk_frame.unknown_center.clone()}</h1>
        </main>
    }
}
