//! The kiosk at `/kiosk/{center}`: touch only, large print, one question per screen.

pub mod appointment_page;
pub mod check_in_assist;
pub mod check_in_page;
pub mod check_in_request;
pub mod check_in_steps;
pub mod check_in_wizard;
pub mod display;
#[cfg(feature = "hydrate")]
mod dom;
pub mod feedback_page;
#[cfg(feature = "hydrate")]
mod idle_browser;
pub mod idle_guard;
mod json_tree;
pub mod keypad_letters;
pub mod kiosk_assist;
pub mod kiosk_frame;
pub mod pair_page;
#[cfg(feature = "hydrate")]
mod speech_browser;
pub mod speech_keys;
pub mod speech_mode;
#[cfg(feature = "hydrate")]
mod speech_reader;
#[cfg(feature = "hydrate")]
mod speech_voice;
pub mod welcome_page;
pub mod wizard_answers;
#[cfg(feature = "hydrate")]
mod wizard_browser;
mod wizard_choices;
mod wizard_form;
mod wizard_ticket;
pub mod workshops_page;
