//! Oregon's state holidays of a year (ORS 187.010), and the day after Thanksgiving, when
//! the demo's centers close too, on the days the offices close: a holiday on a Saturday is
//! observed the Friday before, one on a Sunday the Monday after. So New Year's Day on a
//! Saturday falls on the year before's 31 December: ask for consecutive years. The demo
//! closes its centers on these for this year and the next; an agency imports its own
//! calendar instead.

use super::holiday_import::Holiday;
use chrono::{Datelike, Duration, NaiveDate, Weekday};

/// The `n`th `weekday` of `month` (n from 1), or the last one with `n = 0`.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    if n == 0 {
        let next_month = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let last = next_month - Duration::days(1);
        let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
        return Some(last - Duration::days(i64::from(back)));
    }
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

/// The weekday a fixed-date holiday is observed on.
fn observed(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        Weekday::Sat => day - Duration::days(1),
        Weekday::Sun => day + Duration::days(1),
        _ => day,
    }
}

/// The state holidays of `year`, in date order, as the offices observe them.
pub fn oregon_state_holidays(year: i32) -> Vec<Holiday> {
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day).map(observed);
    let thanksgiving = nth_weekday(year, 11, Weekday::Thu, 4);
    let days = [
        (fixed(1, 1), "New Year's Day"),
        (
            nth_weekday(year, 1, Weekday::Mon, 3),
            "Martin Luther King Jr. Day",
        ),
        (nth_weekday(year, 2, Weekday::Mon, 3), "Presidents Day"),
        (nth_weekday(year, 5, Weekday::Mon, 0), "Memorial Day"),
        (fixed(6, 19), "Juneteenth"),
        (fixed(7, 4), "Independence Day"),
        (nth_weekday(year, 9, Weekday::Mon, 1), "Labor Day"),
        (fixed(11, 11), "Veterans Day"),
        (thanksgiving, "Thanksgiving"),
        (
            thanksgiving.map(|d| d + Duration::days(1)),
            "Day after Thanksgiving",
        ),
        (fixed(12, 25), "Christmas Day"),
    ];
    let mut holidays: Vec<Holiday> = days
        .into_iter()
        .filter_map(|(day, reason)| {
            day.map(|day| Holiday {
                day,
                reason: reason.to_owned(),
            })
        })
        .collect();
    holidays.sort();
    holidays
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(year: i32) -> Vec<String> {
        oregon_state_holidays(year)
            .into_iter()
            .map(|h| h.day.to_string())
            .collect()
    }

    #[test]
    fn twenty_twenty_seven_as_the_state_observes_it() {
        assert_eq!(
            days(2027),
            [
                "2027-01-01", // Friday
                "2027-01-18",
                "2027-02-15",
                "2027-05-31",
                "2027-06-18", // Juneteenth, a Saturday: Friday before
                "2027-07-05", // Independence Day, a Sunday: Monday after
                "2027-09-06",
                "2027-11-11",
                "2027-11-25",
                "2027-11-26",
                "2027-12-24", // Christmas, a Saturday: Friday before
            ]
        );
    }

    #[test]
    fn the_last_monday_of_may_and_the_fourth_thursday_of_november() {
        let of = |year| oregon_state_holidays(year);
        let named = |year: i32, reason: &str| {
            of(year)
                .into_iter()
                .find(|h| h.reason == reason)
                .map(|h| h.day.to_string())
        };
        assert_eq!(named(2026, "Memorial Day").as_deref(), Some("2026-05-25"));
        assert_eq!(named(2028, "Memorial Day").as_deref(), Some("2028-05-29"));
        assert_eq!(named(2026, "Thanksgiving").as_deref(), Some("2026-11-26"));
        assert_eq!(named(2028, "Thanksgiving").as_deref(), Some("2028-11-23"));
        assert!(of(2030)
            .iter()
            .all(|h| { !matches!(h.day.weekday(), Weekday::Sat | Weekday::Sun) }));
    }
}
