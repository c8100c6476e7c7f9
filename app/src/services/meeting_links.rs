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
    // An empty link clears the hand-typed one: the next handler's or center's may follow.
    let typed = !link.is_empty();
    let change = set_and_tell(&mut tx, id, link, typed, by, mail, now).await?;
    tx.commit().await?;
    Ok(change)
}

/// Sets the link in `tx` and, when it changed, queues the email that tells the participant.
pub(crate) async fn set_and_tell(
    tx: &mut sqlx::PgConnection,
    id: i64,
    link: &str,
    typed: bool,
    by: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<LinkChange, crate::db::Error> {
    let change = set_booking_link(&mut *tx, id, link, typed, by, now).await?;
    if change != LinkChange::Changed {
        return Ok(change);
    }
    let booking = load(&mut *tx, id).await?;
    // The email carries a fresh private link, but the older ones keep working: nothing
    // about the booking itself changed, and a mail held back by the per-address cap must
    // not leave the participant without a working link.
    let token = new_link(&mut *tx, id, OlderLinks::Keep).await?;
    queue_mail(&mut *tx, MailKind::MeetingLink, &booking, &token, mail, now).await?;
    Ok(change)
}
