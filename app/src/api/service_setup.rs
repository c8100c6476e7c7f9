//! The admins' appointment services page: every service with the texts of every language,
//! the visit reasons an arrival may join the queue with, and the latest changes. Admins only.

use super::center_setup::SetupLogLine;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::service::AppointmentService;
use crate::domain::visit_reason::VisitReason;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceSetupData {
    pub staff_name: String,
    /// In the booking page's order, hidden ones too.
    pub services: Vec<AppointmentService>,
    /// For the arrival reason's list, hidden ones too (a service may keep one).
    pub reasons: Vec<VisitReason>,
    pub log: Vec<SetupLogLine>,
}

/// The services and their latest changes; an error for anyone but an admin.
#[server(endpoint = "staff/services")]
pub async fn service_setup_page() -> Result<ServiceSetupData, AppError> {
    let me = super::auth::require(Permission::ManageCenters).await?;
    let state = super::state()?;
    let services = crate::db::appointment_services::list(&state.pool)
        .await
        .map_err(super::unavailable)?;
    let reasons = crate::db::visit_reasons::list(&state.pool)
        .await
        .map_err(super::unavailable)?;
    let log = super::center_setup::setup_log(
        &state.pool,
        Some(crate::domain::service_setup::SETUP_SUBJECT),
    )
    .await?;
    Ok(ServiceSetupData {
        staff_name: me.display_name,
        services,
        reasons,
        log,
    })
}
