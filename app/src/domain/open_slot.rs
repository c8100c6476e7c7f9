//! No empty chair in the lobby: an appointment time still free today (one nobody booked,
//! or one given back) offered to the walk-in who has waited longest for that service. The
//! staff queue shows each pairing ("2:30 PM, career coaching, is free: offer it to A-012,
//! waiting 41 min"); one press turns the walk-in into that appointment.

use super::queue::QueueStatus;
use super::queue_view::QueueEntry;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A free appointment time at a center today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSlotToday {
    /// The service's code.
    pub service: String,
    /// The visit reason a walk-in for this service checks in with.
    pub arrival_reason: String,
    pub start: DateTime<Utc>,
}

/// A free time beside the walk-in it could go to, as the staff queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlotForWalkIn {
    pub service: String,
    /// The visit reason the service's walk-ins check in with, which names it for staff.
    pub reason: String,
    pub start: DateTime<Utc>,
    pub visit_id: i64,
    pub ticket: String,
    pub waited_minutes: u32,
}

/// For each service with a free time today, its earliest such time beside the walk-in
/// waiting longest for that service (by the reason they checked in with); a walk-in is
/// offered one time at most. `open` comes in time order, `queue` in the queue's order.
/// Visitors who came for a booked appointment, or who are already called, are not
/// offered another.
pub fn pair_walk_ins(open: &[OpenSlotToday], queue: &[QueueEntry]) -> Vec<SlotForWalkIn> {
    let mut offered: Vec<SlotForWalkIn> = Vec::new();
    for slot in open {
        if slot.arrival_reason.is_empty() || offered.iter().any(|o| o.service == slot.service) {
            continue;
        }
        let longest = queue
            .iter()
            .filter(|e| e.status == QueueStatus::Waiting && e.appointment_at.is_none())
            .filter(|e| e.reasons.contains(&slot.arrival_reason))
            .filter(|e| offered.iter().all(|o| o.visit_id != e.visit_id))
            .max_by_key(|e| (e.waited_minutes, std::cmp::Reverse(e.visit_id)));
        if let Some(walk_in) = longest {
            offered.push(SlotForWalkIn {
                service: slot.service.clone(),
                reason: slot.arrival_reason.clone(),
                start: slot.start,
                visit_id: walk_in.visit_id,
                ticket: walk_in.ticket.clone(),
                waited_minutes: walk_in.waited_minutes,
            });
        }
    }
    offered
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, hour, minute, 0).unwrap()
    }

    fn slot(service: &str, reason: &str, start: DateTime<Utc>) -> OpenSlotToday {
        OpenSlotToday {
            service: service.to_owned(),
            arrival_reason: reason.to_owned(),
            start,
        }
    }

    fn walk_in(id: i64, reason: &str, waited: u32) -> QueueEntry {
        QueueEntry {
            visit_id: id,
            ticket: format!("A-{id:03}"),
            name: "Ana P.".to_owned(),
            reasons: vec![reason.to_owned()],
            accommodations: Vec::new(),
            interpreter_language: None,
            accommodation_other: None,
            status: QueueStatus::Waiting,
            waited_minutes: waited,
            staff_name: None,
            appointment_at: None,
        }
    }

    #[test]
    fn the_earliest_free_time_goes_beside_the_longest_waiting_walk_in_for_it() {
        let open = [
            slot("career_coaching", "job_coaching", at(22, 30)),
            slot("career_coaching", "job_coaching", at(23, 0)),
            slot("resume_review", "resume_review", at(22, 45)),
        ];
        let queue = [
            walk_in(1, "job_coaching", 12),
            walk_in(2, "job_coaching", 41),
            walk_in(3, "unemployment", 50),
        ];
        assert_eq!(
            pair_walk_ins(&open, &queue),
            vec![SlotForWalkIn {
                service: "career_coaching".to_owned(),
                reason: "job_coaching".to_owned(),
                start: at(22, 30),
                visit_id: 2,
                ticket: "A-002".to_owned(),
                waited_minutes: 41,
            }]
        );
    }

    #[test]
    fn called_visitors_appointments_and_reasonless_services_are_left_out() {
        let open = [
            slot("career_coaching", "job_coaching", at(22, 30)),
            slot("other", "", at(22, 30)),
        ];
        let mut called = walk_in(1, "job_coaching", 60);
        called.status = QueueStatus::Called;
        let mut booked = walk_in(2, "job_coaching", 50);
        booked.appointment_at = Some(at(21, 0));
        assert!(pair_walk_ins(&open, &[called, booked]).is_empty());
    }

    #[test]
    fn a_walk_in_is_offered_one_time_and_ties_go_to_who_came_first() {
        let open = [
            slot("career_coaching", "job_coaching", at(22, 30)),
            slot("interview_practice", "job_coaching", at(22, 45)),
        ];
        let queue = [
            walk_in(5, "job_coaching", 30),
            walk_in(4, "job_coaching", 30),
        ];
        let paired = pair_walk_ins(&open, &queue);
        assert_eq!(
            paired.iter().map(|p| p.visit_id).collect::<Vec<_>>(),
            vec![4, 5]
        );
    }
}
