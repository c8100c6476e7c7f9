//! A workshop session as the catalog, the emails and the staff pages know it, and a
//! person's request to enrol in one. (The database reads a session straight into
//! `WorkshopSession` on the server.)

use super::accommodation::Accommodation;
use super::locale::Locale;
use super::workshop::Contact;
use super::workshop_status::SessionStatus;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// How often another form naming an enrolled contact may re-send its link by email.
pub const LINK_RESEND_MINUTES: i64 = 15;
/// An enrolment's link works until this long after its session ends.
pub const LINK_VALID_AFTER_END_DAYS: i64 = 7;

/// A session as the catalog shows it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct WorkshopSession {
    pub id: i64,
    pub series_id: Option<i64>,
    pub topic: String,
    pub title: String,
    pub description: String,
    pub employer: Option<String>,
    pub center_id: Option<String>,
    pub center_name: Option<String>,
    pub time_zone: String,
    pub meeting_link: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub language: String,
    pub facilitator: String,
    #[cfg_attr(feature = "ssr", sqlx(try_from = "String"))]
    pub status: SessionStatus,
    pub enrolled: i32,
    pub waitlisted: i64,
    /// Raised by every change of time, place or status (the calendar file's SEQUENCE).
    pub sequence: i32,
}

/// Whether one more person gets a seat (else they wait), with `enrolled` of `capacity`
/// seats taken. Decided under the session's row lock, on the seats as the lock found them.
pub fn has_free_seat(enrolled: i32, capacity: i32) -> bool {
    enrolled < capacity
}

impl WorkshopSession {
    pub fn cancelled(&self) -> bool {
        self.status == SessionStatus::Cancelled
    }
    pub fn has_free_seat(&self) -> bool {
        has_free_seat(self.enrolled, self.capacity)
    }
}

/// A person enrolling, validated.
#[derive(Debug, Clone)]
pub struct NewEnrolment {
    /// From the form: the same form sent twice enrols once and gets a link again.
    pub key: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub contact: Contact,
    pub language: String,
    pub locale: Locale,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(capacity: i32, enrolled: i32, status: SessionStatus) -> WorkshopSession {
        WorkshopSession {
            id: 1,
            series_id: None,
            topic: "resumes".into(),
            title: String::new(),
            description: String::new(),
            employer: None,
            center_id: None,
            center_name: None,
            time_zone: "America/Los_Angeles".into(),
            meeting_link: None,
            starts_at: Utc::now(),
            ends_at: Utc::now(),
            capacity,
            language: "en".into(),
            facilitator: String::new(),
            status,
            enrolled,
            waitlisted: 0,
            sequence: 0,
        }
    }

    #[test]
    fn the_last_seat_is_free_and_the_one_after_is_not() {
        assert!(session(25, 24, SessionStatus::Scheduled).has_free_seat());
        assert!(!session(25, 25, SessionStatus::Scheduled).has_free_seat());
        // Seats lowered below those taken: nobody new is seated.
        assert!(!session(10, 12, SessionStatus::Scheduled).has_free_seat());
    }

    #[test]
    fn only_a_cancelled_session_is_cancelled() {
        assert!(session(25, 0, SessionStatus::Cancelled).cancelled());
        assert!(!session(25, 0, SessionStatus::Scheduled).cancelled());
    }
}
