//! A center's open visits as the staff queue shows them (first name and last initial
//! only).

use super::accommodation::Accommodation;
use super::queue::QueueStatus;
use super::wait::WaitSummary;
use serde::{Deserialize, Serialize};

/// One open visit as staff see it (first name and last initial only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub visit_id: i64,
    pub ticket: String,
    pub name: String,
    /// Reason codes; `names` of the view names them.
    pub reasons: Vec<String>,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
    pub status: QueueStatus,
    /// Minutes from check-in until called (or until now, while waiting).
    pub waited_minutes: u32,
    /// Who called or serves this visitor.
    pub staff_name: Option<String>,
    /// Set when the visitor arrived for a booked appointment: its start.
    pub appointment_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// A center's open visits in the order staff work through them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueView {
    pub center_id: String,
    pub center_name: String,
    /// The center's IANA zone, for showing appointment times on its wall clock.
    pub time_zone: String,
    pub entries: Vec<QueueEntry>,
    /// Colleagues a visit can be handed to: id and name.
    pub staff_members: Vec<(i64, String)>,
    /// The agency's reasons, to name the visits' reasons and to send a visit to the line
    /// for another one.
    pub reasons: Vec<super::visit_reason::VisitReason>,
    /// Today's waits at this center.
    pub waits: WaitSummary,
    /// The wait a walk-in checking in now would see on their kiosk ticket, in minutes.
    pub new_walk_in_wait: u32,
    /// Appointment times still free today, each beside the walk-in it could go to.
    pub open_slots: Vec<super::open_slot::SlotForWalkIn>,
}

impl QueueView {
    pub fn waiting(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.status == QueueStatus::Waiting)
            .count()
    }
}
