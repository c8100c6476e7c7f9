//! The kiosk's idle guard. After `idle_seconds` without a touch or key it asks "Do you need
//! more time?" in a modal dialog with a countdown; when the countdown ends it wipes local
//! and session storage and the history entry's state, and replaces the page with the
//! welcome screen in the default language. Replacing the page is what guarantees nothing
//! typed survives: the wizard keeps answers only in the page's memory.

use crate::i18n::fill;
use leptos::prelude::*;

#[island]
pub fn IdleGuard(
    home_url: String,
    heading: String,
    /// "… in {seconds} seconds."
    countdown: String,
    continue_label: String,
    idle_seconds: u32,
    countdown_seconds: u32,
) -> impl IntoView {
    // Milliseconds since the epoch of the last touch and of the latest clock tick. Comparing
    // times, not counting ticks, stays right when a tablet throttles its timers.
    let last_touch = RwSignal::new(0.0_f64);
    let now = RwSignal::new(0.0_f64);
    let idle_for = Memo::new(move |_| ((now.get() - last_touch.get()).max(0.0) / 1000.0) as u32);
    let ready = RwSignal::new(false);
    let prompting = Memo::new(move |_| idle_for.get() >= idle_seconds);
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let touched = move || {
        let at = js_sys::Date::now();
        last_touch.set(at);
        now.set(at);
    };

    Effect::new(move |_| {
        touched();
        ready.set(true);
        // Handles live as long as the page: the guard is never unmounted.
        std::mem::forget(window_event_listener(leptos::ev::pointerdown, move |_| {
            touched()
        }));
        std::mem::forget(window_event_listener(leptos::ev::keydown, move |_| {
            touched()
        }));
        std::mem::forget(window_event_listener(leptos::ev::input, move |_| touched()));
        std::mem::forget(window_event_listener(leptos::ev::scroll, move |_| {
            touched()
        }));
        // A page restored from the back-forward cache would show an old screen: reload it.
        std::mem::forget(window_event_listener(leptos::ev::pageshow, |ev| {
            if ev.persisted() {
                let _ = window().location().reload();
            }
        }));
        let _ = set_interval_with_handle(
            move || now.set(js_sys::Date::now()),
            std::time::Duration::from_secs(1),
        );
    });

    let home = home_url.clone();
    Effect::new(move |_| {
        if ready.get() && idle_for.get() >= idle_seconds + countdown_seconds {
            wipe_and_go_home(&home);
        }
    });

    Effect::new(move |_| {
        let show = prompting.get();
        if let Some(d) = dialog.get() {
            if show && !d.open() {
                let _ = d.show_modal();
            } else if !show && d.open() {
                d.close();
            }
        }
    });

    let seconds_left = move || {
        (idle_seconds + countdown_seconds)
            .saturating_sub(idle_for.get())
            .to_string()
    };
    view! {
        <div class="idle-guard" data-ready=move || ready.get().to_string()>
            <dialog node_ref=dialog class="idle-dialog" aria-labelledby="idle-heading" aria-describedby="idle-countdown">
                <h2 id="idle-heading">{heading}</h2>
                <p id="idle-countdown" class="idle-countdown">
                    {move || fill(&countdown, &[("seconds", &seconds_left())])}
                </p>
                <button type="button" class="primary-button" autofocus on:click=move |_| touched()>
                    {continue_label}
                </button>
            </dialog>
        </div>
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
        let _ = history.replace_state(&wasm_bindgen::JsValue::NULL, "");
    }
    let _ = w.location().replace(home_url);
}
