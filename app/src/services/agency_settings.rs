//! [ssr] Admins change the agency settings. The change is kept in the setup log with who
//! made it and announced to every server process, in one transaction.

use super::center_setup::StaffId;
use crate::db::agency::{lock, save};
use crate::db::center_setup::record_change;
use crate::domain::agency::{describe_change, Agency, SETUP_SUBJECT};
use sqlx::PgPool;

/// Saves `agency`; `false` when it is what was already saved (nothing logged).
pub async fn save_settings(
    pool: &PgPool,
    staff: StaffId,
    agency: &Agency,
) -> Result<bool, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let before = lock(&mut tx).await?;
    let summary = describe_change(&before, agency);
    if summary.is_empty() {
        return Ok(false);
    }
    save(&mut tx, agency).await?;
    record_change(&mut tx, staff, SETUP_SUBJECT, &summary).await?;
    tx.commit().await?;
    Ok(true)
}
