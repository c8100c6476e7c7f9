//! How one center offers one service, as a manager sets it: offered or not, slot length,
//! people per slot, how soon and how far ahead it can be booked; and which booked
//! appointments a change of these would leave without a place.

use super::availability::{parse_seats, BookedSlot, WeeklyHours};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::RangeInclusive;

/// Slot lengths a manager may choose (the database holds the same bounds).
pub const SLOT_MINUTES: RangeInclusive<u32> = 5..=480;
/// Shortest notice a booking needs, in minutes: up to two weeks.
pub const LEAD_MINUTES: RangeInclusive<u32> = 0..=20_160;
/// How many days ahead can be booked.
pub const HORIZON_DAYS: RangeInclusive<u32> = 1..=365;

/// A service's settings at one center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRules {
    pub offered: bool,
    pub slot_minutes: u32,
    pub capacity: u32,
    pub lead_minutes: u32,
    pub horizon_days: u32,
}

impl ServiceRules {
    /// What a center that has never offered a service starts from: off, half-hour slots,
    /// one person each, two hours' notice, thirty days ahead.
    pub const NOT_SET_UP: ServiceRules = ServiceRules {
        offered: false,
        slot_minutes: 30,
        capacity: 1,
        lead_minutes: 120,
        horizon_days: 30,
    };
}

/// The numbers as typed in the form.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TypedRules {
    pub offered: bool,
    pub slot_minutes: String,
    pub capacity: String,
    pub lead_minutes: String,
    pub horizon_days: String,
}

impl From<ServiceRules> for TypedRules {
    fn from(rules: ServiceRules) -> Self {
        TypedRules {
            offered: rules.offered,
            slot_minutes: rules.slot_minutes.to_string(),
            capacity: rules.capacity.to_string(),
            lead_minutes: rules.lead_minutes.to_string(),
            horizon_days: rules.horizon_days.to_string(),
        }
    }
}

/// A refused number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RuleField {
    SlotMinutes,
    Capacity,
    LeadMinutes,
    HorizonDays,
}

fn whole_in(typed: &str, range: &RangeInclusive<u32>) -> Option<u32> {
    typed
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
}

/// The settings, when every number is a whole number in its range; or every refused one.
/// A service that is switched off is checked too, so that switching it on later finds
/// sensible numbers.
pub fn check_rules(typed: &TypedRules) -> Result<ServiceRules, Vec<RuleField>> {
    let slot = whole_in(&typed.slot_minutes, &SLOT_MINUTES);
    let capacity = parse_seats(&typed.capacity);
    let lead = whole_in(&typed.lead_minutes, &LEAD_MINUTES);
    let horizon = whole_in(&typed.horizon_days, &HORIZON_DAYS);
    match (slot, capacity, lead, horizon) {
        (Some(slot_minutes), Some(capacity), Some(lead_minutes), Some(horizon_days)) => {
            Ok(ServiceRules {
                offered: typed.offered,
                slot_minutes,
                capacity,
                lead_minutes,
                horizon_days,
            })
        }
        _ => Err([
            (slot.is_none(), RuleField::SlotMinutes),
            (capacity.is_none(), RuleField::Capacity),
            (lead.is_none(), RuleField::LeadMinutes),
            (horizon.is_none(), RuleField::HorizonDays),
        ]
        .into_iter()
        .filter_map(|(refused, field)| refused.then_some(field))
        .collect()),
    }
}

/// Booked appointments that new `rules` (service code → settings), with the center's
/// `hours` in zone `tz`, take the slot away from: their service is no longer offered
/// there, or they no longer match a slot, by length or by start. Slots are laid from the
/// day's opening time, so a 30-minute appointment at 9:30 overlaps a new 45-minute slot
/// at 9:00, and after a move to another zone or a later opening a 10:30 appointment may
/// straddle two slots: either way the same coach would be booked twice. A service
/// missing from `rules` is not checked, nor anyone who has arrived. Whether they fit the
/// hours and the seats is `availability::stranded`'s concern.
pub fn without_slot(
    bookings: &[BookedSlot],
    hours: &WeeklyHours,
    rules: &BTreeMap<String, ServiceRules>,
    tz: Tz,
) -> Vec<i64> {
    bookings
        .iter()
        .filter(|b| !b.arrived)
        .filter(|b| {
            rules.get(&b.service).is_some_and(|r| {
                let minutes = (b.end - b.start).num_minutes();
                !r.offered || minutes != i64::from(r.slot_minutes) || !on_grid(b, hours, r, tz)
            })
        })
        .map(|b| b.id)
        .collect()
}

