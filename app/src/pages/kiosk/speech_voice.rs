//! The tablet's own speech synthesis (the browser's Speech Synthesis API): a voice of the
//! screen's language, the visitor's volume, and one utterance at a time, so that any
//! action interrupts what was being said.

use super::dom::property;
use wasm_bindgen::JsCast;

fn synthesis() -> Option<web_sys::SpeechSynthesis> {
    web_sys::window().and_then(|w| w.speech_synthesis().ok())
}

/// The language tag of an installed voice for `lang`; `lang` itself while the browser has
/// listed no voices yet (Chromium loads them late: it then picks one); `None` when the
/// tablet has voices but none for this language.
pub fn voice_for(lang: &str) -> Option<String> {
    let speech = synthesis()?;
    // "zh-Hans" is spoken by a mainland voice ("zh-CN"), not a Cantonese or Taiwanese one;
    // otherwise the language subtag decides ("es-MX" speaks "es"). The voice's `lang` is
    // read as a plain property, which costs the WASM less than its binding.
    let subtag_end = |s: &str| {
        s.bytes()
            .position(|b| b == b'-' || b == b'_')
            .unwrap_or(s.len())
    };
    let language = &lang[..subtag_end(lang)];
    let voices = speech.get_voices();
    let found = voices.iter().find_map(|voice| {
        let tag = property(&voice, "lang").as_string()?;
        let (head, rest) = tag.split_at(subtag_end(&tag));
        let other_chinese = rest
            .as_bytes()
            .windows(2)
            .any(|w| matches!(w, b"HK" | b"TW" | b"MO"));
        let ours = head.eq_ignore_ascii_case(language) && !(language == "zh" && other_chinese);
        ours.then_some(tag)
    });
    match found {
        Some(tag) => Some(tag),
        None if voices.length() == 0 => Some(lang.to_owned()),
        None => None,
    }
}

/// Says `text` in `lang` at `volume` (0 to 1). `interrupt`: stop what is being said first
/// (a new screen, a touch); otherwise the text waits its turn (an error after a screen).
pub fn say(text: &str, lang: &str, volume: f32, interrupt: bool) {
    let Some(speech) = synthesis() else { return };
    if interrupt {
        speech.cancel();
    }
    if text.trim().is_empty() {
        return;
    }
    if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) {
        utterance.set_lang(lang);
        utterance.set_volume(volume);
        utterance.set_rate(0.9);
        speech.speak(&utterance);
        // A paused synthesis would keep the new words to itself.
        speech.resume();
    }
}

/// Pauses (`true`) or resumes what is being said.
pub fn hold(paused: bool) {
    if let Some(speech) = synthesis() {
        if paused {
            speech.pause();
        } else {
            speech.resume();
        }
    }
}

/// Keeps the screen on while speech is on (the Screen Wake Lock API, where the browser
/// has it): a blind visitor cannot see that it went dark.
pub fn keep_screen_on() {
    let lock = property(&property(&js_sys::global(), "navigator"), "wakeLock");
    let Some(request) = property(&lock, "request")
        .dyn_into::<js_sys::Function>()
        .ok()
    else {
        return;
    };
    if let Ok(promise) = request.call1(&lock, &"screen".into()) {
        if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
            // A refusal (a hidden tab, a policy) is no error for the visitor.
            leptos::task::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}
