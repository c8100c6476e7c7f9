//! [ssr] Workshop sessions and enrolments.
//!
//! Every change to a session's seats happens under its row lock (`select … for update`):
//! enrolments queue up on it, so seats go in arrival order, the waitlist keeps that order
//! (enrolment ids are drawn under the lock), and a freed seat goes to the first on the
//! waitlist in the same transaction that freed it.

use super::outbox::{insert_message, MailContext, Recipient};
use super::sessions::{hash, new_token};
use super::OlderLinks;
use crate::domain::accommodation::Accommodation;
use crate::domain::workshop::{open_for_enrolment, Contact, Refusal};
use crate::i18n::Locale;
use crate::workshop_mail::{compose, Enrollee, WorkshopMail};
use chrono::{DateTime, Duration, Utc};
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// A session as the catalog shows it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct SessionRow {
    pub id: i64,
    pub series_id: Option<i64>,
    pub topic: String,
    pub title: String,
    pub description: String,
    pub employer: Option<String>,
    pub center_id: Option<String>,
    pub center_name: Option<String>,
    pub time_zone: String,
    pub meeting_link: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub capacity: i32,
    pub language: String,
    pub facilitator: String,
    pub status: String,
    pub enrolled: i32,
    pub waitlisted: i64,
    /// Raised by every change of time, place or status (the calendar file's SEQUENCE).
    pub sequence: i32,
}

pub(super) const SELECT_SESSION: &str = "select s.id, s.series_id, s.topic, s.title, s.description, s.employer,
        s.center_id, c.name as center_name, coalesce(c.time_zone, 'America/Los_Angeles') as time_zone,
        s.meeting_link, s.starts_at, s.ends_at, s.capacity, s.language, s.facilitator, s.status,
        s.enrolled, s.sequence,
        (select count(*) from workshop_enrolments e where e.session_id = s.id and e.status = 'waitlisted') as waitlisted
    from workshop_sessions s left join centers c on c.id = s.center_id";

/// What the catalog is filtered by; `None` means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogFilter {
    /// `Some("virtual")` for virtual sessions, `Some(id)` for one center.
    pub place: Option<String>,
    pub topic: Option<String>,
    pub language: Option<String>,
    pub from: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

/// Scheduled sessions that have not started, soonest first.
pub async fn catalog(
    pool: &PgPool,
    filter: &CatalogFilter,
    now: DateTime<Utc>,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT_SESSION}
         where s.status = 'scheduled' and s.starts_at > $1
           and ($2::text is null or ($2 = 'virtual' and s.center_id is null) or s.center_id = $2)
           and ($3::text is null or s.topic = $3)
           and ($4::text is null or s.language = $4)
           and ($5::timestamptz is null or s.starts_at >= $5)
           and ($6::timestamptz is null or s.starts_at < $6)
         order by s.starts_at, s.id"
    ))
    .bind(now)
    .bind(&filter.place)
    .bind(&filter.topic)
    .bind(&filter.language)
    .bind(filter.from)
    .bind(filter.until)
    .fetch_all(pool)
    .await
}

pub async fn session(pool: &PgPool, id: i64) -> Result<Option<SessionRow>, sqlx::Error> {
    sqlx::query_as(&format!("{SELECT_SESSION} where s.id = $1"))
        .bind(id)
        .fetch_optional(pool)
        .await
}

/// The other scheduled, future sessions of a series, in date order.
pub async fn series_sessions(
    pool: &PgPool,
    series_id: i64,
    now: DateTime<Utc>,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT_SESSION} where s.series_id = $1 and s.status = 'scheduled' and s.starts_at > $2
         order by s.starts_at"
    ))
    .bind(series_id)
    .bind(now)
    .fetch_all(pool)
    .await
}

/// A person enrolling.
#[derive(Debug, Clone)]
pub struct NewEnrolment {
    /// From the form: the same form sent twice enrols once and gets a link again.
    pub key: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub contact: Contact,
    pub language: String,
    pub locale: Locale,
    pub accommodations: Vec<Accommodation>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
}

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

/// How often another form naming an enrolled contact may re-send its link by email.
pub const LINK_RESEND_MINUTES: i64 = 15;
/// An enrolment's link works until this long after its session ends.
pub const LINK_VALID_AFTER_END_DAYS: i64 = 7;

