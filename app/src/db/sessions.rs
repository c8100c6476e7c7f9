//! [ssr] Signed-in staff sessions. The cookie holds a random token; the table holds only
//! its SHA-256 hash.

use sha2::{Digest, Sha256};
use sqlx::PgPool;

use crate::domain::roles::Role;
use crate::domain::staff_access::{session_alive, SESSION_HOURS};
use chrono::{DateTime, Utc};

/// The staff member a valid session belongs to.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionStaff {
    pub staff_id: i64,
    pub display_name: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    /// The desk this session calls visitors to, once chosen.
    pub desk: Option<String>,
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

pub async fn create_session(
    pool: &PgPool,
    staff_id: i64,
    token: &str,
) -> Result<(), crate::db::Error> {
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

/// Whether `token`'s session still holds (not signed out, not idle or old, the account
/// enabled), without counting this as use: a live stream's re-check must not keep an
/// idle desk signed in.
pub async fn still_valid(pool: &PgPool, token: &str) -> Result<bool, crate::db::Error> {
    let found: Option<(DateTime<Utc>, DateTime<Utc>)> = sqlx::query_as(
        "select s.created_at, s.last_seen_at
         from staff_sessions s join staff_users u on u.id = s.staff_id
         where s.token_hash = $1 and not u.disabled",
    )
    .bind(hash(token))
    .fetch_optional(pool)
    .await?;
    Ok(found.is_some_and(|(created, seen)| session_alive(created, seen, Utc::now())))
}

/// The staff member of a live session, counting this request as use of it. A session
/// idle too long or too old is deleted instead.
pub async fn find_session(
    pool: &PgPool,
    token: &str,
) -> Result<Option<SessionStaff>, crate::db::Error> {
    let found: Option<FoundSession> = sqlx::query_as(
        "select s.created_at, s.last_seen_at, u.id as staff_id, u.display_name, u.role, s.desk
         from staff_sessions s join staff_users u on u.id = s.staff_id
         where s.token_hash = $1 and not u.disabled",
    )
    .bind(hash(token))
    .fetch_optional(pool)
    .await?;
    let Some(found) = found else {
        return Ok(None);
    };
    let now = Utc::now();
    if !session_alive(found.created_at, found.last_seen_at, now) {
        delete_session(pool, token).await?;
        return Ok(None);
    }
    sqlx::query("update staff_sessions set last_seen_at = $2 where token_hash = $1")
        .bind(hash(token))
        .bind(now)
        .execute(pool)
        .await?;
    Ok(Some(found.staff))
}

#[derive(sqlx::FromRow)]
struct FoundSession {
    created_at: DateTime<Utc>,
    last_seen_at: DateTime<Utc>,
    #[sqlx(flatten)]
    staff: SessionStaff,
}

/// Sets the desk the session of `token` calls visitors to (none: the front desk).
pub async fn set_desk(
    pool: &PgPool,
    token: &str,
    desk: Option<&str>,
) -> Result<(), crate::db::Error> {
    sqlx::query("update staff_sessions set desk = $2 where token_hash = $1")
        .bind(hash(token))
        .bind(desk)
        .execute(pool)
        .await?;
    Ok(())
}

/// Ends the session of `token` (and clears expired ones), telling every process so its
/// live streams close.
pub async fn delete_session(pool: &PgPool, token: &str) -> Result<(), crate::db::Error> {
    let mut tx = pool.begin().await?;
    let ended: Vec<i64> = sqlx::query_scalar(
        "delete from staff_sessions where token_hash = $1 or expires_at < now() returning staff_id",
    )
    .bind(hash(token))
    .fetch_all(&mut *tx)
    .await?;
    let mut ended_staff = ended;
    ended_staff.sort_unstable();
    ended_staff.dedup();
    for staff_id in ended_staff {
        super::notify_sessions_ended(&mut tx, staff_id).await?;
    }
    tx.commit().await.map_err(Into::into)
}

/// Ends every session of `staff_id` in `conn`'s transaction, announcing it on commit.
pub async fn end_all_sessions(
    conn: &mut sqlx::PgConnection,
    staff_id: i64,
) -> Result<(), crate::db::Error> {
    sqlx::query("delete from staff_sessions where staff_id = $1")
        .bind(staff_id)
        .execute(&mut *conn)
        .await?;
    super::notify_sessions_ended(conn, staff_id).await
}
