//! The accommodation work-queue for staff: what people asked for, for when, and how far
//! staff got with it. Staff only.

use crate::domain::accommodation::Accommodation;
use crate::domain::accommodation_work::{Source, WorkStatus};
use crate::domain::center::CenterInfo;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One accommodation one person asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkItem {
    pub source: Source,
    pub source_id: i64,
    pub need: Accommodation,
    /// The interpreter's language, or what "other" means.
    pub detail: Option<String>,
    pub needed_at: DateTime<Utc>,
    /// `None`: a virtual workshop.
    pub center_name: Option<String>,
    pub time_zone: String,
    pub name: String,
    pub status: WorkStatus,
    pub handler: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkQueue {
    pub staff_name: String,
    pub centers: Vec<CenterInfo>,
    pub items: Vec<WorkItem>,
}

/// The work-queue, narrowed to `status` ("all" for every status; open when none is given)
/// and to `center` when one is given.
#[server(endpoint = "staff/accommodations")]
pub async fn accommodation_queue(
    status: Option<String>,
    center: Option<String>,
) -> Result<WorkQueue, AppError> {
    let staff = super::auth::require(Permission::HandleAccommodations).await?;
    let state = super::state()?;
    let status = match status.as_deref() {
        Some("all") => None,
        Some(code) => WorkStatus::from_code(code).or(Some(WorkStatus::Open)),
        None => Some(WorkStatus::Open),
    };
    let center = center.filter(|c| !c.is_empty());
    let rows = crate::db::accommodation_work::work_queue(
        &state.pool,
        status.map(WorkStatus::code),
        center.as_deref(),
        Utc::now(),
    )
    .await
    .map_err(super::unavailable)?;
    let centers = crate::db::centers::list_centers(&state.pool)
        .await
        .map_err(super::unavailable)?;
    let items = rows
        .into_iter()
        .filter_map(|row| {
            let need = Accommodation::from_code(&row.need)?;
            let detail = match need {
                Accommodation::SpokenInterpreter => row.interpreter_language,
                Accommodation::Other => row.accommodation_other,
                _ => None,
            };
            Some(WorkItem {
                source: Source::from_code(&row.source)?,
                source_id: row.source_id,
                need,
                detail,
                needed_at: row.needed_at,
                center_name: row.center_name,
                time_zone: row.time_zone,
                name: format!("{} {}", row.first_name, row.last_name),
                status: WorkStatus::from_code(&row.status)?,
                handler: row.handler,
            })
        })
        .collect();
    Ok(WorkQueue {
        staff_name: staff.display_name,
        centers: centers.into_iter().map(Into::into).collect(),
        items,
    })
}
