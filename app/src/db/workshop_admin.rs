//! [ssr] Staff changes to workshop sessions: create (alone or as a weekly series), edit,
//! cancel (one session or the rest of its series), and move a person to another session.
//!
//! Like enrolment, each change holds the session's row lock, so it never races an
//! enrolment or a cancellation into a wrong seat count; a move locks both sessions in id
//! order, so two opposite moves cannot deadlock.

use super::outbox::MailContext;
use super::workshops::{promote, queue_mail, waitlist_place};
use crate::domain::session_plan::SessionPlan;
use crate::domain::workshop::{open_for_enrolment, Refusal};
use crate::workshop_mail::WorkshopMail;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// Creates the sessions of `plan`: one, or a series of weekly ones. Returns their ids in
/// date order.
pub async fn create_sessions(pool: &PgPool, plan: &SessionPlan) -> Result<Vec<i64>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let series_id: Option<i64> = if plan.times.len() > 1 {
        Some(
            sqlx::query_scalar(
                "insert into workshop_series (title, topic) values ($1, $2) returning id",
            )
            .bind(&plan.title)
            .bind(plan.topic.code())
            .fetch_one(&mut *tx)
            .await?,
        )
    } else {
        None
    };
    let mut ids = Vec::with_capacity(plan.times.len());
    for (starts_at, ends_at) in &plan.times {
        let id: i64 = sqlx::query_scalar(
            "insert into workshop_sessions (series_id, topic, title, description, employer, center_id,
                meeting_link, starts_at, ends_at, capacity, language, facilitator)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) returning id",
        )
        .bind(series_id)
        .bind(plan.topic.code())
        .bind(&plan.title)
        .bind(&plan.description)
        .bind(&plan.employer)
        .bind(&plan.center_id)
        .bind(&plan.meeting_link)
        .bind(starts_at)
        .bind(ends_at)
        .bind(plan.capacity)
        .bind(&plan.language)
        .bind(&plan.facilitator)
        .fetch_one(&mut *tx)
        .await?;
        ids.push(id);
    }
    tx.commit().await?;
    Ok(ids)
}

/// What became of an edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditOutcome {
    /// Saved; `notified` people were emailed because the time or place changed.
    Saved {
        notified: usize,
    },
    /// Fewer seats than people already enrolled: refused, nothing changed.
    BelowSeatsTaken {
        taken: i32,
    },
    /// A cancelled session is not edited.
    Cancelled,
    Unknown,
}

/// What an edit compares against, read under the session's lock.
#[derive(sqlx::FromRow)]
struct SessionBefore {
    status: String,
    enrolled: i32,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    center_id: Option<String>,
    meeting_link: Option<String>,
}

/// Saves `plan` (its first time) over session `id`. A change of time or place raises the
/// calendar sequence and emails everyone enrolled or waiting; more seats go to the
/// waitlist at once.
pub async fn update_session(
    pool: &PgPool,
    id: i64,
    plan: &SessionPlan,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<EditOutcome, sqlx::Error> {
    let Some(&(starts_at, ends_at)) = plan.times.first() else {
        return Ok(EditOutcome::Unknown);
    };
    let mut tx = pool.begin().await?;
    let before: Option<SessionBefore> = sqlx::query_as(
        "select status, enrolled, starts_at, ends_at, center_id, meeting_link
         from workshop_sessions where id = $1 for update",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(before) = before else {
        return Ok(EditOutcome::Unknown);
    };
    if before.status == "cancelled" {
        return Ok(EditOutcome::Cancelled);
    }
    if plan.capacity < before.enrolled {
        return Ok(EditOutcome::BelowSeatsTaken {
            taken: before.enrolled,
        });
    }
    let moved = (
        before.starts_at,
        before.ends_at,
        &before.center_id,
        &before.meeting_link,
    ) != (starts_at, ends_at, &plan.center_id, &plan.meeting_link);
    sqlx::query(
        "update workshop_sessions set topic = $2, title = $3, description = $4, employer = $5,
            center_id = $6, meeting_link = $7, starts_at = $8, ends_at = $9, capacity = $10,
            language = $11, facilitator = $12, sequence = sequence + $13::int
         where id = $1",
    )
    .bind(id)
    .bind(plan.topic.code())
    .bind(&plan.title)
    .bind(&plan.description)
    .bind(&plan.employer)
    .bind(&plan.center_id)
    .bind(&plan.meeting_link)
    .bind(starts_at)
    .bind(ends_at)
    .bind(plan.capacity)
    .bind(&plan.language)
    .bind(&plan.facilitator)
    .bind(i32::from(moved))
    .execute(&mut *tx)
    .await?;
    let mut notified = 0;
    if moved {
        for enrolment_id in live_enrolments(&mut tx, id).await? {
            queue_mail(
                &mut tx,
                id,
                enrolment_id,
                WorkshopMail::Changed,
                mail,
                now,
                None,
            )
            .await?;
            notified += 1;
        }
    }
    promote(&mut tx, id, mail, now).await?;
    tx.commit().await?;
    Ok(EditOutcome::Saved { notified })
}

/// People holding a seat or waiting, in arrival order.
async fn live_enrolments(
    conn: &mut PgConnection,
    session_id: i64,
) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "select id from workshop_enrolments
         where session_id = $1 and status in ('enrolled', 'waitlisted') order by id",
    )
    .bind(session_id)
    .fetch_all(conn)
    .await
}

