//! Dates and times as people read them in each language, from the names and patterns in
//! the translation files (no locale database: the WASM never needs this, the server does).

use super::CommonStrings;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

/// "Tuesday, November 24, 2026" / "martes, 24 de noviembre de 2026".
pub fn long_date(date: NaiveDate, c: &CommonStrings) -> String {
    let weekday = &c.weekdays[date.weekday().num_days_from_monday() as usize];
    let month = &c.months[date.month0() as usize];
    super::fill(
        &c.date_pattern,
        &[
            ("weekday", weekday),
            ("month", month),
            ("day", &date.day().to_string()),
            ("year", &date.year().to_string()),
        ],
    )
}

/// "9:30 AM" with a 12-hour clock, "9:30" with a 24-hour one.
pub fn clock(time: NaiveTime, c: &CommonStrings) -> String {
    if c.clock_12h {
        let (pm, hour) = time.hour12();
        let half = if pm { &c.pm } else { &c.am };
        format!("{hour}:{:02}\u{a0}{half}", time.minute())
    } else {
        format!("{}:{:02}", time.hour(), time.minute())
    }
}

/// A zone's IANA name as words: "America/New York".
pub fn zone_label(zone: &str) -> String {
    zone.replace('_', " ")
}

/// Date and time of `instant` on the wall clock of `tz`.
pub fn date_and_time(instant: DateTime<Utc>, tz: Tz, c: &CommonStrings) -> String {
    let local = instant.with_timezone(&tz);
    format!(
        "{}, {}",
        long_date(local.date_naive(), c),
        clock(local.time(), c)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{translations, Locale};
    use chrono::TimeZone;

    #[test]
    fn english_and_spanish_read_naturally() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let en = &translations(Locale::En).common;
        let es = &translations(Locale::Es).common;
        assert_eq!(long_date(date, en), "Tuesday, November 24, 2026");
        assert_eq!(long_date(date, es), "martes, 24 de noviembre de 2026");
        let t = NaiveTime::from_hms_opt(14, 5, 0).unwrap();
        assert_eq!(clock(t, en), "2:05\u{a0}PM");
        assert_eq!(clock(t, es), "14:05");
        assert_eq!(
            clock(NaiveTime::from_hms_opt(0, 30, 0).unwrap(), en),
            "12:30\u{a0}AM"
        );
    }

    #[test]
    fn the_same_instant_on_two_wall_clocks() {
        let en = &translations(Locale::En).common;
        let instant = Utc.with_ymd_and_hms(2026, 11, 24, 17, 30, 0).unwrap();
        assert_eq!(
            date_and_time(instant, chrono_tz::America::New_York, en),
            "Tuesday, November 24, 2026, 12:30\u{a0}PM"
        );
        assert_eq!(
            date_and_time(instant, chrono_tz::America::Los_Angeles, en),
            "Tuesday, November 24, 2026, 9:30\u{a0}AM"
        );
        assert_eq!(zone_label("America/New_York"), "America/New York");
    }
}
