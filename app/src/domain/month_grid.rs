//! The weeks of a month as a wall calendar shows them (Sunday first, as in the United
//! States), for the booking page's day picker.

use chrono::{Datelike, Duration, NaiveDate};

/// Rows of seven cells, Sunday to Saturday; cells outside the month are `None`.
pub fn weeks(year: i32, month: u32) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Vec::new();
    };
    let lead = first.weekday().num_days_from_sunday() as i64;
    let mut weeks = Vec::new();
    let mut cursor = first - Duration::days(lead);
    loop {
        let mut row = [None; 7];
        for cell in row.iter_mut() {
            if cursor.month() == month && cursor.year() == year {
                *cell = Some(cursor);
            }
            cursor += Duration::days(1);
        }
        weeks.push(row);
        if cursor.month() != month || cursor.year() != year {
            break;
        }
    }
    weeks
}

/// The first day of the month after `date`'s.
pub fn next_month(date: NaiveDate) -> NaiveDate {
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn november_2026_starts_on_a_sunday_and_has_five_rows() {
        let w = weeks(2026, 11);
        assert_eq!(w.len(), 5);
        assert_eq!(w[0][0], d(2026, 11, 1));
        assert_eq!(w[4][1], d(2026, 11, 30));
        assert_eq!(w[4][2], None);
    }

    #[test]
    fn a_month_starting_on_saturday_pads_the_first_row() {
        // May 2027 starts on a Saturday and needs six rows.
        let w = weeks(2027, 5);
        assert_eq!(w[0][..6], [None; 6]);
        assert_eq!(w[0][6], d(2027, 5, 1));
        assert_eq!(w.len(), 6);
        assert_eq!(w.iter().flatten().flatten().count(), 31);
    }

    #[test]
    fn next_month_wraps_the_year() {
        assert_eq!(Some(next_month(d(2026, 12, 15).unwrap())), d(2027, 1, 1));
        assert_eq!(Some(next_month(d(2026, 11, 30).unwrap())), d(2026, 12, 1));
    }
}
