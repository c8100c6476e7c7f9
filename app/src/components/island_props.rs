//! What the server hands an island: its props as one list of strings (a `StringTable`) in
//! the `data-props` attribute of a hidden element beside it, read in the browser by the
//! browser's own JSON parser. An island with props of its own (`#[island] fn X(a: String)`)
//! gets them parsed by serde_json, which brings serde_json's parser, serde's error
//! messages and the float formatting they reach into the WASM: about a fifth of what a
//! kiosk tablet downloads (README, "Kiosk download budget"). So the kiosk's islands take
//! no props, and each reads its own element, one island of a kind per page.

use crate::i18n::StringTable;
use leptos::prelude::*;

/// The hidden element holding `props` for the island that reads `id`.
pub fn island_props<T: StringTable>(id: &'static str, props: &T) -> impl IntoView {
    // A list of strings always serializes.
    let json = serde_json::to_string(&crate::i18n::flatten(props)).unwrap_or_default();
    view! { <div id=id hidden data-props=json></div> }
}

/// The props the server put in element `id`; `None` when they are missing or do not fit
/// `T` (a page from another release, cached: the island then does nothing).
#[cfg(feature = "hydrate")]
pub fn read_island_props<T: StringTable>(id: &str) -> Option<T> {
    use wasm_bindgen::JsCast;
    let json = document()
        .get_element_by_id(id)?
        .get_attribute("data-props")?;
    let list: js_sys::Array = js_sys::JSON::parse(&json).ok()?.dyn_into().ok()?;
    let strings: Option<Vec<String>> = list.iter().map(|s| s.as_string()).collect();
    crate::i18n::unpack(strings?)
}
