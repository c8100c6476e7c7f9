//! Background jobs that run in every server process. They are safe to run in several
//! processes at once: each is a single idempotent statement.

use app::state::AppState;
use std::time::Duration;

/// Erases visitors' names once the retention period has passed, every hour.
pub async fn erase_expired_names(state: AppState) {
    let mut every_hour = tokio::time::interval(Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        match app::db::retention::anonymize_old_visits(&state.pool, state.settings.retention_days)
            .await
        {
            Ok(0) => {}
            Ok(erased) => tracing::info!(erased, "erased names past the retention period"),
            Err(error) => tracing::warn!(error = %error, "could not erase expired names"),
        }
    }
}
