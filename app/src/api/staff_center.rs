//! [ssr] How every staff page about one center starts: the permission check, the centers
//! to choose from, and the one chosen (the first when none is asked for, or `None` when
//! the agency has no such center).

use crate::db::centers::{chosen_center, list_centers, CenterRow};
use crate::db::sessions::SessionStaff;
use crate::domain::center::CenterInfo;
use crate::domain::roles::Permission;
use crate::error::AppError;
use crate::state::AppState;

pub(crate) struct StaffCenter {
    pub staff: SessionStaff,
    pub state: AppState,
    /// Every center, as the page's picker lists them.
    pub centers: Vec<CenterInfo>,
    pub chosen: CenterRow,
}

impl StaffCenter {
    pub async fn open(
        permission: Permission,
        wanted: Option<&str>,
    ) -> Result<Option<StaffCenter>, AppError> {
        let staff = super::auth::require(permission).await?;
        let state = super::state()?;
        let centers = list_centers(&state.pool).await?;
        Ok(chosen_center(&centers, wanted).map(|chosen| StaffCenter {
            staff,
            state,
            centers: centers.into_iter().map(Into::into).collect(),
            chosen,
        }))
    }
}
