//! The idle guard's clock in the browser (hydrate only): every touch, key, typed letter or
//! scroll is a sign of life; once a second the clock compares times (not ticks, which a
//! tablet throttles) and opens the dialog, counts down, or starts the kiosk over.

use super::dom::call;
use crate::i18n::fill;
use leptos::prelude::{document, set_interval, window};
use std::cell::RefCell;
use wasm_bindgen::{prelude::Closure, JsCast, JsValue};
use web_sys::{Element, Event};

#[derive(Default)]
struct Clock {
    /// Milliseconds since the epoch of the last sign of life.
    last_touch: f64,
    home: String,
    idle_seconds: u32,
    countdown_seconds: u32,
    speech_only: bool,
}

thread_local! {
    static CLOCK: RefCell<Clock> = RefCell::new(Clock::default());
}

fn dialog() -> Option<Element> {
    document()
        .query_selector(".idle-guard dialog")
        .ok()
        .flatten()
}

/// Starts the clock when the page has an idle guard.
pub fn start_up() {
    let Some(guard) = document().query_selector(".idle-guard").ok().flatten() else {
        return;
    };
    let number = |name: &str| {
        guard
            .get_attribute(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(60)
    };
    CLOCK.with(|c| {
        *c.borrow_mut() = Clock {
            last_touch: js_sys::Date::now(),
            home: guard.get_attribute("data-home").unwrap_or_default(),
            idle_seconds: number("data-idle"),
            countdown_seconds: number("data-countdown"),
            speech_only: guard.has_attribute("data-speech-only"),
        }
    });
    let listener = Closure::<dyn Fn(Event)>::new(|ev: Event| {
        if ev.type_() == "pageshow" {
            // A page restored from the back-forward cache would show an old screen.
            if js_sys::Reflect::get(&ev, &"persisted".into()).is_ok_and(|p| p.is_truthy()) {
                let _ = window().location().reload();
            }
            return;
        }
        CLOCK.with(|c| c.borrow_mut().last_touch = js_sys::Date::now());
        tick();
    })
    .into_js_value();
    // What a person does: a touch, a key, typing, a mouse wheel. Not `scroll`: the page
    // scrolls by itself too (a screen brought into view, the window resized), and that
    // must not hold the last visitor's answers on screen. Capture, so nothing inside the
    // page can stop one from counting.
    for kind in ["pointerdown", "keydown", "input", "wheel", "pageshow"] {
        let _ = window().add_event_listener_with_callback_and_bool(
            kind,
            listener.unchecked_ref(),
            true,
        );
    }
    set_interval(tick, std::time::Duration::from_secs(1));
    let _ = guard.set_attribute("data-ready", "true");
}

/// How many times the usual time a visitor gets: twice in speech mode, where listening to
/// a screen takes longer than reading it.
fn stretch() -> u32 {
    let speech = document()
        .document_element()
        .is_some_and(|html| html.has_attribute("data-speech"));
    if speech {
        2
    } else {
        1
    }
}

fn tick() {
    let speech = stretch() == 2;
    let (idle_for, home, idle, countdown) = CLOCK.with(|c| {
        let mut c = c.borrow_mut();
        if c.speech_only && !speech {
            c.last_touch = js_sys::Date::now();
        }
        let idle_for = ((js_sys::Date::now() - c.last_touch).max(0.0) / 1000.0) as u32;
        (
            idle_for,
            c.home.clone(),
            c.idle_seconds,
            c.countdown_seconds,
        )
    });
    let (idle, end) = (idle * stretch(), (idle + countdown) * stretch());
    let Some(dialog) = dialog() else { return };
    let open = dialog.has_attribute("open");
    if idle_for >= end {
        wipe_and_go_home(&home);
    } else if idle_for >= idle {
        if let Some(text) = document().get_element_by_id("idle-countdown") {
            let template = text.get_attribute("data-template").unwrap_or_default();
            let left = (end - idle_for).to_string();
            text.set_text_content(Some(&fill(&template, &[("seconds", &left)])));
        }
        if !open {
            call(&dialog, "showModal");
        }
    } else if open {
        call(&dialog, "close");
    }
}

fn wipe_and_go_home(home_url: &str) {
    let w = window();
    if let Ok(Some(storage)) = w.local_storage() {
        let _ = storage.clear();
    }
    if let Ok(Some(storage)) = w.session_storage() {
        let _ = storage.clear();
    }
    if let Ok(history) = w.history() {
        let _ = history.replace_state(&JsValue::NULL, "");
    }
    let _ = w.location().replace(home_url);
}
