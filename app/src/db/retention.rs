//! [ssr] Privacy: every personal field is erased once the retention period has passed
//! after the visit, appointment or workshop session ended (or was cancelled), and at once
//! when a participant asks from their manage link. Rows stay, without the person, so the
//! reports keep their counts; private links stop working.
//!
//! What is erased, table by table (the README lists the same):
//! - visits: first and last name, interpreter language, "other" accommodation;
//! - bookings: names, email, phone and its last four digits, interpreter language, "other"
//!   accommodation, the staff note, the video call's own link (a room may be named after
//!   the person) and the history of both; its manage links go;
//! - workshop enrolments: names, contact, email, interpreter language, "other"
//!   accommodation; the contact key becomes a placeholder; its manage links go;
//! - waitlist entries (appointments): names, email, phone, interpreter language, "other"
//!   accommodation, once the entry ended (left or booked) or, still on the list, was made
//!   that long ago (it leaves the list); its links go and a time held for it is given back;
//! - outbox: address, subject, body and calendar file of sent (or long-failed) mail;
//! - contact reads (the audit log): the person's name; who read and when stay;
//! - feedback: the comment (the rating, day, reasons and language stay);
//! - sign-in attempts: the typed email and the address they came from.

use crate::domain::retention::Purged;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// Erases bookings that ended (or were cancelled) before `cutoff`, or booking `id`;
/// returns the ids erased.
async fn erase_bookings(
    conn: &mut PgConnection,
    cutoff: Option<DateTime<Utc>>,
    id: Option<i64>,
) -> Result<Vec<i64>, crate::db::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "update bookings
            set first_name = '', last_name = '', email = '', phone = '', phone_last4 = '',
                interpreter_language = null, accommodation_other = null, note = '',
                meeting_link = '', anonymized_at = now()
          where anonymized_at is null
            and ($1::timestamptz is null or least(ends_at, coalesce(cancelled_at, ends_at)) < $1)
            and ($2::bigint is null or id = $2)
          returning id",
    )
    .bind(cutoff)
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    if ids.is_empty() {
        return Ok(ids);
    }
    sqlx::query("delete from booking_links where booking_id = any($1)")
        .bind(&ids)
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "update booking_changes set old_value = '', new_value = ''
          where what in ('note', 'meeting_link') and booking_id = any($1)",
    )
    .bind(&ids)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "update contact_reads set person = '' where source = 'booking' and source_id = any($1)",
    )
    .bind(&ids)
    .execute(&mut *conn)
    .await?;
    Ok(ids)
}

/// Erases enrolments whose session ended (or that were cancelled) before `cutoff`, or
/// enrolment `id`; returns the ids erased.
async fn erase_enrolments(
    conn: &mut PgConnection,
    cutoff: Option<DateTime<Utc>>,
    id: Option<i64>,
) -> Result<Vec<i64>, crate::db::Error> {
    // The contact key becomes unique per row: the one-live-enrolment-per-person index
    // must not see two erased people on a session as the same person.
    let ids: Vec<i64> = sqlx::query_scalar(
        "update workshop_enrolments e
            set first_name = '', last_name = '', contact = '', contact_key = 'erased-' || e.id,
                email = null, interpreter_language = null, accommodation_other = null,
                anonymized_at = now()
           from workshop_sessions s
          where s.id = e.session_id and e.anonymized_at is null
            and ($1::timestamptz is null
                 or least(s.ends_at, coalesce(e.cancelled_at, s.ends_at)) < $1)
            and ($2::bigint is null or e.id = $2)
          returning e.id",
    )
    .bind(cutoff)
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    if !ids.is_empty() {
        sqlx::query("delete from workshop_links where enrolment_id = any($1)")
            .bind(&ids)
            .execute(&mut *conn)
            .await?;
    }
    Ok(ids)
}

/// Erases places on the waiting list that ended, or were made, before `cutoff`: one still
/// live leaves the list, and a time held for it goes back to its slot. Returns how many.
async fn erase_waitlist(
    conn: &mut PgConnection,
    cutoff: DateTime<Utc>,
) -> Result<u64, crate::db::Error> {
    let ids: Vec<i64> = sqlx::query_scalar(
        "update waitlist_entries
            set first_name = '', last_name = '', email = '', phone = '',
                interpreter_language = null, accommodation_other = null,
                state = case when state in ('unconfirmed', 'waiting') then 'left' else state end,
                ended_at = coalesce(ended_at, now()), anonymized_at = now()
          where anonymized_at is null and coalesce(ended_at, created_at) < $1
          returning id",
    )
    .bind(cutoff)
    .fetch_all(&mut *conn)
    .await?;
    if ids.is_empty() {
        return Ok(0);
    }
    sqlx::query("delete from waitlist_links where entry_id = any($1)")
        .bind(&ids)
        .execute(&mut *conn)
        .await?;
    let freed: Vec<super::waitlist::FreedHold> = sqlx::query_as(
        "update slot_holds set state = 'void', ended_at = now()
          where entry_id = any($1) and state = 'offered'
          returning center_id, service_id, starts_at",
    )
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    super::waitlist::release_in_order(conn, &freed).await?;
    Ok(ids.len() as u64)
}

