//! Starts Frontdesk: reads the configuration, starts or connects to PostgreSQL, applies the
//! migrations, seeds demo data when asked for, and serves until Ctrl-C or SIGTERM.
//! `server create-admin EMAIL` instead creates the first admin and prints its link.

use app::state::{AppState, Settings};
use server::config::Config;
use server::embedded_postgres::EmbeddedPostgres;
use std::process::ExitCode;
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> ExitCode {
    keep_large_buffers_out_of_the_heap();
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

/// glibc raises its mmap threshold to the largest block freed so far; from then on each
/// 19 MiB Argon2 buffer comes from a heap that keeps it, and a flood of sign-ins left the
/// server hundreds of megabytes larger (measured: 17 MB to 389 MB after 40 sign-ins, one
/// at a time). A fixed threshold gives such buffers back to the system when freed (19 MB
/// after the same 40), and keeps other allocation as it was.
fn keep_large_buffers_out_of_the_heap() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; glibc takes its own lock.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

/// What the command line asks for.
enum Command {
    Serve,
    CreateAdmin(String),
}

fn command() -> Result<Command, String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => Ok(Command::Serve),
        [verb, email] if verb == "create-admin" => Ok(Command::CreateAdmin(email.clone())),
        _ => Err("usage: server [create-admin EMAIL]".to_owned()),
    }
}

async fn run() -> Result<(), String> {
    let command = command()?;
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
    app::site_files::init(
        &leptos_options.output_name,
        &leptos_options.site_pkg_dir,
        leptos_options.hash_files,
        &leptos_options.hash_file,
    );

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
    let embedded_url = embedded.as_ref().map(|pg| pg.url.clone());
    let result = match command {
        Command::Serve => serve(&config, leptos_options, embedded_url).await,
        Command::CreateAdmin(email) => {
            create_admin(&config, &leptos_options, embedded_url, &email).await
        }
    };
    if let Some(pg) = embedded {
        pg.stop();
    }
    result
}

async fn connect(config: &Config, embedded_url: Option<String>) -> Result<sqlx::PgPool, String> {
    let url = config
        .database_url
        .clone()
        .or(embedded_url)
        .unwrap_or_default();
    let options: sqlx::postgres::PgConnectOptions = url
        .parse()
        .map_err(|e| format!("DATABASE_URL is not a PostgreSQL URL: {e}"))?;
    let pool = server::database::pool_options()
        .connect_with(server::database::with_statement_timeout(options))
        .await
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    server::startup::prepare_database(&pool, config).await?;
    Ok(pool)
}

fn public_url(config: &Config, leptos_options: &leptos::config::LeptosOptions) -> String {
    config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", leptos_options.site_addr))
}

async fn create_admin(
    config: &Config,
    leptos_options: &leptos::config::LeptosOptions,
    embedded_url: Option<String>,
    email: &str,
) -> Result<(), String> {
    let pool = connect(config, embedded_url).await?;
    let created =
        server::create_admin::create_admin(&pool, email, &public_url(config, leptos_options)).await;
    pool.close().await;
    let link = created?;
    println!(
        "Admin account created for {email}. Open this link within 72 hours to choose its password \
         (it works once):\n{link}"
    );
    Ok(())
}

async fn serve(
    config: &Config,
    leptos_options: leptos::config::LeptosOptions,
    embedded_url: Option<String>,
) -> Result<(), String> {
    let pool = connect(config, embedded_url).await?;

    let (queue_changes, _) = tokio::sync::broadcast::channel(256);
    let (session_ends, _) = tokio::sync::broadcast::channel(256);
    let public_url = public_url(config, &leptos_options);
    let agency = app::db::agency::load(&pool)
        .await
        .map_err(|e| format!("cannot read the agency settings: {e}"))?;
    let state = AppState {
        pool: pool.clone(),
        leptos_options: leptos_options.clone(),
        agency: app::state::AgencyCache::new(agency),
        settings: Settings {
            secure_cookies: public_url.starts_with("https://"),
            mail: app::domain::mail::MailContext {
                public_url,
                from_address: config.mail_from.clone(),
                agency: Default::default(),
            },
        },
        queue_changes: queue_changes.clone(),
        session_ends: session_ends.clone(),
        live_streams: Default::default(),
        limits: app::limits::Limits::with_partner_burst(config.partner_api_burst),
        hashing: app::passwords::Hashing::per_core(),
    };
    tokio::spawn(server::live::forward_notifications(
        pool.clone(),
        server::live::Hearers {
            changes: queue_changes,
            session_ends,
            agency: state.agency.clone(),
        },
    ));
    tokio::spawn(server::jobs::erase_expired_names(state.clone()));
    tokio::spawn(server::jobs::forget_spent_limits(state.clone()));
    tokio::spawn(server::jobs::queue_reminders(state.clone()));
    tokio::spawn(server::jobs::pass_on_holds(state.clone()));
    tokio::spawn(server::jobs::offer_waiting(state.clone()));
    tokio::spawn(server::mailer::run(
        pool.clone(),
        config.smtp_url.clone(),
        config.mail_from.clone(),
    ));

    if config.demo_data {
        println!("Kiosk tablets (demo): open a link in a browser and tap \"Set up this tablet\" (each works once, within 24 hours):");
        for link in
            server::startup::demo_pairing_links(&pool, &state.settings.mail.public_url).await?
        {
            println!("  {link}");
        }
    }
    let addr = leptos_options.site_addr;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    tracing::info!("Frontdesk is listening on http://{addr}");
    println!(
        "Frontdesk: http://{addr}  (kiosk: http://{addr}/kiosk/tigard, staff: http://{addr}/staff)"
    );
    // With connection info: failed sign-ins are counted per client address.
    let app = server::router::build(state, config.trusted_proxies.clone())
        .into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(|e| e.to_string())?;
    pool.close().await;
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
