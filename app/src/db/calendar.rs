//! [ssr] The staff calendar: appointments and workshop sessions in a range, one
//! appointment's details (reading its contact details is logged), and staff changes to
//! it, each kept with who and when.

use crate::domain::appointment_status::AppointmentStatus;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// What the calendar is narrowed to; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct CalendarFilter {
    pub center: Option<String>,
    pub service: Option<String>,
    pub staff_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AppointmentRow {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    pub service_id: String,
    pub first_name: String,
    pub last_name: String,
    #[sqlx(try_from = "String")]
    pub status: AppointmentStatus,
    pub language: String,
    pub accommodations: Vec<String>,
    pub staff_name: Option<String>,
    /// How it is held, a `HowHeld` code.
    pub held: String,
}

pub async fn appointments(
    pool: &PgPool,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    filter: &CalendarFilter,
) -> Result<Vec<AppointmentRow>, crate::db::Error> {
    sqlx::query_as(
        "select b.id, b.starts_at, b.ends_at, c.name as center_name, c.time_zone, b.service_id,
                b.first_name, b.last_name, b.status, b.language, b.accommodations,
                u.display_name as staff_name, b.held
         from bookings b join centers c on c.id = b.center_id
         left join staff_users u on u.id = b.staff_id
         where b.starts_at >= $1 and b.starts_at < $2
           and ($3::text is null or b.center_id = $3)
           and ($4::text is null or b.service_id = $4)
           and ($5::int8 is null or b.staff_id = $5)
         order by b.starts_at, b.id",
    )
    .bind(from)
    .bind(until)
    .bind(&filter.center)
    .bind(&filter.service)
    .bind(filter.staff_id)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Staff who can be assigned: id and name, active accounts only.
pub async fn staff_members(pool: &PgPool) -> Result<Vec<(i64, String)>, crate::db::Error> {
    sqlx::query_as(
        "select id, display_name from staff_users where not disabled order by display_name",
    )
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// One appointment with the person's contact details.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AppointmentDetail {
    pub id: i64,
    pub code: String,
    pub starts_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    pub service_id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    #[sqlx(try_from = "String")]
    pub status: AppointmentStatus,
    pub language: String,
    pub accommodations: Vec<String>,
    pub interpreter_language: Option<String>,
    pub accommodation_other: Option<String>,
    pub staff_id: Option<i64>,
    pub note: String,
    /// How it is held, a `HowHeld` code.
    pub held: String,
    pub meeting_link: String,
}

/// The appointment, its contact details read on behalf of `reader`: the read is written
/// to the audit log in the same transaction, so no read goes unrecorded.
pub async fn read_appointment(
    pool: &PgPool,
    id: i64,
    reader: i64,
) -> Result<Option<AppointmentDetail>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let detail: Option<AppointmentDetail> = sqlx::query_as(
        "select b.id, b.code, b.starts_at, c.name as center_name, c.time_zone, b.service_id,
                b.first_name, b.last_name, b.email, b.phone, b.status, b.language,
                b.accommodations, b.interpreter_language, b.accommodation_other, b.staff_id, b.note,
                b.held, b.meeting_link
         from bookings b join centers c on c.id = b.center_id where b.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(d) = &detail {
        sqlx::query(
            "insert into contact_reads (staff_id, source, source_id, person) values ($1, 'booking', $2, $3)",
        )
        .bind(reader)
        .bind(d.id)
        .bind(format!("{} {}", d.first_name, d.last_name))
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(detail)
}

/// The same person's appointments, by email or phone, newest first.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct HistoryRow {
    pub id: i64,
    pub starts_at: DateTime<Utc>,
    pub center_name: String,
    pub time_zone: String,
    pub service_id: String,
    #[sqlx(try_from = "String")]
    pub status: AppointmentStatus,
}

pub async fn history(
    pool: &PgPool,
    detail: &AppointmentDetail,
) -> Result<Vec<HistoryRow>, crate::db::Error> {
    sqlx::query_as(
        "select b.id, b.starts_at, c.name as center_name, c.time_zone, b.service_id, b.status
         from bookings b join centers c on c.id = b.center_id
         where b.id <> $1 and b.anonymized_at is null
           and ((lower(b.email) = lower($2) and $2 <> '') or (b.phone = $3 and $3 <> ''))
         order by b.starts_at desc limit 50",
    )
    .bind(detail.id)
    .bind(&detail.email)
    .bind(&detail.phone)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// A kept change: who, when, what, from and to.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ChangeRow {
    pub changed_at: DateTime<Utc>,
    pub staff_name: Option<String>,
    pub what: String,
    pub old_value: String,
    pub new_value: String,
}

pub async fn changes(pool: &PgPool, booking_id: i64) -> Result<Vec<ChangeRow>, crate::db::Error> {
    sqlx::query_as(
        "select k.changed_at, u.display_name as staff_name, k.what, k.old_value, k.new_value
         from booking_changes k left join staff_users u on u.id = k.staff_id
         where k.booking_id = $1 order by k.id desc",
    )
    .bind(booking_id)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// What staff asked to change.
#[derive(Debug, Clone)]
pub struct AppointmentUpdate {
    pub status: AppointmentStatus,
    pub staff_id: Option<i64>,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpdateOutcome {
    /// Saved; how many fields changed, and whether who handles it did.
    Saved {
        changed: usize,
        staff_changed: bool,
    },
    /// The status cannot go from what it is to what was asked; nothing changed.
    NotAllowed,
    Unknown,
}

/// Applies `update` to appointment `id` on behalf of staff `by`, under the booking's row
/// lock, and keeps one change row per field that changed.
pub async fn update_appointment(
    pool: &PgPool,
    id: i64,
    update: &AppointmentUpdate,
    by: i64,
    now: DateTime<Utc>,
) -> Result<UpdateOutcome, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let outcome = update_appointment_in(&mut tx, id, update, by, now).await?;
    tx.commit().await?;
    Ok(outcome)
}

/// `update_appointment` inside the caller's transaction (which then commits or not).
pub async fn update_appointment_in(
    tx: &mut PgConnection,
    id: i64,
    update: &AppointmentUpdate,
    by: i64,
    now: DateTime<Utc>,
) -> Result<UpdateOutcome, crate::db::Error> {
    let current: Option<(String, Option<i64>, String, String)> = sqlx::query_as(
        "select status, staff_id, note, center_id from bookings where id = $1 for update",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((status, staff_id, note, center_id)) = current else {
        return Ok(UpdateOutcome::Unknown);
    };
    let from = AppointmentStatus::try_from(status.clone())?;
    if !from.can_become(update.status) {
        return Ok(UpdateOutcome::NotAllowed);
    }
    let id_text = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    let changes = [
        ("status", status.clone(), update.status.code().to_owned()),
        ("staff", id_text(staff_id), id_text(update.staff_id)),
        ("note", note.clone(), update.note.clone()),
    ];
    let mut changed = 0;
    for (what, old, new) in changes.iter().filter(|(_, old, new)| old != new) {
        sqlx::query(
            "insert into booking_changes (booking_id, staff_id, changed_at, what, old_value, new_value)
             values ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(by)
        .bind(now)
        .bind(what)
        .bind(old)
        .bind(new)
        .execute(&mut *tx)
        .await?;
        changed += 1;
    }
    sqlx::query(
        "update bookings set status = $2, staff_id = $3, note = $4, updated_at = $5,
            arrived_at = case when $2 = 'arrived' and arrived_at is null then $5 else arrived_at end
         where id = $1",
    )
    .bind(id)
    .bind(update.status.code())
    .bind(update.staff_id)
    .bind(&update.note)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    super::notify_queue_changed(&mut *tx, &center_id).await?;
    Ok(UpdateOutcome::Saved {
        changed,
        staff_changed: staff_id != update.staff_id,
    })
}

/// Contact reads for managers, newest first.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ContactReadRow {
    pub read_at: DateTime<Utc>,
    pub staff_name: String,
    pub person: String,
    pub source_id: i64,
}

pub async fn contact_reads(
    pool: &PgPool,
    limit: i64,
) -> Result<Vec<ContactReadRow>, crate::db::Error> {
    sqlx::query_as(
        "select r.read_at, u.display_name as staff_name, r.person, r.source_id
         from contact_reads r join staff_users u on u.id = r.staff_id
         order by r.id desc limit $1",
    )
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// One contact read as exported for managers: who (by email too) read whose details, when.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct ContactReadExport {
    pub read_at: DateTime<Utc>,
    pub staff_email: String,
    pub staff_name: String,
    pub person: String,
    pub source: String,
    pub source_id: i64,
}

/// Every contact read, oldest first, for the managers' export.
pub async fn all_contact_reads(pool: &PgPool) -> Result<Vec<ContactReadExport>, crate::db::Error> {
    sqlx::query_as(
        "select r.read_at, u.email as staff_email, u.display_name as staff_name, r.person,
                r.source, r.source_id
         from contact_reads r join staff_users u on u.id = r.staff_id
         order by r.id",
    )
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// Workshop sessions starting in the range, cancelled ones too, at `center` (virtual
/// sessions are shown with every center).
pub async fn sessions(
    pool: &PgPool,
    from: DateTime<Utc>,
    until: DateTime<Utc>,
    center: Option<&str>,
) -> Result<Vec<crate::domain::workshop_session::WorkshopSession>, crate::db::Error> {
    sqlx::query_as(&format!(
        "{} where s.starts_at >= $1 and s.starts_at < $2
           and ($3::text is null or s.center_id = $3 or s.center_id is null)
         order by s.starts_at, s.id",
        super::workshops::SELECT_SESSION
    ))
    .bind(from)
    .bind(until)
    .bind(center)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
