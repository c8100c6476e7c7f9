//! Frontdesk: the self-service front door of a WorkSource job center.
//!
//! One Leptos app in islands mode. Pages render on the server (`pages`); only the parts
//! that must react in the browser are `#[island]`s and ship as WASM: the kiosk check-in
//! wizard, the kiosk's helper (speech mode, keypad, idle guard) and the staff screen's live
//! updater. Booking and
//! workshops are server-rendered forms. Types and rules live in `domain`, server functions
//! in `api`, and, on the server only, queries in `db`, use cases in `services`, form posts in
//! `forms` and emails in the `*_mail` modules. Which module may use which: README, "Floors"
//! (checked by `scripts/check-floors.py`).

// The kiosk frame's view type is deep enough that a fresh (non-incremental) test build
// needs more than the default 128 to compute its layout.
#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
pub mod site_files;

#[cfg(feature = "ssr")]
pub mod booking_mail;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod forms;
#[cfg(feature = "ssr")]
pub mod kiosk_gate;
#[cfg(feature = "ssr")]
pub mod limits;
#[cfg(feature = "ssr")]
pub mod partner_api;
#[cfg(feature = "ssr")]
pub mod passwords;
#[cfg(feature = "ssr")]
pub mod qr_code;
#[cfg(feature = "ssr")]
pub mod request_tablet;
#[cfg(feature = "ssr")]
pub mod security;
#[cfg(feature = "ssr")]
pub mod services;
#[cfg(feature = "ssr")]
pub mod staff_mail;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod waitlist_mail;
#[cfg(feature = "ssr")]
pub mod workshop_mail;

/// Entry point of the WASM bundle: hydrates the islands on the page. Must stay named
/// `hydrate`, which is what cargo-leptos's loader calls.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
