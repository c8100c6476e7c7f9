//! [ssr] "How was your visit?": an answer from the phone page of a finished visit, or from
//! a kiosk's welcome screen.

use super::follow::{center_today, find};
use crate::domain::feedback::FeedbackAnswer;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// Records the answer for the visit of follow `token`. False when there is nothing to
/// answer for: an unknown link, a visit not done, of another day, or answered already.
pub async fn answer_from_phone(
    pool: &PgPool,
    token: &str,
    answer: &FeedbackAnswer,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let Some(visit) = find(pool, token).await? else {
        return Ok(false);
    };
    let today = center_today(pool, &visit, now).await?;
    crate::db::feedback::give_visit_feedback(pool, token, today, answer).await
}

/// Records an answer given at a kiosk of `center_id` in `language`. False for a center
/// that does not exist.
pub async fn answer_at_kiosk(
    pool: &PgPool,
    center_id: &str,
    language: &str,
    answer: &FeedbackAnswer,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let Some(center) = crate::db::centers::find_center(pool, center_id).await? else {
        return Ok(false);
    };
    let today = center.today(now)?;
    crate::db::feedback::give_kiosk_feedback(pool, center_id, today, language, answer).await?;
    Ok(true)
}
