//! [ssr] A walk-in ticket as its visitor's phone follows it (`/t/{token}`), and giving up
//! the place from there.

use crate::domain::queue::{QueueAction, QueueStatus};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

/// A new follow token: 128 random bits in unpadded base64url (22 characters, short enough
/// to type from the kiosk screen, far too many to guess).
pub fn new_follow_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The visit a follow token belongs to. No name: the phone page never shows one.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct FollowedVisit {
    pub id: i64,
    pub center_id: String,
    pub service_day: NaiveDate,
    #[sqlx(try_from = "String")]
    pub status: QueueStatus,
    pub desk: Option<String>,
    /// The language the visitor checked in in.
    pub language: String,
    pub ticket_prefix: String,
    pub ticket_number: i32,
    /// The visitor has said how the visit went.
    pub answered: bool,
}

pub async fn visit_by_follow_token(
    pool: &PgPool,
    token: &str,
) -> Result<Option<FollowedVisit>, crate::db::Error> {
    sqlx::query_as(
        "select v.id, v.center_id, v.service_day, v.status, v.desk, v.language, v.ticket_prefix,
                v.ticket_number,
                exists (select 1 from feedback f where f.visit_id = v.id) as answered
         from visits v where v.follow_token = $1",
    )
    .bind(token)
    .fetch_optional(pool)
    .await
    .map_err(Into::into)
}

/// Gives up the place of the visit of `token`, if it is of `today` and still to be served
/// (as staff marking it "left" would), and tells every staff screen. False when there was
/// nothing to give up (already called in, served, gone, or of another day).
pub async fn give_up_place(
    pool: &PgPool,
    token: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let from: Vec<&str> = QueueAction::Left
        .allowed_from()
        .iter()
        .map(|s| s.code())
        .collect();
    let mut tx = pool.begin().await?;
    let center: Option<String> = sqlx::query_scalar(
        "update visits set status = $4, finished_at = $5
         where follow_token = $1 and service_day = $2 and status = any($3)
         returning center_id",
    )
    .bind(token)
    .bind(today)
    .bind(&from)
    .bind(QueueAction::Left.target().code())
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some(center) = &center {
        super::notify_queue_changed(&mut tx, center).await?;
    }
    tx.commit().await?;
    Ok(center.is_some())
}
