//! Workshops and hiring events: topics, what "seats left" means to a person, when
//! enrolment is still open, and how one person is recognised across enrolments.

use super::contact_details::{parse_email, parse_phone, ContactError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Workshop topics from the WorkSource Portland Metro calendar. Stored by `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Topic {
    Orientation,
    Resumes,
    Interviewing,
    Networking,
    SoftSkills,
    StateJobs,
    ScholarshipHelp,
    JobHunterSeries,
    HiringEvent,
}

impl Topic {
    pub const ALL: [Topic; 9] = [
        Topic::Orientation,
        Topic::Resumes,
        Topic::Interviewing,
        Topic::Networking,
        Topic::SoftSkills,
        Topic::StateJobs,
        Topic::ScholarshipHelp,
        Topic::JobHunterSeries,
        Topic::HiringEvent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Topic::Orientation => "orientation",
            Topic::Resumes => "resumes",
            Topic::Interviewing => "interviewing",
            Topic::Networking => "networking",
            Topic::SoftSkills => "soft_skills",
            Topic::StateJobs => "state_jobs",
            Topic::ScholarshipHelp => "scholarship_help",
            Topic::JobHunterSeries => "job_hunter_series",
            Topic::HiringEvent => "hiring_event",
        }
    }

    pub fn from_code(code: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Seats as a person should read them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Seats {
    /// `left` seats are free.
    Open { left: u32 },
    /// Full; joining the waitlist now makes you number `next_place`.
    Full { next_place: u32 },
}

pub fn seats(capacity: u32, enrolled: u32, waitlisted: u32) -> Seats {
    match capacity.saturating_sub(enrolled) {
        0 => Seats::Full {
            next_place: waitlisted + 1,
        },
        left => Seats::Open { left },
    }
}

/// Whether a session should be pointed out to walk-ins as having seats free now: seats
/// left with nobody on its waitlist (a freed seat goes to the waitlist first), starting
/// within a day and not yet started.
pub fn free_soon(
    capacity: u32,
    enrolled: u32,
    waitlisted: u32,
    starts_at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> bool {
    waitlisted == 0
        && enrolled < capacity
        && starts_at > now
        && starts_at <= now + chrono::Duration::days(1)
}

/// Why an enrolment is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The session has started or is over.
    Past,
    /// Staff cancelled the session.
    Cancelled,
}

/// Whether a session still takes enrolments at `now`: scheduled and not yet started.
pub fn open_for_enrolment(
    cancelled: bool,
    starts_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(), Refusal> {
    if cancelled {
        Err(Refusal::Cancelled)
    } else if starts_at <= now {
        Err(Refusal::Past)
    } else {
        Ok(())
    }
}

/// A way to reach the person: an email address or a phone number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    Email(String),
    Phone(String),
}

impl Contact {
    /// Reads "email or phone" as typed: with an `@` it must be an email address, else a
    /// phone number.
    pub fn parse(raw: &str) -> Result<Contact, ContactError> {
        if raw.contains('@') {
            parse_email(raw).map(Contact::Email)
        } else {
            parse_phone(raw).map(Contact::Phone)
        }
    }

    /// The same person enrolling twice gives the same key: email in lower case, phone as
    /// digits.
    pub fn key(&self) -> String {
        match self {
            Contact::Email(e) => format!("email:{}", e.to_lowercase()),
            Contact::Phone(p) => format!("phone:{}", p.trim_start_matches('+')),
        }
    }

    pub fn email(&self) -> Option<&str> {
        match self {
            Contact::Email(e) => Some(e),
            Contact::Phone(_) => None,
        }
    }

    pub fn as_text(&self) -> &str {
        match self {
            Contact::Email(v) | Contact::Phone(v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{Duration, TimeZone};

    #[test]
    fn seats_free_soon_are_those_nobody_waits_for_within_a_day() {
        use chrono::Utc;
        let now = Utc.with_ymd_and_hms(2026, 12, 7, 17, 0, 0).unwrap();
        let soon = now + Duration::hours(3);
        assert!(free_soon(20, 12, 0, soon, now));
        assert!(
            !free_soon(20, 12, 1, soon, now),
            "the waitlist has them first"
        );
        assert!(!free_soon(20, 20, 0, soon, now), "full");
        assert!(
            !free_soon(20, 12, 0, now - Duration::minutes(5), now),
            "started"
        );
        assert!(free_soon(20, 12, 0, now + Duration::days(1), now));
        assert!(!free_soon(
            20,
            12,
            0,
            now + Duration::days(1) + Duration::minutes(1),
            now
        ));
    }

    #[test]
    fn seats_read_as_left_or_as_a_waitlist_place() {
        assert_eq!(seats(25, 22, 0), Seats::Open { left: 3 });
        assert_eq!(seats(25, 25, 3), Seats::Full { next_place: 4 });
        assert_eq!(
            seats(10, 12, 0),
            Seats::Full { next_place: 1 },
            "over capacity after a cut"
        );
    }

    #[test]
    fn past_and_cancelled_sessions_refuse_enrolment() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 17, 0, 0).unwrap();
        assert_eq!(
            open_for_enrolment(false, now + Duration::hours(1), now),
            Ok(())
        );
        assert_eq!(open_for_enrolment(false, now, now), Err(Refusal::Past));
        assert_eq!(
            open_for_enrolment(true, now + Duration::days(1), now),
            Err(Refusal::Cancelled)
        );
    }

    #[test]
    fn one_person_one_key_however_the_contact_is_typed() {
        let a = Contact::parse(" Ana@Example.org ").unwrap();
        let b = Contact::parse("ana@example.org").unwrap();
        assert_eq!(a.key(), b.key());
        let p = Contact::parse("(503) 555-0142").unwrap();
        assert_eq!(p.key(), Contact::parse("503.555.0142").unwrap().key());
        assert_eq!(p.email(), None);
        assert_eq!(Contact::parse("ana@"), Err(ContactError::InvalidEmail));
        assert_eq!(Contact::parse("12"), Err(ContactError::InvalidPhone));
        assert_eq!(Contact::parse(""), Err(ContactError::Empty));
    }

    #[test]
    fn topic_codes_round_trip() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_code(t.code()), Some(t));
        }
    }
}
