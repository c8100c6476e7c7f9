//! [ssr] Admins set up the appointment services: add one, change its texts, how it is held
//! and its arrival reason, hide it or show it again, move it up or down the booking page's
//! list. Each change is kept in the setup log with who made it, in the same transaction.

use super::center_setup::StaffId;
use crate::db::appointment_services::{insert_service, lock_service, update_service, MAX_SERVICES};
use crate::db::center_setup::record_change;
use crate::db::ordered_list::{
    count, lock_order, move_entry, set_hidden, take_legacy_note, SERVICES,
};
use crate::domain::service::{AppointmentService, HowHeld, ServiceDetails};
use crate::domain::service_setup::{describe_change, setup_subject};
use crate::domain::worksource_services::worksource_services;
use sqlx::{PgConnection, PgPool, Postgres, Transaction};

/// What became of a change: the same answers as for visit reasons (`TooMany`: the agency
/// has `MAX_SERVICES` already).
pub use super::visit_reasons::ReasonOutcome as ServiceOutcome;

/// Adds service `code` at the end of the list.
pub async fn add_service(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    details: &ServiceDetails,
) -> Result<ServiceOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let outcome = add_in(&mut tx, staff, code, details).await?;
    if outcome == ServiceOutcome::Done {
        tx.commit().await?;
    } else {
        tx.rollback().await?;
    }
    Ok(outcome)
}

async fn add_in(
    tx: &mut PgConnection,
    staff: StaffId,
    code: &str,
    details: &ServiceDetails,
) -> Result<ServiceOutcome, crate::db::Error> {
    // The order is taken first, so two adds never both see room for one more.
    lock_order(tx, SERVICES).await?;
    if count(tx, SERVICES).await? >= MAX_SERVICES {
        return Ok(ServiceOutcome::TooMany);
    }
    if !insert_service(tx, code, details).await? {
        return Ok(ServiceOutcome::CodeTaken);
    }
    let summary = format!(
        "added: {}",
        describe_change(&ServiceDetails::default(), details)
    );
    record_change(tx, staff, &setup_subject(code), &summary).await?;
    Ok(ServiceOutcome::Done)
}

/// Begins a change of service `code`: the list's order first (as for reasons, so an edit
/// and a move never deadlock), then the service's row. `None` when there is no such one.
async fn begin_change(
    pool: &PgPool,
    code: &str,
) -> Result<Option<(Transaction<'static, Postgres>, AppointmentService)>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    lock_order(&mut tx, SERVICES).await?;
    match lock_service(&mut tx, code).await? {
        Some(service) => Ok(Some((tx, service))),
        None => {
            tx.rollback().await?;
            Ok(None)
        }
    }
}

async fn log_and_commit(
    mut tx: Transaction<'static, Postgres>,
    staff: StaffId,
    code: &str,
    summary: &str,
) -> Result<ServiceOutcome, crate::db::Error> {
    record_change(&mut tx, staff, &setup_subject(code), summary).await?;
    tx.commit().await?;
    Ok(ServiceOutcome::Done)
}

/// Replaces the texts and properties of service `code`. Bookings made already keep the way
/// they are held.
pub async fn edit_service(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    details: &ServiceDetails,
) -> Result<ServiceOutcome, crate::db::Error> {
    let Some((mut tx, before)) = begin_change(pool, code).await? else {
        return Ok(ServiceOutcome::Unknown);
    };
    let summary = describe_change(&before.details, details);
    if summary.is_empty() {
        tx.rollback().await?;
        return Ok(ServiceOutcome::Unchanged);
    }
    update_service(&mut tx, code, details).await?;
    log_and_commit(tx, staff, code, &summary).await
}

/// Hides service `code` from the booking page (bookings keep it), or shows it again.
pub async fn hide_service(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    hidden: bool,
) -> Result<ServiceOutcome, crate::db::Error> {
    let Some((mut tx, _)) = begin_change(pool, code).await? else {
        return Ok(ServiceOutcome::Unknown);
    };
    if !set_hidden(&mut tx, SERVICES, code, hidden).await? {
        tx.rollback().await?;
        return Ok(ServiceOutcome::Unchanged);
    }
    let summary = if hidden { "hidden" } else { "shown again" };
    log_and_commit(tx, staff, code, summary).await
}

/// Moves service `code` one place up (`up`) or down the list.
pub async fn reorder_service(
    pool: &PgPool,
    staff: StaffId,
    code: &str,
    up: bool,
) -> Result<ServiceOutcome, crate::db::Error> {
    let Some((mut tx, _)) = begin_change(pool, code).await? else {
        return Ok(ServiceOutcome::Unknown);
    };
    if !move_entry(&mut tx, SERVICES, code, up).await? {
        tx.rollback().await?;
        return Ok(ServiceOutcome::Unchanged);
    }
    let summary = if up { "moved up" } else { "moved down" };
    log_and_commit(tx, staff, code, summary).await
}

/// Adds the WorkSource services that are not there yet, as the admins' page would; how
/// many were added. The demo calls it at every start.
pub async fn add_worksource_services(pool: &PgPool) -> Result<usize, crate::db::Error> {
    let mut added = 0;
    for (code, details) in worksource_services() {
        if add_service(pool, None, code, &details).await? == ServiceOutcome::Done {
            added += 1;
        }
    }
    Ok(added)
}

/// An install that had centers before services were data (the migration left a note and
/// kept the five built-in rows, which its bookings name) gets their names and arrival
/// reasons once, in one transaction, each still held by phone as before. A new agency
/// starts with none and adds its own.
pub async fn adopt_legacy_services(pool: &PgPool) -> Result<usize, crate::db::Error> {
    let mut tx = pool.begin().await?;
    if !take_legacy_note(&mut tx, SERVICES).await? {
        tx.rollback().await?;
        return Ok(0);
    }
    lock_order(&mut tx, SERVICES).await?;
    let mut adopted = 0;
    for (code, seeded) in worksource_services() {
        // Its bookings were all "virtual: staff will contact you": a phone call it stays,
        // until an admin says otherwise.
        let details = ServiceDetails {
            held: vec![HowHeld::Phone],
            ..seeded
        };
        let kept = lock_service(&mut tx, code).await?;
        let outcome = match kept {
            Some(_) => {
                update_service(&mut tx, code, &details).await?;
                let summary = format!(
                    "kept from before services were data: {}",
                    describe_change(&ServiceDetails::default(), &details)
                );
                record_change(&mut tx, None, &setup_subject(code), &summary).await?;
                ServiceOutcome::Done
            }
            None => add_in(&mut tx, None, code, &details).await?,
        };
        if outcome == ServiceOutcome::Done {
            adopted += 1;
        }
    }
    tx.commit().await?;
    Ok(adopted)
}
