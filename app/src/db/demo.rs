//! [ssr] Demo data: the five WorkSource Portland Metro centers with their hours, and one
//! demo staff account. Safe to run at every start: it only adds what is missing and
//! resets the demo account's password to the configured one.

use sqlx::PgPool;

/// The centers from the WorkSource Portland Metro service description, in the order the
/// agency lists them.
pub const CENTERS: [(&str, &str); 5] = [
    ("beaverton-hillsboro", "Beaverton/Hillsboro"),
    ("tigard", "Tigard"),
    ("north-northeast-portland", "North/Northeast Portland"),
    ("southeast-portland", "Southeast Portland"),
    ("gresham", "Gresham"),
];

/// How each demo center books each service: (service, slot minutes, people per slot).
pub const SERVICE_SLOTS: [(&str, i32, i32); 5] = [
    ("registration_help", 30, 2),
    ("career_coaching", 60, 1),
    ("resume_review", 30, 2),
    ("skills_team", 45, 1),
    ("interview_practice", 45, 1),
];

/// State holidays on which every center is closed.
pub const HOLIDAYS: [(&str, &str); 8] = [
    ("2026-11-26", "Thanksgiving"),
    ("2026-11-27", "Day after Thanksgiving"),
    ("2026-12-25", "Christmas Day"),
    ("2027-01-01", "New Year's Day"),
    ("2027-01-18", "Martin Luther King Jr. Day"),
    ("2027-02-15", "Presidents Day"),
    ("2027-05-31", "Memorial Day"),
    ("2027-07-05", "Independence Day (observed)"),
];

/// Adds the five centers, open Monday to Friday 8:30 am to 5:30 pm Pacific time and closed
/// on state holidays, each offering every service for booking.
pub async fn seed_centers(pool: &PgPool) -> Result<(), crate::db::Error> {
    let mut tx = pool.begin().await?;
    for (position, (id, name)) in (0i16..).zip(CENTERS) {
        sqlx::query(
            "insert into centers (id, name, time_zone, position) values ($1, $2, 'America/Los_Angeles', $3)
             on conflict (id) do nothing",
        )
        .bind(id)
        .bind(name)
        .bind(position)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "insert into center_hours (center_id, weekday, opens_at, closes_at)
             select $1, d, '08:30', '17:30' from generate_series(1, 5) as d
             on conflict do nothing",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        for (service, slot_minutes, capacity) in SERVICE_SLOTS {
            sqlx::query(
                "insert into center_services (center_id, service_id, slot_minutes, capacity)
                 values ($1, $2, $3, $4) on conflict do nothing",
            )
            .bind(id)
            .bind(service)
            .bind(slot_minutes)
            .bind(capacity)
            .execute(&mut *tx)
            .await?;
        }
        for (day, reason) in HOLIDAYS {
            sqlx::query(
                "insert into center_closures (center_id, day, reason) values ($1, $2::date, $3)
                 on conflict do nothing",
            )
            .bind(id)
            .bind(day)
            .bind(reason)
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await.map_err(Into::into)
}
