//! The staff walk-in queue: reading it and acting on it. Staff only.

use crate::domain::accommodation::Accommodation;
use crate::domain::queue::QueueStatus;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::visit_reason::VisitReason;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One open visit as staff see it (first name and last initial only).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub visit_id: i64,
    pub ticket: String,
    pub name: String,
    pub reasons: Vec<VisitReason>,
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
    /// Today's waits at this center.
    pub waits: crate::domain::wait::WaitSummary,
    /// The wait a walk-in checking in now would see on their kiosk ticket, in minutes.
    pub new_walk_in_wait: u32,
}

impl QueueView {
    pub fn waiting(&self) -> usize {
        self.entries
            .iter()
            .filter(|e| e.status == QueueStatus::Waiting)
            .count()
    }
}

/// Reads the queue of `center_id`, for the live event stream.
#[cfg(feature = "ssr")]
pub async fn load_queue(
    pool: &sqlx::PgPool,
    center_id: &str,
) -> Result<Option<QueueView>, sqlx::Error> {
    match crate::db::centers::find_center(pool, center_id).await? {
        Some(center) => Ok(Some(
            crate::db::queue::open_queue(pool, &center, chrono::Utc::now()).await?,
        )),
        None => Ok(None),
    }
}

/// What the queue page shows: who is signed in, the centers to choose from, and the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuePageData {
    pub staff_name: String,
    pub centers: Vec<super::centers::CenterInfo>,
    pub queue: QueueView,
}

/// The queue page's data for `center` (the first center when none is chosen).
#[server(endpoint = "staff/queue/page")]
pub async fn staff_queue_page(
    center: Option<String>,
) -> Result<Option<QueuePageData>, ServerFnError> {
    let staff = super::auth::require(Permission::ViewQueue).await?;
    let state = super::state()?;
    let centers = crate::db::centers::list_centers(&state.pool)
        .await
        .map_err(super::unavailable)?;
    let chosen = match center.as_ref().filter(|c| !c.is_empty()) {
        Some(id) => centers.iter().find(|c| &c.id == id),
        None => centers.first(),
    };
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let queue = crate::db::queue::open_queue(&state.pool, chosen, chrono::Utc::now())
        .await
        .map_err(super::unavailable)?;
    Ok(Some(QueuePageData {
        staff_name: staff.display_name,
        centers: centers.into_iter().map(Into::into).collect(),
        queue,
    }))
}
