//! Plain domain types and rules: names, reasons, accommodations, tickets, queue order,
//! wait estimates, bookable slots, confirmation codes and calendar files; every validated
//! input (`New…`) and every type a page or island receives. No axum or leptos here, and no
//! sqlx code (a stored type may derive `sqlx::FromRow` on the server), so the same rules
//! run on the server and, compiled to WASM, in the kiosk's browser, and every rule is
//! unit-tested on its own. The bottom floor: it imports nothing else of the app.

pub mod accommodation;
pub mod accommodation_work;
pub mod agency;
pub mod appointment_entry;
pub mod appointment_status;
pub mod availability;
pub mod booking;
pub mod booking_form;
pub mod center;
pub mod center_setup;
pub mod check_in;
pub mod confirmation_code;
pub mod contact_details;
pub mod contacts;
pub mod date_window;
pub mod display_board;
pub mod display_name;
pub mod enrolment_form;
pub mod feedback;
pub mod follow;
pub mod free_text;
pub mod holiday_import;
pub mod ics;
pub mod kiosk_pairing;
pub mod kiosk_visitor;
pub mod limits;
pub mod local_time;
pub mod locale;
pub mod mail;
pub mod meeting_link;
pub mod month_grid;
pub mod open_slot;
pub mod queue;
pub mod queue_view;
pub mod reason_setup;
pub mod report;
pub mod retention;
pub mod retry;
pub mod roles;
pub mod service;
pub mod service_level;
pub mod service_rules;
pub mod service_setup;
pub mod session_plan;
pub mod staff_access;
pub mod staff_accounts;
pub mod state_holidays;
pub mod ticket;
pub mod ticket_view;
pub mod time_zone;
pub mod unknown_code;
pub mod visit_reason;
pub mod wait;
#[cfg(feature = "ssr")]
pub mod wait_replay;
pub mod waitlist;
pub mod web_address;
pub mod workshop;
pub mod workshop_session;
pub mod workshop_status;
pub mod worksource_reasons;
pub mod worksource_services;
