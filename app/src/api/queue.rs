//! The staff walk-in queue: reading it and acting on it. Staff only.

#[cfg(feature = "ssr")]
use super::staff_center::StaffCenter;
use crate::domain::center::CenterInfo;
use crate::domain::queue_view::QueueView;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Reads the queue of `center_id`, for the live event stream.
#[cfg(feature = "ssr")]
pub async fn load_queue(
    pool: &sqlx::PgPool,
    center_id: &str,
) -> Result<Option<QueueView>, crate::db::Error> {
    match crate::db::centers::find_center(pool, center_id).await? {
        Some(center) => Ok(Some(queue_with_open_slots(pool, &center).await?)),
        None => Ok(None),
    }
}

/// The center's queue, with today's free appointment times beside the walk-ins who could
/// take them.
#[cfg(feature = "ssr")]
async fn queue_with_open_slots(
    pool: &sqlx::PgPool,
    center: &crate::db::centers::CenterRow,
) -> Result<QueueView, crate::db::Error> {
    let now = chrono::Utc::now();
    let mut queue = crate::db::queue::open_queue(pool, center, now).await?;
    let open = crate::db::booking_slots::open_today(pool, &center.id, now).await?;
    queue.open_slots = crate::domain::open_slot::pair_walk_ins(&open, &queue.entries);
    Ok(queue)
}

/// What the queue page shows: who is signed in, the centers to choose from, and the queue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuePageData {
    pub staff_name: String,
    pub centers: Vec<CenterInfo>,
    pub queue: QueueView,
    /// The desk this session calls visitors to; none for the front desk.
    pub desk: Option<String>,
}

/// The queue page's data for `center` (the first center when none is chosen).
#[server(endpoint = "staff/queue/page")]
pub async fn staff_queue_page(center: Option<String>) -> Result<Option<QueuePageData>, AppError> {
    let open = StaffCenter::open(Permission::ViewQueue, center.as_deref()).await?;
    let Some(page) = open else {
        return Ok(None);
    };
    let queue = queue_with_open_slots(&page.state.pool, &page.chosen)
        .await
        .map_err(super::unavailable)?;
    Ok(Some(QueuePageData {
        desk: page.staff.desk,
        staff_name: page.staff.display_name,
        centers: page.centers,
        queue,
    }))
}
