//! A center's weekly hours and how it offers each service, for the managers' page.

#[cfg(feature = "ssr")]
use super::staff_center::StaffCenter;
use crate::domain::center::CenterInfo;
#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::domain::service::AppointmentService;
use crate::domain::service_rules::ServiceRules;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AvailabilityData {
    pub staff_name: String,
    pub can_manage: bool,
    pub centers: Vec<CenterInfo>,
    pub center: CenterInfo,
    pub time_zone: String,
    /// ISO weekday (1 = Monday), opens and closes as `HH:MM` (empty: closed).
    pub days: Vec<(u32, String, String)>,
    /// Every service (its code) and how this center offers it.
    pub services: Vec<(String, ServiceRules)>,
    /// Every service ever set up, to name them.
    pub catalog: Vec<AppointmentService>,
    /// The link video appointments booked here get; '' for none.
    pub meeting_link: String,
    /// (id, name, link) of every active staff member.
    pub staff_links: Vec<(i64, String, String)>,
}

/// The hours and services of `center` (the first center when none is given).
#[server(endpoint = "staff/availability")]
pub async fn availability_page(
    center: Option<String>,
) -> Result<Option<AvailabilityData>, AppError> {
    let open = StaffCenter::open(Permission::ViewAvailability, center.as_deref()).await?;
    let Some(page) = open else {
        return Ok(None);
    };
    let mut conn = page
        .state
        .pool
        .acquire()
        .await
        .map_err(super::unavailable)?;
    let current = crate::db::center_availability::current(&mut conn, &page.chosen.id)
        .await
        .map_err(super::unavailable)?;
    let days = (1..=7u32)
        .map(|day| {
            let open = current
                .hours
                .iter()
                .find(|(d, ..)| u32::try_from(*d).ok() == Some(day));
            match open {
                Some((_, opens, closes)) => (
                    day,
                    opens.format("%H:%M").to_string(),
                    closes.format("%H:%M").to_string(),
                ),
                None => (day, String::new(), String::new()),
            }
        })
        .collect();
    let catalog = crate::db::appointment_services::list(&page.state.pool)
        .await
        .map_err(super::unavailable)?;
    let meeting_link = crate::db::meeting_links::center_link(&page.state.pool, &page.chosen.id)
        .await
        .map_err(super::unavailable)?;
    let staff_links = crate::db::meeting_links::staff_links(&page.state.pool)
        .await
        .map_err(super::unavailable)?;
    Ok(Some(AvailabilityData {
        staff_links,
        staff_name: page.staff.display_name,
        can_manage: page.staff.role.may(Permission::ManageAvailability),
        centers: page.centers,
        time_zone: page.chosen.time_zone.clone(),
        center: page.chosen.into(),
        days,
        services: current.services,
        catalog,
        meeting_link,
    }))
}
