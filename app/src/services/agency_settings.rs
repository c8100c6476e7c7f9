//! [ssr] Admins change the agency settings. The change is kept in the setup log with who
//! made it and announced to every server process, in one transaction.

use super::center_setup::StaffId;
use crate::db::agency::{lock, save, set_by_an_admin};
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

/// What became of a retention period from the environment of an older install.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegacyRetention {
    /// Taken into the settings (or already there).
    Adopted,
    /// An admin has set the period on the settings page, which holds.
    Ignored { kept_days: u32 },
}

/// Carries `days` (`FRONTDESK_RETENTION_DAYS` of an install from before the settings page)
/// into the settings unless an admin has set the period there: an upgrade must neither
/// erase data the operator meant to keep nor keep it longer than they meant.
pub async fn adopt_legacy_retention(
    pool: &PgPool,
    days: u32,
) -> Result<LegacyRetention, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let before = lock(&mut tx).await?;
    if set_by_an_admin(&mut *tx).await? {
        return Ok(LegacyRetention::Ignored {
            kept_days: before.retention_days,
        });
    }
    let after = Agency {
        retention_days: days,
        ..before.clone()
    };
    let summary = describe_change(&before, &after);
    if !summary.is_empty() {
        save(&mut tx, &after).await?;
        let summary = format!("{summary} (from FRONTDESK_RETENTION_DAYS)");
        record_change(&mut tx, None, SETUP_SUBJECT, &summary).await?;
    }
    tx.commit().await?;
    Ok(LegacyRetention::Adopted)
}
