//! A center's closures, for the staff page: who may change them, and what is closed.

#[cfg(feature = "ssr")]
use super::staff_center::StaffCenter;
use crate::domain::center::CenterInfo;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::error::AppError;
use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClosuresData {
    pub staff_name: String,
    /// Managers and admins change closures; everyone else only sees them.
    pub can_manage: bool,
    pub centers: Vec<CenterInfo>,
    pub center: CenterInfo,
    /// The center's IANA zone: booking times are shown on its wall clock.
    pub time_zone: String,
    /// Today on the center's wall clock: the earliest day that can be closed.
    pub today: NaiveDate,
    /// Day and reason, in date order.
    pub closures: Vec<(NaiveDate, String)>,
}

/// The closures of `center` (the first center when none is given) from today on.
#[server(endpoint = "staff/closures")]
pub async fn closures_page(center: Option<String>) -> Result<Option<ClosuresData>, AppError> {
    let open = StaffCenter::open(Permission::ViewAvailability, center.as_deref()).await?;
    let Some(page) = open else {
        return Ok(None);
    };
    let today = page
        .chosen
        .today(chrono::Utc::now())
        .map_err(super::unavailable)?;
    let closures = crate::db::closures::upcoming(&page.state.pool, &page.chosen.id, today)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|c| (c.day, c.reason))
        .collect();
    Ok(Some(ClosuresData {
        staff_name: page.staff.display_name,
        can_manage: page.staff.role.may(Permission::ManageAvailability),
        centers: page.centers,
        time_zone: page.chosen.time_zone.clone(),
        center: page.chosen.into(),
        today,
        closures,
    }))
}
