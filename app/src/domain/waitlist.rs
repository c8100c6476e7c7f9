//! The waiting list for appointments: what suits a participant (days and parts of the
//! day, at one center or any), whether a freed slot fits that, and who in line is offered
//! which open seat. A seat offered is held for `HOLD_MINUTES`; unanswered, it passes on.

use super::accommodation::Accommodation;
use super::availability::Slot;
use super::booking_form::BookingDetails;
use super::locale::Locale;
use super::service::HowHeld;
use chrono::{DateTime, Datelike, Duration, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

/// How long a freed slot is held for the person it is offered to.
pub const HOLD_MINUTES: i64 = 30;

/// A second "put me on the list" for the same address and service sends the emailed link
/// again only after this long: enough for a person who lost the email, too slow to flood
/// a stranger's inbox.
pub const RESEND_AFTER_MINUTES: i64 = 10;

/// Confirmation emails one address may be sent in a day, whoever asks for them: enough
/// for a person who joins the list for a few services, too few to fill a stranger's inbox.
pub const CONFIRMATIONS_PER_DAY: i64 = 3;

/// Holds a person may let run out unanswered before they are taken off the list: a
/// mailbox nobody reads must not keep one seat after another from everyone else.
pub const UNANSWERED_HOLDS: i64 = 2;

pub fn hold_length() -> Duration {
    Duration::minutes(HOLD_MINUTES)
}

/// A slot is worth holding only if the hold can run its course before the slot starts;
/// a nearer one is for the walk-ins in the lobby.
pub fn worth_holding(slot: &Slot, now: DateTime<Utc>) -> bool {
    slot.start >= now + hold_length()
}

/// The parts of a day a participant can choose from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartOfDay {
    /// Before noon.
    Morning,
    /// Noon to 5 pm.
    Afternoon,
    /// From 5 pm.
    Evening,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 3] = [PartOfDay::Morning, PartOfDay::Afternoon, PartOfDay::Evening];

    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "morning",
            PartOfDay::Afternoon => "afternoon",
            PartOfDay::Evening => "evening",
        }
    }

    pub fn from_code(code: &str) -> Option<PartOfDay> {
        PartOfDay::ALL.into_iter().find(|p| p.code() == code)
    }

    /// The part of the day a wall-clock time falls in.
    pub fn of(time: NaiveTime) -> PartOfDay {
        match time.hour() {
            0..=11 => PartOfDay::Morning,
            12..=16 => PartOfDay::Afternoon,
            _ => PartOfDay::Evening,
        }
    }
}

/// When and where a participant can come.
#[derive(Debug, Clone, PartialEq)]
pub struct Wish {
    /// `None`: any center.
    pub center_id: Option<String>,
    /// ISO weekdays, Monday 1 to Sunday 7.
    pub weekdays: Vec<u32>,
    pub parts: Vec<PartOfDay>,
    /// The participant's zone: "mornings" are their mornings.
    pub zone: Tz,
}

impl Wish {
    /// Whether a slot starting at `start` at center `center_id` suits the participant.
    pub fn fits(&self, center_id: &str, start: DateTime<Utc>) -> bool {
        let local = start.with_timezone(&self.zone);
        self.center_id.as_deref().is_none_or(|c| c == center_id)
            && self
                .weekdays
                .contains(&local.weekday().number_from_monday())
            && self.parts.contains(&PartOfDay::of(local.time()))
    }
}

/// What is wrong with the days and times chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WishProblem {
    NoDay,
    NoPartOfDay,
}

/// The days (ISO numbers as typed, "1" to "7") and parts of the day (codes) ticked on the
/// form, checked: at least one of each; unknown values are ignored, repeats counted once.
pub fn parse_wish<'a>(
    days: impl IntoIterator<Item = &'a str>,
    parts: impl IntoIterator<Item = &'a str>,
) -> Result<(Vec<u32>, Vec<PartOfDay>), Vec<WishProblem>> {
    let mut weekdays: Vec<u32> = days
        .into_iter()
        .filter_map(|d| d.parse().ok())
        .filter(|d| (1..=7).contains(d))
        .collect();
    weekdays.sort_unstable();
    weekdays.dedup();
    let mut parts: Vec<PartOfDay> = parts.into_iter().filter_map(PartOfDay::from_code).collect();
    parts.sort_unstable();
    parts.dedup();
    let mut problems = Vec::new();
    if weekdays.is_empty() {
        problems.push(WishProblem::NoDay);
    }
    if parts.is_empty() {
        problems.push(WishProblem::NoPartOfDay);
    }
    if problems.is_empty() {
        Ok((weekdays, parts))
    } else {
        Err(problems)
    }
}

