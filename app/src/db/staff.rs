//! [ssr] Staff accounts.

use sqlx::PgPool;

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
) -> Result<Option<StaffRow>, sqlx::Error> {
    sqlx::query_as(
        "select id, email, display_name, password_hash, role from staff_users
         where email = lower($1) and not disabled",
    )
    .bind(email.trim())
    .fetch_optional(pool)
    .await
}

/// Creates the account, or updates its name, hash and role when the email exists.
pub async fn upsert_staff(
    pool: &PgPool,
    email: &str,
    display_name: &str,
    password_hash: &str,
    role: &str,
) -> Result<i64, sqlx::Error> {
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
    .await
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

pub async fn list_accounts(pool: &PgPool) -> Result<Vec<AccountRow>, sqlx::Error> {
    sqlx::query_as(
        "select id, email, display_name, role, disabled from staff_users order by disabled, display_name",
    )
    .fetch_all(pool)
    .await
}

/// Creates an account; `None` when the email already has one.
pub async fn create_account(
    pool: &PgPool,
    email: &str,
    display_name: &str,
    password_hash: &str,
    role: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "insert into staff_users (email, display_name, password_hash, role) values (lower($1), $2, $3, $4)
         on conflict (email) do nothing returning id",
    )
    .bind(email)
    .bind(display_name)
    .bind(password_hash)
    .bind(role)
    .fetch_optional(pool)
    .await
}

/// Sets a new password and ends the account's sessions. Returns the account's name.
pub async fn reset_password(
    pool: &PgPool,
    id: i64,
    password_hash: &str,
) -> Result<Option<String>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let name: Option<String> = sqlx::query_scalar(
        "update staff_users set password_hash = $2 where id = $1 returning display_name",
    )
    .bind(id)
    .bind(password_hash)
    .fetch_optional(&mut *tx)
    .await?;
    sqlx::query("delete from staff_sessions where staff_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(name)
}

/// Disables an account (ending its sessions) or enables it again.
pub async fn set_disabled(pool: &PgPool, id: i64, disabled: bool) -> Result<bool, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let changed = sqlx::query("update staff_users set disabled = $2 where id = $1")
        .bind(id)
        .bind(disabled)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if disabled {
        sqlx::query("delete from staff_sessions where staff_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(changed)
}
