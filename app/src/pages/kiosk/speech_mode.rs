//! Speech mode: a kiosk a blind visitor can use alone. Its controls come first in every
//! kiosk screen's header, so the speech button is the first thing Tab or a touch at the
//! top finds. In speech mode a touch says what is under the finger without choosing it, a
//! double tap chooses, swipes and keys move from item to item, every screen, error and
//! ticket is spoken, and speech can be paused, repeated and made louder or quieter.
//!
//! The controls are plain server-rendered HTML; the kiosk's helper island
//! (`kiosk_assist`) drives them and the speech from the browser (`speech_browser`).

use crate::i18n::KioskSpeechStrings;
use leptos::prelude::*;

/// Volume steps; speech starts at `DEFAULT_VOLUME` and returns to it for the next visitor.
pub const VOLUME_STEPS: u8 = 5;
pub const DEFAULT_VOLUME: u8 = 4;

/// The speech button, the bar of speech controls (hidden until speech is on) and the
/// help dialog. Each control names its action in `data-speech`.
#[component]
pub fn SpeechControls(t: KioskSpeechStrings) -> impl IntoView {
    let control = |action: &'static str, label: &String| {
        view! { <button type="button" class="speech-control" data-speech=action>{label.clone()}</button> }
    };
    let volume = crate::i18n::fill(
        &t.volume,
        &[
            ("level", &DEFAULT_VOLUME.to_string()),
            ("most", &VOLUME_STEPS.to_string()),
        ],
    );
    view! {
        <div class="speech">
            <button type="button" class="speech-toggle" aria-pressed="false" data-speech="toggle">
                // A drawn speaker, not an emoji: kiosk tablets often lack an emoji font.
                <svg class="speech-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3z"/>
                    <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"/>
                </svg>
                {t.button.clone()}
            </button>
            <div class="speech-bar" hidden>
                <div class="speech-ask">
                    <p class="speech-question">{t.listening_question.clone()}</p>
                    {control("headphones", &t.listening_headphones)}
                    {control("loudspeaker", &t.listening_speaker)}
                </div>
                <div class="speech-controls" hidden>
                    {control("again", &t.say_again)}
                    <button type="button" class="speech-control" aria-pressed="false" data-speech="pause">{t.pause.clone()}</button>
                    {control("quieter", &t.quieter)}
                    <p class="speech-volume">{volume}</p>
                    {control("louder", &t.louder)}
                    {control("help", &t.help)}
                </div>
            </div>
            <dialog class="speech-help" aria-labelledby="speech-help-heading">
                <h2 id="speech-help-heading">{t.help_heading.clone()}</h2>
                <p>{t.help_touch.clone()}</p>
                <p>{t.help_choose.clone()}</p>
                <p>{t.help_move.clone()}</p>
                <p>{t.help_keys.clone()}</p>
                <p>{t.help_letters.clone()}</p>
                <button type="button" class="primary-button" data-speech="close-help">{t.help_close.clone()}</button>
            </dialog>
        </div>
    }
}
