//! A center's local calendar: ticket numbers and the queue restart every local day, so
//! "today" is the date on the center's wall clock, not in UTC.

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;

/// The date at `now` in the IANA zone `time_zone`; `None` when the zone is unknown.
pub fn local_day(now: DateTime<Utc>, time_zone: &str) -> Option<NaiveDate> {
    let tz: Tz = time_zone.parse().ok()?;
    Some(now.with_timezone(&tz).date_naive())
}

/// The instants a local `day` in `tz` spans: from its first moment to the next day's,
/// so 23 hours on the day clocks spring forward and 25 when they fall back.
pub fn day_bounds(tz: Tz, day: NaiveDate) -> (DateTime<Utc>, DateTime<Utc>) {
    let start = |d: NaiveDate| {
        // Midnight may not exist (zones that change clocks at midnight): the day then
        // starts at the first instant after the gap, found an hour later at most.
        let midnight = d.and_hms_opt(0, 0, 0).unwrap_or_default();
        (0..=120)
            .find_map(|minutes| {
                tz.from_local_datetime(&(midnight + chrono::Duration::minutes(minutes)))
                    .earliest()
            })
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|| midnight.and_utc())
    };
    (start(day), start(day.succ_opt().unwrap_or(day)))
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
    fn a_day_spans_twenty_three_or_twenty_five_hours_when_clocks_change() {
        let la = chrono_tz::America::Los_Angeles;
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let hours = |(from, to): (DateTime<Utc>, DateTime<Utc>)| (to - from).num_hours();
        assert_eq!(hours(day_bounds(la, day(2027, 3, 14))), 23);
        assert_eq!(hours(day_bounds(la, day(2027, 11, 7))), 25);
        assert_eq!(hours(day_bounds(la, day(2026, 11, 26))), 24);
        assert_eq!(
            day_bounds(la, day(2026, 11, 26)).0,
            Utc.with_ymd_and_hms(2026, 11, 26, 8, 0, 0).unwrap()
        );
        // Santiago springs forward at midnight: 2026-09-06 begins at 01:00.
        let santiago = chrono_tz::America::Santiago;
        assert_eq!(
            day_bounds(santiago, day(2026, 9, 6)).0,
            Utc.with_ymd_and_hms(2026, 9, 6, 4, 0, 0).unwrap()
        );
    }

    #[test]
    fn unknown_zone_is_none() {
        assert_eq!(local_day(Utc::now(), "Mars/Olympus"), None);
    }
}
