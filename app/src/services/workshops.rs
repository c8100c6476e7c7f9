//! [ssr] Workshop enrolment as use cases: enrol (or wait), leave by link, and seats
//! changed by staff. Each holds the session's row lock for its whole transaction, so seats
//! go in arrival order and a freed seat goes to the first person waiting in the same
//! transaction that freed it, with the email that tells them.

use crate::db::enrolments::{
    addressee, change_seats_taken, earlier_places, insert_with_link, live_in_session, lock_session,
    lock_session_whole, mark_cancelled, mark_link_resent, new_link, promote_waitlist, session_in,
    waitlist_place, PlaceHeld,
};
use crate::db::outbox::{insert_message, Recipient};
use crate::db::workshops::enrolment_by_token;
use crate::db::OlderLinks;
use crate::domain::locale::Locale;
use crate::domain::mail::MailContext;
use crate::domain::workshop::{open_for_enrolment, Refusal};
use crate::domain::workshop_session::{NewEnrolment, LINK_RESEND_MINUTES};
use crate::domain::workshop_status::EnrolmentStatus;
use crate::workshop_mail::{compose, Enrollee, WorkshopMail};
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// What became of an enrolment request.
#[derive(Debug, Clone, PartialEq)]
pub enum EnrolOutcome {
    /// Enrolled or waitlisted (now, or by this same form sent before): the manage link's
    /// token.
    Done {
        enrolment_id: i64,
        token: String,
    },
    /// The contact already has a place in this session, from another form. Knowing a
    /// contact proves nothing, so no link is handed out here: it went to the stored email
    /// (`emailed`), or, for a phone number, staff at the center can help.
    AlreadyHasPlace {
        emailed: bool,
    },
    Refused(Refusal),
    UnknownSession,
}

/// Enrols in session `session_id`, or puts on its waitlist when it is full.
///
/// Everyone enrolling in one session waits for its row lock in turn, so the work under it
/// is kept to four round trips (lock and read, earlier places, add, email) and the
/// commit: at a crowd's opening minute, that is what makes the last of 500 wait.
pub async fn enrol(
    pool: &PgPool,
    session_id: i64,
    person: &NewEnrolment,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<EnrolOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let Some(session) = lock_session_whole(&mut tx, session_id).await? else {
        return Ok(EnrolOutcome::UnknownSession);
    };
    if let Err(refusal) = open_for_enrolment(session.cancelled(), session.starts_at, now) {
        return Ok(EnrolOutcome::Refused(refusal));
    }
    let key = person.contact.key();
    let earlier = earlier_places(&mut tx, person.key, session_id, &key).await?;
    // The same form, for the same session and contact, sent again: the same person. (A
    // form's key with another contact is someone on a shared computer pressing Back on
    // the first person's page: a new enrolment under a new key.)
    let form_key = match earlier.by_form {
        Some(earlier) if earlier.session_id == session_id && earlier.contact_key == key => {
            let token = new_link(&mut tx, earlier.id, OlderLinks::Keep).await?;
            tx.commit().await?;
            return Ok(EnrolOutcome::Done {
                enrolment_id: earlier.id,
                token,
            });
        }
        Some(_) => Uuid::new_v4(),
        None => person.key,
    };
    if let Some(held) = earlier.held {
        let emailed = held.has_email;
        resend_link(&mut tx, session_id, &held, mail, now).await?;
        tx.commit().await?;
        return Ok(EnrolOutcome::AlreadyHasPlace { emailed });
    }
    let seat = session.has_free_seat();
    let added = insert_with_link(&mut tx, session_id, person, form_key, seat).await?;
    if let Some(email) = person.contact.email() {
        let kind = if seat {
            WorkshopMail::Enrolled
        } else {
            WorkshopMail::Waitlisted {
                place: added.waitlist_place,
            }
        };
        let enrollee = Enrollee {
            enrolment_id: added.id,
            first_name: &person.first_name,
            locale: person.locale,
        };
        // One link, on the confirmation page and in the email.
        let message = compose(kind, &session, &enrollee, &added.token, mail, now);
        let about = Recipient::Enrolment(added.id);
        insert_message(&mut tx, about, kind.code(), email, &message).await?;
    }
    tx.commit().await?;
    Ok(EnrolOutcome::Done {
        enrolment_id: added.id,
        token: added.token,
    })
}

