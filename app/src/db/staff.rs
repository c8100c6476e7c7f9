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
