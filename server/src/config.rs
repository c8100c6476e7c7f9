//! Configuration from environment variables (documented in the README).

use std::path::PathBuf;

/// Everything the server reads from its environment.
#[derive(Debug, Clone)]
pub struct Config {
    /// `DATABASE_URL`: use this database. Unset: start a private PostgreSQL cluster.
    pub database_url: Option<String>,
    /// `FRONTDESK_PG_DIR`: where the private cluster keeps its data.
    pub embedded_pg_dir: PathBuf,
    /// `FRONTDESK_PG_BIN`: where `initdb` and `pg_ctl` are, when not found by themselves.
    pub embedded_pg_bin: Option<PathBuf>,
    /// `FRONTDESK_PG_PORT`: the private cluster's port on 127.0.0.1.
    pub embedded_pg_port: u16,
    /// `FRONTDESK_DEMO_DATA`: seed the five centers, demo workshops and the demo staff
    /// accounts. Off unless asked for: a production database gets no known password.
    pub demo_data: bool,
    /// `FRONTDESK_DEMO_EMAIL` / `FRONTDESK_DEMO_PASSWORD`: the demo staff sign-in.
    pub demo_email: String,
    pub demo_password: String,
    /// `FRONTDESK_RETENTION_DAYS`, from before admins set the period on the agency
    /// settings page: taken into the settings at start-up until an admin has set it there.
    pub legacy_retention_days: Option<u32>,
    /// `FRONTDESK_PUBLIC_URL`: the site's address in emails' manage links.
    pub public_url: Option<String>,
    /// `FRONTDESK_SMTP_URL`: `smtp://host:port` of the mail relay. Unset: emails wait in
    /// the outbox.
    pub smtp_url: Option<String>,
    /// `FRONTDESK_MAIL_FROM`: the sender of booking emails.
    pub mail_from: String,
    /// `FRONTDESK_TRUSTED_PROXIES`: reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: crate::client_address::TrustedProxies,
    /// `FRONTDESK_PARTNER_API_BURST`: requests one address may make to `/api/v1` at once,
    /// before it gets one a second (an agency with a partner that mirrors the whole API
    /// may raise it; the contract tests do).
    pub partner_api_burst: u32,
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        let parse = |name: &str, default: &str| -> Result<u64, String> {
            let raw = var(name).unwrap_or_else(|| default.to_owned());
            raw.trim()
                .parse()
                .map_err(|_| format!("{name} must be a whole number, not {raw:?}"))
        };
        let flag = |name: &str, default: bool| {
            var(name).map_or(default, |v| {
                !matches!(v.to_lowercase().as_str(), "0" | "false" | "no" | "off")
            })
        };
        let demo_data = flag("FRONTDESK_DEMO_DATA", false);
        let public_url = var("FRONTDESK_PUBLIC_URL");
        if public_url.is_none() && !demo_data {
            // Emailed links, cookies (Secure over https) and HSTS all follow it: a
            // production server must not guess its own address.
            return Err(
                "FRONTDESK_PUBLIC_URL must be set to the address visitors use \
                 (https://…), unless FRONTDESK_DEMO_DATA=true"
                    .to_owned(),
            );
        }
        // Read once more to carry an older install's period into the agency settings.
        let legacy_retention_days = match var("FRONTDESK_RETENTION_DAYS") {
            None => None,
            Some(days) => Some(
                days.trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|days| app::domain::retention::RETENTION_DAYS.contains(days))
                    .ok_or_else(|| {
                        "FRONTDESK_RETENTION_DAYS must be a number of days from 7 to 3650 \
                         (or, better, unset: admins set it on /staff/agency)"
                            .to_owned()
                    })?,
            ),
        };
        Ok(Config {
            legacy_retention_days,
            database_url: var("DATABASE_URL"),
            embedded_pg_dir: var("FRONTDESK_PG_DIR")
                .map_or_else(|| PathBuf::from(".frontdesk/postgres"), PathBuf::from),
            embedded_pg_bin: var("FRONTDESK_PG_BIN").map(PathBuf::from),
            embedded_pg_port: u16::try_from(parse("FRONTDESK_PG_PORT", "54329")?)
                .map_err(|_| "FRONTDESK_PG_PORT must be a port number".to_owned())?,
            demo_data,
            demo_email: var("FRONTDESK_DEMO_EMAIL")
                .unwrap_or_else(|| "demo@frontdesk.test".to_owned()),
            demo_password: var("FRONTDESK_DEMO_PASSWORD")
                .unwrap_or_else(|| "frontdesk-demo".to_owned()),
            public_url,
            smtp_url: var("FRONTDESK_SMTP_URL"),
            mail_from: var("FRONTDESK_MAIL_FROM")
                .unwrap_or_else(|| "WorkSource Frontdesk <frontdesk@localhost>".to_owned()),
            trusted_proxies: crate::client_address::TrustedProxies::parse(
                &var("FRONTDESK_TRUSTED_PROXIES").unwrap_or_default(),
            )?,
            partner_api_burst: u32::try_from(parse(
                "FRONTDESK_PARTNER_API_BURST",
                &app::domain::limits::Limited::PartnerRead
                    .quota()
                    .burst
                    .to_string(),
            )?)
            .ok()
            .filter(|burst| *burst >= 1)
            .ok_or_else(|| "FRONTDESK_PARTNER_API_BURST must be a number from 1 up".to_owned())?,
        })
    }
}
