//! [ssr] Admins set up the reasons for a visit: add one, change its texts and properties,
//! hide it or show it again, move it up or down the kiosk's list. Each change is kept in
//! the setup log with who made it, in the same transaction.

use super::center_setup::StaffId;
use crate::db::center_setup::record_change;
use crate::db::visit_reasons::{
    insert_reason, lock_reason, move_reason, set_hidden, update_reason,
};
use crate::domain::reason_setup::{describe_change, setup_subject};
use crate::domain::visit_reason::ReasonDetails;
use crate::domain::worksource_reasons::worksource_reasons;
use sqlx::PgPool;

/// What became of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReasonOutcome {
    Done,
    /// Nothing to do: the change was there already (or the reason is first or last).
    Unchanged,
    /// A new reason's code is another's.
    CodeTaken,
    /// No reason has that code.
    Unknown,
}

/// Adds reason `code` at the end of the list.
pub async fn add_reason(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    details: &ReasonDetails,
) -> Result<ReasonOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    if !insert_reason(&mut tx, code, details).await? {
        return Ok(ReasonOutcome::CodeTaken);
    }
    let summary = format!(
        "added: {}",
        describe_change(&ReasonDetails::default(), details)
    );
    record_change(&mut tx, staff, &setup_subject(code), &summary).await?;
    tx.commit().await?;
    Ok(ReasonOutcome::Done)
}

/// Replaces the texts and properties of reason `code`.
pub async fn edit_reason(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    details: &ReasonDetails,
) -> Result<ReasonOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let Some(before) = lock_reason(&mut tx, code).await? else {
        return Ok(ReasonOutcome::Unknown);
    };
    let summary = describe_change(&before.details, details);
    if summary.is_empty() {
        return Ok(ReasonOutcome::Unchanged);
    }
    update_reason(&mut tx, code, details).await?;
    record_change(&mut tx, staff, &setup_subject(code), &summary).await?;
    tx.commit().await?;
    Ok(ReasonOutcome::Done)
}

/// Hides reason `code` from the kiosk (past visits keep it), or shows it again.
pub async fn hide_reason(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    hidden: bool,
) -> Result<ReasonOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    if lock_reason(&mut tx, code).await?.is_none() {
        return Ok(ReasonOutcome::Unknown);
    }
    if !set_hidden(&mut tx, code, hidden).await? {
        return Ok(ReasonOutcome::Unchanged);
    }
    let summary = if hidden { "hidden" } else { "shown again" };
    record_change(&mut tx, staff, &setup_subject(code), summary).await?;
    tx.commit().await?;
    Ok(ReasonOutcome::Done)
}

/// Moves reason `code` one place up (`up`) or down the list.
pub async fn reorder_reason(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    up: bool,
) -> Result<ReasonOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    if !move_reason(&mut tx, code, up).await? {
        return Ok(ReasonOutcome::Unchanged);
    }
    let summary = if up { "moved up" } else { "moved down" };
    record_change(&mut tx, staff, &setup_subject(code), summary).await?;
    tx.commit().await?;
    Ok(ReasonOutcome::Done)
}

/// Adds the WorkSource reasons that are not there yet, as the admins' page would; how
/// many were added. The demo calls it at every start.
pub async fn add_worksource_reasons(pool: &PgPool) -> Result<usize, crate::db::Error> {
    let mut added = 0;
    for (code, details) in worksource_reasons() {
        if add_reason(pool, None, code, &details).await? == ReasonOutcome::Done {
            added += 1;
        }
    }
    Ok(added)
}

/// An install from before reasons were data has visits and no reasons: it gets the
/// reasons its kiosks offered then, so past visits keep their names and the kiosk its
/// list. A new agency (no visits) starts with none and adds its own.
pub async fn adopt_legacy_reasons(pool: &PgPool) -> Result<usize, crate::db::Error> {
    if !crate::db::visit_reasons::visits_without_reasons(pool).await? {
        return Ok(0);
    }
    add_worksource_reasons(pool).await
}
