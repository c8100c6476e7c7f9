//! A center's local calendar: ticket numbers and the queue restart every local day, so
//! "today" is the date on the center's wall clock, not in UTC.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

/// The date at `now` in the IANA zone `time_zone`; `None` when the zone is unknown.
pub fn local_day(now: DateTime<Utc>, time_zone: &str) -> Option<NaiveDate> {
    let tz: Tz = time_zone.parse().ok()?;
    Some(now.with_timezone(&tz).date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn evening_in_portland_is_still_the_same_day_though_utc_has_moved_on() {
        // 2026-11-24 03:30 UTC is 19:30 on the 23rd in Portland (PST, UTC-8).
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 3, 30, 0).unwrap();
        assert_eq!(
            local_day(now, "America/Los_Angeles"),
            NaiveDate::from_ymd_opt(2026, 11, 23)
        );
        assert_eq!(local_day(now, "UTC"), NaiveDate::from_ymd_opt(2026, 11, 24));
    }

    #[test]
    fn daylight_saving_is_respected() {
        // 2027-07-01 06:30 UTC is 23:30 on June 30 in Portland (PDT, UTC-7).
        let now = Utc.with_ymd_and_hms(2027, 7, 1, 6, 30, 0).unwrap();
        assert_eq!(
            local_day(now, "America/Los_Angeles"),
            NaiveDate::from_ymd_opt(2027, 6, 30)
        );
    }

    #[test]
    fn unknown_zone_is_none() {
        assert_eq!(local_day(Utc::now(), "Mars/Olympus"), None);
    }
}
