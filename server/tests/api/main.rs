//! Database and HTTP tests against real PostgreSQL. Each `#[sqlx::test]` gets its own fresh
//! database with the migrations applied (DATABASE_URL names the server to create them on).

mod booking_helpers;
mod helpers;
mod kiosk_pairing;
mod setup_helpers;

mod accommodations;
mod accounts;
mod agency_settings;
mod agency_setup;
mod appointment_services;
mod arrival;
mod availability;
mod booking;
mod display;
mod email;
mod embed;
mod errors;
mod feedback;
mod follow;
mod kiosk_free_seats;
mod kiosk_history;
mod kiosk_turn;
mod languages;

mod calendar;
mod check_in;
mod check_in_without_script;
mod closures;
mod compression;
mod embedded_postgres;
mod live_notifications;
mod live_sessions;
mod meeting_links;
mod open_slots;
mod page_scripts;
mod page_titles;
mod partner_api;
mod partner_feeds;
mod queue;
mod reports;
mod retention;
mod role_table;
mod security_headers;
mod staff_access;
mod startup;
mod takeover;
mod text_rules;
mod visit_reasons;
mod waitlist;
mod workshop_admin;
mod workshops;
