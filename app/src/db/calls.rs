//! [ssr] Today's calls of visitors to desks at a center, for the lobby display.

use crate::domain::display_board::Call;
use crate::domain::ticket::{TicketNumber, WALK_IN_PREFIX};
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

/// How many of today's latest calls the display is built from.
const LATEST_CALLS: i64 = 24;

#[derive(sqlx::FromRow)]
struct CallRow {
    id: i64,
    ticket_prefix: String,
    ticket_number: i32,
    desk: Option<String>,
    language: String,
    called_at: DateTime<Utc>,
    still_called: bool,
}

/// The latest calls at `center_id` on `day`, newest first. No name.
pub async fn todays_calls(
    pool: &PgPool,
    center_id: &str,
    day: NaiveDate,
) -> Result<Vec<Call>, crate::db::Error> {
    let rows: Vec<CallRow> = sqlx::query_as(
        "select id, ticket_prefix, ticket_number, desk, language, called_at,
                status = 'called' as still_called
         from visits
         where center_id = $1 and service_day = $2 and called_at is not null
         order by called_at desc, id desc
         limit $3",
    )
    .bind(center_id)
    .bind(day)
    .bind(LATEST_CALLS)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Call {
            visit_id: row.id,
            ticket: TicketNumber {
                prefix: row.ticket_prefix.chars().next().unwrap_or(WALK_IN_PREFIX),
                number: u32::try_from(row.ticket_number).unwrap_or(0),
            }
            .to_string(),
            desk: row.desk,
            language: row.language,
            called_at: row.called_at,
            waiting_at_desk: row.still_called,
        })
        .collect())
}
