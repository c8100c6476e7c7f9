//! An island that keeps part of a server-rendered page live: it listens to a server-sent
//! event stream whose messages are fresh HTML for the element `target_id`, and says
//! whether the connection is live. The browser's `EventSource` reconnects by itself.
//! Generic on purpose: the HTML is rendered on the server, so no staff-specific code
//! reaches the WASM that kiosk tablets download.
//!
//! News that needs the person's attention (a visitor's ticket called) comes marked with a
//! `data-alert` value: each new value makes the device buzz and play a chime, where the
//! browser lets it, and says the element's `data-speak` text aloud in `data-speak-lang`
//! (the lobby screen announcing a call in the visitor's language).

use leptos::prelude::*;

/// The status line ("Live" / "Reconnecting…") and the island that keeps `target_id` fresh.
/// The line is rendered here, on the server, with what the island needs in its data
/// attributes; the island only sets its text and its `data-connected`. An island with a
/// reactive view would bring Leptos's reactive rendering into the WASM that every kiosk
/// tablet downloads, and one with props serde_json's parser (`island_props`).
#[component]
pub fn LiveUpdater(
    events_url: String,
    target_id: String,
    live_label: String,
    reconnecting_label: String,
) -> impl IntoView {
    let shown = reconnecting_label.clone();
    view! {
        <p
            class="live-status"
            role="status"
            data-connected="false"
            data-events=events_url
            data-target=target_id
            data-live=live_label
            data-reconnecting=reconnecting_label
        >
            {shown}
        </p>
        <LiveStream/>
    }
}

/// Listens for the first status line on the page that no island listens for yet: islands
/// start in page order, each after its own line, and the line is marked before anything
/// else is done with it. (Only `LiveUpdater` renders `.live-status[data-events]`.)
#[island]
fn LiveStream() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    {
        let status = document()
            .query_selector(".live-status[data-events]:not([data-listening])")
            .ok()
            .flatten();
        if let Some(status) = status {
            let _ = status.set_attribute("data-listening", "");
            listen(status);
        }
    }
}

/// Shows on the status line whether the stream is connected.
#[cfg(feature = "hydrate")]
fn show_connected(status: &web_sys::Element, connected: bool) {
    let (flag, label) = if connected {
        ("true", "data-live")
    } else {
        ("false", "data-reconnecting")
    };
    // Only a change is written: new text in a status region is announced again, and the
    // browser reports an error every few seconds while it tries to reconnect.
    if status.get_attribute("data-connected").as_deref() == Some(flag) {
        return;
    }
    let _ = status.set_attribute("data-connected", flag);
    status.set_text_content(status.get_attribute(label).as_deref());
}

#[cfg(feature = "hydrate")]
fn listen(status: web_sys::Element) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let (Some(events_url), Some(target_id)) = (
        status.get_attribute("data-events"),
        status.get_attribute("data-target"),
    ) else {
        return;
    };
    let Ok(source) = web_sys::EventSource::new(&events_url) else {
        return;
    };
    let closed_status = status.clone();
    let watched = target_id.clone();
    // The alert already on the page when it loaded was seen: only a new one rings.
    let heard = std::cell::RefCell::new(alert_in(&target_id));
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let (Some(html), Some(target)) = (
                ev.data().as_string(),
                document().get_element_by_id(&target_id),
            ) {
                target.set_inner_html(&html);
                let alert = alert_in(&target_id);
                if alert.is_some() && alert != *heard.borrow() {
                    ring();
                    say_alert(&target_id);
                }
                *heard.borrow_mut() = alert;
            }
        });
    let on_open = Closure::<dyn Fn()>::new(move || show_connected(&status, true));
    let closed_source = source.clone();
    let on_error = Closure::<dyn Fn()>::new(move || {
        show_connected(&closed_status, false);
        // The browser reconnects by itself after a dropped connection, but gives up on a
        // refusal (too many streams, the server busy). The page then loads itself again
        // a little later, unless what it shows is over (`data-final`, a session ended).
        if closed_source.ready_state() == web_sys::EventSource::CLOSED && !is_over(&watched) {
            leptos::prelude::set_timeout(
                || {
                    let _ = window().location().reload();
                },
                std::time::Duration::from_secs(RELOAD_AFTER_SECONDS),
            );
        }
    });
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The stream lives as long as the page.
    on_message.forget();
    on_open.forget();
    on_error.forget();
    std::mem::forget(source);
}

