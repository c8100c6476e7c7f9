//! [ssr] Staff changes to workshop sessions that touch people: edit (time or place
//! changes are emailed), cancel (one session or the rest of its series), and move a
//! person to another session.
//!
//! Like enrolment, each change holds the session's row lock, so it never races an
//! enrolment or a cancellation into a wrong seat count; a move locks both sessions in id
//! order, so two opposite moves cannot deadlock.

use super::workshops::{promote, queue_mail};
use crate::db::enrolments::{
    change_seats_taken, copy_to, live_enrolments, live_in_session, lock_two_sessions,
    mark_cancelled, place_held, waitlist_place,
};
use crate::db::workshop_admin::{lock_for_edit, lock_to_cancel, mark_session_cancelled, save};
use crate::domain::mail::MailContext;
use crate::domain::session_plan::SessionPlan;
use crate::domain::workshop::{open_for_enrolment, Refusal};
use crate::domain::workshop_status::{EnrolmentStatus, SessionStatus};
use crate::workshop_mail::WorkshopMail;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

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

/// Saves `plan` (its first time) over session `id`. A change of time or place raises the
/// calendar sequence and emails everyone enrolled or waiting; more seats go to the
/// waitlist at once.
pub async fn update_session(
    pool: &PgPool,
    id: i64,
    plan: &SessionPlan,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<EditOutcome, crate::db::Error> {
    let Some(&(starts_at, ends_at)) = plan.times.first() else {
        return Ok(EditOutcome::Unknown);
    };
    let mut tx = pool.begin().await?;
    let Some(before) = lock_for_edit(&mut tx, id).await? else {
        return Ok(EditOutcome::Unknown);
    };
    if before.status == SessionStatus::Cancelled {
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
    save(&mut tx, id, plan, (starts_at, ends_at), moved).await?;
    let mut notified = 0;
    if moved {
        for enrolment_id in live_enrolments(&mut tx, id).await? {
            queue_mail(&mut tx, id, enrolment_id, WorkshopMail::Changed, mail, now).await?;
            notified += 1;
        }
    }
    promote(&mut tx, id, mail, now).await?;
    tx.commit().await?;
    Ok(EditOutcome::Saved { notified })
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
) -> Result<Vec<i64>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let sessions = lock_to_cancel(&mut tx, id, rest_of_series).await?;
    for session_id in &sessions {
        mark_session_cancelled(&mut tx, *session_id).await?;
        for enrolment_id in live_enrolments(&mut tx, *session_id).await? {
            queue_mail(
                &mut tx,
                *session_id,
                enrolment_id,
                WorkshopMail::Cancelled,
                mail,
                now,
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
) -> Result<MoveOutcome, crate::db::Error> {
    if from == to {
        return Ok(MoveOutcome::AlreadyThere);
    }
    let mut tx = pool.begin().await?;
    let locked = lock_two_sessions(&mut tx, from, to).await?;
    let Some(target) = locked.iter().find(|s| s.id == to) else {
        return Ok(MoveOutcome::Unknown);
    };
    let Some((was, contact_key)) = live_in_session(&mut tx, enrolment_id, from).await? else {
        return Ok(MoveOutcome::Unknown);
    };
    if let Err(refusal) = open_for_enrolment(target.cancelled(), target.starts_at, now) {
        return Ok(MoveOutcome::Refused(refusal));
    }
    if place_held(&mut tx, to, &contact_key).await?.is_some() {
        return Ok(MoveOutcome::AlreadyThere);
    }
    let seat = target.has_free_seat();
    let moved_id = copy_to(&mut tx, enrolment_id, to, seat).await?;
    if seat {
        change_seats_taken(&mut tx, to, 1).await?;
    }
    mark_cancelled(&mut tx, enrolment_id, now).await?;
    if was == EnrolmentStatus::Enrolled {
        change_seats_taken(&mut tx, from, -1).await?;
        promote(&mut tx, from, mail, now).await?;
    }
    let kind = if seat {
        WorkshopMail::Enrolled
    } else {
        WorkshopMail::Waitlisted {
            place: waitlist_place(&mut tx, to, moved_id).await?,
        }
    };
    queue_mail(&mut tx, to, moved_id, kind, mail, now).await?;
    tx.commit().await?;
    Ok(MoveOutcome::Moved { waitlisted: !seat })
}
