//! Closed days read from the agency's own holiday calendar (an `.ics` file), shown to the
//! manager before they are added. All-day events close their days (a multi-day event each
//! of them); events with a time of day are not closures and are left out, as are days
//! already past and days more than two years ahead. A repeating event adds its first day
//! only: the file states each year's holidays, and the page says how many repeated.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

/// Largest file read (ten years of holidays take about 30 KB; the whole request stays
/// within the server's 64 KB limit), and most days one import adds.
pub const MAX_FILE_BYTES: usize = 48 * 1024;
pub const MAX_DAYS: usize = 366;
/// Longest reason kept from an event's summary.
pub const REASON_MAX_CHARS: usize = 100;
/// Longest run of days one event may close.
const MAX_EVENT_DAYS: i64 = 31;
/// Deepest nesting of `BEGIN:` a holiday calendar needs (calendar, event, alarm). The
/// parser descends once per level, so a file of nothing but `BEGIN:` lines would exhaust
/// the stack of the thread reading it: such a file is refused before it is parsed.
const MAX_NESTING: usize = 4;

/// Whether `BEGIN:`/`END:` lines nest deeper than a calendar ever does.
pub fn nests_too_deep(file: &str) -> bool {
    let mut depth = 0usize;
    for line in file.lines() {
        let name = line.trim_start().to_ascii_uppercase();
        if name.starts_with("BEGIN:") {
            depth += 1;
            if depth > MAX_NESTING {
                return true;
            }
        } else if name.starts_with("END:") {
            depth = depth.saturating_sub(1);
        }
    }
    false
}

/// One day to close and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Holiday {
    pub day: NaiveDate,
    pub reason: String,
}

/// What the file held besides the days to add.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportNotes {
    /// Events with a time of day (meetings, not closures).
    pub timed: usize,
    /// Days before today, or too far ahead.
    pub out_of_range: usize,
    /// Repeating events, of which only the first day was taken.
    pub repeating: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ImportProblem {
    /// Not a calendar file, or an empty one.
    NotACalendar,
    TooLarge,
    /// More days than one import may add.
    TooManyDays,
    /// A calendar, but not one day in it to close.
    NothingToAdd,
}

/// An event's summary made fit for a closure's reason: one line, no control characters,
/// at most `REASON_MAX_CHARS`.
pub fn tidy_reason(summary: &str) -> String {
    let line: String = summary
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    line.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(REASON_MAX_CHARS)
        .collect()
}

/// The days an all-day event from `start` to `end` (exclusive, as iCalendar counts) closes.
pub fn event_days(start: NaiveDate, end: Option<NaiveDate>) -> Vec<NaiveDate> {
    let last = match end {
        Some(end) if end > start => end - Duration::days(1),
        _ => start,
    };
    let last = last.min(start + Duration::days(MAX_EVENT_DAYS - 1));
    start.iter_days().take_while(|d| *d <= last).collect()
}

/// The days to close, in order, one per day (the first reason given for a day wins),
/// from `today` to two years ahead.
pub fn select_days(
    events: Vec<Holiday>,
    today: NaiveDate,
    notes: &mut ImportNotes,
) -> Result<Vec<Holiday>, ImportProblem> {
    let until = today + Duration::days(2 * 366);
    let mut days: Vec<Holiday> = Vec::new();
    for holiday in events {
        if holiday.day < today || holiday.day > until {
            notes.out_of_range += 1;
        } else if !days.iter().any(|d| d.day == holiday.day) {
            days.push(holiday);
        }
    }
    days.sort();
    match days.len() {
        0 => Err(ImportProblem::NothingToAdd),
        n if n > MAX_DAYS => Err(ImportProblem::TooManyDays),
        _ => Ok(days),
    }
}