/// Someone waiting, as matching sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct InLine {
    pub entry_id: i64,
    pub wish: Wish,
    /// Starts of slots at this center they were offered before and let go: not offered
    /// to them again.
    pub let_go: Vec<DateTime<Utc>>,
}

/// Free seats at one slot of one center.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenSeats {
    pub slot: Slot,
    pub seats: u32,
}

/// Who is offered which slot at `center_id`: in line order (`in_line` comes in the order
/// people confirmed), each person the earliest open slot that suits them and that they
/// have not let go before, while it has seats. Returns (entry id, slot) pairs.
pub fn assign(center_id: &str, in_line: &[InLine], open: &[OpenSeats]) -> Vec<(i64, Slot)> {
    let mut left: Vec<u32> = open.iter().map(|o| o.seats).collect();
    let mut given = Vec::new();
    for person in in_line {
        let found = open.iter().enumerate().find(|(i, o)| {
            left[*i] > 0
                && person.wish.fits(center_id, o.slot.start)
                && !person.let_go.contains(&o.slot.start)
        });
        if let Some((i, o)) = found {
            left[i] -= 1;
            given.push((person.entry_id, o.slot));
        }
    }
    given
}

/// A validated "tell me when a time opens".
#[derive(Debug, Clone)]
pub struct NewEntry {
    pub service: String,
    pub center_id: Option<String>,
    pub weekdays: Vec<u32>,
    pub parts: Vec<PartOfDay>,
    pub visitor_time_zone: String,
    pub held: HowHeld,
    pub details: BookingDetails,
    pub email_locale: Locale,
}

/// An entry as its pages and emails show it.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct WaitlistEntry {
    pub id: i64,
    pub service_id: String,
    pub center_id: Option<String>,
    pub center_name: Option<String>,
    pub weekdays: Vec<i16>,
    pub parts_of_day: Vec<String>,
    pub visitor_time_zone: String,
    pub held: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub language: String,
    pub email_locale: String,
    pub accommodations: Vec<String>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
    pub state: String,
    pub mailed_at: DateTime<Utc>,
    /// In the entry's email language.
    pub service_name: String,
}

impl WaitlistEntry {
    pub fn locale(&self) -> Locale {
        Locale::from_tag(&self.email_locale)
    }

    pub fn zone(&self) -> Tz {
        self.visitor_time_zone.parse().unwrap_or(chrono_tz::UTC)
    }

    pub fn parts(&self) -> Vec<PartOfDay> {
        self.parts_of_day
            .iter()
            .filter_map(|p| PartOfDay::from_code(p))
            .collect()
    }

    pub fn wish(&self) -> Wish {
        Wish {
            center_id: self.center_id.clone(),
            weekdays: self.weekdays.iter().map(|d| *d as u32).collect(),
            parts: self.parts(),
            zone: self.zone(),
        }
    }

    /// The details a booking made from a hold carries.
    pub fn details(&self) -> BookingDetails {
        BookingDetails {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            language: self.language.clone(),
            accommodations: self
                .accommodations
                .iter()
                .filter_map(|a| Accommodation::from_code(a))
                .collect(),
            interpreter_language: self.interpreter_language.clone(),
            accommodation_other: self.accommodation_other.clone(),
        }
    }
}

