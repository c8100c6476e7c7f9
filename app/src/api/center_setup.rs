//! The admins' centers page: every center with its details and state, the zones to
//! choose from, and the latest setup changes. Admins only.

#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// A center as the setup page shows and edits it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CenterSetup {
    pub id: String,
    pub name: String,
    pub address: String,
    pub phone: String,
    pub email: String,
    pub time_zone: String,
    pub target_wait_minutes: u32,
    pub retired: bool,
}

/// One line of the setup log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SetupLogLine {
    pub changed_at: DateTime<Utc>,
    pub staff_name: String,
    pub subject: String,
    pub summary: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CentersSetupData {
    pub staff_name: String,
    pub centers: Vec<CenterSetup>,
    pub log: Vec<SetupLogLine>,
}

/// How many setup changes the page lists.
#[cfg(feature = "ssr")]
const LOG_LINES: i64 = 10;

/// The latest setup changes about `subject` (or about anything), as the pages list them.
#[cfg(feature = "ssr")]
pub(crate) async fn setup_log(
    pool: &sqlx::PgPool,
    subject: Option<&str>,
) -> Result<Vec<SetupLogLine>, AppError> {
    Ok(
        crate::db::center_setup::recent_changes(pool, subject, LOG_LINES)
            .await
            .map_err(super::unavailable)?
            .into_iter()
            .map(|c| SetupLogLine {
                changed_at: c.changed_at,
                staff_name: c.staff_name,
                subject: c.subject,
                summary: c.summary,
            })
            .collect(),
    )
}

/// Every center and the latest setup changes; an error for anyone but an admin.
#[server(endpoint = "staff/centers")]
pub async fn centers_setup_page() -> Result<CentersSetupData, AppError> {
    let me = super::auth::require(Permission::ManageCenters).await?;
    let state = super::state()?;
    let centers = crate::db::center_setup::all_centers(&state.pool)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|c| CenterSetup {
            id: c.id,
            name: c.name,
            address: c.address,
            phone: c.phone,
            email: c.email,
            time_zone: c.time_zone,
            target_wait_minutes: u32::try_from(c.target_wait_minutes).unwrap_or_default(),
            retired: c.retired_at.is_some(),
        })
        .collect();
    let log = setup_log(&state.pool, None).await?;
    Ok(CentersSetupData {
        staff_name: me.display_name,
        centers,
        log,
    })
}
