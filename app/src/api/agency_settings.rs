//! The admins' agency settings page: the settings as saved, and the latest changes to
//! them. Admins only.

use super::center_setup::SetupLogLine;
use crate::domain::agency::TypedAgency;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencySettingsData {
    pub staff_name: String,
    /// The saved settings, as the form shows them.
    pub saved: TypedAgency,
    pub log: Vec<SetupLogLine>,
}

/// The agency settings and their latest changes; an error for anyone but an admin. Read
/// from the database, not this process's copy, so the form shows what is saved.
#[server(endpoint = "staff/agency")]
pub async fn agency_settings_page() -> Result<AgencySettingsData, AppError> {
    let me = super::auth::require(Permission::ManageCenters).await?;
    let state = super::state()?;
    let saved = crate::db::agency::load(&state.pool)
        .await
        .map_err(super::unavailable)?
        .typed();
    let subject = crate::domain::agency::SETUP_SUBJECT;
    let log = super::center_setup::setup_log(&state.pool, Some(subject)).await?;
    Ok(AgencySettingsData {
        staff_name: me.display_name,
        saved,
        log,
    })
}
