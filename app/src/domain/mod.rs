//! Plain domain types and rules: names, reasons, accommodations, tickets, queue order and
//! wait estimates. No sqlx, axum or leptos here, so the same rules run on the server and,
//! compiled to WASM, in the kiosk's browser, and every rule is unit-tested on its own.

pub mod accommodation;
pub mod availability;
pub mod check_in;
pub mod contacts;
pub mod display_name;
pub mod free_text;
pub mod local_time;
pub mod queue;
pub mod ticket;
pub mod visit_reason;
pub mod wait;
