//! [ssr] Staff change an appointment's status, handler or note. A video appointment that
//! changes hands meets where its new handler does (their own link, else the center's),
//! unless staff typed its link by hand; the change, the new link and the email that tells
//! the participant commit together or not at all.

use super::meeting_links::set_and_tell;
use crate::db::calendar::{update_appointment_in, AppointmentUpdate, UpdateOutcome};
use crate::db::meeting_links::{link_after_handover, LinkChange};
use crate::domain::mail::MailContext;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// Applies `update` to appointment `id` for staff member `by`; with the outcome, whether
/// the participant was sent a new meeting link.
pub async fn update_appointment(
    pool: &PgPool,
    id: i64,
    update: &AppointmentUpdate,
    by: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<(UpdateOutcome, LinkChange), crate::db::Error> {
    let mut tx = pool.begin().await?;
    let outcome = update_appointment_in(&mut tx, id, update, by, now).await?;
    let mut link_change = LinkChange::Unchanged;
    if let UpdateOutcome::Saved {
        staff_changed: true,
        ..
    } = outcome
    {
        if let Some(link) = link_after_handover(&mut tx, id).await? {
            link_change = set_and_tell(&mut tx, id, &link, false, by, mail, now).await?;
        }
    }
    tx.commit().await?;
    Ok((outcome, link_change))
}
