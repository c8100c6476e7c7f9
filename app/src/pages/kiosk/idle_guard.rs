//! The kiosk's idle guard. After `idle_seconds` without a touch or key it asks "Do you need
//! more time?" in a modal dialog with a countdown; when the countdown ends it wipes local
//! and session storage and the history entry's state, and replaces the page with the
//! welcome screen in the default language. Replacing the page is what guarantees nothing
//! typed survives: the wizard keeps answers only in the page's memory. Speech mode
//! doubles both times.
//!
//! The dialog is server-rendered here; the kiosk's one helper island runs the clock
//! (`idle_browser`), reading the times and the address of the welcome screen from the
//! guard's data attributes. Without JavaScript, a refresh in `<noscript>` takes the
//! screen back to the welcome screen after the same time.

use crate::i18n::fill;
use leptos::prelude::*;

#[component]
pub fn IdleGuard(
    home_url: String,
    heading: String,
    /// "… in {seconds} seconds."
    countdown: String,
    continue_label: String,
    idle_seconds: u32,
    countdown_seconds: u32,
    /// A screen with nothing typed to lose (the welcome screen as the kiosk starts): the
    /// guard acts only in speech mode, so the next visitor finds speech off.
    speech_only: bool,
) -> impl IntoView {
    let full = fill(&countdown, &[("seconds", &countdown_seconds.to_string())]);
    // Without JavaScript there is no clock to reset: the page starts over by itself once
    // the guard would have (the time runs from when the screen arrived, and each screen
    // of the check-in is a page of its own).
    let refresh = (!speech_only).then(|| {
        let content = format!("{}; url={home_url}", idle_seconds + countdown_seconds);
        view! { <noscript><meta http-equiv="refresh" content=content/></noscript> }
    });
    view! {
        {refresh}
        <div
            class="idle-guard"
            data-home=home_url
            data-idle=idle_seconds
            data-countdown=countdown_seconds
            data-speech-only=speech_only.then_some("")
        >
            <dialog class="idle-dialog" aria-labelledby="idle-heading" aria-describedby="idle-countdown">
                <h2 id="idle-heading">{heading}</h2>
                <p id="idle-countdown" class="idle-countdown" data-template=countdown>{full}</p>
                <button type="button" class="primary-button" autofocus>{continue_label}</button>
            </dialog>
        </div>
    }
}
