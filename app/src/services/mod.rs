//! [ssr] Use cases: each puts `db` queries together in one transaction with the emails
//! (composed by the mail modules) and notifications that report the change, so a change
//! and its email commit together or not at all. Server functions and form handlers call
//! these; nothing here knows about HTTP, pages or translations of pages.

pub mod agency_closures;
pub mod agency_settings;
pub mod appointment_changes;
pub mod appointment_services;
pub mod bookings;
pub mod center_availability;
pub mod center_setup;
pub mod closures;
pub mod demo_appointment_history;
pub mod demo_history;
pub mod demo_setup;
pub mod demo_workshop_history;
pub mod erasure;
pub mod feedback;
pub mod follow;
pub mod meeting_links;
pub mod staff_accounts;
pub mod visit_reasons;
pub mod waitlist;
pub mod walk_in_slots;
pub mod workshop_admin;
pub mod workshops;
