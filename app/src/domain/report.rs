//! The arithmetic of staff reports: grouping days into weeks, fill rates, bar heights for
//! a server-drawn chart, and CSV fields written so a spreadsheet reads them back exactly.

use chrono::{Datelike, Duration, NaiveDate};

/// How a report groups its days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, named by their Monday.
    Week,
}

impl Period {
    pub fn from_code(code: &str) -> Period {
        if code == "week" {
            Period::Week
        } else {
            Period::Day
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
        }
    }

    /// The first day of the period `day` falls in.
    pub fn start_of(self, day: NaiveDate) -> NaiveDate {
        match self {
            Period::Day => day,
            Period::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
        }
    }
}

/// Seats taken as a whole per cent of seats offered; none when nothing was offered.
pub fn fill_rate(taken: u64, offered: u64) -> Option<u32> {
    (offered > 0).then(|| ((taken * 100 + offered / 2) / offered).min(u64::from(u32::MAX)) as u32)
}

/// Bar heights in whole pixels for `values`, the largest `max_height` tall; a value above
/// zero is never drawn flat.
pub fn bar_heights(values: &[u64], max_height: u32) -> Vec<u32> {
    let largest = values.iter().copied().max().unwrap_or(0);
    values
        .iter()
        .map(|&v| {
            if v == 0 || largest == 0 {
                0
            } else {
                let scaled = (v * u64::from(max_height) + largest / 2) / largest;
                (scaled as u32).max(1)
            }
        })
        .collect()
}

/// One CSV field: quoted when it holds a comma, quote or line break, with quotes doubled.
/// A field a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is prefixed
/// with an apostrophe, since names come from visitors.
pub fn csv_field(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// One CSV line, ending in CRLF as RFC 4180 asks.
pub fn csv_line(fields: &[&str]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_start_on_monday() {
        let sunday = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(Period::Week.start_of(sunday), monday);
        assert_eq!(Period::Week.start_of(monday), monday);
        assert_eq!(Period::Day.start_of(sunday), sunday);
        assert_eq!(Period::from_code("week"), Period::Week);
        assert_eq!(Period::from_code("fortnight"), Period::Day);
    }

    #[test]
    fn fill_rate_rounds_to_whole_per_cent() {
        assert_eq!(fill_rate(0, 0), None);
        assert_eq!(fill_rate(2, 3), Some(67));
        assert_eq!(fill_rate(25, 25), Some(100));
        assert_eq!(fill_rate(1, 200), Some(1)); // 0.5 rounds up
    }

    #[test]
    fn bars_scale_to_the_largest_and_small_values_stay_visible() {
        assert_eq!(bar_heights(&[0, 5, 10], 100), vec![0, 50, 100]);
        assert_eq!(bar_heights(&[1, 1000], 100), vec![1, 100]);
        assert_eq!(bar_heights(&[0, 0], 100), vec![0, 0]);
        assert_eq!(bar_heights(&[], 100), Vec::<u32>::new());
    }

    #[test]
    fn csv_fields_survive_commas_quotes_line_breaks_and_formulas() {
        assert_eq!(csv_field("Tigard"), "Tigard");
        assert_eq!(csv_field("Smith, Jr."), "\"Smith, Jr.\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-5"), "'-5");
        assert_eq!(csv_line(&["a", "b,c"]), "a,\"b,c\"\r\n");
    }
}
