//! The managers' "Data we keep" page: the retention period and the last purge run.

#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the last purge erased, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PurgeRun {
    pub ran_at: DateTime<Utc>,
    pub visits: i32,
    pub bookings: i32,
    pub enrolments: i32,
    pub emails: i32,
    pub audit_names: i32,
    pub comments: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptData {
    pub staff_name: String,
    pub retention_days: u32,
    pub last_run: Option<PurgeRun>,
}

/// For managers and admins (those who read the audit log).
#[server(endpoint = "staff/privacy")]
pub async fn data_we_keep() -> Result<KeptData, AppError> {
    let me = super::auth::require(Permission::ViewAuditLog).await?;
    let state = super::state()?;
    let last = crate::db::retention::last_purge(&state.pool)
        .await
        .map_err(super::unavailable)?;
    Ok(KeptData {
        staff_name: me.display_name,
        retention_days: state.agency.current().retention_days,
        last_run: last.map(|r| PurgeRun {
            ran_at: r.ran_at,
            visits: r.visits,
            bookings: r.bookings,
            enrolments: r.enrolments,
            emails: r.emails,
            audit_names: r.audit_names,
            comments: r.comments,
        }),
    })
}
