//! The accommodation work-queue: every booking, workshop enrolment and check-in that asked
//! for an accommodation is a piece of work for staff until it is arranged (or found not
//! possible). Where a request came from, and how far along it is.

use serde::{Deserialize, Serialize};

/// What the request came with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Source {
    Booking,
    Enrolment,
    Visit,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::Booking, Source::Enrolment, Source::Visit];

    pub fn code(self) -> &'static str {
        match self {
            Source::Booking => "booking",
            Source::Enrolment => "enrolment",
            Source::Visit => "visit",
        }
    }

    pub fn from_code(code: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// How far along a request is. Every request starts open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum WorkStatus {
    Open,
    Arranged,
    NotPossible,
}

impl WorkStatus {
    pub const ALL: [WorkStatus; 3] = [
        WorkStatus::Open,
        WorkStatus::Arranged,
        WorkStatus::NotPossible,
    ];

    pub fn code(self) -> &'static str {
        match self {
            WorkStatus::Open => "open",
            WorkStatus::Arranged => "arranged",
            WorkStatus::NotPossible => "not_possible",
        }
    }

    pub fn from_code(code: &str) -> Option<WorkStatus> {
        WorkStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_unknown_codes_are_refused() {
        for s in Source::ALL {
            assert_eq!(Source::from_code(s.code()), Some(s));
        }
        for s in WorkStatus::ALL {
            assert_eq!(WorkStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(WorkStatus::from_code("done"), None);
        assert_eq!(Source::from_code(""), None);
    }
}
