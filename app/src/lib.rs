//! Frontdesk: the self-service front door of a WorkSource job center.
//!
//! One Leptos app in islands mode. Pages render on the server (`pages`); only the parts
//! that must react in the browser are `#[island]`s and ship as WASM: the kiosk check-in
//! wizard, the kiosk idle guard and the staff screen's live updater. Rules live in
//! `domain`, server functions in `api`, and, on the server only, queries in `db`.

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod pages;

#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod state;

/// Entry point of the WASM bundle: hydrates the islands on the page. Must stay named
/// `hydrate`, which is what cargo-leptos's loader calls.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
