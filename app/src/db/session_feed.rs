//! [ssr] The sessions a calendar feed lists: upcoming workshops and hiring events of one
//! center or one topic, the cancelled ones too (a subscribed calendar must learn that an
//! event it holds is off). Only what a calendar shows; nothing of anyone enrolled, and
//! neither the facilitator nor the meeting link.

use crate::domain::workshop_status::SessionStatus;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// How far ahead a feed reaches.
pub const FEED_DAYS: i32 = 180;

#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FeedSession {
    pub id: i64,
    pub topic: String,
    pub title: String,
    pub description: String,
    pub employer: Option<String>,
    /// `None`: held online.
    pub center_name: Option<String>,
    pub center_address: Option<String>,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub language: String,
    #[sqlx(try_from = "String")]
    pub status: SessionStatus,
    pub sequence: i32,
    pub updated_at: DateTime<Utc>,
}

/// Which sessions: those at `center_id`, or of `topic`, or (both `None`) all.
#[derive(Debug, Clone, Copy, Default)]
pub struct FeedOf<'a> {
    pub center_id: Option<&'a str>,
    pub topic: Option<&'a str>,
}

/// Sessions not yet over and starting within `FEED_DAYS`, soonest first.
pub async fn feed_sessions(
    pool: &PgPool,
    of: FeedOf<'_>,
    now: DateTime<Utc>,
) -> Result<Vec<FeedSession>, crate::db::Error> {
    sqlx::query_as(
        "select s.id, s.topic, s.title, s.description, s.employer, c.name as center_name,
                c.address as center_address, s.starts_at, s.ends_at, s.language, s.status,
                s.sequence, s.updated_at
         from workshop_sessions s left join centers c on c.id = s.center_id
         where s.ends_at > $1 and s.starts_at < $1 + make_interval(days => $2)
           and (s.center_id is null or c.retired_at is null)
           and ($3::text is null or s.center_id = $3)
           and ($4::text is null or s.topic = $4)
         order by s.starts_at, s.id",
    )
    .bind(now)
    .bind(FEED_DAYS)
    .bind(of.center_id)
    .bind(of.topic)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