/// A hold as its page shows it, with the entry it was offered to.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SlotHold {
    pub id: i64,
    pub entry_id: i64,
    pub center_id: String,
    pub center_name: String,
    pub center_time_zone: String,
    pub service_id: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub booking_key: Uuid,
    pub state: String,
    pub offered_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// The zone of the person it is held for.
    pub visitor_time_zone: String,
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    const PORTLAND: Tz = chrono_tz::America::Los_Angeles;

    /// A slot at a Portland wall-clock time on a day of December 2026 (the 7th is a Monday).
    fn at(day: u32, hour: u32, minute: u32) -> Slot {
        let start = PORTLAND
            .with_ymd_and_hms(2026, 12, day, hour, minute, 0)
            .unwrap()
            .with_timezone(&Utc);
        Slot {
            start,
            end: start + Duration::minutes(30),
        }
    }

    fn wish(center: Option<&str>, weekdays: &[u32], parts: &[PartOfDay]) -> Wish {
        Wish {
            center_id: center.map(str::to_owned),
            weekdays: weekdays.to_vec(),
            parts: parts.to_vec(),
            zone: PORTLAND,
        }
    }

    fn person(id: i64, wish: Wish) -> InLine {
        InLine {
            entry_id: id,
            wish,
            let_go: Vec::new(),
        }
    }

    fn open(slot: Slot, seats: u32) -> OpenSeats {
        OpenSeats { slot, seats }
    }

    #[test]
    fn parts_of_the_day_split_at_noon_and_five() {
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(PartOfDay::of(t(0, 0)), PartOfDay::Morning);
        assert_eq!(PartOfDay::of(t(11, 59)), PartOfDay::Morning);
        assert_eq!(PartOfDay::of(t(12, 0)), PartOfDay::Afternoon);
        assert_eq!(PartOfDay::of(t(16, 59)), PartOfDay::Afternoon);
        assert_eq!(PartOfDay::of(t(17, 0)), PartOfDay::Evening);
        for part in PartOfDay::ALL {
            assert_eq!(PartOfDay::from_code(part.code()), Some(part));
        }
        assert_eq!(PartOfDay::from_code("night"), None);
    }

    #[test]
    fn a_slot_fits_by_center_weekday_and_part_of_day_in_the_participants_zone() {
        let mornings_monday = wish(Some("tigard"), &[1], &[PartOfDay::Morning]);
        assert!(mornings_monday.fits("tigard", at(7, 9, 0).start));
        assert!(!mornings_monday.fits("gresham", at(7, 9, 0).start));
        assert!(!mornings_monday.fits("tigard", at(7, 14, 30).start));
        assert!(!mornings_monday.fits("tigard", at(8, 9, 0).start));
        // Any center.
        let anywhere = wish(None, &[1, 2], &[PartOfDay::Afternoon]);
        assert!(anywhere.fits("gresham", at(8, 14, 30).start));
        // 9:00 in Portland is 12:00 in New York: an afternoon there.
        let eastern = Wish {
            zone: chrono_tz::America::New_York,
            ..wish(None, &[1], &[PartOfDay::Afternoon])
        };
        assert!(eastern.fits("tigard", at(7, 9, 0).start));
    }

    #[test]
    fn the_wish_needs_a_day_and_a_part_of_the_day() {
        assert_eq!(
            parse_wish(["3", "1", "1", "9", "x"], ["evening", "morning", "noon"]),
            Ok((vec![1, 3], vec![PartOfDay::Morning, PartOfDay::Evening]))
        );
        assert_eq!(parse_wish([], ["morning"]), Err(vec![WishProblem::NoDay]));
        assert_eq!(
            parse_wish(["0", "8"], []),
            Err(vec![WishProblem::NoDay, WishProblem::NoPartOfDay])
        );
    }

    #[test]
    fn the_first_in_line_who_fits_gets_the_freed_slot() {
        let freed = at(8, 14, 30);
        let in_line = [
            person(1, wish(None, &[1], &[PartOfDay::Afternoon])),
            person(2, wish(Some("tigard"), &[2], &[PartOfDay::Afternoon])),
            person(3, wish(None, &[2], &[PartOfDay::Afternoon])),
        ];
        assert_eq!(
            assign("tigard", &in_line, &[open(freed, 1)]),
            vec![(2, freed)]
        );
        // Two seats: the next who fits gets the second.
        assert_eq!(
            assign("tigard", &in_line, &[open(freed, 2)]),
            vec![(2, freed), (3, freed)]
        );
        // Nobody fits a Gresham slot but those who take any center.
        assert_eq!(
            assign("gresham", &in_line, &[open(freed, 2)]),
            vec![(3, freed)]
        );
    }

    #[test]
    fn each_person_gets_the_earliest_slot_that_fits_and_never_one_let_go() {
        let (early, late) = (at(8, 13, 0), at(8, 15, 0));
        let mut first = person(1, wish(None, &[2], &[PartOfDay::Afternoon]));
        let second = person(2, wish(None, &[2], &[PartOfDay::Afternoon]));
        let open_seats = [open(early, 1), open(late, 1)];
        assert_eq!(
            assign("tigard", &[first.clone(), second.clone()], &open_seats),
            vec![(1, early), (2, late)]
        );
        first.let_go = vec![early.start];
        assert_eq!(
            assign("tigard", &[first, second], &open_seats),
            vec![(1, late), (2, early)]
        );
    }

    #[test]
    fn a_slot_too_near_to_hold_is_not_offered() {
        let slot = at(8, 14, 30);
        assert!(worth_holding(
            &slot,
            slot.start - Duration::minutes(HOLD_MINUTES)
        ));
        assert!(!worth_holding(
            &slot,
            slot.start - Duration::minutes(HOLD_MINUTES - 1)
        ));
    }
}
