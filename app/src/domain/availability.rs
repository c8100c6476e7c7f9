//! Bookable appointment slots: a center's weekly hours cut into slots of a service's
//! length, minus closures, minus what is too soon (lead time) or too far (horizon), and
//! shown in the visitor's time zone. All instants are UTC; local dates and times exist only
//! at the edges, where a zone turns them into instants and back.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use std::collections::BTreeMap;

/// Opening hours for each weekday (index 0 = Monday), in the center's local time.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WeeklyHours {
    days: [Option<(NaiveTime, NaiveTime)>; 7],
}

impl WeeklyHours {
    /// Open `opens..closes` on the given ISO weekdays (1 = Monday … 7 = Sunday).
    pub fn open(
        mut self,
        weekdays: impl IntoIterator<Item = u32>,
        opens: NaiveTime,
        closes: NaiveTime,
    ) -> Self {
        for day in weekdays {
            if (1..=7).contains(&day) && closes > opens {
                self.days[(day - 1) as usize] = Some((opens, closes));
            }
        }
        self
    }

    pub fn on(&self, date: NaiveDate) -> Option<(NaiveTime, NaiveTime)> {
        self.days[date.weekday().num_days_from_monday() as usize]
    }

    /// Opening and closing time on ISO weekday `day` (1 = Monday), if open.
    pub fn on_weekday(&self, day: u32) -> Option<(NaiveTime, NaiveTime)> {
        (1..=7)
            .contains(&day)
            .then(|| self.days[(day - 1) as usize])
            .flatten()
    }

    /// Whether `start..end` lies within the hours of its own day in `tz`.
    pub fn covers(&self, tz: Tz, start: DateTime<Utc>, end: DateTime<Utc>) -> bool {
        let (from, to) = (start.with_timezone(&tz), end.with_timezone(&tz));
        from.date_naive() == to.date_naive()
            && self
                .on(from.date_naive())
                .is_some_and(|(opens, closes)| from.time() >= opens && to.time() <= closes)
    }
}

/// Why a day's opening hours, as typed, are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HoursProblem {
    /// One of the two times is missing or not a time.
    NotATime,
    CloseNotAfterOpen,
}

/// How many people one slot of a service may take, as a manager sets it.
pub const SEATS_PER_SLOT: std::ops::RangeInclusive<u32> = 1..=100;

/// A typed number of seats per slot, if it is a whole number in `SEATS_PER_SLOT`.
pub fn parse_seats(typed: &str) -> Option<u32> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| SEATS_PER_SLOT.contains(n))
}

/// One day's hours as typed (`HH:MM`): both empty means closed that day.
pub fn parse_day_hours(
    opens: &str,
    closes: &str,
) -> Result<Option<(NaiveTime, NaiveTime)>, HoursProblem> {
    let time = |raw: &str| NaiveTime::parse_from_str(raw.trim(), "%H:%M").ok();
    match (opens.trim().is_empty(), closes.trim().is_empty()) {
        (true, true) => Ok(None),
        _ => match (time(opens), time(closes)) {
            (Some(o), Some(c)) if c > o => Ok(Some((o, c))),
            (Some(_), Some(_)) => Err(HoursProblem::CloseNotAfterOpen),
            _ => Err(HoursProblem::NotATime),
        },
    }
}

/// A booking still to come, as a change of hours or capacity sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct BookedSlot {
    pub id: i64,
    pub service: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// The person is already here (checked in at the kiosk): their seat counts, but a
    /// change never cancels their appointment.
    pub arrived: bool,
}

/// The bookings that new `hours` and per-service `capacity` would leave without a place:
/// those outside the hours of their day, then, where a slot holds more bookings than its
/// new capacity, the ones booked last (`bookings` come in booking order). People who have
/// arrived keep their place and take their seats first. Ids in that order.
pub fn stranded(
    bookings: &[BookedSlot],
    hours: &WeeklyHours,
    capacity: &BTreeMap<String, u32>,
    tz: Tz,
) -> Vec<i64> {
    let mut seated: BTreeMap<(&str, DateTime<Utc>), u32> = BTreeMap::new();
    for b in bookings.iter().filter(|b| b.arrived) {
        *seated.entry((b.service.as_str(), b.start)).or_insert(0) += 1;
    }
    bookings
        .iter()
        .filter(|b| !b.arrived)
        .filter(|b| {
            if !hours.covers(tz, b.start, b.end) {
                return true;
            }
            let limit = capacity.get(&b.service).copied().unwrap_or(u32::MAX);
            let taken = seated.entry((b.service.as_str(), b.start)).or_insert(0);
            *taken += 1;
            *taken > limit
        })
        .map(|b| b.id)
        .collect()
}

