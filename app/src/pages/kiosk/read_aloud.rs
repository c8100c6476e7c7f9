//! "Read aloud": an island that speaks the current kiosk screen in its language with the
//! browser's own speech synthesis, for visitors who read with difficulty. It reads the
//! question screen (`.step`) when there is one, else the whole main area, so the spoken
//! text always matches what is on screen, whatever the wizard shows at that moment.

use leptos::prelude::*;

#[island]
pub fn ReadAloud(label: String, lang: String) -> impl IntoView {
    let speak = move |_| {
        #[cfg(feature = "hydrate")]
        read_screen(&lang);
    };
    #[cfg(not(feature = "hydrate"))]
    let _ = &lang;
    view! {
        <button type="button" class="read-aloud" on:click=speak>
            // A drawn speaker, not an emoji: kiosk tablets often lack an emoji font.
            <svg class="read-aloud-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3z"/>
                <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"/>
            </svg>
            {label}
        </button>
    }
}

#[cfg(feature = "hydrate")]
fn read_screen(lang: &str) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(speech) = window.speech_synthesis() else {
        return;
    };
    let text = document()
        .query_selector(".step")
        .ok()
        .flatten()
        .or_else(|| document().query_selector("main").ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|el| el.inner_text())
        .unwrap_or_default();
    // A second tap starts again from the top rather than queueing a second reading.
    speech.cancel();
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) {
        utterance.set_lang(lang);
        utterance.set_rate(0.9);
        speech.speak(&utterance);
    }
}
