//! The walk-in queue: the states a visit goes through, which staff action moves it where,
//! and the order in which waiting visitors are called.

use super::unknown_code::UnknownCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Where a visit is in the queue. Stored in the database by its `code()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueStatus {
    Waiting,
    Called,
    Serving,
    Done,
    /// Left without being served (or did not answer when called).
    Left,
}

impl QueueStatus {
    pub const ALL: [QueueStatus; 5] = [
        QueueStatus::Waiting,
        QueueStatus::Called,
        QueueStatus::Serving,
        QueueStatus::Done,
        QueueStatus::Left,
    ];

    pub fn code(self) -> &'static str {
        match self {
            QueueStatus::Waiting => "waiting",
            QueueStatus::Called => "called",
            QueueStatus::Serving => "serving",
            QueueStatus::Done => "done",
            QueueStatus::Left => "left",
        }
    }

    pub fn from_code(code: &str) -> Option<QueueStatus> {
        QueueStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Still in the building and not finished: shown in the live queue.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            QueueStatus::Waiting | QueueStatus::Called | QueueStatus::Serving
        )
    }
}

impl TryFrom<String> for QueueStatus {
    type Error = UnknownCode;
    fn try_from(code: String) -> Result<Self, UnknownCode> {
        UnknownCode::read("visit status", code, QueueStatus::from_code)
    }
}

/// What a staff member can do to one visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueAction {
    Call,
    StartServing,
    Done,
    Left,
}

impl QueueAction {
    pub const ALL: [QueueAction; 4] = [
        QueueAction::Call,
        QueueAction::StartServing,
        QueueAction::Done,
        QueueAction::Left,
    ];

    pub fn code(self) -> &'static str {
        match self {
            QueueAction::Call => "call",
            QueueAction::StartServing => "start_serving",
            QueueAction::Done => "done",
            QueueAction::Left => "left",
        }
    }

    pub fn from_code(code: &str) -> Option<QueueAction> {
        QueueAction::ALL.into_iter().find(|a| a.code() == code)
    }

    /// The states this action may start from. The database applies the action with a
    /// conditional update on exactly these, so two staff acting on one visit at once
    /// cannot both succeed.
    pub fn allowed_from(self) -> &'static [QueueStatus] {
        match self {
            QueueAction::Call => &[QueueStatus::Waiting],
            QueueAction::StartServing => &[QueueStatus::Waiting, QueueStatus::Called],
            QueueAction::Done => &[QueueStatus::Called, QueueStatus::Serving],
            QueueAction::Left => &[QueueStatus::Waiting, QueueStatus::Called],
        }
    }

    /// The state the visit is in after the action.
    pub fn target(self) -> QueueStatus {
        match self {
            QueueAction::Call => QueueStatus::Called,
            QueueAction::StartServing => QueueStatus::Serving,
            QueueAction::Done => QueueStatus::Done,
            QueueAction::Left => QueueStatus::Left,
        }
    }

    /// The actions offered to staff for a visit in `status`.
    pub fn available_for(status: QueueStatus) -> impl Iterator<Item = QueueAction> {
        QueueAction::ALL
            .into_iter()
            .filter(move |a| a.allowed_from().contains(&status))
    }
}

/// The facts that decide a waiting visitor's place in line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueuePosition {
    pub id: i64,
    pub arrived_at: DateTime<Utc>,
    /// Arrived for a booked appointment: they come before walk-ins.
    pub appointment: bool,
}

/// Arrived appointments first (they were promised a time), then first come, first served;
/// the id breaks ties between check-ins in the same instant, so the order is total and
/// every staff screen shows the same line.
pub fn queue_order(a: &QueuePosition, b: &QueuePosition) -> Ordering {
    b.appointment
        .cmp(&a.appointment)
        .then(a.arrived_at.cmp(&b.arrived_at))
        .then(a.id.cmp(&b.id))
}

/// The waiting visitors in the order they will be called.
pub fn in_calling_order(mut waiting: Vec<QueuePosition>) -> Vec<QueuePosition> {
    waiting.sort_by(queue_order);
    waiting
}

/// How many of `waiting` will be called before `me` (0 means "you are next").
pub fn people_ahead(waiting: &[QueuePosition], me: &QueuePosition) -> u32 {
    let ahead = waiting
        .iter()
        .filter(|other| queue_order(other, me) == Ordering::Less)
        .count();
    u32::try_from(ahead).unwrap_or(u32::MAX)
}

/// Where staff hand a visit on to: a colleague (who then has it), or back into the line
/// for another service (the visitor keeps their place by arrival time).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transfer {
    ToStaff(i64),
    /// The code of a visit reason (whether it is one is the database's to say).
    ToService(String),
}

impl Transfer {
    /// Reads the choice as the form sends it: `staff:<id>` or `service:<reason code>`.
    pub fn parse(value: &str) -> Option<Transfer> {
        match value.split_once(':')? {
            ("staff", id) => id.parse().ok().map(Transfer::ToStaff),
            ("service", code) if super::reason_setup::valid_code(code) => {
                Some(Transfer::ToService(code.to_owned()))
            }
            _ => None,
        }
    }

    pub fn value(&self) -> String {
        match self {
            Transfer::ToStaff(id) => format!("staff:{id}"),
            Transfer::ToService(code) => format!("service:{code}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(id: i64, minute: u32) -> QueuePosition {
        QueuePosition {
            id,
            arrived_at: Utc.with_ymd_and_hms(2026, 11, 23, 17, minute, 0).unwrap(),
            appointment: false,
        }
    }

    #[test]
    fn arrived_appointments_go_before_walk_ins_then_by_arrival() {
        let appointment = |id, minute| QueuePosition {
            appointment: true,
            ..at(id, minute)
        };
        let order = in_calling_order(vec![
            at(1, 0),
            appointment(2, 20),
            at(3, 5),
            appointment(4, 10),
        ]);
        let ids: Vec<i64> = order.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![4, 2, 1, 3]);
        assert_eq!(people_ahead(&order, &at(1, 0)), 2);
    }

    #[test]
    fn earliest_arrival_is_called_first_and_ids_break_ties() {
        let order = in_calling_order(vec![at(3, 10), at(1, 12), at(2, 10)]);
        let ids: Vec<i64> = order.iter().map(|p| p.id).collect();
        assert_eq!(ids, vec![2, 3, 1]);
    }

    #[test]
    fn people_ahead_counts_only_earlier_arrivals() {
        let waiting = vec![at(1, 0), at(2, 5), at(3, 9)];
        assert_eq!(people_ahead(&waiting, &waiting[0]), 0);
        assert_eq!(people_ahead(&waiting, &waiting[2]), 2);
    }

    #[test]
    fn actions_follow_the_visit_lifecycle() {
        use QueueAction::*;
        let offered = |s| QueueAction::available_for(s).collect::<Vec<_>>();
        assert_eq!(
            offered(QueueStatus::Waiting),
            vec![Call, StartServing, Left]
        );
        assert_eq!(offered(QueueStatus::Called), vec![StartServing, Done, Left]);
        assert_eq!(offered(QueueStatus::Serving), vec![Done]);
        assert!(offered(QueueStatus::Done).is_empty());
        assert!(offered(QueueStatus::Left).is_empty());
        for action in QueueAction::ALL {
            assert_eq!(QueueAction::from_code(action.code()), Some(action));
            assert!(
                !action.allowed_from().contains(&action.target()),
                "{action:?} must change state"
            );
        }
    }

    #[test]
    fn status_codes_round_trip_and_open_states_are_the_live_ones() {
        for s in QueueStatus::ALL {
            assert_eq!(QueueStatus::from_code(s.code()), Some(s));
        }
        assert!(QueueStatus::Called.is_open());
        assert!(!QueueStatus::Done.is_open());
    }

    #[test]
    fn a_transfer_is_to_a_colleague_or_back_to_the_line_for_a_service() {
        assert_eq!(Transfer::parse("staff:12"), Some(Transfer::ToStaff(12)));
        assert_eq!(
            Transfer::parse("service:resume_review"),
            Some(Transfer::ToService("resume_review".into()))
        );
        for bad in [
            "staff:",
            "staff:x",
            "service:Knit ting",
            "service:",
            "resume_review",
            "",
        ] {
            assert_eq!(Transfer::parse(bad), None, "{bad}");
        }
        for t in [Transfer::ToStaff(3), Transfer::ToService("register".into())] {
            assert_eq!(Transfer::parse(&t.value()), Some(t));
        }
    }
}
