//! How much of each public write one client may do: the policy behind the rate limits
//! (enforced with `governor` in `limits`) and the per-contact booking ceiling. Each
//! limit is a burst that may be used at once, then one more every `period`.
//!
//! Chosen so that people never meet them, even many behind one address (a family, a
//! library's computer lab, an office), while a script is cut off within seconds: guessing
//! a phone's last four digits at a kiosk needs thousands of tries and gets ten.

/// A public write that is limited per client address (or, at a kiosk, per tablet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Limited {
    /// Sending the booking form.
    Booking,
    /// Cancelling or rescheduling from a manage link.
    BookingChange,
    /// Sending a workshop enrolment.
    Enrolment,
    /// Cancelling an enrolment from its link.
    EnrolmentChange,
    /// "Tell me when a time opens": joining the appointments' waiting list (each join
    /// may email a confirmation link).
    WaitlistJoin,
    /// Confirming or leaving the waiting list, booking or letting go a held time, by link.
    WaitlistChange,
    /// A staff sign-in attempt (on top of the per-account slow-down).
    SignIn,
    /// Choosing a password from an emailed link.
    PasswordLink,
    /// Entering a kiosk pairing code.
    KioskPairing,
    /// A walk-in check-in, per kiosk tablet.
    KioskCheckIn,
    /// An appointment lookup at the kiosk, per kiosk tablet.
    KioskArrival,
    /// A workshop enrolment at the kiosk, per kiosk tablet.
    KioskEnrolment,
    /// Giving up a place in line from the ticket's phone page.
    FollowLeave,
    /// "How was your visit?" from the ticket's phone page.
    Feedback,
    /// "Tell us how we did" at the kiosk, per kiosk tablet.
    KioskFeedback,
    /// "Still in use" from a kiosk screen being touched, per kiosk tablet.
    KioskInUse,
    /// A request to the partners' read API (`/api/v1`).
    PartnerRead,
}

/// A burst of `burst` requests, then one more each `period_seconds`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    pub burst: u32,
    pub period_seconds: u64,
}

impl Limited {
    pub const ALL: [Limited; 17] = [
        Limited::Booking,
        Limited::BookingChange,
        Limited::Enrolment,
        Limited::EnrolmentChange,
        Limited::WaitlistJoin,
        Limited::WaitlistChange,
        Limited::SignIn,
        Limited::PasswordLink,
        Limited::KioskPairing,
        Limited::KioskCheckIn,
        Limited::KioskArrival,
        Limited::KioskEnrolment,
        Limited::FollowLeave,
        Limited::Feedback,
        Limited::KioskFeedback,
        Limited::KioskInUse,
        Limited::PartnerRead,
    ];

    /// The table (the README prints it).
    pub fn quota(self) -> Quota {
        let (burst, period_seconds) = match self {
            // A library's lab or a partner's office books for many people from one
            // address: twenty at once, then twenty an hour.
            Limited::Booking => (20, 180),
            Limited::BookingChange => (20, 180),
            Limited::Enrolment => (20, 180),
            Limited::EnrolmentChange => (20, 180),
            // As the booking form: a lab or an office may put many people on the list.
            Limited::WaitlistJoin => (20, 180),
            Limited::WaitlistChange => (20, 180),
            // A whole center's staff signs in from one office address at 8:30.
            Limited::SignIn => (60, 10),
            Limited::PasswordLink => (10, 60),
            Limited::KioskPairing => (5, 60),
            Limited::KioskCheckIn => (30, 10),
            Limited::KioskArrival => (10, 6),
            Limited::KioskEnrolment => (10, 6),
            // Each visitor leaves once; a lobby's guest Wi-Fi is one address for many.
            Limited::FollowLeave => (20, 30),
            // One answer counts per visit anyway; this only bounds the work of trying.
            Limited::Feedback => (20, 30),
            // Anyone in the lobby may answer, anonymously: enough for a queue of people
            // answering one after another, too few to stuff the report from one tablet.
            Limited::KioskFeedback => (6, 120),
            // A screen says so at most every 20 seconds; a few more for screens loading
            // one after another.
            Limited::KioskInUse => (10, 10),
            // A partner's page or server may fetch a few lists at once and poll each
            // (cheaply, with If-None-Match) every minute; a crawler gets one a second.
            Limited::PartnerRead => (120, 1),
        };
        Quota {
            burst,
            period_seconds,
        }
    }
}

/// Upcoming booked appointments one email address or phone number may hold: enough for
/// a person's next steps, too few to fill a center's calendar with one contact.
pub const FUTURE_BOOKINGS_PER_CONTACT: i64 = 3;

/// "30 s" or "4 min": how long to wait, in words any language can show beside a number.
pub fn wait_in_words(seconds: u64) -> (u64, WaitUnit) {
    if seconds < 60 {
        (seconds.max(1), WaitUnit::Seconds)
    } else {
        (seconds.div_ceil(60), WaitUnit::Minutes)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitUnit {
    Seconds,
    Minutes,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_limit_allows_a_burst_and_refills() {
        for limited in Limited::ALL {
            let q = limited.quota();
            assert!(q.burst >= 5 && q.period_seconds > 0, "{limited:?}");
        }
        // A kiosk tablet's lookups: ten, then one every six seconds (600 an hour at most,
        // against 10,000 possible last-four digits).
        assert_eq!(
            Limited::KioskArrival.quota(),
            Quota {
                burst: 10,
                period_seconds: 6
            }
        );
    }

    #[test]
    fn waits_read_in_seconds_below_a_minute_and_whole_minutes_above() {
        assert_eq!(wait_in_words(0), (1, WaitUnit::Seconds));
        assert_eq!(wait_in_words(42), (42, WaitUnit::Seconds));
        assert_eq!(wait_in_words(60), (1, WaitUnit::Minutes));
        assert_eq!(wait_in_words(61), (2, WaitUnit::Minutes));
    }
}
