//! "Read aloud": an island that speaks the current kiosk screen in its language with the
//! browser's own speech synthesis, for visitors who read with difficulty. It reads the
//! question screen (`.step`) when there is one, else the whole main area, so the spoken
//! text always matches what is on screen, whatever the wizard shows at that moment. It
//! speaks with a voice of the screen's language only: where the tablet has none, the
//! frame's notice beside the button says so in that language (its text comes with the
//! page, so the island needs no prop or reactive text for it, which the kiosk's download
//! budget has no room for) rather than reading with an English voice.

use leptos::prelude::*;

#[island]
pub fn ReadAloud(label: String, lang: String) -> impl IntoView {
    let speak = move |_| {
        #[cfg(feature = "hydrate")]
        if !read_screen(&lang) {
            say_no_voice();
        }
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

/// Shows the frame's "no voice for this language" notice: its message waits in a data
/// attribute, and becoming its text makes screen readers announce it (`role="status"`).
#[cfg(feature = "hydrate")]
fn say_no_voice() {
    if let Some(notice) = document()
        .query_selector(".read-aloud-missing")
        .ok()
        .flatten()
    {
        notice.set_text_content(notice.get_attribute("data-message").as_deref());
    }
}

/// Reads the screen aloud; false when the tablet has no voice for `lang`.
#[cfg(feature = "hydrate")]
fn read_screen(lang: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(speech) = web_sys::window().and_then(|w| w.speech_synthesis().ok()) else {
        return false;
    };
    // "zh-Hans" is spoken by a mainland voice ("zh-CN"), not a Cantonese or Taiwanese one;
    // otherwise the language subtag decides ("es-MX" speaks "es"). The voice's `lang` is
    // read as a plain property, which costs the WASM less than its binding.
    // (Bytes, not `str` patterns: the searching code would cost the kiosk's WASM more.)
    let subtag_end = |s: &str| {
        s.bytes()
            .position(|b| b == b'-' || b == b'_')
            .unwrap_or(s.len())
    };
    let language = &lang[..subtag_end(lang)];
    let voices = speech.get_voices();
    let voice_lang = voices.iter().find_map(|voice| {
        let tag = js_sys::Reflect::get(&voice, &"lang".into())
            .ok()?
            .as_string()?;
        let (head, rest) = tag.split_at(subtag_end(&tag));
        let other_chinese = rest
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, b"HK" | b"TW" | b"MO"));
        let ours = head.eq_ignore_ascii_case(language) && !(language == "zh" && other_chinese);
        ours.then_some(tag)
    });
    // Chromium lists no voices until it has loaded them: then ask for the language and
    // let the browser choose, as before voices were checked.
    let voice_lang = match voice_lang {
        Some(tag) => tag,
        None if voices.length() == 0 => lang.to_owned(),
        None => return false,
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
        utterance.set_lang(&voice_lang);
        utterance.set_rate(0.9);
        speech.speak(&utterance);
    }
    true
}
