//! [ssr] The queries behind enrolling in a workshop session, leaving it, and moving
//! between sessions; `services::workshops` puts them together.
//!
//! Every change to a session's seats happens under its row lock (`lock_session`):
//! enrolments queue up on it, so seats go in arrival order, the waitlist keeps that order
//! (enrolment ids are drawn under the lock), and a freed seat goes to the first on the
//! waitlist in the same transaction that freed it.

use super::sessions::{hash, new_token};
use super::workshops::SELECT_SESSION;
use super::OlderLinks;
use crate::domain::workshop_session::{NewEnrolment, WorkshopSession};
use crate::domain::workshop_status::{EnrolmentStatus, SessionStatus};
use chrono::{DateTime, Utc};
use sqlx::PgConnection;
use uuid::Uuid;

/// A session's seats, read under its row lock.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LockedSession {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub status: SessionStatus,
    pub starts_at: DateTime<Utc>,
    pub capacity: i32,
    pub enrolled: i32,
}

impl LockedSession {
    pub fn cancelled(&self) -> bool {
        self.status == SessionStatus::Cancelled
    }
    pub fn has_free_seat(&self) -> bool {
        crate::domain::workshop_session::has_free_seat(self.enrolled, self.capacity)
    }
}

/// Locks session `id` until the transaction ends; `None` when there is no such session.
pub async fn lock_session(
    conn: &mut PgConnection,
    id: i64,
) -> Result<Option<LockedSession>, crate::db::Error> {
    sqlx::query_as(
        "select id, status, starts_at, capacity, enrolled from workshop_sessions where id = $1 for update",
    )
    .bind(id)
    .fetch_optional(conn)
    .await.map_err(Into::into)
}

/// Locks two sessions in id order (so two opposite moves cannot deadlock).
pub async fn lock_two_sessions(
    conn: &mut PgConnection,
    a: i64,
    b: i64,
) -> Result<Vec<LockedSession>, crate::db::Error> {
    sqlx::query_as(
        "select id, status, starts_at, capacity, enrolled from workshop_sessions
         where id in ($1, $2) order by id for update",
    )
    .bind(a)
    .bind(b)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}

/// Locks session `id` until the transaction ends and reads it whole, for the seat
/// decision and the confirmation email in one round trip; `None` when there is no such
/// session. A statement that waited for the lock sees the session row as the lock found
/// it, but other tables as they were when it began: so the center is read by subqueries,
/// which follow the row's center even when staff moved the session meanwhile (a join
/// would pair the new center's id with nothing). The waitlist is not counted here (its
/// `waitlisted` is 0): `insert_with_link` gives a new person's place.
pub async fn lock_session_whole(
    conn: &mut PgConnection,
    id: i64,
) -> Result<Option<WorkshopSession>, crate::db::Error> {
    sqlx::query_as(
        "select s.id, s.series_id, s.topic, s.title, s.description, s.employer, s.center_id,
            (select c.name from centers c where c.id = s.center_id) as center_name,
            coalesce((select c.time_zone from centers c where c.id = s.center_id),
                     'America/Los_Angeles') as time_zone,
            s.meeting_link, s.starts_at, s.ends_at, s.capacity, s.language, s.facilitator,
            s.status, s.enrolled, 0::bigint as waitlisted, s.sequence
         from workshop_sessions s where s.id = $1 for update",
    )
    .bind(id)
    .fetch_optional(conn)
    .await
    .map_err(Into::into)
}

/// The enrolment a form's key made: its id, session and contact.
#[derive(Debug, Clone)]
pub struct FormEnrolment {
    pub id: i64,
    pub session_id: i64,
    pub contact_key: String,
}

/// The enrolment a contact already holds in a session.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlaceHeld {
    pub id: i64,
    #[sqlx(try_from = "String")]
    pub status: EnrolmentStatus,
    pub has_email: bool,
    pub link_resent_at: Option<DateTime<Utc>>,
}

/// The place (seat or waitlist) `contact_key` holds in session `session_id`, if any.
pub async fn place_held(
    conn: &mut PgConnection,
    session_id: i64,
    contact_key: &str,
) -> Result<Option<PlaceHeld>, crate::db::Error> {
    sqlx::query_as(
        "select id, status, email is not null as has_email, link_resent_at from workshop_enrolments
         where session_id = $1 and contact_key = $2 and status <> 'cancelled'",
    )
    .bind(session_id)
    .bind(contact_key)
    .fetch_optional(conn)
    .await
    .map_err(Into::into)
}

/// What a form's key made, and what a contact holds in a session: what an enrolment
/// must know before it adds anyone.
#[derive(Debug, Clone, Default)]
pub struct EarlierPlaces {
    /// The enrolment this form's key made, in any session and status.
    pub by_form: Option<FormEnrolment>,
    /// The seat or waitlist place the contact holds in the session.
    pub held: Option<PlaceHeld>,
}

#[derive(sqlx::FromRow)]
struct EarlierRow {
    id: i64,
    session_id: i64,
    contact_key: String,
    by_form: bool,
    status: String,
    has_email: bool,
    link_resent_at: Option<DateTime<Utc>>,
}

