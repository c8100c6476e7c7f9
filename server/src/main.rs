//! Starts Frontdesk: reads the configuration, starts or connects to PostgreSQL, applies the
//! migrations, seeds demo data, and serves until Ctrl-C or SIGTERM.

use app::state::{AppState, Settings};
use server::config::Config;
use server::embedded_postgres::EmbeddedPostgres;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("frontdesk: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), String> {
    let config = Config::from_env()?;
    // The binary built by cargo-leptos knows its asset names; a plain `cargo run` does not.
    if std::env::var_os("LEPTOS_OUTPUT_NAME").is_none()
        && option_env!("LEPTOS_OUTPUT_NAME").is_none()
    {
        std::env::set_var("LEPTOS_OUTPUT_NAME", "frontdesk");
    }
    let leptos_options = leptos::config::get_configuration(None)
        .map_err(|e| e.to_string())?
        .leptos_options;

    let embedded = match &config.database_url {
        Some(_) => None,
        None => Some(
            EmbeddedPostgres::start(
                config.embedded_pg_bin.as_deref(),
                &config.embedded_pg_dir,
                config.embedded_pg_port,
            )
            .await?,
        ),
    };
    let result = serve(
        &config,
        leptos_options,
        embedded.as_ref().map(|pg| pg.url.clone()),
    )
    .await;
    if let Some(pg) = embedded {
        pg.stop();
    }
    result
}

async fn serve(
    config: &Config,
    leptos_options: leptos::config::LeptosOptions,
    embedded_url: Option<String>,
) -> Result<(), String> {
    let url = config
        .database_url
        .clone()
        .or(embedded_url)
        .unwrap_or_default();
    let pool = sqlx::postgres::PgPoolOptions::new()
        .max_connections(20)
        .connect(&url)
        .await
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    app::db::MIGRATOR
        .run(&pool)
        .await
        .map_err(|e| format!("migrations failed: {e}"))?;
    if config.demo_data {
        seed_demo(&pool, config).await?;
    }

    let (queue_changes, _) = tokio::sync::broadcast::channel(256);
    let state = AppState {
        pool: pool.clone(),
        leptos_options: leptos_options.clone(),
        settings: Settings {
            retention_days: config.retention_days,
            mail: app::db::outbox::MailContext {
                public_url: config
                    .public_url
                    .clone()
                    .unwrap_or_else(|| format!("http://{}", leptos_options.site_addr)),
                from_address: config.mail_from.clone(),
            },
        },
        queue_changes: queue_changes.clone(),
    };
    tokio::spawn(server::live::forward_queue_changes(
        pool.clone(),
        queue_changes,
    ));
    tokio::spawn(server::jobs::erase_expired_names(state.clone()));
    tokio::spawn(server::jobs::queue_reminders(state.clone()));
    tokio::spawn(server::mailer::run(
        pool.clone(),
        config.smtp_url.clone(),
        config.mail_from.clone(),
    ));

    let addr = leptos_options.site_addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("Frontdesk is listening on http://{addr}");
    println!(
        "Frontdesk: http://{addr}  (kiosk: http://{addr}/kiosk/tigard, staff: http://{addr}/staff)"
    );
    // With connection info: failed sign-ins are counted per client address.
    let app =
        server::router::build(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| e.to_string())?;
    pool.close().await;
    Ok(())
}

async fn seed_demo(pool: &sqlx::PgPool, config: &Config) -> Result<(), String> {
    app::db::demo::seed_centers(pool)
        .await
        .map_err(|e| format!("demo data: {e}"))?;
    app::db::demo_workshops::seed_workshops(pool, chrono::Utc::now())
        .await
        .map_err(|e| format!("demo workshops: {e}"))?;
    let hash = app::api::auth::hash_password(&config.demo_password).map_err(|e| e.to_string())?;
    // One account per role that the pages treat differently, all with the demo password.
    let accounts = [
        (config.demo_email.as_str(), "Demo Staff", "front_desk"),
        ("coach@frontdesk.test", "Demo Coach", "coach"),
        ("manager@frontdesk.test", "Demo Manager", "manager"),
        ("admin@frontdesk.test", "Demo Admin", "admin"),
    ];
    for (email, name, role) in accounts {
        app::db::staff::upsert_staff(pool, email, name, &hash, role)
            .await
            .map_err(|e| format!("demo staff: {e}"))?;
    }
    println!(
        "Demo staff sign-in: email {}  password {}  (set FRONTDESK_DEMO_PASSWORD to change it); \
         also coach@, manager@ and admin@frontdesk.test with the same password",
        config.demo_email, config.demo_password
    );
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
