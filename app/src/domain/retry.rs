//! When to try again after a failed delivery: doubling waits, capped, so a mail server
//! that is down for an hour is not hammered and one that is back is soon used again.

use chrono::Duration;

/// The wait after the `attempts`-th failure: 30 s, 1 min, 2 min, … at most 1 hour.
pub fn backoff(attempts: u32) -> Duration {
    let seconds = 30i64.saturating_mul(1i64 << attempts.saturating_sub(1).min(20));
    Duration::seconds(seconds.min(3600))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_and_stop_at_an_hour() {
        assert_eq!(backoff(1), Duration::seconds(30));
        assert_eq!(backoff(2), Duration::seconds(60));
        assert_eq!(backoff(4), Duration::seconds(240));
        assert_eq!(backoff(8), Duration::seconds(3600));
        assert_eq!(backoff(u32::MAX), Duration::seconds(3600));
        assert_eq!(backoff(0), Duration::seconds(30));
    }
}
