//! [ssr] Meeting links of video appointments: each center's, each staff member's, and one
//! appointment's own.

use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// Sets center `center_id`'s link; false when there is no such center.
pub async fn set_center_link(
    pool: &PgPool,
    center_id: &str,
    link: &str,
) -> Result<bool, crate::db::Error> {
    let set = sqlx::query("update centers set meeting_link = $2 where id = $1")
        .bind(center_id)
        .bind(link)
        .execute(pool)
        .await?;
    Ok(set.rows_affected() == 1)
}

/// Center `center_id`'s link ('' for none, or no such center).
pub async fn center_link(pool: &PgPool, center_id: &str) -> Result<String, crate::db::Error> {
    let link: Option<String> = sqlx::query_scalar("select meeting_link from centers where id = $1")
        .bind(center_id)
        .fetch_optional(pool)
        .await?;
    Ok(link.unwrap_or_default())
}

/// Sets staff member `staff_id`'s link; false when there is no such active member.
pub async fn set_staff_link(
    pool: &PgPool,
    staff_id: i64,
    link: &str,
) -> Result<bool, crate::db::Error> {
    let set =
        sqlx::query("update staff_users set meeting_link = $2 where id = $1 and not disabled")
            .bind(staff_id)
            .bind(link)
            .execute(pool)
            .await?;
    Ok(set.rows_affected() == 1)
}

/// Every active staff member with their link ('' for none), by name.
pub async fn staff_links(pool: &PgPool) -> Result<Vec<(i64, String, String)>, crate::db::Error> {
    sqlx::query_as(
        "select id, display_name, meeting_link from staff_users where not disabled
         order by display_name, id",
    )
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// The link booking `id` should have now that it changed hands: its active handler's own,
/// else its center's; `None` when staff typed its link by hand (that one stays).
pub async fn link_after_handover(
    conn: &mut PgConnection,
    id: i64,
) -> Result<Option<String>, crate::db::Error> {
    let link: Option<Option<String>> = sqlx::query_scalar(
        "select case when b.meeting_link_typed then null
                     else coalesce(nullif((select u.meeting_link from staff_users u
                                           where u.id = b.staff_id and not u.disabled), ''),
                                   c.meeting_link) end
         from bookings b join centers c on c.id = b.center_id where b.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(link.flatten())
}

/// What became of a change of one appointment's link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkChange {
    Changed,
    Unchanged,
    /// Not a video appointment still to come, or no such appointment.
    NotChangeable,
}

/// Sets booking `id`'s link (`typed`: by hand, so it stays when the booking changes
/// hands) under its row lock, raising its calendar SEQUENCE and keeping the change with who
/// made it; only for a booked video appointment not yet started.
pub async fn set_booking_link(
    conn: &mut PgConnection,
    id: i64,
    link: &str,
    typed: bool,
    by: i64,
    now: DateTime<Utc>,
) -> Result<LinkChange, crate::db::Error> {
    let current: Option<String> = sqlx::query_scalar(
        "select meeting_link from bookings
         where id = $1 and held = 'video' and status = 'booked' and starts_at > $2 for update",
    )
    .bind(id)
    .bind(now)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(old) = current else {
        return Ok(LinkChange::NotChangeable);
    };
    if old == link {
        sqlx::query("update bookings set meeting_link_typed = $2 where id = $1")
            .bind(id)
            .bind(typed)
            .execute(&mut *conn)
            .await?;
        return Ok(LinkChange::Unchanged);
    }
    sqlx::query(
        "update bookings set meeting_link = $2, meeting_link_typed = $3,
                             sequence = sequence + 1, updated_at = $4
         where id = $1",
    )
    .bind(id)
    .bind(link)
    .bind(typed)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "insert into booking_changes (booking_id, staff_id, changed_at, what, old_value, new_value)
         values ($1, $2, $3, 'meeting_link', $4, $5)",
    )
    .bind(id)
    .bind(by)
    .bind(now)
    .bind(&old)
    .bind(link)
    .execute(&mut *conn)
    .await?;
    Ok(LinkChange::Changed)
}