/// Reads the days to close from an `.ics` file with the `icalendar` crate's parser.
#[cfg(feature = "ssr")]
pub fn read_holidays(
    file: &str,
    today: NaiveDate,
) -> Result<(Vec<Holiday>, ImportNotes), ImportProblem> {
    use icalendar::{Component, DatePerhapsTime};
    if file.len() > MAX_FILE_BYTES {
        return Err(ImportProblem::TooLarge);
    }
    // Calendar programs on Windows start the file with a byte-order mark.
    let file = file.trim_start_matches('\u{feff}');
    let unfolded = icalendar::parser::unfold(file);
    if nests_too_deep(&unfolded) {
        return Err(ImportProblem::NotACalendar);
    }
    let parsed =
        icalendar::parser::read_calendar(&unfolded).map_err(|_| ImportProblem::NotACalendar)?;
    let calendar = icalendar::Calendar::from(parsed);
    let mut notes = ImportNotes::default();
    let mut events = Vec::new();
    let mut any = false;
    for event in calendar.events() {
        any = true;
        if event
            .property_value("STATUS")
            .is_some_and(|s| s.eq_ignore_ascii_case("CANCELLED"))
        {
            continue;
        }
        let Some(DatePerhapsTime::Date(start)) = event.get_start() else {
            notes.timed += 1;
            continue;
        };
        let end = match event.get_end() {
            Some(DatePerhapsTime::Date(end)) => Some(end),
            _ => None,
        };
        if event.property_value("RRULE").is_some() {
            notes.repeating += 1;
        }
        let reason = tidy_reason(event.get_summary().unwrap_or_default());
        for day in event_days(start, end) {
            events.push(Holiday {
                day,
                reason: reason.clone(),
            });
        }
        if events.len() > MAX_DAYS * 4 {
            return Err(ImportProblem::TooManyDays);
        }
    }
    if !any {
        return Err(ImportProblem::NotACalendar);
    }
    let days = select_days(events, today, &mut notes)?;
    Ok((days, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn an_all_day_event_closes_its_days_up_to_the_exclusive_end() {
        assert_eq!(event_days(day("2027-12-24"), None), vec![day("2027-12-24")]);
        assert_eq!(
            event_days(day("2027-12-24"), Some(day("2027-12-26"))),
            vec![day("2027-12-24"), day("2027-12-25")]
        );
        assert_eq!(
            event_days(day("2027-12-24"), Some(day("2027-12-24"))).len(),
            1
        );
        assert_eq!(
            event_days(day("2027-01-01"), Some(day("2028-01-01"))).len(),
            31
        );
    }

    #[test]
    fn reasons_are_one_tidy_line() {
        assert_eq!(tidy_reason("  New Year's\r\n Day\u{7}  "), "New Year's Day");
        assert_eq!(
            tidy_reason(&"x".repeat(300)).chars().count(),
            REASON_MAX_CHARS
        );
    }

    #[test]
    fn days_are_ordered_unique_and_within_range() {
        let today = day("2027-01-10");
        let events = vec![
            Holiday {
                day: day("2027-05-31"),
                reason: "Memorial Day".into(),
            },
            Holiday {
                day: day("2027-01-01"),
                reason: "New Year's Day".into(),
            },
            Holiday {
                day: day("2027-01-18"),
                reason: "MLK Day".into(),
            },
            Holiday {
                day: day("2027-01-18"),
                reason: "Again".into(),
            },
            Holiday {
                day: day("2031-01-01"),
                reason: "Far".into(),
            },
        ];
        let mut notes = ImportNotes::default();
        let days = select_days(events, today, &mut notes).unwrap();
        assert_eq!(
            days.iter().map(|h| h.day).collect::<Vec<_>>(),
            vec![day("2027-01-18"), day("2027-05-31")]
        );
        assert_eq!(days[0].reason, "MLK Day");
        assert_eq!(notes.out_of_range, 2);
        assert_eq!(
            select_days(Vec::new(), today, &mut notes),
            Err(ImportProblem::NothingToAdd)
        );
    }

    #[test]
    fn a_holiday_calendar_is_read_and_what_is_not_a_closure_is_counted() {
        let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Agency//Holidays//EN\r\n\
            BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20271125\r\nDTEND;VALUE=DATE:20271127\r\nSUMMARY:Thanksgiving\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20271225\r\nSUMMARY:Christmas Day\r\nRRULE:FREQ=YEARLY\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:3\r\nDTSTART:20271201T170000Z\r\nDTEND:20271201T180000Z\r\nSUMMARY:Staff party\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:4\r\nDTSTART;VALUE=DATE:20260101\r\nSUMMARY:Long ago\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let (days, notes) = read_holidays(ics, day("2027-01-01")).unwrap();
        let read: Vec<(String, &str)> = days
            .iter()
            .map(|h| (h.day.to_string(), h.reason.as_str()))
            .collect();
        assert_eq!(
            read,
            vec![
                ("2027-11-25".to_owned(), "Thanksgiving"),
                ("2027-11-26".to_owned(), "Thanksgiving"),
                ("2027-12-25".to_owned(), "Christmas Day"),
            ]
        );
        assert_eq!(
            notes,
            ImportNotes {
                timed: 1,
                out_of_range: 1,
                repeating: 1
            }
        );
    }

    #[test]
    fn a_file_of_nested_begins_is_refused_before_it_is_parsed() {
        let today = day("2027-01-01");
        let deep = "BEGIN:VCALENDAR\r\n".to_owned() + &"BEGIN:A\r\n".repeat(5000);
        assert!(nests_too_deep(&deep));
        assert_eq!(
            read_holidays(&deep, today).unwrap_err(),
            ImportProblem::NotACalendar
        );
        let alarm =
            "BEGIN:VCALENDAR\nBEGIN:VEVENT\nBEGIN:VALARM\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR";
        assert!(!nests_too_deep(alarm));
    }

    #[test]
    fn a_byte_order_mark_is_no_obstacle_and_cancelled_events_close_nothing() {
        let ics = "\u{feff}BEGIN:VCALENDAR\r\nVERSION:2.0\r\n\
            BEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20270531\r\nSUMMARY:Memorial Day\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:2\r\nDTSTART;VALUE=DATE:20270601\r\nSUMMARY:Moved\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let (days, _) = read_holidays(ics, day("2027-01-01")).unwrap();
        assert_eq!(days.len(), 1);
        assert_eq!(days[0].reason, "Memorial Day");
    }

    #[test]
    fn what_is_not_a_calendar_is_refused() {
        let today = day("2027-01-01");
        assert_eq!(
            read_holidays("", today).unwrap_err(),
            ImportProblem::NotACalendar
        );
        assert_eq!(
            read_holidays("hello, world", today).unwrap_err(),
            ImportProblem::NotACalendar
        );
        let big = "x".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            read_holidays(&big, today).unwrap_err(),
            ImportProblem::TooLarge
        );
    }
}