/// How one service is booked at one center.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SlotRules {
    pub slot_minutes: u32,
    /// How many people can be booked into one slot (staff taking the service at once).
    pub capacity: u32,
    /// The earliest bookable start is this long after now.
    pub lead_time: Duration,
    /// Days ahead, counted from today in the center's zone, that can be booked.
    pub horizon_days: u32,
}

/// One bookable time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Slot {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

/// The instant a local wall-clock time names in `tz`: the earlier one when clocks fall
/// back (the time happens twice), none when clocks spring forward (it never happens).
pub fn local_instant(tz: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    tz.from_local_datetime(&local)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

/// Every slot the rules allow from `now` on, in time order.
pub fn slots(
    tz: Tz,
    hours: &WeeklyHours,
    closures: &[NaiveDate],
    rules: &SlotRules,
    now: DateTime<Utc>,
) -> Vec<Slot> {
    let step = Duration::minutes(i64::from(rules.slot_minutes.max(1)));
    let earliest = now + rules.lead_time;
    let today = now.with_timezone(&tz).date_naive();
    let mut found = Vec::new();
    for date in today.iter_days().take(rules.horizon_days as usize + 1) {
        let Some((opens, closes)) = hours.on(date) else {
            continue;
        };
        if closures.contains(&date) {
            continue;
        }
        let (mut local, last) = (date.and_time(opens), date.and_time(closes));
        while local + step <= last {
            if let Some(start) = local_instant(tz, local) {
                if start >= earliest {
                    found.push(Slot {
                        start,
                        end: start + step,
                    });
                }
            }
            local += step;
        }
    }
    found
}

/// Slots with room left, given how many are booked at each start, with the seats left.
pub fn with_room(
    slots: &[Slot],
    capacity: u32,
    booked: &BTreeMap<DateTime<Utc>, u32>,
) -> Vec<(Slot, u32)> {
    slots
        .iter()
        .filter_map(|slot| {
            let left = capacity.saturating_sub(booked.get(&slot.start).copied().unwrap_or(0));
            (left > 0).then_some((*slot, left))
        })
        .collect()
}

/// Slots grouped by the date they fall on in the visitor's zone, which may differ from
/// the center's date (a Portland afternoon is the next morning in Kathmandu).
pub fn by_visitor_day(slots: &[Slot], visitor: Tz) -> BTreeMap<NaiveDate, Vec<Slot>> {
    let mut days: BTreeMap<NaiveDate, Vec<Slot>> = BTreeMap::new();
    for slot in slots {
        days.entry(slot.start.with_timezone(&visitor).date_naive())
            .or_default()
            .push(*slot);
    }
    days
}

/// Up to `count` free slots closest in time to `wanted` (which was just taken), closest
/// first and, between equally close ones, the earlier first: what a person is offered
/// instead.
pub fn nearest(free: &[Slot], wanted: DateTime<Utc>, count: usize) -> Vec<Slot> {
    let mut by_distance: Vec<Slot> = free.iter().copied().filter(|s| s.start != wanted).collect();
    by_distance.sort_by_key(|s| ((s.start - wanted).num_seconds().abs(), s.start));
    by_distance.truncate(count);
    by_distance
}

/// The wall-clock time of `instant` in `tz`, for showing a slot in both zones.
pub fn wall_clock(instant: DateTime<Utc>, tz: Tz) -> NaiveDateTime {
    instant.with_timezone(&tz).naive_local()
}

#[cfg(test)]
mod tests {
    #[test]
    fn seats_per_slot_are_a_whole_number_from_1_to_100() {
        use super::parse_seats;
        assert_eq!(parse_seats(" 12 "), Some(12));
        assert_eq!(parse_seats("100"), Some(100));
        for bad in ["0", "101", "-1", "2.5", "", "many"] {
            assert_eq!(parse_seats(bad), None, "{bad}");
        }
    }

    use super::*;
    use chrono_tz::{America, Asia, Australia};

    fn time(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
    }
    fn weekdays_830_to_1730() -> WeeklyHours {
        WeeklyHours::default().open(1..=5, time(8, 30), time(17, 30))
    }
    fn rules(horizon_days: u32) -> SlotRules {
        SlotRules {
            slot_minutes: 30,
            capacity: 1,
            lead_time: Duration::zero(),
            horizon_days,
        }
    }
    const PORTLAND: Tz = America::Los_Angeles;

    /// Portland's weekday slots from `now` for `horizon_days`, by date in `visitor`'s zone.
    fn portland_days(
        now: DateTime<Utc>,
        horizon_days: u32,
        visitor: Tz,
    ) -> BTreeMap<NaiveDate, Vec<Slot>> {
        by_visitor_day(
            &slots(
                PORTLAND,
                &weekdays_830_to_1730(),
                &[],
                &rules(horizon_days),
                now,
            ),
            visitor,
        )
    }

    #[test]
    fn an_open_weekday_has_eighteen_half_hour_slots_and_weekends_none() {
        // Sunday 2027-01-03 00:00 in Portland; the horizon covers Monday to Sunday.
        let now = utc(2027, 1, 3, 8, 0);
        let all = slots(PORTLAND, &weekdays_830_to_1730(), &[], &rules(7), now);
        let days = by_visitor_day(&all, PORTLAND);
        assert_eq!(days.len(), 5);
        assert!(days.values().all(|d| d.len() == 18));
        let monday = &days[&date(2027, 1, 4)];
        assert_eq!(wall_clock(monday[0].start, PORTLAND).time(), time(8, 30));
        assert_eq!(wall_clock(monday[17].end, PORTLAND).time(), time(17, 30));
    }

    #[test]
    fn closures_and_the_horizon_are_respected() {
        let now = utc(2027, 1, 3, 8, 0);
        let closed = [date(2027, 1, 5)];
        let days = by_visitor_day(
            &slots(PORTLAND, &weekdays_830_to_1730(), &closed, &rules(3), now),
            PORTLAND,
        );
        assert_eq!(
            days.keys().copied().collect::<Vec<_>>(),
            vec![date(2027, 1, 4), date(2027, 1, 6)]
        );
    }

    #[test]
    fn nothing_is_bookable_sooner_than_the_lead_time() {
        // Monday 2027-01-04 10:05 in Portland (18:05 UTC), two hours' lead time.
        let now = utc(2027, 1, 4, 18, 5);
        let r = SlotRules {
            lead_time: Duration::hours(2),
            ..rules(0)
        };
        let today = slots(PORTLAND, &weekdays_830_to_1730(), &[], &r, now);
        assert_eq!(wall_clock(today[0].start, PORTLAND).time(), time(12, 30));
    }

    #[test]
    fn a_full_slot_is_not_offered_and_seats_left_are_counted() {
        let now = utc(2027, 1, 3, 8, 0);
        let all = slots(PORTLAND, &weekdays_830_to_1730(), &[], &rules(1), now);
        let booked = BTreeMap::from([(all[0].start, 3), (all[1].start, 1)]);
        let open = with_room(&all, 3, &booked);
        assert_eq!(open[0], (all[1], 2));
        assert_eq!(open.len(), all.len() - 1);
    }

    #[test]
    fn center_hours_stay_on_the_wall_clock_across_daylight_saving() {
        // Friday before and Monday after 2027-03-14: 8:30 is 16:30 UTC in PST, 15:30 in PDT.
        let now = utc(2027, 3, 12, 8, 0);
        let days = portland_days(now, 4, PORTLAND);
        assert_eq!(days[&date(2027, 3, 12)][0].start, utc(2027, 3, 12, 16, 30));
        assert_eq!(days[&date(2027, 3, 15)][0].start, utc(2027, 3, 15, 15, 30));
        // And back in November: Friday 2027-11-05 in PDT, Monday 2027-11-08 in PST.
        let now = utc(2027, 11, 5, 8, 0);
        let days = portland_days(now, 4, PORTLAND);
        assert_eq!(days[&date(2027, 11, 5)][0].start, utc(2027, 11, 5, 15, 30));
        assert_eq!(days[&date(2027, 11, 8)][0].start, utc(2027, 11, 8, 16, 30));
    }

    #[test]
    fn a_visitor_in_new_york_sees_portland_times_three_hours_later_across_both_changes() {
        for (now, before, after) in [
            (utc(2027, 3, 12, 8, 0), date(2027, 3, 12), date(2027, 3, 15)),
            (utc(2027, 11, 5, 8, 0), date(2027, 11, 5), date(2027, 11, 8)),
        ] {
            let all = slots(PORTLAND, &weekdays_830_to_1730(), &[], &rules(4), now);
            let days = by_visitor_day(&all, America::New_York);
            for day in [before, after] {
                let first = days[&day][0];
                assert_eq!(
                    wall_clock(first.start, America::New_York).time(),
                    time(11, 30),
                    "{day}"
                );
                assert_eq!(
                    wall_clock(first.start, PORTLAND).time(),
                    time(8, 30),
                    "{day}"
                );
            }
        }
    }

    #[test]
    fn in_kathmandu_a_portland_afternoon_is_already_tomorrow() {
        // Monday 2027-01-04 in Portland (PST, UTC-8); Kathmandu is UTC+5:45 all year.
        let now = utc(2027, 1, 3, 8, 0);
        let monday = portland_days(now, 1, PORTLAND)[&date(2027, 1, 4)].clone();
        let kathmandu = by_visitor_day(&monday, Asia::Kathmandu);
        // 8:30 PST = 16:30 UTC = 22:15 Monday; 10:00 PST = 18:00 UTC = 23:45 Monday;
        // 10:30 PST = 18:30 UTC = 00:15 Tuesday.
        assert_eq!(
            wall_clock(monday[0].start, Asia::Kathmandu),
            date(2027, 1, 4).and_time(time(22, 15))
        );
        assert_eq!(kathmandu[&date(2027, 1, 4)].len(), 4);
        assert_eq!(kathmandu[&date(2027, 1, 5)].len(), 14);
        assert_eq!(
            wall_clock(kathmandu[&date(2027, 1, 5)][0].start, Asia::Kathmandu).time(),
            time(0, 15)
        );
    }

    #[test]
    fn lord_howe_island_with_its_half_hour_daylight_saving() {
        // Lord Howe is UTC+11 in its summer (until 2027-04-04) and UTC+10:30 after.
        let lord_howe = Australia::Lord_Howe;
        let early = portland_days(utc(2027, 3, 15, 8, 0), 1, lord_howe);
        // Monday 8:30 PDT = 15:30 UTC = Tuesday 02:30 at UTC+11.
        assert_eq!(
            wall_clock(early[&date(2027, 3, 16)][0].start, lord_howe).time(),
            time(2, 30)
        );
        let late = portland_days(utc(2027, 4, 5, 8, 0), 1, lord_howe);
        // Monday 2027-04-05 8:30 PDT = 15:30 UTC = Tuesday 02:00 at UTC+10:30.
        assert_eq!(
            wall_clock(late[&date(2027, 4, 6)][0].start, lord_howe).time(),
            time(2, 0)
        );
    }

    #[test]
    fn times_that_do_not_exist_are_skipped_and_repeated_times_are_offered_once() {
        // A center open through the night on Sundays, to meet both changes head-on.
        let night = WeeklyHours::default().open([7], time(1, 0), time(4, 0));
        let spring = slots(PORTLAND, &night, &[], &rules(0), utc(2027, 3, 14, 8, 0));
        let spring_local: Vec<NaiveTime> = spring
            .iter()
            .map(|s| wall_clock(s.start, PORTLAND).time())
            .collect();
        // 2:00 and 2:30 never happen on 2027-03-14.
        assert_eq!(
            spring_local,
            vec![time(1, 0), time(1, 30), time(3, 0), time(3, 30)]
        );
        let autumn = slots(PORTLAND, &night, &[], &rules(0), utc(2027, 11, 7, 7, 0));
        let starts: Vec<DateTime<Utc>> = autumn.iter().map(|s| s.start).collect();
        // 1:00 and 1:30 happen twice on 2027-11-07; each is offered once, at the first.
        assert_eq!(starts.len(), 6);
        assert_eq!(starts[0], utc(2027, 11, 7, 8, 0));
        let mut unique = starts.clone();
        unique.dedup();
        assert_eq!(unique, starts);
    }

    #[test]
    fn local_instants_of_missing_and_repeated_times() {
        let gap = date(2027, 3, 14).and_time(time(2, 30));
        assert_eq!(local_instant(PORTLAND, gap), None);
        let twice = date(2027, 11, 7).and_time(time(1, 30));
        assert_eq!(
            local_instant(PORTLAND, twice),
            Some(utc(2027, 11, 7, 8, 30))
        );
    }

    #[test]
    fn nearest_free_times_are_the_closest_either_side() {
        let at = |h, m| Utc.with_ymd_and_hms(2026, 11, 24, h, m, 0).unwrap();
        let slot = |h, m| Slot {
            start: at(h, m),
            end: at(h, m) + Duration::minutes(30),
        };
        let free = [slot(16, 30), slot(17, 30), slot(18, 30), slot(21, 0)];
        let offered = nearest(&free, at(18, 0), 3);
        assert_eq!(offered, vec![slot(17, 30), slot(18, 30), slot(16, 30)]);
        assert!(nearest(&free, at(17, 30), 9)
            .iter()
            .all(|s| s.start != at(17, 30)));
        assert!(nearest(&[], at(18, 0), 3).is_empty());
    }

    #[test]
    fn shorter_hours_and_fewer_seats_strand_the_bookings_outside_them_latest_first() {
        let tz = chrono_tz::America::Los_Angeles;
        let at = |d: u32, h: u32, m: u32| {
            tz.with_ymd_and_hms(2027, 3, d, h, m, 0)
                .unwrap()
                .with_timezone(&Utc)
        };
        let booking = |id: i64, service: &str, start: DateTime<Utc>| BookedSlot {
            id,
            service: service.into(),
            start,
            end: start + Duration::minutes(30),
            arrived: false,
        };
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        // Monday 2027-03-15 and Friday 2027-03-19; Fridays now close at 12:00.
        let hours = WeeklyHours::default()
            .open(1..=4, t(8, 30), t(17, 30))
            .open([5], t(8, 30), t(12, 0));
        let bookings = vec![
            booking(1, "resume_review", at(15, 9, 0)),
            booking(2, "resume_review", at(15, 9, 0)),
            booking(3, "resume_review", at(15, 9, 0)),
            booking(4, "career_coaching", at(15, 9, 0)),
            booking(5, "resume_review", at(19, 11, 30)), // ends 12:00: still inside
            booking(6, "resume_review", at(19, 12, 0)),  // after the new closing
            booking(7, "resume_review", at(20, 10, 0)),  // Saturday: closed
        ];
        let capacity = BTreeMap::from([("resume_review".to_owned(), 2)]);
        assert_eq!(stranded(&bookings, &hours, &capacity, tz), vec![3, 6, 7]);
        let unchanged = BTreeMap::from([("resume_review".to_owned(), 3)]);
        assert_eq!(
            stranded(&bookings[..5], &hours, &unchanged, tz),
            Vec::<i64>::new()
        );
        assert_eq!(hours.on_weekday(5), Some((t(8, 30), t(12, 0))));
        assert_eq!(hours.on_weekday(6), None);

        // Someone who has arrived keeps their seat, even when booked last, and even when
        // the hours no longer cover their appointment; the others give way.
        let mut here = bookings.clone();
        here[2].arrived = true;
        here[5].arrived = true;
        assert_eq!(stranded(&here, &hours, &capacity, tz), vec![2, 7]);
        let one = BTreeMap::from([("resume_review".to_owned(), 1)]);
        assert_eq!(stranded(&here[..3], &hours, &one, tz), vec![1, 2]);
    }

    #[test]
    fn a_day_is_closed_when_both_times_are_empty_and_refused_when_half_typed() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(parse_day_hours("", " "), Ok(None));
        assert_eq!(
            parse_day_hours("08:30", "17:30"),
            Ok(Some((t(8, 30), t(17, 30))))
        );
        assert_eq!(parse_day_hours("08:30", ""), Err(HoursProblem::NotATime));
        assert_eq!(parse_day_hours("9am", "17:00"), Err(HoursProblem::NotATime));
        assert_eq!(
            parse_day_hours("17:00", "09:00"),
            Err(HoursProblem::CloseNotAfterOpen)
        );
    }
}
