//! The admins' visit reasons page: every reason with the texts of every language, and the
//! latest changes to them. Admins only.

use super::center_setup::SetupLogLine;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::visit_reason::VisitReason;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReasonSetupData {
    pub staff_name: String,
    /// In the kiosk's order, hidden ones too.
    pub reasons: Vec<VisitReason>,
    pub log: Vec<SetupLogLine>,
}

/// The reasons and their latest changes; an error for anyone but an admin.
#[server(endpoint = "staff/reasons")]
pub async fn reason_setup_page() -> Result<ReasonSetupData, AppError> {
    let me = super::auth::require(Permission::ManageCenters).await?;
    let state = super::state()?;
    let reasons = crate::db::visit_reasons::list(&state.pool)
        .await
        .map_err(super::unavailable)?;
    let log = super::center_setup::setup_log(
        &state.pool,
        Some(crate::domain::reason_setup::SETUP_SUBJECT),
    )
    .await?;
    Ok(ReasonSetupData {
        staff_name: me.display_name,
        reasons,
        log,
    })
}
