//! [ssr] Staff change a video appointment's meeting link: the change, who made it and the
//! email that tells the participant (with the updated calendar file, SEQUENCE raised)
//! commit together or not at all.

use super::bookings::queue_mail;
use crate::booking_mail::MailKind;
use crate::db::bookings::{load, new_link};
use crate::db::meeting_links::{handler_link, set_booking_link, LinkChange};
use crate::db::OlderLinks;
use crate::domain::mail::MailContext;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// Sets booking `id`'s link to `link` (checked) for staff member `by`, and emails the
/// participant when it changed.
pub async fn change_booking_link(
    pool: &PgPool,
    id: i64,
    link: &str,
    by: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<LinkChange, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let change = set_and_tell(&mut tx, id, link, by, mail, now).await?;
    tx.commit().await?;
    Ok(change)
}

/// Booking `id` was just given to another staff member: a video appointment takes that
/// member's own link, when they have one, and the participant is emailed it.
pub async fn follow_new_handler(
    pool: &PgPool,
    id: i64,
    by: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<LinkChange, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let link = handler_link(&mut tx, id).await?;
    if link.is_empty() {
        tx.rollback().await?;
        return Ok(LinkChange::Unchanged);
    }
    let change = set_and_tell(&mut tx, id, &link, by, mail, now).await?;
    tx.commit().await?;
    Ok(change)
}

/// Sets the link in `tx` and, when it changed, queues the email that tells the participant.
async fn set_and_tell(
    tx: &mut sqlx::PgConnection,
    id: i64,
    link: &str,
    by: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<LinkChange, crate::db::Error> {
    let change = set_booking_link(&mut *tx, id, link, by, now).await?;
    if change != LinkChange::Changed {
        return Ok(change);
    }
    let booking = load(&mut *tx, id).await?;
    // A fresh private link in the email, as for every change: the older ones stop working.
    let token = new_link(&mut *tx, id, OlderLinks::Revoke).await?;
    queue_mail(&mut *tx, MailKind::MeetingLink, &booking, &token, mail, now).await?;
    Ok(change)
}
