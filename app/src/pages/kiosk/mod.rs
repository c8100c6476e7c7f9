//! The kiosk at `/kiosk/{center}`: touch only, large print, one question per screen.

pub mod appointment_page;
pub mod check_in_page;
pub mod check_in_request;
pub mod check_in_steps;
pub mod check_in_wizard;
pub mod display;
pub mod idle_guard;
pub mod kiosk_frame;
pub mod pair_page;
pub mod read_aloud;
pub mod welcome_page;
mod wizard_choices;
mod wizard_ticket;
pub mod workshops_page;