/// Emails the link of a place already held to its stored address, at most every
/// `LINK_RESEND_MINUTES`. Like every email, it carries the one link that works from now
/// on: if a stranger ever saw an older one, it is dead.
async fn resend_link(
    conn: &mut PgConnection,
    session_id: i64,
    held: &PlaceHeld,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    let recently = held
        .link_resent_at
        .is_some_and(|at| now - at < Duration::minutes(LINK_RESEND_MINUTES));
    if !held.has_email || recently {
        return Ok(());
    }
    let kind = match held.status {
        EnrolmentStatus::Waitlisted => WorkshopMail::Waitlisted {
            place: waitlist_place(&mut *conn, session_id, held.id).await?,
        },
        _ => WorkshopMail::Enrolled,
    };
    queue_mail(&mut *conn, session_id, held.id, kind, mail, now).await?;
    mark_link_resent(conn, held.id, now).await
}

/// Queues `kind` for the enrolment when the person gave an email address (a phone number
/// gets no email), with a new link that replaces the older ones.
pub(super) async fn queue_mail(
    conn: &mut PgConnection,
    session_id: i64,
    enrolment_id: i64,
    kind: WorkshopMail,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    let to = addressee(&mut *conn, enrolment_id).await?;
    let Some(email) = to.email else {
        return Ok(());
    };
    let session = session_in(&mut *conn, session_id).await?;
    let token = new_link(&mut *conn, enrolment_id, OlderLinks::Revoke).await?;
    let enrollee = Enrollee {
        enrolment_id,
        first_name: &to.first_name,
        locale: Locale::from_tag(&to.email_locale),
    };
    let message = compose(kind, &session, &enrollee, &token, mail, now);
    insert_message(
        conn,
        Recipient::Enrolment(enrolment_id),
        kind.code(),
        &email,
        &message,
    )
    .await?;
    Ok(())
}

/// Gives freed seats to the first people on the waitlist, in order, while there is room,
/// and tells each of them. Must run under the session's row lock. Returns the enrolments
/// promoted.
pub(super) async fn promote(
    conn: &mut PgConnection,
    session_id: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, crate::db::Error> {
    let promoted = promote_waitlist(&mut *conn, session_id, now).await?;
    for id in &promoted {
        queue_mail(
            &mut *conn,
            session_id,
            *id,
            WorkshopMail::Promoted,
            mail,
            now,
        )
        .await?;
    }
    Ok(promoted)
}

/// Cancels the enrolment behind `token`; a freed seat goes to the first on the waitlist
/// in the same transaction. Returns the people promoted.
pub async fn cancel_enrolment(
    pool: &PgPool,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Option<Vec<i64>>, crate::db::Error> {
    let Some(enrolment) = enrolment_by_token(pool, token).await? else {
        return Ok(None);
    };
    let mut tx = pool.begin().await?;
    let Some(session) = lock_session(&mut tx, enrolment.session_id).await? else {
        return Ok(None);
    };
    if session.starts_at <= now {
        // A session under way is not left by link (nor its seat given to someone else).
        tx.rollback().await?;
        return Ok(Some(Vec::new()));
    }
    // Every change to this session's enrolments holds the session lock: what is read here
    // stays true until commit.
    let was = live_in_session(&mut tx, enrolment.id, enrolment.session_id).await?;
    if was.is_some() {
        mark_cancelled(&mut tx, enrolment.id, now).await?;
    }
    let mut promoted = Vec::new();
    if was.is_some_and(|(status, _)| status == EnrolmentStatus::Enrolled) {
        change_seats_taken(&mut tx, enrolment.session_id, -1).await?;
        promoted = promote(&mut tx, enrolment.session_id, mail, now).await?;
    }
    tx.commit().await?;
    Ok(Some(promoted))
}

/// What became of a change of seats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapacityOutcome {
    Changed,
    /// Fewer seats than people enrolled: nothing changed.
    BelowSeatsTaken,
    Unknown,
}

/// Sets a session's capacity (staff); raising it promotes from the waitlist at once.
/// Lowering it below the seats taken is refused.
pub async fn set_capacity(
    pool: &PgPool,
    session_id: i64,
    capacity: i32,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<CapacityOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let outcome = match lock_session(&mut tx, session_id).await? {
        None => CapacityOutcome::Unknown,
        Some(session) if session.enrolled > capacity => CapacityOutcome::BelowSeatsTaken,
        Some(_) => {
            crate::db::enrolments::set_capacity(&mut tx, session_id, capacity).await?;
            promote(&mut tx, session_id, mail, now).await?;
            CapacityOutcome::Changed
        }
    };
    tx.commit().await?;
    Ok(outcome)
}
