//! The public facts about a center that pages show.

use crate::domain::center::CenterInfo;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The center with slug `id`, if there is one.
#[server(endpoint = "centers/get")]
pub async fn get_center(id: String) -> Result<Option<CenterInfo>, AppError> {
    let state = super::state()?;
    let center = crate::db::centers::find_center(&state.pool, &id)
        .await
        .map_err(super::unavailable)?;
    Ok(center.map(CenterInfo::from))
}

/// Every center the public sees (not the retired ones), in the agency's order.
#[server(endpoint = "centers/list")]
pub async fn list_centers() -> Result<Vec<CenterInfo>, AppError> {
    let state = super::state()?;
    let centers = crate::db::centers::list_open_centers(&state.pool)
        .await
        .map_err(super::unavailable)?;
    Ok(centers.into_iter().map(CenterInfo::from).collect())
}

/// What a kiosk needs to know about its center and the privacy promise it shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KioskSetup {
    pub center: CenterInfo,
    pub retention_days: u32,
}

/// The kiosk settings of center `id`, if there is one: only for a paired tablet of it.
#[server(endpoint = "kiosk/settings")]
pub async fn kiosk_settings(id: String) -> Result<Option<KioskSetup>, AppError> {
    let device = super::kiosk_device()?;
    if device.center_id != id {
        return Err(crate::error::AppError::Forbidden.answered());
    }
    let retention_days = super::state()?.agency.current().retention_days;
    Ok(get_center(id).await?.map(|center| KioskSetup {
        center,
        retention_days,
    }))
}
