//! How one center offers one service, as a manager sets it: offered or not, slot length,
//! people per slot, how soon and how far ahead it can be booked; and which booked
//! appointments a change of these would leave without a place.

use super::availability::{parse_seats, BookedSlot};
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

/// Booked appointments that new `rules` (service code → settings) take the slot away
/// from: their service is no longer offered there, or its slots no longer last as long as
/// theirs (a 30-minute appointment at 9:30 would overlap a new 45-minute slot at 9:00, and
/// the same coach would be booked twice). A service missing from `rules` is unchanged.
/// Hours and seats are `availability::stranded`'s concern.
pub fn without_slot(bookings: &[BookedSlot], rules: &BTreeMap<String, ServiceRules>) -> Vec<i64> {
    bookings
        .iter()
        .filter(|b| {
            rules.get(&b.service).is_some_and(|r| {
                let minutes = (b.end - b.start).num_minutes();
                !r.offered || minutes != i64::from(r.slot_minutes)
            })
        })
        .map(|b| b.id)
        .collect()
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

    fn booked(id: i64, service: &str, minutes: i64) -> BookedSlot {
        let start = Utc.with_ymd_and_hms(2027, 3, 1, 17, 30, 0).unwrap();
        BookedSlot {
            id,
            service: service.into(),
            start,
            end: start + chrono::Duration::minutes(minutes),
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
        assert_eq!(without_slot(&bookings, &rules), vec![1, 2]);
        let unchanged = BTreeMap::from([(
            "resume_review".to_owned(),
            ServiceRules {
                slot_minutes: 30,
                ..ServiceRules::NOT_SET_UP
            }
            .with_offered(),
        )]);
        assert!(without_slot(&bookings, &unchanged).is_empty());
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
