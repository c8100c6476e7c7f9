//! [ssr] Visitor feedback: answers from the phone page of a finished visit and from the
//! kiosk, and what the reports read of them.

use crate::domain::feedback::{FeedbackAnswer, FeedbackSource};
use crate::domain::queue::QueueStatus;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

/// Records the answer for the visit of follow `token`, if that visit is of `today` and
/// done. False when nothing was recorded: no such visit, not done, of another day, or
/// answered already (the first answer stands; a second tab or a double tap adds nothing).
pub async fn give_visit_feedback(
    pool: &PgPool,
    token: &str,
    today: NaiveDate,
    answer: &FeedbackAnswer,
) -> Result<bool, crate::db::Error> {
    let id: Option<i64> = sqlx::query_scalar(
        "insert into feedback (center_id, visit_id, service_day, language, reasons, rating,
                               comment, source)
         select center_id, id, service_day, language, reasons, $4, $5, $6
         from visits
         where follow_token = $1 and service_day = $2 and status = $3
         on conflict (visit_id) do nothing
         returning id",
    )
    .bind(token)
    .bind(today)
    .bind(QueueStatus::Done.code())
    .bind(i16::from(answer.rating))
    .bind(&answer.comment)
    .bind(FeedbackSource::Phone.code())
    .fetch_optional(pool)
    .await?;
    Ok(id.is_some())
}

/// Records a rating without a comment for visit `id`, as given at `at` (the demo's past
/// visits, whose phones are long gone).
pub async fn rate_visit(
    pool: &PgPool,
    id: i64,
    rating: u8,
    at: DateTime<Utc>,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "insert into feedback (center_id, visit_id, service_day, language, reasons, rating,
                               source, created_at)
         select center_id, id, service_day, language, reasons, $2, $3, $4
         from visits where id = $1
         on conflict (visit_id) do nothing",
    )
    .bind(id)
    .bind(i16::from(rating))
    .bind(FeedbackSource::Phone.code())
    .bind(at)
    .execute(pool)
    .await?;
    Ok(())
}

/// Records an answer given at a kiosk of `center_id`, on the center's `day`.
pub async fn give_kiosk_feedback(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
    language: &str,
    answer: &FeedbackAnswer,
) -> Result<(), crate::db::Error> {
    sqlx::query(
        "insert into feedback (center_id, service_day, language, rating, comment, source)
         values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(center_id)
    .bind(day)
    .bind(language)
    .bind(i16::from(answer.rating))
    .bind(&answer.comment)
    .bind(FeedbackSource::Kiosk.code())
    .execute(pool)
    .await?;
    Ok(())
}

/// Answers of one day, center, set of reasons, language and rating.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FeedbackCount {
    pub day: NaiveDate,
    pub center_id: String,
    /// The visit's reasons; empty for an answer given at the kiosk.
    pub reasons: Vec<String>,
    pub language: String,
    pub rating: i16,
    pub answers: i64,
}

pub async fn feedback_counts(
    pool: &PgPool,
    from: NaiveDate,
    to: NaiveDate,
    center: Option<&str>,
) -> Result<Vec<FeedbackCount>, crate::db::Error> {
    sqlx::query_as(
        "select service_day as day, center_id, reasons, language, rating, count(*) as answers
         from feedback
         where service_day between $1 and $2 and ($3::text is null or center_id = $3)
         group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5",
    )
    .bind(from)
    .bind(to)
    .bind(center)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// A comment left with a rating, newest first in the report.
#[derive(Debug, Clone, PartialEq, sqlx::FromRow)]
pub struct FeedbackComment {
    pub created_at: DateTime<Utc>,
    pub day: NaiveDate,
    pub center_id: String,
    pub language: String,
    pub rating: i16,
    pub comment: String,
}

/// The newest `limit` comments of the range (erased ones are gone).
pub async fn comments(
    pool: &PgPool,
    from: NaiveDate,
    to: NaiveDate,
    center: Option<&str>,
    limit: i64,
) -> Result<Vec<FeedbackComment>, crate::db::Error> {
    sqlx::query_as(
        "select created_at, service_day as day, center_id, language, rating, comment
         from feedback
         where comment is not null and service_day between $1 and $2
           and ($3::text is null or center_id = $3)
         order by created_at desc, id desc limit $4",
    )
    .bind(from)
    .bind(to)
    .bind(center)
    .bind(limit)
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}
