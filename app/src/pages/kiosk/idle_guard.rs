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
//! screen back to the welcome screen after the same time, counted from when the screen
//! arrived (each screen of the check-in is then a page of its own). With JavaScript but no
//! clock (the WASM slow to come, or broken), a few lines of script start over once nobody
//! has touched the screen for that long, unless the clock has started by then, and when a
//! screen comes back from the back-forward cache.
//!
//! While someone is touching a screen, the same script tells the server now and then that
//! the tablet is still in use, so the visitor's number does not lapse however long they
//! take (`domain::kiosk_visitor`).

use crate::domain::kiosk_visitor::IN_USE_EVERY_SECONDS;
use crate::i18n::fill;
use leptos::prelude::*;

/// The reset of a page whose clock never started (`idle_browser` marks the guard
/// `data-ready` when it starts): the welcome screen once nobody has touched the screen for
/// its time, or at once when the page comes back from the back-forward cache. No question
/// first: that needs the clock. On every screen, clock or not, a touch also tells the
/// server the tablet is still in use (at most every `IN_USE_MS`; at the next touch again
/// when that did not reach a server).
const WITHOUT_CLOCK: &str = "(function(){var last=Date.now(),told=last;\
function guard(){return document.querySelector('.idle-guard')}\
function home(){var g=guard();\
if(g&&!g.hasAttribute('data-ready'))location.replace(g.getAttribute('data-home'))}\
function lost(){told=0}\
function touched(){last=Date.now();var g=guard();if(g&&last-told>=IN_USE_MS){told=last;\
fetch(g.getAttribute('data-in-use'),{method:'POST',keepalive:true})\
.then(function(r){if(r.status>=500)lost()},lost)}}\
['pointerdown','keydown','input','wheel'].forEach(function(k){addEventListener(k,touched,true)});\
setInterval(function(){if(Date.now()-last>=LIFETIME_MS)home()},1000);\
addEventListener('pageshow',function(e){if(e.persisted)home()})})()";

#[component]
pub fn IdleGuard(
    home_url: String,
    /// Where a screen being touched says the tablet is still in use.
    in_use_url: String,
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
    let lifetime = idle_seconds + countdown_seconds;
    let refresh = (!speech_only).then(|| {
        let content = format!("{lifetime}; url={home_url}");
        let script = WITHOUT_CLOCK
            .replace("LIFETIME_MS", &(lifetime * 1000).to_string())
            .replace("IN_USE_MS", &(IN_USE_EVERY_SECONDS * 1000).to_string());
        view! {
            <noscript><meta http-equiv="refresh" content=content/></noscript>
            <script nonce=leptos::nonce::use_nonce() inner_html=script></script>
        }
    });
    view! {
        {refresh}
        <div
            class="idle-guard"
            data-home=home_url
            data-in-use=in_use_url
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