/// The enrolment a contact already holds in a session.
#[derive(sqlx::FromRow)]
struct PlaceHeld {
    id: i64,
    status: String,
    has_email: bool,
    link_resent_at: Option<DateTime<Utc>>,
}

/// Enrols in session `session_id`, or puts on its waitlist when it is full.
pub async fn enrol(
    pool: &PgPool,
    session_id: i64,
    person: &NewEnrolment,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<EnrolOutcome, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let locked: Option<(String, DateTime<Utc>, i32, i32)> = sqlx::query_as(
        "select status, starts_at, capacity, enrolled from workshop_sessions where id = $1 for update",
    )
    .bind(session_id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((status, starts_at, capacity, enrolled)) = locked else {
        return Ok(EnrolOutcome::UnknownSession);
    };
    if let Err(refusal) = open_for_enrolment(status == "cancelled", starts_at, now) {
        return Ok(EnrolOutcome::Refused(refusal));
    }
    let key = person.contact.key();
    // The same form, for the same session and contact, sent again: the same person. (A
    // form's key with another contact is someone on a shared computer pressing Back on
    // the first person's page: a new enrolment under a new key.)
    let replayed: Option<(i64, i64, String)> = sqlx::query_as(
        "select id, session_id, contact_key from workshop_enrolments where idempotency_key = $1",
    )
    .bind(person.key)
    .fetch_optional(&mut *tx)
    .await?;
    let form_key = match replayed {
        Some((enrolment_id, session, contact)) if session == session_id && contact == key => {
            let token = new_link(&mut tx, enrolment_id, OlderLinks::Keep).await?;
            tx.commit().await?;
            return Ok(EnrolOutcome::Done {
                enrolment_id,
                token,
            });
        }
        Some(_) => Uuid::new_v4(),
        None => person.key,
    };
    let existing: Option<PlaceHeld> = sqlx::query_as(
        "select id, status, email is not null as has_email, link_resent_at from workshop_enrolments
         where session_id = $1 and contact_key = $2 and status <> 'cancelled'",
    )
    .bind(session_id)
    .bind(&key)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(PlaceHeld {
        id,
        status,
        has_email: emailed,
        link_resent_at,
    }) = existing
    {
        let recently =
            link_resent_at.is_some_and(|at| now - at < Duration::minutes(LINK_RESEND_MINUTES));
        if emailed && !recently {
            let kind = match status.as_str() {
                "waitlisted" => WorkshopMail::Waitlisted {
                    place: waitlist_place(&mut tx, session_id, id).await?,
                },
                _ => WorkshopMail::Enrolled,
            };
            // Like every email, it carries the one link that works from now on: if a
            // stranger ever saw an older one, it is dead.
            queue_mail(&mut tx, session_id, id, kind, mail, now, None).await?;
            sqlx::query("update workshop_enrolments set link_resent_at = $2 where id = $1")
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        return Ok(EnrolOutcome::AlreadyHasPlace { emailed });
    }
    let seat = enrolled < capacity;
    let accommodations: Vec<&str> = person.accommodations.iter().map(|a| a.code()).collect();
    let enrolment_id: i64 = sqlx::query_scalar(
        "insert into workshop_enrolments (session_id, first_name, last_name, contact, contact_key,
            email, language, email_locale, accommodations, interpreter_language, accommodation_other,
            status, idempotency_key)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning id",
    )
    .bind(session_id)
    .bind(&person.first_name)
    .bind(&person.last_name)
    .bind(person.contact.as_text())
    .bind(&key)
    .bind(person.contact.email())
    .bind(&person.language)
    .bind(person.locale.tag())
    .bind(&accommodations)
    .bind(&person.interpreter_language)
    .bind(&person.accommodation_other)
    .bind(if seat { "enrolled" } else { "waitlisted" })
    .bind(form_key)
    .fetch_one(&mut *tx)
    .await?;
    if seat {
        sqlx::query("update workshop_sessions set enrolled = enrolled + 1 where id = $1")
            .bind(session_id)
            .execute(&mut *tx)
            .await?;
    }
    let kind = if seat {
        WorkshopMail::Enrolled
    } else {
        WorkshopMail::Waitlisted {
            place: waitlist_place(&mut tx, session_id, enrolment_id).await?,
        }
    };
    // One link, on the confirmation page and in the email.
    let token = new_link(&mut tx, enrolment_id, OlderLinks::Revoke).await?;
    queue_mail(
        &mut tx,
        session_id,
        enrolment_id,
        kind,
        mail,
        now,
        Some(&token),
    )
    .await?;
    tx.commit().await?;
    Ok(EnrolOutcome::Done {
        enrolment_id,
        token,
    })
}

pub(super) async fn waitlist_place(
    conn: &mut PgConnection,
    session_id: i64,
    enrolment_id: i64,
) -> Result<u32, sqlx::Error> {
    let place: i64 = sqlx::query_scalar(
        "select count(*) from workshop_enrolments where session_id = $1 and status = 'waitlisted' and id <= $2",
    )
    .bind(session_id)
    .bind(enrolment_id)
    .fetch_one(conn)
    .await?;
    Ok(u32::try_from(place).unwrap_or(1))
}

/// Queues `kind` for the enrolment when the person gave an email address (a phone number
/// gets no email), with the link `token`, or else a new link that replaces the older ones.
pub(super) async fn queue_mail(
    conn: &mut PgConnection,
    session_id: i64,
    enrolment_id: i64,
    kind: WorkshopMail,
    mail: &MailContext,
    now: DateTime<Utc>,
    token: Option<&str>,
) -> Result<(), sqlx::Error> {
    let (first_name, email, locale): (String, Option<String>, String) = sqlx::query_as(
        "select first_name, email, email_locale from workshop_enrolments where id = $1",
    )
    .bind(enrolment_id)
    .fetch_one(&mut *conn)
    .await?;
    let Some(email) = email else {
        return Ok(());
    };
    let session: SessionRow = sqlx::query_as(&format!("{SELECT_SESSION} where s.id = $1"))
        .bind(session_id)
        .fetch_one(&mut *conn)
        .await?;
    let token = match token {
        Some(token) => token.to_owned(),
        None => new_link(&mut *conn, enrolment_id, OlderLinks::Revoke).await?,
    };
    let locale = Locale::from_tag(&locale);
    let to = Enrollee {
        enrolment_id,
        first_name: &first_name,
        locale,
    };
    let message = compose(kind, &session, &to, &token, mail, now);
    insert_message(
        conn,
        Recipient::Enrolment(enrolment_id),
        kind.code(),
        &email,
        &message,
    )
    .await
}

/// A new private link for the enrolment; with `OlderLinks::Revoke` the older ones stop
/// working.
async fn new_link(
    conn: &mut PgConnection,
    enrolment_id: i64,
    older: OlderLinks,
) -> Result<String, sqlx::Error> {
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

/// Gives freed seats to the first people on the waitlist, in order, while there is room.
/// Must run under the session's row lock. Returns the enrolments promoted.
pub(super) async fn promote(
    conn: &mut PgConnection,
    session_id: i64,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Vec<i64>, sqlx::Error> {
    let promoted: Vec<i64> = sqlx::query_scalar(
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
    .fetch_all(&mut *conn)
    .await?;
    for id in &promoted {
        queue_mail(
            &mut *conn,
            session_id,
            *id,
            WorkshopMail::Promoted,
            mail,
            now,
            None,
        )
        .await?;
    }
    Ok(promoted)
}

/// An enrolment as its private link shows it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct EnrolmentRow {
    pub id: i64,
    pub session_id: i64,
    pub first_name: String,
    pub contact: String,
    pub status: String,
    pub email_locale: String,
    /// Place on the waitlist (1 = next), when waitlisted.
    pub place: Option<i64>,
}

pub async fn enrolment_by_token(
    pool: &PgPool,
    token: &str,
) -> Result<Option<EnrolmentRow>, sqlx::Error> {
    sqlx::query_as(
        "select e.id, e.session_id, e.first_name, e.contact, e.status, e.email_locale,
                case when e.status = 'waitlisted' then
                    (select count(*) from workshop_enrolments w
                     where w.session_id = e.session_id and w.status = 'waitlisted' and w.id <= e.id)
                end as place
         from workshop_links l join workshop_enrolments e on e.id = l.enrolment_id
         join workshop_sessions s on s.id = e.session_id
         where l.token_hash = $1 and s.ends_at > now() - make_interval(days => $2::int)",
    )
    .bind(hash(token))
    .bind(LINK_VALID_AFTER_END_DAYS as i32)
    .fetch_optional(pool)
    .await
}

/// Cancels the enrolment behind `token`; a freed seat goes to the first on the waitlist
/// in the same transaction. Returns the people promoted.
pub async fn cancel_enrolment(
    pool: &PgPool,
    token: &str,
    mail: &MailContext,
    now: DateTime<Utc>,
) -> Result<Option<Vec<i64>>, sqlx::Error> {
    let Some(enrolment) = enrolment_by_token(pool, token).await? else {
        return Ok(None);
    };
    let mut tx = pool.begin().await?;
    let starts_at: DateTime<Utc> =
        sqlx::query_scalar("select starts_at from workshop_sessions where id = $1 for update")
            .bind(enrolment.session_id)
            .fetch_one(&mut *tx)
            .await?;
    if starts_at <= now {
        // A session under way is not left by link (nor its seat given to someone else).
        tx.rollback().await?;
        return Ok(Some(Vec::new()));
    }
    // Every change to this session's enrolments holds the session lock: what is read here
    // stays true until commit.
    let was: Option<String> =
        sqlx::query_scalar("select status from workshop_enrolments where id = $1")
            .bind(enrolment.id)
            .fetch_optional(&mut *tx)
            .await?;
    let was = was.filter(|s| s == "enrolled" || s == "waitlisted");
    if was.is_some() {
        sqlx::query(
            "update workshop_enrolments set status = 'cancelled', cancelled_at = $2 where id = $1",
        )
        .bind(enrolment.id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    let mut promoted = Vec::new();
    if was.as_deref() == Some("enrolled") {
        sqlx::query("update workshop_sessions set enrolled = enrolled - 1 where id = $1")
            .bind(enrolment.session_id)
            .execute(&mut *tx)
            .await?;
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
) -> Result<CapacityOutcome, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let enrolled: Option<i32> =
        sqlx::query_scalar("select enrolled from workshop_sessions where id = $1 for update")
            .bind(session_id)
            .fetch_optional(&mut *tx)
            .await?;
    let outcome = match enrolled {
        None => CapacityOutcome::Unknown,
        Some(enrolled) if enrolled > capacity => CapacityOutcome::BelowSeatsTaken,
        Some(_) => {
            sqlx::query("update workshop_sessions set capacity = $2 where id = $1")
                .bind(session_id)
                .bind(capacity)
                .execute(&mut *tx)
                .await?;
            promote(&mut tx, session_id, mail, now).await?;
            CapacityOutcome::Changed
        }
    };
    tx.commit().await?;
    Ok(outcome)
}

/// A session's roster: enrolled (and attended / no-show) first, then the waitlist in order.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct RosterRow {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub status: String,
}

pub async fn roster(pool: &PgPool, session_id: i64) -> Result<Vec<RosterRow>, sqlx::Error> {
    sqlx::query_as(
        "select id, first_name, last_name, status from workshop_enrolments
         where session_id = $1 and status <> 'cancelled'
         order by case when status = 'waitlisted' then 1 else 0 end, id",
    )
    .bind(session_id)
    .fetch_all(pool)
    .await
}

/// Sessions from today on, cancelled ones too, for staff.
pub async fn upcoming_for_staff(
    pool: &PgPool,
    now: DateTime<Utc>,
) -> Result<Vec<SessionRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT_SESSION} where s.ends_at > $1 - interval '12 hours' order by s.starts_at, s.id"
    ))
    .bind(now)
    .fetch_all(pool)
    .await
}

/// Attendance of one enrolled person; the waitlist and cancelled enrolments are left alone.
pub async fn mark_attendance(
    pool: &PgPool,
    session_id: i64,
    enrolment_id: i64,
    status: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update workshop_enrolments set status = $3
         where id = $2 and session_id = $1 and status in ('enrolled', 'attended', 'no_show')",
    )
    .bind(session_id)
    .bind(enrolment_id)
    .bind(status)
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}
