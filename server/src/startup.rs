//! What a start does to the database before serving: apply the migrations, and seed the
//! demo data only when asked for. Demo accounts are created once: an operator who changes
//! their password, role or state keeps the change across restarts.

use crate::config::Config;
use sqlx::PgPool;

/// Applies the migrations and, with `FRONTDESK_DEMO_DATA=true`, adds what is missing of
/// the demo data.
pub async fn prepare_database(pool: &PgPool, config: &Config) -> Result<(), String> {
    app::db::MIGRATOR
        .run(pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    if let Some(days) = config.legacy_retention_days {
        use app::services::agency_settings::{adopt_legacy_retention, LegacyRetention};
        match adopt_legacy_retention(pool, days)
            .await
            .map_err(|e| format!("agency settings: {e}"))?
        {
            LegacyRetention::Adopted => tracing::warn!(
                days,
                "FRONTDESK_RETENTION_DAYS is kept as the agency's retention period; \
                 unset it: admins change the period on /staff/agency"
            ),
            LegacyRetention::Ignored { kept_days } => tracing::warn!(
                kept_days,
                "FRONTDESK_RETENTION_DAYS is ignored: an admin set the retention period on \
                 /staff/agency; unset it"
            ),
        }
    }
    let adopted = app::services::visit_reasons::adopt_legacy_reasons(pool)
        .await
        .map_err(|e| format!("visit reasons: {e}"))?;
    if adopted > 0 {
        tracing::warn!(
            adopted,
            "the visit reasons this install's kiosks offered are now data: admins change \
             them on /staff/reasons"
        );
    }
    let adopted = app::services::appointment_services::adopt_legacy_services(pool)
        .await
        .map_err(|e| format!("services: {e}"))?;
    if adopted > 0 {
        tracing::warn!(
            adopted,
            "the appointment services this install offered are now data: admins change \
             them on /staff/services"
        );
    }
    if config.demo_data {
        seed_demo(pool, config).await?;
    }
    Ok(())
}

/// One account per role that the pages treat differently, all with the demo password.
fn demo_accounts(config: &Config) -> [(&str, &'static str, &'static str); 4] {
    [
        (config.demo_email.as_str(), "Demo Staff", "front_desk"),
        ("coach@frontdesk.test", "Demo Coach", "coach"),
        ("manager@frontdesk.test", "Demo Manager", "manager"),
        ("admin@frontdesk.test", "Demo Admin", "admin"),
    ]
}

async fn seed_demo(pool: &PgPool, config: &Config) -> Result<(), String> {
    app::services::demo_setup::seed_agency(pool)
        .await
        .map_err(|e| format!("demo agency: {e}"))?;
    app::services::demo_setup::seed_centers(pool, chrono::Utc::now())
        .await
        .map_err(|e| format!("demo data: {e}"))?;
    app::services::visit_reasons::add_worksource_reasons(pool)
        .await
        .map_err(|e| format!("demo reasons: {e}"))?;
    app::db::demo_workshops::seed_workshops(pool, chrono::Utc::now())
        .await
        .map_err(|e| format!("demo workshops: {e}"))?;
    let mut hash = None;
    for (email, name, role) in demo_accounts(config) {
        if app::db::staff::account_exists(pool, email)
            .await
            .map_err(|e| format!("demo staff: {e}"))?
        {
            continue;
        }
        // Hashed only when an account is missing: a restart costs no Argon2 run.
        let hash = match &hash {
            Some(hash) => hash,
            None => hash.insert(
                app::passwords::hash_password(&config.demo_password).map_err(|e| e.to_string())?,
            ),
        };
        app::db::staff::create_if_absent(pool, email, name, hash, role)
            .await
            .map_err(|e| format!("demo staff: {e}"))?;
    }
    // The demo's past, walked through by its coach.
    if let Some(coach) = app::db::staff::find_active_by_email(pool, "coach@frontdesk.test")
        .await
        .map_err(|e| format!("demo staff: {e}"))?
    {
        let centers = app::services::demo_setup::CENTERS.map(|(id, _)| id);
        let added =
            app::services::demo_history::seed_history(pool, &centers, coach.id, chrono::Utc::now())
                .await
                .map_err(|e| format!("demo history: {e}"))?;
        if added.walk_ins > 0 {
            println!(
                "Demo history: {} walk-ins, {} appointments and {} workshop sessions with {} \
                 people over the last eight weeks",
                added.walk_ins, added.appointments, added.workshop_sessions, added.enrolments
            );
        }
    }
    println!(
        "Demo data is on (FRONTDESK_DEMO_DATA=true). Demo staff sign-in: email {}  password {}; \
         also coach@, manager@ and admin@frontdesk.test (each created once with that password)",
        config.demo_email, config.demo_password
    );
    Ok(())
}

/// How long the demo's printed pairing links work: a demo is opened later than a manager
/// types a code.
const DEMO_PAIRING_HOURS: i64 = 24;

/// One pairing link per demo center, so the demo's kiosks work at once: open a link in a
/// browser and tap "Set up this tablet".
pub async fn demo_pairing_links(pool: &PgPool, public_url: &str) -> Result<Vec<String>, String> {
    let now = chrono::Utc::now();
    let mut links = Vec::new();
    for (center_id, center_name) in app::services::demo_setup::CENTERS {
        let code = app::db::kiosk_devices::create_code(
            pool,
            center_id,
            &format!("Demo kiosk, {center_name}"),
            None,
            chrono::Duration::hours(DEMO_PAIRING_HOURS),
            now,
        )
        .await
        .map_err(|e| format!("demo pairing codes: {e}"))?;
        links.push(format!(
            "{}/kiosk/pair?code={code}",
            public_url.trim_end_matches('/')
        ));
    }
    Ok(links)
}
