//! The lobby's "now serving" display: which calls it shows, in which order, and which one
//! it announces.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Calls shown in very large type: visitors called and not yet at the desk.
pub const CALLING_SHOWN: usize = 3;
/// Earlier calls listed below them, for a visitor who came back from the restroom.
pub const EARLIER_SHOWN: usize = 5;

/// One call of a visitor to a desk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub visit_id: i64,
    /// "A-042".
    pub ticket: String,
    /// None: the front desk.
    pub desk: Option<String>,
    /// The language tag the visitor checked in in: the call is announced in it.
    pub language: String,
    pub called_at: DateTime<Utc>,
    /// Still called (not yet being served, done or gone).
    pub waiting_at_desk: bool,
}

/// What the display shows.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DisplayBoard {
    /// Newest first.
    pub calling: Vec<Call>,
    /// Newest first.
    pub earlier: Vec<Call>,
}

impl DisplayBoard {
    /// The board from today's calls in any order: the newest calls still open in large
    /// type, the rest (and open calls beyond those) as earlier calls.
    pub fn from_calls(mut calls: Vec<Call>) -> DisplayBoard {
        calls.sort_by(|a, b| {
            b.called_at
                .cmp(&a.called_at)
                .then(b.visit_id.cmp(&a.visit_id))
        });
        let mut board = DisplayBoard::default();
        for call in calls {
            if call.waiting_at_desk && board.calling.len() < CALLING_SHOWN {
                board.calling.push(call);
            } else if board.earlier.len() < EARLIER_SHOWN {
                board.earlier.push(call);
            }
        }
        board
    }

    /// The call to announce: the newest still open. Its key changes with every call, so
    /// a call announced once is not announced again when the board is sent again.
    pub fn newest(&self) -> Option<&Call> {
        self.calling.first()
    }
}

impl Call {
    /// Different for every call, also for a visitor called a second time.
    pub fn key(&self) -> String {
        format!("{}-{}", self.visit_id, self.called_at.timestamp_millis())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn call(id: i64, minute: u32, open: bool) -> Call {
        Call {
            visit_id: id,
            ticket: format!("A-{id:03}"),
            desk: Some("3".into()),
            language: "en".into(),
            called_at: Utc.with_ymd_and_hms(2026, 12, 5, 10, minute, 0).unwrap(),
            waiting_at_desk: open,
        }
    }

    #[test]
    fn the_newest_open_calls_are_large_and_the_rest_are_listed_below() {
        let calls = vec![
            call(1, 1, false),
            call(2, 2, true),
            call(3, 3, true),
            call(4, 4, false),
            call(5, 5, true),
            call(6, 6, true),
        ];
        let board = DisplayBoard::from_calls(calls);
        let ids = |calls: &[Call]| calls.iter().map(|c| c.visit_id).collect::<Vec<_>>();
        assert_eq!(ids(&board.calling), vec![6, 5, 3]);
        // An open call beyond the three large ones is still listed.
        assert_eq!(ids(&board.earlier), vec![4, 2, 1]);
        assert_eq!(board.newest().map(|c| c.visit_id), Some(6));
    }

    #[test]
    fn only_a_few_earlier_calls_are_listed() {
        let calls = (1..=20).map(|i| call(i, i as u32, false)).collect();
        let board = DisplayBoard::from_calls(calls);
        assert!(board.calling.is_empty());
        assert_eq!(board.newest(), None);
        assert_eq!(board.earlier.len(), EARLIER_SHOWN);
        assert_eq!(board.earlier[0].visit_id, 20);
    }

    #[test]
    fn calling_the_same_visitor_again_is_a_new_call() {
        let first = call(7, 1, true);
        let again = Call {
            called_at: first.called_at + chrono::Duration::minutes(4),
            ..first.clone()
        };
        assert_ne!(first.key(), again.key());
    }
}
