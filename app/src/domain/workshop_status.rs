//! The states of a workshop session and of a person's place in one, as stored.

use super::unknown_code::UnknownCode;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
// Serialised as the stored code ("no_show"), the same in JSON as in the database.
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Scheduled,
    Cancelled,
}

impl SessionStatus {
    pub fn code(self) -> &'static str {
        match self {
            SessionStatus::Scheduled => "scheduled",
            SessionStatus::Cancelled => "cancelled",
        }
    }
}

impl TryFrom<String> for SessionStatus {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::read("session status", code, |code| {
            [SessionStatus::Scheduled, SessionStatus::Cancelled]
                .into_iter()
                .find(|s| s.code() == code)
        })
    }
}

/// A person's place in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
// Serialised as the stored code ("no_show"), the same in JSON as in the database.
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    Enrolled,
    Waitlisted,
    Cancelled,
    Attended,
    NoShow,
}

impl EnrolmentStatus {
    pub const ALL: [EnrolmentStatus; 5] = [
        EnrolmentStatus::Enrolled,
        EnrolmentStatus::Waitlisted,
        EnrolmentStatus::Cancelled,
        EnrolmentStatus::Attended,
        EnrolmentStatus::NoShow,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EnrolmentStatus::Enrolled => "enrolled",
            EnrolmentStatus::Waitlisted => "waitlisted",
            EnrolmentStatus::Cancelled => "cancelled",
            EnrolmentStatus::Attended => "attended",
            EnrolmentStatus::NoShow => "no_show",
        }
    }

    pub fn from_code(code: &str) -> Option<EnrolmentStatus> {
        EnrolmentStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Holding a seat or waiting for one: the place can still be given up.
    pub fn is_live(self) -> bool {
        matches!(
            self,
            EnrolmentStatus::Enrolled | EnrolmentStatus::Waitlisted
        )
    }

    /// What staff may mark an enrolled person on a roster: attended, no-show, or back to
    /// enrolled. `None` for anything else.
    pub fn attendance(code: &str) -> Option<EnrolmentStatus> {
        EnrolmentStatus::from_code(code).filter(|s| {
            matches!(
                s,
                EnrolmentStatus::Attended | EnrolmentStatus::NoShow | EnrolmentStatus::Enrolled
            )
        })
    }
}

impl TryFrom<String> for EnrolmentStatus {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::read("enrolment status", code, EnrolmentStatus::from_code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_ones_are_refused() {
        for s in EnrolmentStatus::ALL {
            assert_eq!(EnrolmentStatus::try_from(s.code().to_owned()), Ok(s));
        }
        for s in [SessionStatus::Scheduled, SessionStatus::Cancelled] {
            assert_eq!(SessionStatus::try_from(s.code().to_owned()), Ok(s));
        }
        assert!(EnrolmentStatus::try_from("done".to_owned()).is_err());
        assert!(SessionStatus::try_from("Scheduled".to_owned()).is_err());
    }

    #[test]
    fn attendance_is_attended_no_show_or_enrolled_again() {
        use EnrolmentStatus::*;
        assert_eq!(EnrolmentStatus::attendance("no_show"), Some(NoShow));
        assert_eq!(EnrolmentStatus::attendance("enrolled"), Some(Enrolled));
        assert_eq!(EnrolmentStatus::attendance("waitlisted"), None);
        assert_eq!(EnrolmentStatus::attendance("cancelled"), None);
    }

    #[test]
    fn only_seats_and_waitlist_places_are_live() {
        use EnrolmentStatus::*;
        assert!(Enrolled.is_live() && Waitlisted.is_live());
        assert!(!Cancelled.is_live() && !Attended.is_live() && !NoShow.is_live());
    }
}
