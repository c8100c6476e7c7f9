//! [ssr] Staff accounts.

use crate::domain::staff_accounts::LinkPurpose;
use sqlx::{PgConnection, PgPool};

/// A staff account as stored; the hash never leaves the server.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct StaffRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: String,
}

pub async fn find_active_by_email(
    pool: &PgPool,
    email: &str,
) -> Result<Option<StaffRow>, crate::db::Error> {
    sqlx::query_as(
        "select id, email, display_name, password_hash, role from staff_users
         where email = lower($1) and not disabled",
    )
    .bind(email.trim())
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

/// Whether `email` has an account, enabled or not.
pub async fn account_exists(pool: &PgPool, email: &str) -> Result<bool, crate::db::Error> {
    sqlx::query_scalar("select exists (select 1 from staff_users where email = lower($1))")
        .bind(email.trim())
        .fetch_one(pool)
        .await
        .map_err(Into::into)
}

/// Creates the account unless the email has one already; an existing account is left as
/// its operator left it (password, role, disabled). Returns whether it was created.
pub async fn create_if_absent(
    pool: &PgPool,
    email: &str,
    display_name: &str,
    password_hash: &str,
    role: &str,
) -> Result<bool, crate::db::Error> {
    Ok(sqlx::query(
        "insert into staff_users (email, display_name, password_hash, role) values (lower($1), $2, $3, $4)
         on conflict (email) do nothing",
    )
    .bind(email.trim())
    .bind(display_name)
    .bind(password_hash)
    .bind(role)
    .execute(pool)
    .await?
    .rows_affected()
        == 1)
}

/// Creates the account, or updates its name, hash and role when the email exists (tests
/// set up their accounts with it).
pub async fn upsert_staff(
    pool: &PgPool,
    email: &str,
    display_name: &str,
    password_hash: &str,
    role: &str,
) -> Result<i64, crate::db::Error> {
    sqlx::query_scalar(
        "insert into staff_users (email, display_name, password_hash, role) values (lower($1), $2, $3, $4)
         on conflict (email) do update
           set display_name = excluded.display_name, password_hash = excluded.password_hash,
               role = excluded.role, disabled = false
         returning id",
    )
    .bind(email.trim())
    .bind(display_name)
    .bind(password_hash)
    .bind(role)
    .fetch_one(pool)
    .await.map_err(Into::into)
}

/// An account as the admin page lists it.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct AccountRow {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: String,
    pub disabled: bool,
}

pub async fn list_accounts(pool: &PgPool) -> Result<Vec<AccountRow>, crate::db::Error> {
    sqlx::query_as(
        "select id, email, display_name, role, disabled from staff_users order by disabled, display_name",
    )
    .fetch_all(pool)
    .await.map_err(Into::into)
}

/// What a password hash column holds for an account nobody can sign in to yet: not a PHC
/// string, so no password ever matches it (and making it costs no hashing).
pub const NO_PASSWORD: &str = "!";

/// Creates an account nobody can sign in to until its owner chooses a password from the
/// link whose token this returns, in `conn`'s transaction. `None` when the email already
/// has an account.
pub async fn create_with_password_link(
    conn: &mut PgConnection,
    email: &str,
    display_name: &str,
    role: &str,
) -> Result<Option<(i64, String)>, crate::db::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "insert into staff_users (email, display_name, password_hash, role) values (lower($1), $2, $3, $4)
         on conflict (email) do nothing returning id",
    )
    .bind(email.trim())
    .bind(display_name)
    .bind(NO_PASSWORD)
    .bind(role)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(id) = id else {
        return Ok(None);
    };
    let token = super::password_links::issue(conn, id, LinkPurpose::Invitation).await?;
    Ok(Some((id, token)))
}

/// Makes the account's password stop working; returns its name and email, `None` for an
/// unknown account.
pub async fn revoke_password(
    conn: &mut PgConnection,
    id: i64,
) -> Result<Option<(String, String)>, crate::db::Error> {
    sqlx::query_as(
        "update staff_users set password_hash = $2 where id = $1 returning display_name, email",
    )
    .bind(id)
    .bind(NO_PASSWORD)
    .fetch_optional(conn)
    .await
    .map_err(Into::into)
}

/// Disables an account (ending its sessions) or enables it again.
pub async fn set_disabled(
    pool: &PgPool,
    id: i64,
    disabled: bool,
) -> Result<bool, crate::db::Error> {
    let mut tx = pool.begin().await?;
    let changed = sqlx::query("update staff_users set disabled = $2 where id = $1")
        .bind(id)
        .bind(disabled)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if disabled {
        super::sessions::end_all_sessions(&mut tx, id).await?;
    }
    tx.commit().await?;
    Ok(changed)
}
