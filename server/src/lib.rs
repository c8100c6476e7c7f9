//! The Frontdesk server: configuration, the embedded PostgreSQL default, the HTTP router,
//! the live queue stream and background jobs. `main.rs` wires them together; tests build
//! the same router with `router::build` against their own database.

pub mod center_stream;
pub mod client_address;
pub mod config;
pub mod create_admin;
pub mod database;
pub mod display_stream;
pub mod embedded_postgres;
pub mod follow_stream;
pub mod jobs;
pub mod live;
pub mod mailer;
pub mod router;
pub mod security;
pub mod site_files;
pub mod startup;
