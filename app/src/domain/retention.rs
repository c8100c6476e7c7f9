//! How long personal data is kept, and when a person may have theirs erased at once.
//! Everything personal about a visit, an appointment or a workshop enrolment is erased a
//! set number of days after it ends (or after it was cancelled); the rows themselves stay,
//! without the person, so that reports keep their counts.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// Retention periods an agency may set: at least a week, since mail still waiting to be
/// retried (a relay down over a long weekend) is given up with the rest, at most ten
/// years.
pub const RETENTION_DAYS: std::ops::RangeInclusive<u32> = 7..=3650;

/// What ended before the returned instant is erased by a purge run at `now`.
pub fn cutoff(now: DateTime<Utc>, retention_days: u32) -> DateTime<Utc> {
    now - Duration::days(i64::from(retention_days))
}

/// How often the purge runs, in every server process (it is idempotent).
pub const PURGE_EVERY: std::time::Duration = std::time::Duration::from_secs(3600);

/// What one purge erased.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purged {
    pub visits: u64,
    pub bookings: u64,
    pub enrolments: u64,
    pub emails: u64,
    pub audit_names: u64,
    /// Feedback comments (the ratings stay).
    pub comments: u64,
    /// Places on the appointments' waiting list.
    pub waitlist: u64,
}

impl Purged {
    pub fn total(&self) -> u64 {
        self.visits
            + self.bookings
            + self.enrolments
            + self.emails
            + self.audit_names
            + self.comments
            + self.waitlist
    }
}

/// Whether a participant may erase their details from their manage link now: only once
/// nothing is still to happen (it was cancelled, or it has ended), so that erasing never
/// leaves staff with an appointment or a seat they cannot tell whose it is.
pub fn may_erase_now(cancelled: bool, ends_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
    cancelled || ends_at <= now
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_cutoff_is_the_period_before_now() {
        let now = Utc.with_ymd_and_hms(2027, 3, 31, 12, 0, 0).unwrap();
        assert_eq!(
            cutoff(now, 30),
            Utc.with_ymd_and_hms(2027, 3, 1, 12, 0, 0).unwrap()
        );
        assert_eq!(cutoff(now, 0), now);
    }

    #[test]
    fn details_can_be_erased_once_nothing_is_still_to_happen() {
        let now = Utc.with_ymd_and_hms(2027, 3, 31, 12, 0, 0).unwrap();
        let later = now + Duration::hours(2);
        let earlier = now - Duration::hours(2);
        assert!(!may_erase_now(false, later, now), "still to come");
        assert!(may_erase_now(true, later, now), "cancelled");
        assert!(may_erase_now(false, earlier, now), "over");
        assert!(may_erase_now(false, now, now), "just ended");
    }

    #[test]
    fn a_purge_totals_what_it_erased() {
        let purged = Purged {
            visits: 1,
            bookings: 2,
            enrolments: 3,
            emails: 4,
            audit_names: 5,
            comments: 6,
            waitlist: 7,
        };
        assert_eq!(purged.total(), 28);
        assert_eq!(Purged::default().total(), 0);
    }
}
