//! [ssr] Emailed links with which staff choose their own password, after an admin's
//! invitation or reset. The table keeps only the token's hash; a link is deleted when
//! used, so it works once.

use super::sessions::{hash, new_token};
use crate::domain::staff_accounts::LinkPurpose;
use sqlx::{PgConnection, PgPool};

/// Makes a new link for `staff_id`, replacing any older one, inside the caller's
/// transaction. Returns the token for the email; only its hash is stored.
pub async fn issue(
    conn: &mut PgConnection,
    staff_id: i64,
    purpose: LinkPurpose,
) -> Result<String, crate::db::Error> {
    sqlx::query("delete from staff_password_links where staff_id = $1")
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    let token = new_token();
    sqlx::query(
        "insert into staff_password_links (token_hash, staff_id, purpose, expires_at)
         values ($1, $2, $3, now() + make_interval(hours => $4::int))",
    )
    .bind(hash(&token))
    .bind(staff_id)
    .bind(purpose.code())
    .bind(i32::try_from(purpose.hours_valid()).unwrap_or(24))
    .execute(conn)
    .await?;
    Ok(token)
}

/// Whom a live link is for.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct LinkHolder {
    pub display_name: String,
    pub email: String,
}

/// The account a link that has not expired belongs to; None for an unknown, used or
/// expired link, or a disabled account.
pub async fn holder(pool: &PgPool, token: &str) -> Result<Option<LinkHolder>, crate::db::Error> {
    sqlx::query_as(
        "select u.display_name, u.email
         from staff_password_links l join staff_users u on u.id = l.staff_id
         where l.token_hash = $1 and l.expires_at > now() and not u.disabled",
    )
    .bind(hash(token))
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

/// Uses the link: sets the account's password and ends its other sessions, in one
/// transaction. None when the link is no longer usable (used a moment ago in another
/// tab, expired, or the account was disabled).
pub async fn set_password(
    pool: &PgPool,
    token: &str,
    password_hash: &str,
) -> Result<Option<i64>, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let staff_id: Option<i64> = sqlx::query_scalar(
        "delete from staff_password_links l using staff_users u
         where l.token_hash = $1 and u.id = l.staff_id and l.expires_at > now() and not u.disabled
         returning l.staff_id",
    )
    .bind(hash(token))
    .fetch_optional(&mut *tx)
    .await?;
    let Some(staff_id) = staff_id else {
        return Ok(None);
    };
    sqlx::query("update staff_users set password_hash = $2 where id = $1")
        .bind(staff_id)
        .bind(password_hash)
        .execute(&mut *tx)
        .await?;
    super::sessions::end_all_sessions(&mut tx, staff_id).await?;
    tx.commit().await?;
    Ok(Some(staff_id))
}
