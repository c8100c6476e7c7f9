//! [ssr] PostgreSQL queries, and nothing else: no email, no translation, no HTTP (the use
//! cases that combine queries are in `services`). Each function takes a pool or a
//! connection and domain types, returns rows or domain types, and fails with `db::Error`,
//! so every test can bring its own fresh database. Rules that must hold under concurrency
//! (one ticket per check-in, one staff member per visitor) are enforced here by
//! constraints and conditional updates, never by reading and then writing.

pub mod accommodation_work;
pub mod agency;
pub mod appointment_services;
pub mod appointments;
pub mod arrivals;
pub mod booking_slots;
pub mod bookings;
pub mod calendar;
pub mod calls;
pub mod center_availability;
pub mod center_setup;
pub mod centers;
pub mod closures;
pub mod demo_workshops;
pub mod enrolments;
mod error;
pub mod feedback;
pub mod follow;
pub use error::{DataError, Error};
pub mod kiosk_devices;
pub mod meeting_links;
pub mod ordered_list;
pub mod outbox;
pub mod password_links;
pub mod person_history;
pub mod public_directory;
pub mod queue;
pub mod reports;
pub mod retention;
pub mod session_feed;
pub mod sessions;
pub mod sign_in_failures;
pub mod staff;
pub mod visit_reasons;
pub mod visits;
pub mod waitlist;
pub mod walk_in_slots;
pub mod workshop_admin;
pub mod workshops;

/// The migrations in `app/migrations`, embedded in the binary and applied at start-up.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Channel on which every change to a center's queue is announced, with the center id as
/// payload. Every server process listens, so a check-in handled by one process reaches the
/// staff screens connected to all the others.
pub const QUEUE_CHANNEL: &str = "frontdesk_queue";

/// What issuing a new private link (booking or enrolment) does to the older ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OlderLinks {
    /// They stop working: the newest email holds the only way in.
    Revoke,
    /// They keep working (the same person's form sent twice).
    Keep,
}

/// The channel on which ending a staff member's sessions (sign-out, account disabled,
/// password reset or chosen) is announced; the payload is the staff id. Every process
/// closes that person's live streams when it hears it.
pub const SESSIONS_CHANNEL: &str = "frontdesk_sessions";

/// Announces that sessions of `staff_id` ended; delivered on commit.
pub async fn notify_sessions_ended(
    conn: &mut sqlx::PgConnection,
    staff_id: i64,
) -> Result<(), crate::db::Error> {
    sqlx::query("select pg_notify($1, $2)")
        .bind(SESSIONS_CHANNEL)
        .bind(staff_id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// Announces a change to `center_id`'s queue. Inside a transaction, PostgreSQL delivers
/// it only on commit, so listeners never see a change that was rolled back.
pub async fn notify_queue_changed(
    conn: &mut sqlx::PgConnection,
    center_id: &str,
) -> Result<(), crate::db::Error> {
    sqlx::query("select pg_notify($1, $2)")
        .bind(QUEUE_CHANNEL)
        .bind(center_id)
        .execute(conn)
        .await?;
    Ok(())
}
