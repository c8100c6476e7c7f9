//! An island that keeps part of a server-rendered page live: it listens to a server-sent
//! event stream whose messages are fresh HTML for the element `target_id`, and says
//! whether the connection is live. The browser's `EventSource` reconnects by itself.
//! Generic on purpose: the HTML is rendered on the server, so no staff-specific code
//! reaches the WASM that kiosk tablets download.

use leptos::prelude::*;

#[island]
pub fn LiveUpdater(
    events_url: String,
    target_id: String,
    live_label: String,
    reconnecting_label: String,
) -> impl IntoView {
    let connected = RwSignal::new(false);
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| listen(&events_url, &target_id, connected));
    #[cfg(not(feature = "hydrate"))]
    let _ = (events_url, target_id);
    view! {
        <p class="live-status" role="status" data-connected=move || connected.get().to_string()>
            {move || if connected.get() { live_label.clone() } else { reconnecting_label.clone() }}
        </p>
    }
}

#[cfg(feature = "hydrate")]
fn listen(events_url: &str, target_id: &str, connected: RwSignal<bool>) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Ok(source) = web_sys::EventSource::new(events_url) else {
        return;
    };
    let target_id = target_id.to_owned();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let (Some(html), Some(target)) = (
                ev.data().as_string(),
                document().get_element_by_id(&target_id),
            ) {
                target.set_inner_html(&html);
            }
        });
    let on_open = Closure::<dyn Fn()>::new(move || connected.set(true));
    let on_error = Closure::<dyn Fn()>::new(move || connected.set(false));
    source.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The stream lives as long as the page.
    on_message.forget();
    on_open.forget();
    on_error.forget();
    std::mem::forget(source);
}