/// How long a page whose stream was refused waits before loading itself again.
#[cfg(feature = "hydrate")]
const RELOAD_AFTER_SECONDS: u64 = 15;

/// Whether the element `target_id` shows something that will not change any more.
#[cfg(feature = "hydrate")]
fn is_over(target_id: &str) -> bool {
    document()
        .get_element_by_id(target_id)
        .and_then(|t| {
            t.query_selector("[data-final], [data-session-ended]")
                .ok()
                .flatten()
        })
        .is_some()
}

/// The element marked `data-alert` inside the element `target_id`, if any.
#[cfg(feature = "hydrate")]
fn alert_element(target_id: &str) -> Option<web_sys::Element> {
    document()
        .get_element_by_id(target_id)?
        .query_selector("[data-alert]")
        .ok()?
}

/// The `data-alert` value inside the element `target_id`, if any.
#[cfg(feature = "hydrate")]
fn alert_in(target_id: &str) -> Option<String> {
    alert_element(target_id)?.get_attribute("data-alert")
}

/// Says the alert's `data-speak` text with a voice of its `data-speak-lang`, after the
/// chime. What was being said is cut short: the newest call matters most.
#[cfg(feature = "hydrate")]
fn say_alert(target_id: &str) {
    let Some(alert) = alert_element(target_id) else {
        return;
    };
    let Some(text) = alert.get_attribute("data-speak").filter(|t| !t.is_empty()) else {
        return;
    };
    let (Ok(speech), Ok(utterance)) = (
        window().speech_synthesis(),
        web_sys::SpeechSynthesisUtterance::new_with_text(&text),
    ) else {
        return;
    };
    utterance.set_lang(&alert.get_attribute("data-speak-lang").unwrap_or_default());
    speech.cancel();
    // After the chime (0.7 s), not over it.
    leptos::prelude::set_timeout(
        move || speech.speak(&utterance),
        std::time::Duration::from_millis(900),
    );
}

/// Buzzes and plays the chime. Browsers may refuse both (no vibration motor, sound not
/// yet allowed on a page the person has not touched): the page says it all in words too.
/// Through JavaScript's own lookup, which costs the WASM less than generated bindings.
#[cfg(feature = "hydrate")]
fn ring() {
    use wasm_bindgen::{JsCast, JsValue};
    let global: JsValue = window().into();
    let get = |target: &JsValue, name: &str| js_sys::Reflect::get(target, &name.into()).ok();
    if let Some(navigator) = get(&global, "navigator") {
        if let Some(vibrate) =
            get(&navigator, "vibrate").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let pattern = js_sys::Array::of3(&400.into(), &200.into(), &400.into());
            let _ = vibrate.call1(&navigator, &pattern);
        }
    }
    let Some(audio) = get(&global, "Audio").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let Ok(chime) = js_sys::Reflect::construct(&audio, &js_sys::Array::of1(&CHIME_URL.into()))
    else {
        return;
    };
    if let Some(play) = get(&chime, "play").and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        if let Ok(promise) = play
            .call0(&chime)
            .and_then(|p| p.dyn_into::<js_sys::Promise>())
        {
            // A refused sound is expected, not an error to report.
            let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}

/// A short two-note chime (public/chime.wav).
#[cfg(feature = "hydrate")]
const CHIME_URL: &str = "/chime.wav";