/// Both of `EarlierPlaces` in one round trip (it runs under the session's lock).
pub async fn earlier_places(
    conn: &mut PgConnection,
    form_key: Uuid,
    session_id: i64,
    contact_key: &str,
) -> Result<EarlierPlaces, crate::db::Error> {
    let rows: Vec<EarlierRow> = sqlx::query_as(
        "select id, session_id, contact_key, idempotency_key is not distinct from $1 as by_form,
                status, email is not null as has_email, link_resent_at
         from workshop_enrolments
         where idempotency_key = $1
            or (session_id = $2 and contact_key = $3 and status <> 'cancelled')",
    )
    .bind(form_key)
    .bind(session_id)
    .bind(contact_key)
    .fetch_all(conn)
    .await?;
    let mut places = EarlierPlaces::default();
    for row in rows {
        let status = EnrolmentStatus::try_from(row.status)?;
        if row.session_id == session_id
            && row.contact_key == contact_key
            && status != EnrolmentStatus::Cancelled
        {
            places.held = Some(PlaceHeld {
                id: row.id,
                status,
                has_email: row.has_email,
                link_resent_at: row.link_resent_at,
            });
        }
        if row.by_form {
            places.by_form = Some(FormEnrolment {
                id: row.id,
                session_id: row.session_id,
                contact_key: row.contact_key,
            });
        }
    }
    Ok(places)
}

pub async fn mark_link_resent(
    conn: &mut PgConnection,
    enrolment_id: i64,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query("update workshop_enrolments set link_resent_at = $2 where id = $1")
        .bind(enrolment_id)
        .bind(now)
        .execute(conn)
        .await?;
    Ok(())
}

fn status_for(seat: bool) -> &'static str {
    if seat {
        "enrolled"
    } else {
        "waitlisted"
    }
}

/// A person just added to a session.
#[derive(Debug, Clone)]
pub struct Added {
    pub id: i64,
    /// The private link's token (the only link: there is no older one to revoke).
    pub token: String,
    /// Their place on the waitlist (1 = next), when they got no seat.
    pub waitlist_place: u32,
}

/// Adds `person` to the session, holding a seat (counted on the session) or waiting, with
/// a private link, in one statement: it runs under the session's row lock, where every
/// round trip is one more wait for everyone queued behind it.
pub async fn insert_with_link(
    conn: &mut PgConnection,
    session_id: i64,
    person: &NewEnrolment,
    form_key: Uuid,
    seat: bool,
) -> Result<Added, crate::db::Error> {
    let accommodations: Vec<&str> = person.accommodations.iter().map(|a| a.code()).collect();
    let token = new_token();
    // The count runs on the statement's snapshot, without the row it inserts: those
    // already waiting, all drawn earlier under this lock, so all ahead.
    let (id, waiting_ahead): (i64, i64) = sqlx::query_as(
        "with added as (
             insert into workshop_enrolments (session_id, first_name, last_name, contact, contact_key,
                 email, language, email_locale, accommodations, interpreter_language, accommodation_other,
                 status, idempotency_key)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id
         ), counted as (
             update workshop_sessions set enrolled = enrolled + 1 where id = $1 and $12 = 'enrolled'
         ), linked as (
             insert into workshop_links (token_hash, enrolment_id) select $14, id from added
         )
         select id, (select count(*) from workshop_enrolments
                     where session_id = $1 and status = 'waitlisted')
         from added",
    )
    .bind(session_id)
    .bind(&person.first_name)
    .bind(&person.last_name)
    .bind(person.contact.as_text())
    .bind(person.contact.key())
    .bind(person.contact.email())
    .bind(&person.language)
    .bind(person.locale.tag())
    .bind(&accommodations)
    .bind(&person.interpreter_language)
    .bind(&person.accommodation_other)
    .bind(status_for(seat))
    .bind(form_key)
    .bind(hash(&token))
    .fetch_one(conn)
    .await?;
    Ok(Added {
        id,
        token,
        waitlist_place: u32::try_from(waiting_ahead + 1).unwrap_or(1),
    })
}

/// A copy of enrolment `enrolment_id` in session `to`: a new row, whose id puts the person
/// at the end of that session's waitlist, never ahead of people already waiting there.
pub async fn copy_to(
    conn: &mut PgConnection,
    enrolment_id: i64,
    to: i64,
    seat: bool,
) -> Result<i64, crate::db::Error> {
    sqlx::query_scalar(
        "insert into workshop_enrolments (session_id, first_name, last_name, contact, contact_key,
            email, language, email_locale, accommodations, interpreter_language, accommodation_other, status)
         select $2, first_name, last_name, contact, contact_key, email, language, email_locale,
            accommodations, interpreter_language, accommodation_other, $3
         from workshop_enrolments where id = $1 returning id",
    )
    .bind(enrolment_id)
    .bind(to)
    .bind(status_for(seat))
    .fetch_one(conn)
    .await.map_err(Into::into)
}

