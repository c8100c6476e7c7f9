//! [ssr] Staff change a video appointment's meeting link: the change, who made it and the
//! email that tells the participant (with the updated calendar file, SEQUENCE raised)
//! commit together or not at all.

use super::bookings::queue_mail;
use crate::booking_mail::MailKind;
use crate::db::bookings::{load, new_link};
use crate::db::meeting_links::{set_booking_link, LinkChange};
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
    let change = set_booking_link(&mut tx, id, link, by, now).await?;
    if change != LinkChange::Changed {
        tx.rollback().await?;
        return Ok(change);
    }
    let booking = load(&mut tx, id).await?;
    // A fresh private link in the email, as for every change: the older ones stop working.
    let token = new_link(&mut tx, id, OlderLinks::Revoke).await?;
    queue_mail(&mut tx, MailKind::MeetingLink, &booking, &token, mail, now).await?;
    tx.commit().await?;
    Ok(change)
}
