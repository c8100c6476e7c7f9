//! Dates and times as people read them in each language, from CLDR through ICU4X (data
//! compiled into the server; the WASM never formats a date).

use super::Locale;
use chrono::{DateTime, NaiveDate, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;

#[cfg(feature = "ssr")]
pub use cldr::{clock, date_and_time, long_date, month_and_year, weekday};
#[cfg(not(feature = "ssr"))]
pub use stand_ins::{clock, date_and_time, long_date, month_and_year, weekday};

/// A zone's IANA name as words: "America/New York".
pub fn zone_label(zone: &str) -> String {
    zone.replace('_', " ")
}

#[cfg(feature = "ssr")]
mod cldr {
    use super::*;
    use chrono::{Datelike, Timelike};
    use icu_datetime::fieldsets::{E, T, YM, YMDE, YMDET};
    use icu_datetime::input::{Date, DateTime as IcuDateTime, Time};
    use icu_datetime::options::TimePrecision;
    use icu_datetime::DateTimeFormatter;
    use std::sync::LazyLock;

    /// The formats pages use, for one language.
    struct Formats {
        date: DateTimeFormatter<YMDE>,
        time: DateTimeFormatter<T>,
        date_time: DateTimeFormatter<YMDET>,
        month: DateTimeFormatter<YM>,
        weekday: DateTimeFormatter<E>,
        weekday_short: DateTimeFormatter<E>,
    }

    /// Loaded once per language (the data is compiled in, so this cannot fail at run time
    /// for a language that passed the unit tests).
    static FORMATS: LazyLock<Vec<(Locale, Formats)>> = LazyLock::new(|| {
        Locale::ALL
            .into_iter()
            .map(|locale| (locale, formats(locale)))
            .collect()
    });

    /// The ICU locale of `locale`. Arabic is written with Western digits, as the ticket
    /// numbers, phone numbers and counts on the same page are.
    fn icu_locale(locale: Locale) -> icu_locale_core::Locale {
        let id = match locale {
            Locale::Ar => "ar-u-nu-latn",
            other => other.tag(),
        };
        icu_locale_core::Locale::try_from_str(id)
            .unwrap_or_else(|_| panic!("{id} is a valid BCP 47 tag"))
    }

    fn formats(locale: Locale) -> Formats {
        let id = icu_locale(locale);
        let minutes = TimePrecision::Minute;
        let missing = |what: &str| format!("ICU4X has {what} formats for {}", locale.tag());
        Formats {
            date: DateTimeFormatter::try_new((&id).into(), YMDE::long())
                .unwrap_or_else(|_| panic!("{}", missing("date"))),
            time: DateTimeFormatter::try_new((&id).into(), T::short().with_time_precision(minutes))
                .unwrap_or_else(|_| panic!("{}", missing("time"))),
            date_time: DateTimeFormatter::try_new(
                (&id).into(),
                YMDET::long().with_time_precision(minutes),
            )
            .unwrap_or_else(|_| panic!("{}", missing("date and time"))),
            month: DateTimeFormatter::try_new((&id).into(), YM::long())
                .unwrap_or_else(|_| panic!("{}", missing("month"))),
            weekday: DateTimeFormatter::try_new((&id).into(), E::long())
                .unwrap_or_else(|_| panic!("{}", missing("weekday"))),
            weekday_short: DateTimeFormatter::try_new((&id).into(), E::short())
                .unwrap_or_else(|_| panic!("{}", missing("short weekday"))),
        }
    }

    fn formats_of(locale: Locale) -> &'static Formats {
        FORMATS
            .iter()
            .find(|(l, _)| *l == locale)
            .map(|(_, f)| f)
            .unwrap_or_else(|| unreachable!("every Locale is in Locale::ALL"))
    }

    fn icu_date(date: NaiveDate) -> Date<icu_calendar::Iso> {
        // chrono's dates are all within ICU's range (years ±262,143 against ±9,999 in
        // practice); a date outside it would be a bug upstream, shown as the epoch.
        Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8)
            .unwrap_or_else(|_| Date::try_new_iso(1970, 1, 1).expect("1970-01-01 is a date"))
    }

    fn icu_time(time: NaiveTime) -> Time {
        Time::try_new(time.hour() as u8, time.minute() as u8, 0, 0)
            .unwrap_or_else(|_| Time::start_of_day())
    }

    /// "Tuesday, November 24, 2026" / "martes, 24 de noviembre de 2026".
    pub fn long_date(date: NaiveDate, locale: Locale) -> String {
        formats_of(locale).date.format(&icu_date(date)).to_string()
    }

    /// "9:30 AM" where the language reads a 12-hour clock, "9:30" where it reads 24 hours.
    pub fn clock(time: NaiveTime, locale: Locale) -> String {
        formats_of(locale).time.format(&icu_time(time)).to_string()
    }

    /// "November 2026" / "noviembre de 2026", for a month's calendar.
    pub fn month_and_year(day_in_month: NaiveDate, locale: Locale) -> String {
        formats_of(locale)
            .month
            .format(&icu_date(day_in_month))
            .to_string()
    }

    /// "Tuesday", or with `short` "Tue", as the language writes a day of the week alone.
    pub fn weekday(day: Weekday, short: bool, locale: Locale) -> String {
        // Any date falling on that weekday: 2026-11-23 was a Monday.
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let date = icu_date(monday + chrono::Days::new(u64::from(day.num_days_from_monday())));
        let f = formats_of(locale);
        let format = if short { &f.weekday_short } else { &f.weekday };
        format.format(&date).to_string()
    }

    /// Date and time of `instant` on the wall clock of `tz`.
    pub fn date_and_time(instant: DateTime<Utc>, tz: Tz, locale: Locale) -> String {
        let local = instant.with_timezone(&tz);
        let at = IcuDateTime {
            date: icu_date(local.date_naive()),
            time: icu_time(local.time()),
        };
        formats_of(locale).date_time.format(&at).to_string()
    }
}

