//! [ssr] Following a walk-in ticket from the visitor's phone: what its page shows now, and
//! giving up the place from it.

use crate::db::follow::{give_up_place as give_up, visit_by_follow_token, FollowedVisit};
use crate::domain::follow::{token_is_well_formed, FollowStage};
use crate::domain::queue::QueueStatus;
use crate::domain::ticket::{TicketNumber, WALK_IN_PREFIX};
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// What the phone page of a ticket shows. Never a name.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowFacts {
    /// "A-042".
    pub number: String,
    pub stage: FollowStage,
    /// The language the visitor checked in in: the page's language unless they choose
    /// another.
    pub language: String,
    pub center_id: String,
    /// The visitor has said how the visit went.
    pub answered: bool,
}

/// The ticket of `token` as of `now`; None for a token no ticket has.
pub async fn follow_facts(
    pool: &PgPool,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<FollowFacts>, crate::db::Error> {
    let Some(visit) = find(pool, token).await? else {
        return Ok(None);
    };
    let today = center_today(pool, &visit, now).await?;
    // Place and wait only matter while waiting today: every stream reads this at every
    // change at the center, and the estimate is its dearest part.
    let (ahead, wait) = if visit.status == QueueStatus::Waiting && visit.service_day == today {
        let ticket = crate::db::visits::ticket(pool, visit.id).await?;
        (ticket.people_ahead, ticket.wait_minutes)
    } else {
        (0, 0)
    };
    let stage = FollowStage::of(
        visit.status,
        visit.service_day,
        today,
        ahead,
        wait,
        visit.desk.clone(),
    );
    let number = TicketNumber {
        prefix: visit.ticket_prefix.chars().next().unwrap_or(WALK_IN_PREFIX),
        number: u32::try_from(visit.ticket_number).unwrap_or(0),
    };
    Ok(Some(FollowFacts {
        number: number.to_string(),
        stage,
        language: visit.language,
        center_id: visit.center_id,
        answered: visit.answered,
    }))
}

/// Gives up the place of the ticket of `token` ("I need to leave"). False when there was
/// nothing to give up: an unknown token, a ticket of another day, or a visit already
/// served or gone.
pub async fn give_up_place(
    pool: &PgPool,
    token: &str,
    now: DateTime<Utc>,
) -> Result<bool, crate::db::Error> {
    let Some(visit) = find(pool, token).await? else {
        return Ok(false);
    };
    let today = center_today(pool, &visit, now).await?;
    give_up(pool, token, today, now).await
}

pub(crate) async fn find(
    pool: &PgPool,
    token: &str,
) -> Result<Option<FollowedVisit>, crate::db::Error> {
    if !token_is_well_formed(token) {
        return Ok(None);
    }
    visit_by_follow_token(pool, token).await
}

pub(crate) async fn center_today(
    pool: &PgPool,
    visit: &FollowedVisit,
    now: DateTime<Utc>,
) -> Result<chrono::NaiveDate, crate::db::Error> {
    let center = crate::db::centers::find_center(pool, &visit.center_id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    Ok(center.today(now)?)
}
