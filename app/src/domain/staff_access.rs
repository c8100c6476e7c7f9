//! How long a staff session lives, and how repeated failed sign-ins are slowed down.
//!
//! A desk computer left signed in is the risk: a session ends after 15 minutes without a
//! request, and after 10 hours however busy. Guessing passwords is the other: after five
//! failures for one account from one address within 15 minutes, each further attempt
//! must wait, twice as long after every new failure, up to the window itself. Nobody is
//! locked out for good, so an attacker cannot lock staff out either.

use chrono::{DateTime, Duration, Utc};

pub const IDLE_LIMIT_MINUTES: i64 = 15;
/// Live screens (queue, calendar) one session may have open in one server process: a
/// desk with a few tabs, not a script opening hundreds.
pub const LIVE_STREAMS_PER_SESSION: usize = 4;
/// How often an open live stream checks that its session still holds, besides hearing
/// at once of a sign-out, a disabled account or a password change.
pub const STREAM_RECHECK_SECONDS: u64 = 30;
pub const SESSION_HOURS: i64 = 10;
pub const FAILURE_WINDOW_MINUTES: i64 = 15;
/// Failures allowed in the window before attempts must wait.
pub const FREE_FAILURES: u32 = 5;
const FIRST_WAIT_SECONDS: i64 = 30;

/// Whether a session started at `created_at` and last used at `last_seen_at` still holds.
pub fn session_alive(
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    now: DateTime<Utc>,
) -> bool {
    now - last_seen_at < Duration::minutes(IDLE_LIMIT_MINUTES)
        && now - created_at < Duration::hours(SESSION_HOURS)
}

/// How long after its latest failure an account and address must wait, given `failures`
/// failures in the window: none up to `FREE_FAILURES`, then 30 s, 1 min, 2 min … and at
/// most the window.
pub fn wait_after(failures: u32) -> Duration {
    if failures < FREE_FAILURES {
        return Duration::zero();
    }
    let doublings = (failures - FREE_FAILURES).min(16);
    Duration::seconds(FIRST_WAIT_SECONDS << doublings)
        .min(Duration::minutes(FAILURE_WINDOW_MINUTES))
}

/// The time still to wait before another attempt, if any: `failures` in the window, the
/// latest at `latest`.
pub fn must_wait(
    failures: u32,
    latest: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Duration> {
    let remaining = latest? + wait_after(failures) - now;
    (remaining > Duration::zero()).then_some(remaining)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, h, m, s).unwrap()
    }

    #[test]
    fn a_session_ends_after_fifteen_idle_minutes() {
        let start = at(8, 0, 0);
        assert!(session_alive(start, at(9, 0, 0), at(9, 14, 59)));
        assert!(!session_alive(start, at(9, 0, 0), at(9, 15, 0)));
    }

    #[test]
    fn a_session_ends_after_ten_hours_however_busy() {
        let start = at(8, 0, 0);
        assert!(session_alive(start, at(17, 59, 0), at(17, 59, 30)));
        assert!(!session_alive(start, at(17, 59, 59), at(18, 0, 0)));
    }

    #[test]
    fn five_failures_are_free_then_each_one_doubles_the_wait_up_to_the_window() {
        for failures in 0..5 {
            assert_eq!(wait_after(failures), Duration::zero());
        }
        assert_eq!(wait_after(5), Duration::seconds(30));
        assert_eq!(wait_after(6), Duration::seconds(60));
        assert_eq!(wait_after(7), Duration::seconds(120));
        assert_eq!(wait_after(10), Duration::minutes(15));
        assert_eq!(wait_after(u32::MAX), Duration::minutes(15));
    }

    #[test]
    fn the_wait_runs_from_the_latest_failure() {
        let latest = at(9, 0, 0);
        assert_eq!(must_wait(4, Some(latest), at(9, 0, 1)), None);
        assert_eq!(
            must_wait(5, Some(latest), at(9, 0, 10)),
            Some(Duration::seconds(20))
        );
        assert_eq!(must_wait(5, Some(latest), at(9, 0, 30)), None);
        assert_eq!(must_wait(5, None, at(9, 0, 10)), None);
    }
}
