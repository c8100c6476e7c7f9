//! The days a partner asks the read API about: `from` and `to` as local dates in an IANA
//! zone, both included. Bounded, so one request never makes the server work out months of
//! slots for every center.

use super::local_time::day_bounds;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;

/// Days listed when `to` is not given, `from` included.
pub const DEFAULT_DAYS: i64 = 14;

/// The most days one request may span, `from` and `to` included.
pub const MAX_DAYS: i64 = 92;

/// The last day the API writes (and reads): years have four digits.
const LAST_DAY: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(day) => day,
    None => NaiveDate::MIN,
};

/// A checked window: local days `from..=to` in `zone`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateWindow {
    pub zone: Tz,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// What is wrong with the asked window, named by the parameter to mend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowProblem {
    /// `time_zone` is not an IANA zone name.
    UnknownZone,
    /// `from` or `to` is not a `YYYY-MM-DD` date.
    NotADate(&'static str),
    /// `to` comes before `from`.
    Reversed,
    /// More than `MAX_DAYS`.
    TooLong,
}

impl WindowProblem {
    /// The query parameter a partner should change.
    pub fn parameter(self) -> &'static str {
        match self {
            WindowProblem::UnknownZone => "time_zone",
            WindowProblem::NotADate(name) => name,
            WindowProblem::Reversed | WindowProblem::TooLong => "to",
        }
    }

    /// Why, in words for a developer reading the answer.
    pub fn reason(self) -> String {
        match self {
            WindowProblem::UnknownZone => {
                "not an IANA time zone name, such as America/Los_Angeles".to_owned()
            }
            WindowProblem::NotADate(_) => "not a date of the form YYYY-MM-DD".to_owned(),
            WindowProblem::Reversed => "comes before from".to_owned(),
            WindowProblem::TooLong => format!("the window may span at most {MAX_DAYS} days"),
        }
    }
}

/// The window asked for: `zone` (else `default_zone`), `from` (else today there) and `to`
/// (else `DEFAULT_DAYS` on from `from`).
pub fn parse_window(
    zone: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
    default_zone: Tz,
    now: DateTime<Utc>,
) -> Result<DateWindow, WindowProblem> {
    let zone = match zone {
        Some(name) => name.parse::<Tz>().map_err(|_| WindowProblem::UnknownZone)?,
        None => default_zone,
    };
    // RFC 3339's full-date: four digits of year, so no window reaches past year 9999.
    let date = |value: Option<&str>, name: &'static str| -> Result<Option<NaiveDate>, _> {
        value
            .map(|v| {
                let shaped = v.len() == 10
                    && v.bytes().enumerate().all(|(i, b)| match i {
                        4 | 7 => b == b'-',
                        _ => b.is_ascii_digit(),
                    });
                shaped
                    .then(|| NaiveDate::parse_from_str(v, "%Y-%m-%d").ok())
                    .flatten()
                    .ok_or(WindowProblem::NotADate(name))
            })
            .transpose()
    };
    let from = date(from, "from")?.unwrap_or_else(|| now.with_timezone(&zone).date_naive());
    let to = match date(to, "to")? {
        Some(to) => to,
        // Never past the last date a four-digit year can write.
        None => from
            .checked_add_signed(Duration::days(DEFAULT_DAYS - 1))
            .unwrap_or(LAST_DAY)
            .min(LAST_DAY),
    };
    if to < from {
        return Err(WindowProblem::Reversed);
    }
    if (to - from).num_days() + 1 > MAX_DAYS {
        return Err(WindowProblem::TooLong);
    }
    Ok(DateWindow { zone, from, to })
}

impl DateWindow {
    /// The instants the window spans: from the first moment of `from` to the first of the
    /// day after `to`, on the zone's clocks.
    pub fn bounds(&self) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            day_bounds(self.zone, self.from).0,
            day_bounds(self.zone, self.to).1,
        )
    }

    /// Whether `instant` falls on one of the window's local days.
    pub fn contains(&self, instant: DateTime<Utc>) -> bool {
        let day = instant.with_timezone(&self.zone).date_naive();
        self.from <= day && day <= self.to
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        // 03:30 UTC on the 8th is still the evening of the 7th in Portland.
        Utc.with_ymd_and_hms(2026, 12, 8, 3, 30, 0).unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn by_default_the_window_is_two_weeks_from_today_in_the_zone() {
        let w = parse_window(None, None, None, chrono_tz::America::Los_Angeles, now()).unwrap();
        assert_eq!(w.from, day("2026-12-07"));
        assert_eq!(w.to, day("2026-12-20"));
        let w = parse_window(Some("Asia/Tokyo"), None, None, chrono_tz::UTC, now()).unwrap();
        assert_eq!(w.from, day("2026-12-08"), "already the 8th in Tokyo");
    }

    #[test]
    fn each_bad_parameter_is_named() {
        let la = chrono_tz::America::Los_Angeles;
        let bad = |zone, from, to| parse_window(zone, from, to, la, now()).unwrap_err();
        assert_eq!(bad(Some("Mars/Base"), None, None).parameter(), "time_zone");
        assert_eq!(bad(None, Some("12/08/2026"), None).parameter(), "from");
        assert_eq!(bad(None, None, Some("2026-13-01")).parameter(), "to");
        assert_eq!(
            bad(None, Some("2026-12-09"), Some("2026-12-08")),
            WindowProblem::Reversed
        );
        assert_eq!(
            bad(None, Some("2026-01-01"), Some("2026-04-03")),
            WindowProblem::TooLong
        );
        assert!(parse_window(None, Some("2026-01-01"), Some("2026-04-02"), la, now()).is_ok());
        // Years of other than four digits are refused: the far ends of the calendar
        // never reach the arithmetic.
        for far in ["+262142-12-31", "-0001-01-01", "02026-12-08", "2026-2-8"] {
            assert_eq!(
                bad(None, Some(far), None),
                WindowProblem::NotADate("from"),
                "{far}"
            );
        }
        let last = parse_window(None, Some("9999-12-30"), None, la, now()).unwrap();
        assert_eq!(
            last.to,
            day("9999-12-31"),
            "the default end stays within four digits"
        );
    }

    #[test]
    fn the_window_holds_whole_local_days_across_a_clock_change() {
        let w = parse_window(
            Some("America/Los_Angeles"),
            Some("2026-11-01"),
            Some("2026-11-01"),
            chrono_tz::UTC,
            now(),
        )
        .unwrap();
        let (start, end) = w.bounds();
        assert_eq!((end - start).num_hours(), 25, "clocks fall back that night");
        assert!(w.contains(Utc.with_ymd_and_hms(2026, 11, 2, 7, 59, 0).unwrap()));
        assert!(!w.contains(Utc.with_ymd_and_hms(2026, 11, 2, 8, 0, 0).unwrap()));
    }
}
