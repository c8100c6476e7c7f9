//! [ssr] The queries behind appointment services: the list with every language's texts,
//! adding, changing, hiding and moving one. No service is ever deleted (bookings keep
//! their codes).

use super::ordered_list::{drop_texts_except, lock_order, SERVICES};
use crate::domain::locale::Locale;
use crate::domain::service::{AppointmentService, HowHeld, ServiceDetails, ServiceText};
use sqlx::{PgConnection, PgPool};
use std::collections::BTreeMap;

#[derive(sqlx::FromRow)]
struct ServiceRow {
    id: String,
    hidden: bool,
    held: Vec<String>,
    arrival_reason: String,
}

#[derive(sqlx::FromRow)]
struct TextRow {
    service_id: String,
    locale: String,
    name: String,
    hint: String,
}

/// The most services an agency keeps (hidden ones count): the booking page lists them all.
pub const MAX_SERVICES: i64 = 30;

const COLUMNS: &str = "id, hidden, held, arrival_reason";

/// Every service in the admins' order, hidden ones too, each with the texts of every
/// language the product offers. A plain read: bookings never wait for an admin's change.
pub async fn list(pool: &PgPool) -> Result<Vec<AppointmentService>, crate::db::Error> {
    let mut conn = pool.acquire().await?;
    let rows: Vec<ServiceRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from services order by position, id"
    ))
    .fetch_all(&mut *conn)
    .await?;
    with_texts(&mut conn, rows, None).await
}

/// Service `code` as it is now, if there is one.
pub async fn find(
    pool: &PgPool,
    code: &str,
) -> Result<Option<AppointmentService>, crate::db::Error> {
    let mut conn = pool.acquire().await?;
    let rows: Vec<ServiceRow> =
        sqlx::query_as(&format!("select {COLUMNS} from services where id = $1"))
            .bind(code)
            .fetch_all(&mut *conn)
            .await?;
    Ok(with_texts(&mut conn, rows, Some(code)).await?.pop())
}

/// Service `code`, locked until the transaction ends (`no key update`: bookings, which
/// only reference it, need not wait for an admin's edit).
pub async fn lock_service(
    conn: &mut PgConnection,
    code: &str,
) -> Result<Option<AppointmentService>, crate::db::Error> {
    let rows: Vec<ServiceRow> = sqlx::query_as(&format!(
        "select {COLUMNS} from services where id = $1 for no key update"
    ))
    .bind(code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(with_texts(conn, rows, Some(code)).await?.pop())
}

/// `rows` with the texts of every language (of service `code` only, when given).
async fn with_texts(
    conn: &mut PgConnection,
    rows: Vec<ServiceRow>,
    code: Option<&str>,
) -> Result<Vec<AppointmentService>, crate::db::Error> {
    let texts: Vec<TextRow> = sqlx::query_as(
        "select service_id, locale, name, hint from service_texts
         where $1::text is null or service_id = $1",
    )
    .bind(code)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_code: BTreeMap<String, BTreeMap<Locale, ServiceText>> = BTreeMap::new();
    for t in texts {
        let Some(locale) = Locale::ALL.into_iter().find(|l| l.tag() == t.locale) else {
            continue;
        };
        let text = ServiceText {
            name: t.name,
            hint: t.hint,
        };
        by_code
            .entry(t.service_id)
            .or_default()
            .insert(locale, text);
    }
    Ok(rows
        .into_iter()
        .map(|r| AppointmentService {
            details: ServiceDetails {
                held: HowHeld::ALL
                    .into_iter()
                    .filter(|h| r.held.iter().any(|c| c == h.code()))
                    .collect(),
                arrival_reason: r.arrival_reason,
                texts: by_code.remove(&r.id).unwrap_or_default(),
            },
            hidden: r.hidden,
            code: r.id,
        })
        .collect())
}

fn held_codes(details: &ServiceDetails) -> Vec<&'static str> {
    details.held.iter().map(|h| h.code()).collect()
}

/// Adds service `code` at the end of the list; false when the code is taken.
pub async fn insert_service(
    conn: &mut PgConnection,
    code: &str,
    details: &ServiceDetails,
) -> Result<bool, crate::db::Error> {
    lock_order(conn, SERVICES).await?;
    let added = sqlx::query(
        "insert into services (id, position, held, arrival_reason)
         select $1, coalesce(max(position) + 1, 0), $2, $3 from services
         on conflict (id) do nothing",
    )
    .bind(code)
    .bind(held_codes(details))
    .bind(&details.arrival_reason)
    .execute(&mut *conn)
    .await?;
    if added.rows_affected() == 0 {
        return Ok(false);
    }
    save_texts(conn, code, details).await?;
    Ok(true)
}

/// Replaces the details of service `code` (locked by the caller).
pub async fn update_service(
    conn: &mut PgConnection,
    code: &str,
    details: &ServiceDetails,
) -> Result<(), crate::db::Error> {
    sqlx::query("update services set held = $2, arrival_reason = $3 where id = $1")
        .bind(code)
        .bind(held_codes(details))
        .bind(&details.arrival_reason)
        .execute(&mut *conn)
        .await?;
    save_texts(conn, code, details).await
}

async fn save_texts(
    conn: &mut PgConnection,
    code: &str,
    details: &ServiceDetails,
) -> Result<(), crate::db::Error> {
    let kept: Vec<&str> = details.texts.keys().map(|l| l.tag()).collect();
    drop_texts_except(conn, SERVICES, code, &kept).await?;
    for (locale, text) in &details.texts {
        sqlx::query(
            "insert into service_texts (service_id, locale, name, hint) values ($1, $2, $3, $4)
             on conflict (service_id, locale) do update set name = excluded.name, hint = excluded.hint",
        )
        .bind(code)
        .bind(locale.tag())
        .bind(&text.name)
        .bind(&text.hint)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
