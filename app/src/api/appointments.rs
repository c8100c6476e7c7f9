//! The staff day view of a center's booked appointments. Staff only.

#[cfg(feature = "ssr")]
use super::staff_center::StaffCenter;
use crate::domain::appointment_entry::AppointmentEntry;
use crate::domain::center::CenterInfo;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::service::AppointmentService;
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppointmentsDay {
    pub staff_name: String,
    pub centers: Vec<CenterInfo>,
    pub center_id: String,
    pub center_name: String,
    pub time_zone: String,
    pub day: NaiveDate,
    pub entries: Vec<AppointmentEntry>,
    /// Every service ever set up, to name the entries' services.
    pub services: Vec<AppointmentService>,
}

/// Appointments at `center` (the first when none) on `day` (today when none or unreadable).
#[server(endpoint = "staff/appointments")]
pub async fn staff_appointments(
    center: Option<String>,
    day: Option<String>,
) -> Result<Option<AppointmentsDay>, AppError> {
    let open = StaffCenter::open(Permission::ViewCalendar, center.as_deref()).await?;
    let Some(page) = open else {
        return Ok(None);
    };
    let day = match day.and_then(|d| d.parse().ok()) {
        Some(day) => day,
        None => page
            .chosen
            .today(chrono::Utc::now())
            .map_err(super::unavailable)?,
    };
    let rows = crate::db::appointments::day(&page.state.pool, &page.chosen, day)
        .await
        .map_err(super::unavailable)?;
    let services = crate::db::appointment_services::list(&page.state.pool)
        .await
        .map_err(super::unavailable)?;
    Ok(Some(AppointmentsDay {
        services,
        staff_name: page.staff.display_name,
        center_id: page.chosen.id.clone(),
        center_name: page.chosen.name.clone(),
        time_zone: page.chosen.time_zone.clone(),
        centers: page.centers,
        day,
        entries: rows,
    }))
}