/// Erases visits checked in before `cutoff`, and the arrivals of bookings `booking_ids`.
async fn erase_visits(
    conn: &mut PgConnection,
    cutoff: Option<DateTime<Utc>>,
    booking_ids: &[i64],
) -> Result<u64, crate::db::Error> {
    let done = sqlx::query(
        "update visits
            set first_name = '', last_name = '', interpreter_language = null,
                accommodation_other = null, anonymized_at = now()
          where anonymized_at is null
            and (($1::timestamptz is not null and checked_in_at < $1) or booking_id = any($2))",
    )
    .bind(cutoff)
    .bind(booking_ids)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Erases mail sent (or last tried) before `cutoff` and, with a cutoff, sent mail about
/// every erased booking and enrolment; without one, sent mail about `booking` or
/// `enrolment` only. Mail not sent yet is left to go out first (the next purge erases it),
/// unless it is older than `cutoff`: then it never will, and is not tried again.
async fn erase_mail(
    conn: &mut PgConnection,
    cutoff: Option<DateTime<Utc>>,
    booking: Option<i64>,
    enrolment: Option<i64>,
) -> Result<u64, crate::db::Error> {
    let done = sqlx::query(
        "update outbox o
            set to_address = '', subject = '', body = '', ics = null, last_error = null,
                next_attempt_at = case when o.sent_at is null then 'infinity' else o.next_attempt_at end
          where o.to_address <> ''
            and (($1::timestamptz is not null and coalesce(o.sent_at, o.created_at) < $1)
                 or (o.sent_at is not null
                     and (o.booking_id = $2 or o.enrolment_id = $3
                          or ($1::timestamptz is not null
                              and (exists (select 1 from bookings b
                                            where b.id = o.booking_id and b.anonymized_at is not null)
                                   or exists (select 1 from workshop_enrolments e
                                               where e.id = o.enrolment_id and e.anonymized_at is not null)
                                   or exists (select 1 from waitlist_entries w
                                               where w.id = o.waitlist_id and w.anonymized_at is not null))))))",
    )
    .bind(cutoff)
    .bind(booking)
    .bind(enrolment)
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// Erases everything personal that ended before `cutoff`, in one transaction, and keeps
/// a record of the run.
pub async fn purge(pool: &PgPool, cutoff: DateTime<Utc>) -> Result<Purged, crate::db::Error> {
    let mut tx = pool.begin().await?;
    // One purge at a time across server processes: two would only wait on each other's
    // rows (or deadlock, taking them in another order).
    sqlx::query("select pg_advisory_xact_lock(hashtext('frontdesk_purge'))")
        .execute(&mut *tx)
        .await?;
    let bookings = erase_bookings(&mut tx, Some(cutoff), None).await?;
    let enrolments = erase_enrolments(&mut tx, Some(cutoff), None).await?;
    let visits = erase_visits(&mut tx, Some(cutoff), &bookings).await?;
    let waitlist = erase_waitlist(&mut tx, cutoff).await?;
    let emails = erase_mail(&mut tx, Some(cutoff), None, None).await?;
    let audit_names =
        sqlx::query("update contact_reads set person = '' where person <> '' and read_at < $1")
            .bind(cutoff)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    let comments = sqlx::query(
        "update feedback set comment = null where comment is not null and created_at < $1",
    )
    .bind(cutoff)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    sqlx::query("delete from sign_in_attempts where latest_at < $1 or latest_at is null")
        .bind(cutoff)
        .execute(&mut *tx)
        .await?;
    let purged = Purged {
        visits,
        bookings: bookings.len() as u64,
        enrolments: enrolments.len() as u64,
        emails,
        audit_names,
        comments,
        waitlist,
    };
    let count = |n: u64| i32::try_from(n).unwrap_or(i32::MAX);
    sqlx::query(
        "insert into purge_runs (cutoff, visits, bookings, enrolments, emails, audit_names,
                                 comments, waitlist)
         values ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(cutoff)
    .bind(count(purged.visits))
    .bind(count(purged.bookings))
    .bind(count(purged.enrolments))
    .bind(count(purged.emails))
    .bind(count(purged.audit_names))
    .bind(count(purged.comments))
    .bind(count(purged.waitlist))
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(purged)
}

/// Erases one booking's details at its person's request (with its arrival and its sent
/// mail); false when it was erased already.
pub async fn erase_one_booking(conn: &mut PgConnection, id: i64) -> Result<bool, crate::db::Error> {
    let ids = erase_bookings(conn, None, Some(id)).await?;
    erase_visits(conn, None, &ids).await?;
    erase_mail(conn, None, Some(id), None).await?;
    Ok(!ids.is_empty())
}

/// Erases one enrolment's details at its person's request (with its sent mail); false when
/// it was erased already.
pub async fn erase_one_enrolment(
    conn: &mut PgConnection,
    id: i64,
) -> Result<bool, crate::db::Error> {
    let ids = erase_enrolments(conn, None, Some(id)).await?;
    erase_mail(conn, None, None, Some(id)).await?;
    Ok(!ids.is_empty())
}

/// When the purge last ran and what it erased.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LastPurge {
    pub ran_at: DateTime<Utc>,
    pub visits: i32,
    pub bookings: i32,
    pub enrolments: i32,
    pub emails: i32,
    pub audit_names: i32,
    pub comments: i32,
}

pub async fn last_purge(pool: &PgPool) -> Result<Option<LastPurge>, crate::db::Error> {
    sqlx::query_as(
        "select ran_at, visits, bookings, enrolments, emails, audit_names, comments
         from purge_runs order by ran_at desc, id desc limit 1",
    )
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}
