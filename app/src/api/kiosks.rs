//! Kiosk tablets for the managers' page: every tablet paired, with its center and when it
//! was last used, and the centers a new tablet can be paired with. Managers and admins.

#[cfg(feature = "ssr")]
use crate::domain::roles::Permission;
use crate::error::AppError;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tablet {
    pub id: i64,
    pub name: String,
    pub center_name: String,
    pub paired_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TabletsData {
    pub staff_name: String,
    pub tablets: Vec<Tablet>,
    /// Id and name of every center.
    pub centers: Vec<(String, String)>,
}

#[server(endpoint = "staff/kiosks")]
pub async fn kiosk_tablets() -> Result<TabletsData, AppError> {
    let me = super::auth::require(Permission::ManageKiosks).await?;
    let state = super::state()?;
    let tablets = crate::db::kiosk_devices::list(&state.pool)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|d| Tablet {
            id: d.id,
            name: d.name,
            center_name: d.center_name,
            paired_at: d.paired_at,
            last_used_at: d.last_used_at,
            revoked_at: d.revoked_at,
        })
        .collect();
    let centers = crate::db::centers::list_open_centers(&state.pool)
        .await
        .map_err(super::unavailable)?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    Ok(TabletsData {
        staff_name: me.display_name,
        tablets,
        centers,
    })
}
