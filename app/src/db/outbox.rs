//! [ssr] The email outbox. A message (composed by the mail modules) is written in the
//! same transaction as the change it reports, so an email is queued exactly when the
//! change commits; the server's mail worker sends what is due, one message per
//! transaction, and marks it sent in that transaction (`for update skip locked`: two server processes never take the same row).

use crate::domain::mail::{Composed, StaffMail};
use crate::domain::retry::backoff;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, Postgres, Transaction};

/// Whom a message is about, for the outbox row.
pub enum Recipient {
    Booking(i64),
    Enrolment(i64),
    /// An entry on the appointments' waiting list.
    Waitlist(i64),
}

/// Messages one address may be sent in 24 hours: far more than any person's bookings and
/// enrolments need, far fewer than a script cancelling and rebooking in a loop would make.
pub const MESSAGES_PER_RECIPIENT_PER_DAY: i64 = 30;

/// Writes a composed message to the outbox, unless the address has had its day's share
/// (`MESSAGES_PER_RECIPIENT_PER_DAY`): then it is left out and logged, and the change it
/// reports still happens. Returns whether it was written. The count and the insert are one statement: this runs under
/// the row locks that order bookings and enrolments, where every round trip counts.
pub async fn insert_message(
    conn: &mut PgConnection,
    about: Recipient,
    kind: &str,
    to: &str,
    message: &Composed,
) -> Result<bool, crate::db::Error> {
    let (booking_id, enrolment_id, waitlist_id) = match about {
        Recipient::Booking(id) => (Some(id), None, None),
        Recipient::Enrolment(id) => (None, Some(id), None),
        Recipient::Waitlist(id) => (None, None, Some(id)),
    };
    // A message without a calendar file (`ics` empty) stores none.
    let written = sqlx::query(
        "insert into outbox (booking_id, enrolment_id, waitlist_id, kind, to_address, subject, body,
                             ics, ics_method)
         select $1, $2, $10, $3, $4, $5, $6, nullif($7, ''), nullif($8, '')
         where (select count(*) from outbox
                where lower(to_address) = lower($4) and created_at > now() - interval '24 hours') < $9",
    )
    .bind(booking_id)
    .bind(enrolment_id)
    .bind(kind)
    .bind(to)
    .bind(&message.subject)
    .bind(&message.body)
    .bind(&message.ics)
    .bind(message.ics_method)
    .bind(MESSAGES_PER_RECIPIENT_PER_DAY)
    .bind(waitlist_id)
    .execute(conn)
    .await?;
    if written.rows_affected() == 0 {
        tracing::warn!(
            kind,
            "recipient had its day's share of messages; this one is left out"
        );
    }
    Ok(written.rows_affected() == 1)
}

/// Writes an email about a staff account (no calendar file) to the outbox.
pub async fn insert_staff_message(
    conn: &mut PgConnection,
    kind: &str,
    to: &str,
    message: &StaffMail,
) -> Result<(), crate::db::Error> {
    sqlx::query("insert into outbox (kind, to_address, subject, body) values ($1, $2, $3, $4)")
        .bind(kind)
        .bind(to)
        .bind(&message.subject)
        .bind(&message.body)
        .execute(conn)
        .await?;
    Ok(())
}

/// One queued message.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub kind: String,
    pub to_address: String,
    pub subject: String,
    pub body: String,
    pub ics: Option<String>,
    pub ics_method: Option<String>,
    pub attempts: i32,
}

/// Locks the oldest message that is due, for sending inside `tx`.
pub async fn next_due(
    tx: &mut Transaction<'_, Postgres>,
    now: DateTime<Utc>,
) -> Result<Option<OutboxMessage>, crate::db::Error> {
    sqlx::query_as(
        "select id, kind, to_address, subject, body, ics, ics_method, attempts from outbox
         where sent_at is null and next_attempt_at <= $1
         order by next_attempt_at, id limit 1 for update skip locked",
    )
    .bind(now)
    .fetch_optional(&mut **tx)
    .await
    .map_err(Into::into)
}

/// Marks a message sent. Its body and calendar file, which hold a manage link, are
/// dropped: the only copy needed now is in the recipient's mailbox.
pub async fn mark_sent(
    tx: &mut Transaction<'_, Postgres>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update outbox set sent_at = $2, attempts = attempts + 1, body = '', ics = null, last_error = null
         where id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Records a failed attempt and when to try again.
pub async fn mark_failed(
    tx: &mut Transaction<'_, Postgres>,
    message: &OutboxMessage,
    error: &str,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    let attempts = message.attempts.max(0) as u32 + 1;
    sqlx::query(
        "update outbox set attempts = $2, last_error = $3, next_attempt_at = $4 where id = $1",
    )
    .bind(message.id)
    .bind(attempts as i32)
    .bind(error)
    .bind(now + backoff(attempts))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// How many messages wait to be sent.
pub async fn unsent_count(pool: &sqlx::PgPool) -> Result<i64, crate::db::Error> {
    sqlx::query_scalar("select count(*) from outbox where sent_at is null")
        .fetch_one(pool)
        .await
        .map_err(Into::into)
}
