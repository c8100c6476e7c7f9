//! [ssr] A center's appointments on one local day, for the staff day view.

use super::bookings::SELECT_BOOKING;
use super::centers::CenterRow;
use crate::domain::accommodation::Accommodation;
use crate::domain::appointment_entry::AppointmentEntry;
use crate::domain::availability::local_instant;
use crate::domain::booking::Booking;
use crate::domain::display_name::short_name;
use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use sqlx::PgPool;

/// Every booking (cancelled ones too, marked) starting on `day` on the center's clock.
pub async fn day(
    pool: &PgPool,
    center: &CenterRow,
    day: NaiveDate,
) -> Result<Vec<AppointmentEntry>, crate::db::Error> {
    let tz: Tz = center.tz()?;
    let midnight = |d: NaiveDate| {
        // Midnight can be skipped by a DST change in a few zones; 1 am then starts the day.
        local_instant(tz, d.and_hms_opt(0, 0, 0).unwrap_or_default())
            .or_else(|| local_instant(tz, d.and_hms_opt(1, 0, 0).unwrap_or_default()))
    };
    let (Some(from), Some(to)) = (midnight(day), midnight(day + Duration::days(1))) else {
        return Ok(Vec::new());
    };
    let rows: Vec<Booking> = sqlx::query_as(&format!(
        "{SELECT_BOOKING} where b.center_id = $1 and b.starts_at >= $2 and b.starts_at < $3
         order by b.starts_at, b.id"
    ))
    .bind(&center.id)
    .bind(from)
    .bind(to)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|b| AppointmentEntry {
            starts_at: b.starts_at,
            name: short_name(&b.first_name, &b.last_name),
            service: b.service_id,
            accommodations: b
                .accommodations
                .iter()
                .filter_map(|c| Accommodation::from_code(c))
                .collect(),
            status: b.status,
            language: b.language,
            interpreter_language: b.interpreter_language,
            accommodation_other: b.accommodation_other,
        })
        .collect())
}