/// Whether the booking starts a whole number of slots after its day's opening time (a
/// booking on a closed day is on no grid; `stranded` reports it for the hours).
fn on_grid(booking: &BookedSlot, hours: &WeeklyHours, rules: &ServiceRules, tz: Tz) -> bool {
    let local = booking.start.with_timezone(&tz);
    let Some((opens, _)) = hours.on(local.date_naive()) else {
        return true;
    };
    let since_opening = (local.time() - opens).num_minutes();
    since_opening >= 0 && since_opening % i64::from(rules.slot_minutes.max(1)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn typed(slot: &str, seats: &str, lead: &str, horizon: &str) -> TypedRules {
        TypedRules {
            offered: true,
            slot_minutes: slot.into(),
            capacity: seats.into(),
            lead_minutes: lead.into(),
            horizon_days: horizon.into(),
        }
    }

    #[test]
    fn good_numbers_are_accepted() {
        assert_eq!(
            check_rules(&typed(" 45 ", "2", "0", "365")),
            Ok(ServiceRules {
                offered: true,
                slot_minutes: 45,
                capacity: 2,
                lead_minutes: 0,
                horizon_days: 365
            })
        );
    }

    #[test]
    fn every_bad_number_is_named() {
        assert_eq!(
            check_rules(&typed("4", "0", "-1", "366")),
            Err(vec![
                RuleField::SlotMinutes,
                RuleField::Capacity,
                RuleField::LeadMinutes,
                RuleField::HorizonDays
            ])
        );
        assert_eq!(
            check_rules(&typed("30", "1", "1.5", "30")),
            Err(vec![RuleField::LeadMinutes])
        );
        assert_eq!(
            check_rules(&typed("481", "1", "60", "")),
            Err(vec![RuleField::SlotMinutes, RuleField::HorizonDays])
        );
    }

    #[test]
    fn the_typed_form_of_saved_rules_checks_back_to_them() {
        let rules = ServiceRules::NOT_SET_UP;
        assert_eq!(check_rules(&TypedRules::from(rules)), Ok(rules));
    }

    /// Monday 1 March 2027, 9:30 in Los Angeles.
    fn booked(id: i64, service: &str, minutes: i64) -> BookedSlot {
        let start = Utc.with_ymd_and_hms(2027, 3, 1, 17, 30, 0).unwrap();
        BookedSlot {
            id,
            service: service.into(),
            start,
            end: start + chrono::Duration::minutes(minutes),
            arrived: false,
        }
    }

    #[test]
    fn switching_a_service_off_or_changing_its_slot_length_strands_its_bookings() {
        let bookings = [
            booked(1, "resume_review", 30),
            booked(2, "career_coaching", 60),
            booked(3, "skills_team", 45),
        ];
        let rules = BTreeMap::from([
            (
                "resume_review".to_owned(),
                ServiceRules {
                    slot_minutes: 45,
                    ..ServiceRules::NOT_SET_UP
                }
                .with_offered(),
            ),
            (
                "career_coaching".to_owned(),
                ServiceRules {
                    slot_minutes: 60,
                    ..ServiceRules::NOT_SET_UP
                },
            ),
        ]);
        // 1: slot length changed; 2: switched off; 3: not in the change.
        assert_eq!(
            without_slot(&bookings, &nine_to_five(), &rules, LA),
            vec![1, 2]
        );
        // Someone already here keeps their appointment.
        let mut here = bookings.clone();
        here[0].arrived = true;
        assert_eq!(without_slot(&here, &nine_to_five(), &rules, LA), vec![2]);
        let unchanged = BTreeMap::from([(
            "resume_review".to_owned(),
            ServiceRules {
                slot_minutes: 30,
                ..ServiceRules::NOT_SET_UP
            }
            .with_offered(),
        )]);
        assert!(without_slot(&bookings, &nine_to_five(), &unchanged, LA).is_empty());
    }

    const LA: Tz = chrono_tz::America::Los_Angeles;

    fn nine_to_five() -> WeeklyHours {
        let at = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        WeeklyHours::default().open(1..=5, at(9, 0), at(17, 0))
    }

    #[test]
    fn a_booking_that_no_longer_starts_a_slot_is_stranded() {
        let half_hours = BTreeMap::from([(
            "resume_review".to_owned(),
            ServiceRules {
                slot_minutes: 30,
                ..ServiceRules::NOT_SET_UP
            }
            .with_offered(),
        )]);
        let at_nine_thirty = [booked(1, "resume_review", 30)];
        assert!(without_slot(&at_nine_thirty, &nine_to_five(), &half_hours, LA).is_empty());
        // Opening at 9:15 lays slots at 9:15, 9:45: 9:30 straddles two.
        let at = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0).unwrap();
        let later = WeeklyHours::default().open(1..=5, at(9, 15), at(17, 0));
        assert_eq!(
            without_slot(&at_nine_thirty, &later, &half_hours, LA),
            vec![1]
        );
        // The same instant in Denver is 10:30: still on the half-hour grid from 9:00.
        let denver = chrono_tz::America::Denver;
        assert!(without_slot(&at_nine_thirty, &nine_to_five(), &half_hours, denver).is_empty());
        // With 45-minute slots from 9:00 (9:00, 9:45, 10:30…), 9:30 in LA is off the grid
        // and 10:30 in Denver on it.
        let three_quarters = BTreeMap::from([(
            "resume_review".to_owned(),
            ServiceRules {
                slot_minutes: 45,
                ..ServiceRules::NOT_SET_UP
            }
            .with_offered(),
        )]);
        let long = [booked(2, "resume_review", 45)];
        assert_eq!(
            without_slot(&long, &nine_to_five(), &three_quarters, LA),
            vec![2]
        );
        assert!(without_slot(&long, &nine_to_five(), &three_quarters, denver).is_empty());
    }

    impl ServiceRules {
        fn with_offered(self) -> Self {
            ServiceRules {
                offered: true,
                ..self
            }
        }
    }
}