/// Cancels session `id` and, with `rest_of_series`, every later scheduled session of its
/// series. Everyone enrolled or waiting is emailed a cancellation with a calendar file
/// that removes the event. Returns the sessions cancelled (none when `id` is unknown or
/// already cancelled).
pub async fn cancel_sessions(
    pool: &PgPool,
    id: i64,
    rest_of_series: bool,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    // Locked in id order, like every multi-session change.
    let sessions: Vec<i64> = sqlx::query_scalar(
        "select s.id from workshop_sessions s, workshop_sessions chosen
         where chosen.id = $1 and s.status = 'scheduled'
           and (s.id = chosen.id
                or ($2 and s.series_id = chosen.series_id and s.starts_at > chosen.starts_at))
         order by s.id for update of s",
    )
    .bind(id)
    .bind(rest_of_series)
    .fetch_all(&mut *tx)
    .await?;
    for session_id in &sessions {
        sqlx::query(
            "update workshop_sessions set status = 'cancelled', sequence = sequence + 1 where id = $1",
        )
        .bind(session_id)
        .execute(&mut *tx)
        .await?;
        for enrolment_id in live_enrolments(&mut tx, *session_id).await? {
            queue_mail(
                &mut tx,
                *session_id,
                enrolment_id,
                WorkshopMail::Cancelled,
                mail,
                now,
                None,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok(sessions)
}

/// What became of a move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoveOutcome {
    /// Now enrolled (`waitlisted: false`) or waiting in the other session.
    Moved { waitlisted: bool },
    /// The person already has a place in the other session; nothing changed.
    AlreadyThere,
    /// The other session takes no enrolments.
    Refused(Refusal),
    /// No such person on this session, or no such other session.
    Unknown,
}

/// Moves enrolment `enrolment_id` from session `from` to session `to`: a seat there if
/// one is free, else the end of its waitlist. A seat freed here goes to this session's
/// waitlist in the same transaction. The person is emailed about the new session.
pub async fn move_enrolment(
    pool: &PgPool,
    from: i64,
    enrolment_id: i64,
    to: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<MoveOutcome, sqlx::Error> {
    if from == to {
        return Ok(MoveOutcome::AlreadyThere);
    }
    let mut tx = pool.begin().await?;
    let locked: Vec<(i64, String, DateTime<Utc>, i32, i32)> = sqlx::query_as(
        "select id, status, starts_at, capacity, enrolled from workshop_sessions
         where id in ($1, $2) order by id for update",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&mut *tx)
    .await?;
    let Some(&(_, ref status, starts_at, capacity, enrolled)) =
        locked.iter().find(|(id, ..)| *id == to)
    else {
        return Ok(MoveOutcome::Unknown);
    };
    let person: Option<(String, String)> = sqlx::query_as(
        "select status, contact_key from workshop_enrolments
         where id = $1 and session_id = $2 and status in ('enrolled', 'waitlisted')",
    )
    .bind(enrolment_id)
    .bind(from)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((was, contact_key)) = person else {
        return Ok(MoveOutcome::Unknown);
    };
    if let Err(refusal) = open_for_enrolment(status == "cancelled", starts_at, now) {
        return Ok(MoveOutcome::Refused(refusal));
    }
    let there: Option<i64> = sqlx::query_scalar(
        "select id from workshop_enrolments where session_id = $1 and contact_key = $2 and status <> 'cancelled'",
    )
    .bind(to)
    .bind(&contact_key)
    .fetch_optional(&mut *tx)
    .await?;
    if there.is_some() {
        return Ok(MoveOutcome::AlreadyThere);
    }
    let seat = enrolled < capacity;
    // A new enrolment row: its id puts the person at the end of the new session's
    // waitlist, never ahead of people who were already waiting there.
    let moved_id: i64 = sqlx::query_scalar(
        "insert into workshop_enrolments (session_id, first_name, last_name, contact, contact_key,
            email, language, email_locale, accommodations, interpreter_language, accommodation_other, status)
         select $2, first_name, last_name, contact, contact_key, email, language, email_locale,
            accommodations, interpreter_language, accommodation_other, $3
         from workshop_enrolments where id = $1 returning id",
    )
    .bind(enrolment_id)
    .bind(to)
    .bind(if seat { "enrolled" } else { "waitlisted" })
    .fetch_one(&mut *tx)
    .await?;
    if seat {
        sqlx::query("update workshop_sessions set enrolled = enrolled + 1 where id = $1")
            .bind(to)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "update workshop_enrolments set status = 'cancelled', cancelled_at = $2 where id = $1",
    )
    .bind(enrolment_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if was == "enrolled" {
        sqlx::query("update workshop_sessions set enrolled = enrolled - 1 where id = $1")
            .bind(from)
            .execute(&mut *tx)
            .await?;
        promote(&mut tx, from, mail, now).await?;
    }
    let kind = if seat {
        WorkshopMail::Enrolled
    } else {
        WorkshopMail::Waitlisted {
            place: waitlist_place(&mut tx, to, moved_id).await?,
        }
    };
    queue_mail(&mut tx, to, moved_id, kind, mail, now, None).await?;
    tx.commit().await?;
    Ok(MoveOutcome::Moved { waitlisted: !seat })
}

/// Scheduled sessions that have not started, other than `except`, for the "move to"
/// choice: soonest first.
pub async fn move_targets(
    pool: &PgPool,
    except: i64,
    now: DateTime<Utc>,
) -> Result<Vec<super::workshops::SessionRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{} where s.status = 'scheduled' and s.starts_at > $1 and s.id <> $2
         order by s.starts_at, s.id limit 60",
        super::workshops::SELECT_SESSION
    ))
    .bind(now)
    .bind(except)
    .fetch_all(pool)
    .await
}
