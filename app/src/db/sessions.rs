//! [ssr] Signed-in staff sessions. The cookie holds a random token; the table holds only
//! its SHA-256 hash.

use sha2::{Digest, Sha256};
use sqlx::PgPool;

/// How long a session lasts before staff must sign in again (a working day).
pub const SESSION_HOURS: i64 = 10;

/// The staff member a valid session belongs to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionStaff {
    pub staff_id: i64,
    pub display_name: String,
    pub role: String,
}

/// The SHA-256 of a token: what the database keeps instead of the token.
pub fn hash(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// A new unguessable token (256 random bits, hex).
pub fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub async fn create_session(pool: &PgPool, staff_id: i64, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into staff_sessions (token_hash, staff_id, expires_at)
         values ($1, $2, now() + make_interval(hours => $3::int))",
    )
    .bind(hash(token))
    .bind(staff_id)
    .bind(SESSION_HOURS as i32)
    .execute(pool)
    .await?;
    Ok(())
}

pub async fn find_session(pool: &PgPool, token: &str) -> Result<Option<SessionStaff>, sqlx::Error> {
    sqlx::query_as(
        "select u.id as staff_id, u.display_name, u.role
         from staff_sessions s join staff_users u on u.id = s.staff_id
         where s.token_hash = $1 and s.expires_at > now() and not u.disabled",
    )
    .bind(hash(token))
    .fetch_optional(pool)
    .await
}

pub async fn delete_session(pool: &PgPool, token: &str) -> Result<(), sqlx::Error> {
    sqlx::query("delete from staff_sessions where token_hash = $1 or expires_at < now()")
        .bind(hash(token))
        .execute(pool)
        .await?;
    Ok(())
}
