//! The agency settings row: read, locked for a change, saved, and the change announced to
//! every server process.

use crate::domain::agency::Agency;
use sqlx::{PgConnection, PgExecutor};

/// The channel on which a change of the agency settings is announced; every process
/// re-reads the row when it hears it.
pub const AGENCY_CHANNEL: &str = "frontdesk_agency";

#[derive(sqlx::FromRow)]
struct Row {
    name: String,
    public_name: String,
    language_line: String,
    registration_url: String,
    job_listings_url: String,
    training_url: String,
    training_area: String,
    retention_days: i32,
}

impl From<Row> for Agency {
    fn from(row: Row) -> Self {
        Agency {
            name: row.name,
            public_name: row.public_name,
            language_line: row.language_line,
            registration_url: row.registration_url,
            job_listings_url: row.job_listings_url,
            training_url: row.training_url,
            training_area: row.training_area,
            // The table's check keeps it in range; were it not, keeping longer is the
            // mistake that can be undone.
            retention_days: u32::try_from(row.retention_days)
                .unwrap_or(*crate::domain::retention::RETENTION_DAYS.end()),
        }
    }
}

const COLUMNS: &str = "name, public_name, language_line, registration_url, job_listings_url, \
                       training_url, training_area, retention_days";

/// The settings as they are.
pub async fn load(db: impl PgExecutor<'_>) -> Result<Agency, crate::db::Error> {
    let row: Row = sqlx::query_as(&format!("select {COLUMNS} from agency_settings"))
        .fetch_one(db)
        .await?;
    Ok(row.into())
}

/// The settings, locked until the transaction ends, so two admins saving at once
/// describe their changes against what the other saved.
pub async fn lock(conn: &mut PgConnection) -> Result<Agency, crate::db::Error> {
    let row: Row = sqlx::query_as(&format!("select {COLUMNS} from agency_settings for update"))
        .fetch_one(conn)
        .await?;
    Ok(row.into())
}

/// Whether an admin has ever saved the settings (the setup log says so).
pub async fn set_by_an_admin(db: impl PgExecutor<'_>) -> Result<bool, crate::db::Error> {
    sqlx::query_scalar(
        "select exists (select 1 from setup_changes where subject = $1 and staff_id is not null)",
    )
    .bind(crate::domain::agency::SETUP_SUBJECT)
    .fetch_one(db)
    .await
    .map_err(Into::into)
}

/// Saves `agency` and announces it; the announcement is delivered on commit.
pub async fn save(conn: &mut PgConnection, agency: &Agency) -> Result<(), crate::db::Error> {
    sqlx::query(
        "update agency_settings set name = $1, public_name = $2, language_line = $3,
                registration_url = $4, job_listings_url = $5, training_url = $6,
                retention_days = $7, training_area = $8",
    )
    .bind(&agency.name)
    .bind(&agency.public_name)
    .bind(&agency.language_line)
    .bind(&agency.registration_url)
    .bind(&agency.job_listings_url)
    .bind(&agency.training_url)
    .bind(i32::try_from(agency.retention_days).unwrap_or(i32::MAX))
    .bind(&agency.training_area)
    .execute(&mut *conn)
    .await?;
    sqlx::query("select pg_notify($1, '')")
        .bind(AGENCY_CHANNEL)
        .execute(conn)
        .await?;
    Ok(())
}
