//! The booking pages at `/book`: server-rendered forms that complete a booking with
//! JavaScript off, and no island, so they add nothing to the kiosk's WASM.

pub mod about_you;
pub mod calendar;
pub mod details_page;
pub mod entry_page;
pub mod frame;
pub mod handoff_links;
pub mod held_choice;
pub mod hold_page;
pub mod manage_page;
pub mod query;
pub mod start_page;
pub mod times_page;
pub mod waitlist_page;