/// Counts one more (`+1`) or one fewer (`-1`) seat taken in the session.
pub async fn change_seats_taken(
    conn: &mut PgConnection,
    session_id: i64,
    by: i32,
) -> Result<(), crate::db::Error> {
    sqlx::query("update workshop_sessions set enrolled = enrolled + $2 where id = $1")
        .bind(session_id)
        .bind(by)
        .execute(conn)
        .await?;
    Ok(())
}

/// The person's place on the session's waitlist (1 = next).
pub async fn waitlist_place(
    conn: &mut PgConnection,
    session_id: i64,
    enrolment_id: i64,
) -> Result<u32, crate::db::Error> {
    let place: i64 = sqlx::query_scalar(
        "select count(*) from workshop_enrolments where session_id = $1 and status = 'waitlisted' and id <= $2",
    )
    .bind(session_id)
    .bind(enrolment_id)
    .fetch_one(conn)
    .await?;
    Ok(u32::try_from(place).unwrap_or(1))
}

/// A new private link for the enrolment; with `OlderLinks::Revoke` the older ones stop
/// working.
pub async fn new_link(
    conn: &mut PgConnection,
    enrolment_id: i64,
    older: OlderLinks,
) -> Result<String, crate::db::Error> {
    if older == OlderLinks::Revoke {
        sqlx::query("delete from workshop_links where enrolment_id = $1")
            .bind(enrolment_id)
            .execute(&mut *conn)
            .await?;
    }
    let token = new_token();
    sqlx::query("insert into workshop_links (token_hash, enrolment_id) values ($1, $2)")
        .bind(hash(&token))
        .bind(enrolment_id)
        .execute(conn)
        .await?;
    Ok(token)
}

/// Whom an enrolment's emails go to: first name, email (none for a phone number) and the
/// language of the form.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Addressee {
    pub first_name: String,
    pub email: Option<String>,
    pub email_locale: String,
}

pub async fn addressee(
    conn: &mut PgConnection,
    enrolment_id: i64,
) -> Result<Addressee, crate::db::Error> {
    sqlx::query_as("select first_name, email, email_locale from workshop_enrolments where id = $1")
        .bind(enrolment_id)
        .fetch_one(conn)
        .await
        .map_err(Into::into)
}

/// Session `id`, read inside a transaction.
pub async fn session_in(
    conn: &mut PgConnection,
    id: i64,
) -> Result<WorkshopSession, crate::db::Error> {
    sqlx::query_as(&format!("{SELECT_SESSION} where s.id = $1"))
        .bind(id)
        .fetch_one(conn)
        .await
        .map_err(Into::into)
}

/// Gives freed seats to the first people on the waitlist, in order, while there is room.
/// Must run under the session's row lock. Returns the enrolments promoted.
pub async fn promote_waitlist(
    conn: &mut PgConnection,
    session_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, crate::db::Error> {
    sqlx::query_scalar(
        "with room as (
             select capacity - enrolled as free from workshop_sessions where id = $1 and status = 'scheduled'
         ), chosen as (
             select id from workshop_enrolments
             where session_id = $1 and status = 'waitlisted'
             order by id limit (select greatest(free, 0) from room)
         ), promoted as (
             update workshop_enrolments set status = 'enrolled', promoted_at = $2
             where id in (select id from chosen) returning id
         ), counted as (
             update workshop_sessions set enrolled = enrolled + (select count(*) from promoted)
             where id = $1
         )
         select id from promoted order by id",
    )
    .bind(session_id)
    .bind(now)
    .fetch_all(conn)
    .await.map_err(Into::into)
}

/// Status and contact of enrolment `enrolment_id` while it holds a seat or waits in
/// session `session_id` (`None` otherwise).
pub async fn live_in_session(
    conn: &mut PgConnection,
    enrolment_id: i64,
    session_id: i64,
) -> Result<Option<(EnrolmentStatus, String)>, crate::db::Error> {
    let found: Option<(String, String)> = sqlx::query_as(
        "select status, contact_key from workshop_enrolments
         where id = $1 and session_id = $2 and status in ('enrolled', 'waitlisted')",
    )
    .bind(enrolment_id)
    .bind(session_id)
    .fetch_optional(conn)
    .await?;
    found
        .map(|(status, contact)| Ok((status.try_into()?, contact)))
        .transpose()
}

pub async fn mark_cancelled(
    conn: &mut PgConnection,
    enrolment_id: i64,
    now: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update workshop_enrolments set status = 'cancelled', cancelled_at = $2 where id = $1",
    )
    .bind(enrolment_id)
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_capacity(
    conn: &mut PgConnection,
    session_id: i64,
    capacity: i32,
) -> Result<(), crate::db::Error> {
    sqlx::query("update workshop_sessions set capacity = $2 where id = $1")
        .bind(session_id)
        .bind(capacity)
        .execute(conn)
        .await?;
    Ok(())
}

/// People holding a seat or waiting in the session, in arrival order.
pub async fn live_enrolments(
    conn: &mut PgConnection,
    session_id: i64,
) -> Result<Vec<i64>, crate::db::Error> {
    sqlx::query_scalar(
        "select id from workshop_enrolments
         where session_id = $1 and status in ('enrolled', 'waitlisted') order by id",
    )
    .bind(session_id)
    .fetch_all(conn)
    .await
    .map_err(Into::into)
}
