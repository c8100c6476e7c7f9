//! [ssr] Admins set up the reasons for a visit: add one, change its texts and properties,
//! hide it or show it again, move it up or down the kiosk's list. Each change is kept in
//! the setup log with who made it, in the same transaction.

use super::center_setup::StaffId;
use crate::db::center_setup::record_change;
use crate::db::ordered_list::{
    count, lock_order, move_entry, set_hidden, take_legacy_note, VISIT_REASONS,
};
use crate::db::visit_reasons::{insert_reason, lock_reason, update_reason, MAX_REASONS};
use crate::domain::reason_setup::{describe_change, setup_subject};
use crate::domain::visit_reason::{ReasonDetails, VisitReason};
use crate::domain::worksource_reasons::worksource_reasons;
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

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
    /// The agency has `MAX_REASONS` already.
    TooMany,
}

/// Adds reason `code` at the end of the list.
pub async fn add_reason(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    details: &ReasonDetails,
) -> Result<ReasonOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let outcome = add_in(&mut tx, staff, code, details, "added").await?;
    if outcome == ReasonOutcome::Done {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(outcome)
}

/// Adds reason `code` in the caller's transaction, logged as `how` it came.
async fn add_in(
    tx: &mut PgConnection,
    staff: StaffId,
    code: &str,
    details: &ReasonDetails,
    how: &str,
) -> Result<ReasonOutcome, crate::db::Error> {
    // The order is taken first, so two adds never both see room for one more.
    lock_order(tx, VISIT_REASONS).await?;
    if count(tx, VISIT_REASONS).await? >= MAX_REASONS {
        return Ok(ReasonOutcome::TooMany);
    }
    if !insert_reason(tx, code, details).await? {
        return Ok(ReasonOutcome::CodeTaken);
    }
    let summary = format!(
        "{how}: {}",
        describe_change(&ReasonDetails::default(), details)
    );
    record_change(tx, staff, &setup_subject(code), &summary).await?;
    Ok(ReasonOutcome::Done)
}

/// Begins a change of reason `code`: takes the list's order first (an edit that held a
/// row while a move waited for it could otherwise deadlock with that move), then the
/// reason's row. `None` when there is no such reason.
async fn begin_change(
    pool: &PgPool,
    code: &str,
) -> Result<Option<(Transaction<'static, Postgres>, VisitReason)>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    lock_order(&mut tx, VISIT_REASONS).await?;
    match lock_reason(&mut tx, code).await? {
        Some(reason) => Ok(Some((tx, reason))),
        None => {
            tx.rollback().await?;
            Ok(None)
        }
    }
}

/// Logs `summary` for reason `code` and commits the change.
async fn log_and_commit(
    mut tx: Transaction<'static, Postgres>,
    staff: StaffId,
    code: &str,
    summary: &str,
) -> Result<ReasonOutcome, crate::db::Error> {
    record_change(&mut tx, staff, &setup_subject(code), summary).await?;
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
    let Some((mut tx, before)) = begin_change(pool, code).await? else {
        return Ok(ReasonOutcome::Unknown);
    };
    let summary = describe_change(&before.details, details);
    if summary.is_empty() {
        tx.rollback().await?;
        return Ok(ReasonOutcome::Unchanged);
    }
    update_reason(&mut tx, code, details).await?;
    log_and_commit(tx, staff, code, &summary).await
}

/// Hides reason `code` from the kiosk (past visits keep it), or shows it again.
pub async fn hide_reason(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    hidden: bool,
) -> Result<ReasonOutcome, crate::db::Error> {
    let Some((mut tx, _)) = begin_change(pool, code).await? else {
        return Ok(ReasonOutcome::Unknown);
    };
    if !set_hidden(&mut tx, VISIT_REASONS, code, hidden).await? {
        tx.rollback().await?;
        return Ok(ReasonOutcome::Unchanged);
    }
    let summary = if hidden { "hidden" } else { "shown again" };
    log_and_commit(tx, staff, code, summary).await
}

/// Moves reason `code` one place up (`up`) or down the list.
pub async fn reorder_reason(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    up: bool,
) -> Result<ReasonOutcome, crate::db::Error> {
    let Some((mut tx, _)) = begin_change(pool, code).await? else {
        return Ok(ReasonOutcome::Unknown);
    };
    // False when it is first (last) already.
    if !move_entry(&mut tx, VISIT_REASONS, code, up).await? {
        tx.rollback().await?;
        return Ok(ReasonOutcome::Unchanged);
    }
    let summary = if up { "moved up" } else { "moved down" };
    log_and_commit(tx, staff, code, summary).await
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

/// An install that had centers before reasons were data (the migration left a note) gets
/// the reasons its kiosks offered then, once, all in one transaction: past visits keep
/// their names and the kiosks their list. A new agency starts with none and adds its own.
pub async fn adopt_legacy_reasons(pool: &PgPool) -> Result<usize, crate::db::Error> {
    let mut tx = pool.begin().await?;
    if !take_legacy_note(&mut tx, VISIT_REASONS).await? {
        tx.rollback().await?;
        return Ok(0);
    }
    let mut added = 0;
    for (code, details) in worksource_reasons() {
        let how = "kept from before reasons were data";
        if add_in(&mut tx, None, code, &details, how).await? == ReasonOutcome::Done {
            added += 1;
        }
    }
    tx.commit().await?;
    Ok(added)
}
