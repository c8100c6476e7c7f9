//! [ssr] Centers and their opening hours.

use super::error::DataError;
use crate::domain::center::CenterInfo;
use sqlx::PgPool;

/// A center as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CenterRow {
    pub id: String,
    pub name: String,
    pub time_zone: String,
}

impl CenterRow {
    /// Today's date on the center's wall clock, which ticket numbers and the queue follow.
    /// An unknown zone is a data error, refused rather than guessed.
    pub fn today(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<chrono::NaiveDate, DataError> {
        crate::domain::local_time::local_day(now, &self.time_zone).ok_or_else(|| self.bad_zone())
    }

    /// The center's zone; an unknown one is a data error, refused rather than guessed.
    pub fn tz(&self) -> Result<chrono_tz::Tz, DataError> {
        self.time_zone.parse().map_err(|_| self.bad_zone())
    }

    fn bad_zone(&self) -> DataError {
        DataError::UnknownTimeZone {
            center_id: self.id.clone(),
            zone: self.time_zone.clone(),
        }
    }
}

impl From<CenterRow> for CenterInfo {
    fn from(row: CenterRow) -> Self {
        CenterInfo {
            id: row.id,
            name: row.name,
        }
    }
}

pub async fn find_center(pool: &PgPool, id: &str) -> Result<Option<CenterRow>, crate::db::Error> {
    sqlx::query_as("select id, name, time_zone from centers where id = $1")
        .bind(id)
        .fetch_optional(pool)
        .await
        .map_err(Into::into)
}

pub async fn list_centers(pool: &PgPool) -> Result<Vec<CenterRow>, crate::db::Error> {
    sqlx::query_as("select id, name, time_zone from centers order by position, name")
        .fetch_all(pool)
        .await
        .map_err(Into::into)
}

/// The centers the public sees: every center but the retired ones.
pub async fn list_open_centers(pool: &PgPool) -> Result<Vec<CenterRow>, crate::db::Error> {
    sqlx::query_as(
        "select id, name, time_zone from centers where retired_at is null order by position, name",
    )
    .fetch_all(pool)
    .await
    .map_err(Into::into)
}

/// The center a staff page was asked for by `wanted` id, or the first center when none
/// (or an empty id) is asked for. None when the id is unknown or there are no centers.
pub fn chosen_center(centers: &[CenterRow], wanted: Option<&str>) -> Option<CenterRow> {
    match wanted.filter(|c| !c.is_empty()) {
        Some(id) => centers.iter().find(|c| c.id == id),
        None => centers.first(),
    }
    .cloned()
}
