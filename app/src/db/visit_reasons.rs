//! [ssr] The queries behind visit reasons: the list with every language's texts, adding,
//! changing, hiding and moving one. No reason is ever deleted (visits keep their codes).

use super::ordered_list::{drop_texts_except, lock_order, VISIT_REASONS};
use crate::domain::locale::Locale;
use crate::domain::visit_reason::{ReasonDetails, ReasonText, VisitReason};
use sqlx::{PgConnection, PgPool};
use std::collections::BTreeMap;

#[derive(sqlx::FromRow)]
struct ReasonRow {
    code: String,
    hidden: bool,
    handled_elsewhere: bool,
    phones: Vec<String>,
    team: String,
}

#[derive(sqlx::FromRow)]
struct TextRow {
    code: String,
    locale: String,
    name: String,
    hint: String,
    notice: String,
}

/// The most reasons an agency keeps (hidden ones count): every kiosk lists them all.
pub const MAX_REASONS: i64 = 40;

/// Every reason in the admins' order, hidden ones too, each with the texts of every
/// language the product offers (a row of a language it no longer offers is left out).
/// A plain read: pages and check-ins never wait for an admin's change.
pub async fn list(pool: &PgPool) -> Result<Vec<VisitReason>, crate::db::Error> {
    let mut conn = pool.acquire().await?;
    let rows: Vec<ReasonRow> = sqlx::query_as(
        "select code, hidden, handled_elsewhere, phones, team from visit_reasons
         order by position, code",
    )
    .fetch_all(&mut *conn)
    .await?;
    with_texts(&mut conn, rows, None).await
}

/// Reason `code`, locked until the transaction ends.
pub async fn lock_reason(
    conn: &mut PgConnection,
    code: &str,
) -> Result<Option<VisitReason>, crate::db::Error> {
    let rows: Vec<ReasonRow> = sqlx::query_as(
        "select code, hidden, handled_elsewhere, phones, team from visit_reasons
         where code = $1 for update",
    )
    .bind(code)
    .fetch_all(&mut *conn)
    .await?;
    Ok(with_texts(conn, rows, Some(code)).await?.pop())
}

/// `rows` with the texts of every language (of reason `code` only, when given).
async fn with_texts(
    conn: &mut PgConnection,
    rows: Vec<ReasonRow>,
    code: Option<&str>,
) -> Result<Vec<VisitReason>, crate::db::Error> {
    let texts: Vec<TextRow> = sqlx::query_as(
        "select code, locale, name, hint, notice from visit_reason_texts
         where $1::text is null or code = $1",
    )
    .bind(code)
    .fetch_all(&mut *conn)
    .await?;
    let mut by_code: BTreeMap<String, BTreeMap<Locale, ReasonText>> = BTreeMap::new();
    for t in texts {
        let Some(locale) = Locale::ALL.into_iter().find(|l| l.tag() == t.locale) else {
            continue;
        };
        let text = ReasonText {
            name: t.name,
            hint: t.hint,
            notice: t.notice,
        };
        by_code.entry(t.code).or_default().insert(locale, text);
    }
    Ok(rows
        .into_iter()
        .map(|r| VisitReason {
            details: ReasonDetails {
                handled_elsewhere: r.handled_elsewhere,
                phones: r.phones,
                team: r.team,
                texts: by_code.remove(&r.code).unwrap_or_default(),
            },
            hidden: r.hidden,
            code: r.code,
        })
        .collect())
}

/// Adds reason `code` at the end of the list; false when the code is taken.
pub async fn insert_reason(
    conn: &mut PgConnection,
    code: &str,
    details: &ReasonDetails,
) -> Result<bool, crate::db::Error> {
    lock_order(conn, VISIT_REASONS).await?;
    let added = sqlx::query(
        "insert into visit_reasons (code, position, handled_elsewhere, phones, team)
         select $1, coalesce(max(position) + 1, 0), $2, $3, $4 from visit_reasons
         on conflict (code) do nothing",
    )
    .bind(code)
    .bind(details.handled_elsewhere)
    .bind(&details.phones)
    .bind(&details.team)
    .execute(&mut *conn)
    .await?;
    if added.rows_affected() == 0 {
        return Ok(false);
    }
    save_texts(conn, code, details).await?;
    Ok(true)
}

/// Replaces the details of reason `code` (locked by the caller).
pub async fn update_reason(
    conn: &mut PgConnection,
    code: &str,
    details: &ReasonDetails,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update visit_reasons set handled_elsewhere = $2, phones = $3, team = $4 where code = $1",
    )
    .bind(code)
    .bind(details.handled_elsewhere)
    .bind(&details.phones)
    .bind(&details.team)
    .execute(&mut *conn)
    .await?;
    save_texts(conn, code, details).await
}

async fn save_texts(
    conn: &mut PgConnection,
    code: &str,
    details: &ReasonDetails,
) -> Result<(), crate::db::Error> {
    let kept: Vec<&str> = details.texts.keys().map(|l| l.tag()).collect();
    drop_texts_except(conn, VISIT_REASONS, code, &kept).await?;
    for (locale, text) in &details.texts {
        sqlx::query(
            "insert into visit_reason_texts (code, locale, name, hint, notice)
             values ($1, $2, $3, $4, $5)
             on conflict (code, locale) do update
             set name = excluded.name, hint = excluded.hint, notice = excluded.notice",
        )
        .bind(code)
        .bind(locale.tag())
        .bind(&text.name)
        .bind(&text.hint)
        .bind(&text.notice)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
