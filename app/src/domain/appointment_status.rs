//! What can become of a booked appointment, and which changes staff may make. A person
//! who was marked a no-show may still turn up late; a completed or cancelled appointment
//! is final (a cancelled one is rebooked, not revived, so its seat rules stay simple).

use super::unknown_code::UnknownCode;
use serde::{Deserialize, Serialize};

/// What became of an appointment, as the reports count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Cancelled,
    Came,
    NoShow,
    /// Still ahead (or under way, not yet marked).
    Pending,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
// Serialised as the stored code ("no_show"), the same in JSON as in the database.
#[serde(rename_all = "snake_case")]
pub enum AppointmentStatus {
    Booked,
    Arrived,
    InProgress,
    Completed,
    NoShow,
    Cancelled,
}

impl AppointmentStatus {
    pub const ALL: [AppointmentStatus; 6] = [
        AppointmentStatus::Booked,
        AppointmentStatus::Arrived,
        AppointmentStatus::InProgress,
        AppointmentStatus::Completed,
        AppointmentStatus::NoShow,
        AppointmentStatus::Cancelled,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AppointmentStatus::Booked => "booked",
            AppointmentStatus::Arrived => "arrived",
            AppointmentStatus::InProgress => "in_progress",
            AppointmentStatus::Completed => "completed",
            AppointmentStatus::NoShow => "no_show",
            AppointmentStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<AppointmentStatus> {
        AppointmentStatus::ALL
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// The statuses staff may move an appointment to from this one.
    pub fn next(self) -> &'static [AppointmentStatus] {
        use AppointmentStatus::*;
        match self {
            Booked => &[Arrived, NoShow],
            Arrived => &[InProgress, Completed, NoShow],
            InProgress => &[Completed],
            NoShow => &[Arrived],
            Completed | Cancelled => &[],
        }
    }

    /// What a report counts an appointment as, given whether it has ended.
    pub fn outcome(self, ended: bool) -> Outcome {
        use AppointmentStatus::*;
        match self {
            Cancelled => Outcome::Cancelled,
            // Came: whatever staff did after the arrival.
            Arrived | InProgress | Completed => Outcome::Came,
            NoShow => Outcome::NoShow,
            // Nobody marked anything and the time is over: nobody came.
            Booked if ended => Outcome::NoShow,
            Booked => Outcome::Pending,
        }
    }

    pub fn can_become(self, to: AppointmentStatus) -> bool {
        self == to || self.next().contains(&to)
    }
}

impl TryFrom<String> for AppointmentStatus {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::read("appointment status", code, AppointmentStatus::from_code)
    }
}

#[cfg(test)]
mod tests {
    use super::AppointmentStatus::*;
    use super::*;

    #[test]
    fn codes_round_trip() {
        for s in AppointmentStatus::ALL {
            assert_eq!(AppointmentStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(AppointmentStatus::from_code("done"), None);
    }

    #[test]
    fn an_appointment_moves_forward_and_a_no_show_may_still_arrive() {
        assert!(Booked.can_become(Arrived));
        assert!(Arrived.can_become(InProgress));
        assert!(InProgress.can_become(Completed));
        assert!(Booked.can_become(NoShow));
        assert!(NoShow.can_become(Arrived));
        assert!(Booked.can_become(Booked), "no change is always allowed");
    }

    #[test]
    fn finished_appointments_stay_finished_and_staff_do_not_cancel_here() {
        for to in AppointmentStatus::ALL {
            assert_eq!(Completed.can_become(to), to == Completed);
            assert_eq!(Cancelled.can_become(to), to == Cancelled);
        }
        assert!(
            !Booked.can_become(Cancelled),
            "cancelling frees a seat: the person's link does it"
        );
        assert!(!InProgress.can_become(Booked));
    }

    #[test]
    fn reports_count_everyone_who_came_and_every_no_show_however_staff_marked_them() {
        use AppointmentStatus::*;
        for came in [Arrived, InProgress, Completed] {
            assert_eq!(came.outcome(true), Outcome::Came, "{came:?}");
        }
        assert_eq!(NoShow.outcome(false), Outcome::NoShow, "marked by staff");
        assert_eq!(Booked.outcome(true), Outcome::NoShow, "nobody came");
        assert_eq!(Booked.outcome(false), Outcome::Pending);
        assert_eq!(Cancelled.outcome(true), Outcome::Cancelled);
    }
}