/// The browser build compiles the pages too but never renders one; these stand in for
/// the CLDR formats there, so that no ICU data reaches the WASM.
#[cfg(not(feature = "ssr"))]
mod stand_ins {
    use super::*;

    pub fn long_date(date: NaiveDate, _: Locale) -> String {
        date.to_string()
    }

    pub fn clock(time: NaiveTime, _: Locale) -> String {
        time.format("%H:%M").to_string()
    }

    pub fn month_and_year(day_in_month: NaiveDate, _: Locale) -> String {
        day_in_month.format("%Y-%m").to_string()
    }

    pub fn weekday(day: Weekday, _: bool, _: Locale) -> String {
        day.to_string()
    }

    pub fn date_and_time(instant: DateTime<Utc>, tz: Tz, _: Locale) -> String {
        instant
            .with_timezone(&tz)
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn nov_24() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
    }

    #[test]
    fn every_language_writes_the_date_its_own_way() {
        let cases = [
            (Locale::En, "Tuesday, November 24, 2026"),
            (Locale::Es, "martes, 24 de noviembre de 2026"),
            (Locale::Vi, "Thứ Ba, 24 tháng 11 2026"),
            (Locale::ZhHans, "2026年11月24日星期二"),
            (Locale::Ru, "вторник, 24 ноября 2026\u{202f}г."),
            (Locale::So, "Talaado, Noofeembar 24, 2026"),
            (Locale::Ar, "الثلاثاء، 24 نوفمبر 2026"),
        ];
        for (locale, expected) in cases {
            assert_eq!(long_date(nov_24(), locale), expected, "{}", locale.tag());
        }
    }

    #[test]
    fn months_and_weekdays_stand_alone() {
        assert_eq!(month_and_year(nov_24(), Locale::En), "November 2026");
        assert_eq!(month_and_year(nov_24(), Locale::Es), "noviembre de 2026");
        assert_eq!(weekday(Weekday::Sun, false, Locale::En), "Sunday");
        assert_eq!(weekday(Weekday::Sun, true, Locale::En), "Sun");
        assert_eq!(weekday(Weekday::Mon, false, Locale::Ru), "понедельник");
        assert_eq!(weekday(Weekday::Fri, false, Locale::Ar), "الجمعة");
    }

    #[test]
    fn twelve_and_twenty_four_hour_clocks() {
        let t = NaiveTime::from_hms_opt(14, 5, 0).unwrap();
        assert_eq!(clock(t, Locale::En), "2:05\u{202f}PM");
        assert_eq!(clock(t, Locale::Es), "14:05");
        assert_eq!(clock(t, Locale::Ru), "14:05");
        assert_eq!(clock(t, Locale::ZhHans), "14:05");
        assert_eq!(
            clock(NaiveTime::from_hms_opt(0, 30, 0).unwrap(), Locale::En),
            "12:30\u{202f}AM"
        );
        // Arabic with Western digits, like the rest of its pages.
        assert!(clock(t, Locale::Ar).starts_with("2:05"));
    }

    #[test]
    fn the_same_instant_on_two_wall_clocks() {
        let instant = Utc.with_ymd_and_hms(2026, 11, 24, 17, 30, 0).unwrap();
        let ny = date_and_time(instant, chrono_tz::America::New_York, Locale::En);
        let la = date_and_time(instant, chrono_tz::America::Los_Angeles, Locale::En);
        assert_eq!(ny, "Tuesday, November 24, 2026 at 12:30\u{202f}PM");
        assert_eq!(la, "Tuesday, November 24, 2026 at 9:30\u{202f}AM");
        assert_eq!(zone_label("America/New_York"), "America/New York");
    }
}
