//! Background jobs that run in every server process. They are safe to run in several
//! processes at once: each is idempotent and locks what it works on.

use app::state::AppState;
use std::time::Duration;

/// Erases everything personal once the retention period has passed, every hour.
pub async fn erase_expired_names(state: AppState) {
    use app::domain::retention::{cutoff, PURGE_EVERY};
    let mut every_hour = tokio::time::interval(PURGE_EVERY);
    loop {
        every_hour.tick().await;
        // The period as saved, not this process's copy: erasing is not undone.
        let days = match app::db::agency::load(&state.pool).await {
            Ok(agency) => agency.retention_days,
            Err(error) => {
                tracing::warn!(%error, "could not read the retention period; no purge this hour");
                continue;
            }
        };
        let before = cutoff(chrono::Utc::now(), days);
        match app::db::retention::purge(&state.pool, before).await {
            Ok(purged) if purged.total() == 0 => {}
            Ok(purged) => tracing::info!(?purged, "erased personal data past the retention period"),
            Err(error) => tracing::warn!(error = %error, "could not erase expired personal data"),
        }
    }
}

/// Queues the day-before reminders, every minute.
pub async fn queue_reminders(state: AppState) {
    let mut every_minute = tokio::time::interval(Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        match app::services::bookings::queue_reminders(
            &state.pool,
            &state.mail(),
            chrono::Utc::now(),
        )
        .await
        {
            Ok(0) => {}
            Ok(queued) => tracing::info!(queued, "queued appointment reminders"),
            Err(error) => tracing::warn!(error = %error, "could not queue reminders"),
        }
    }
}

/// Passes on the waiting list's holds nobody answered, every 15 seconds: each expires
/// once (across server processes) and its seat is offered to the next person waiting.
pub async fn pass_on_holds(state: AppState) {
    let mut every = tokio::time::interval(Duration::from_secs(15));
    loop {
        every.tick().await;
        match app::services::waitlist::pass_on_holds(&state.pool, &state.mail(), chrono::Utc::now())
            .await
        {
            Ok(0) => {}
            Ok(expired) => tracing::info!(expired, "passed on unanswered holds"),
            Err(error) => tracing::warn!(error = %error, "could not pass on unanswered holds"),
        }
    }
}

/// Offers open times to whoever waits for them, every five minutes: times that opened
/// with no change announcing them (a day entering the booking horizon).
pub async fn offer_waiting(state: AppState) {
    let mut every = tokio::time::interval(Duration::from_secs(300));
    loop {
        every.tick().await;
        let now = chrono::Utc::now();
        if let Err(error) =
            app::services::waitlist::offer_waiting(&state.pool, &state.mail(), now).await
        {
            tracing::warn!(error = %error, "could not offer open times to the waiting list");
        }
    }
}

/// Forgets rate-limit state of clients whose limits have refilled, every minute, so a
/// flood from many addresses does not grow memory for good; and failed sign-ins too old to
/// count, so made-up emails do not pile up rows.
pub async fn forget_spent_limits(state: AppState) {
    let mut every_minute = tokio::time::interval(Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        state.limits.forget_refilled();
        if let Err(error) =
            app::db::sign_in_failures::forget_old(&state.pool, chrono::Utc::now()).await
        {
            tracing::warn!(error = %error, "could not forget old sign-in failures");
        }
    }
}
