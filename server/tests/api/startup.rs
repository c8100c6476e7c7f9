//! What a start does: nothing with a known password unless demo data is asked for; demo
//! accounts made once and left as the operator leaves them; the first admin by command.

use crate::helpers::*;
use axum::http::{header, StatusCode};
use server::config::Config;
use sqlx::PgPool;

fn config(demo_data: bool) -> Config {
    Config {
        database_url: None,
        embedded_pg_dir: "unused".into(),
        embedded_pg_bin: None,
        embedded_pg_port: 0,
        demo_data,
        demo_email: "demo@frontdesk.test".to_owned(),
        demo_password: "frontdesk-demo".to_owned(),
        legacy_retention_days: None,
        public_url: None,
        smtp_url: None,
        mail_from: "WorkSource <frontdesk@frontdesk.test>".to_owned(),
        trusted_proxies: Default::default(),
        partner_api_burst: 120,
    }
}

async fn accounts(pool: &PgPool) -> Vec<(String, String, bool)> {
    sqlx::query_as("select email, role, disabled from staff_users order by email")
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_production_start_seeds_no_account_and_no_center(pool: PgPool) {
    server::startup::prepare_database(&pool, &config(false))
        .await
        .unwrap();
    assert_eq!(accounts(&pool).await, []);
    let centers: i64 = sqlx::query_scalar("select count(*) from centers")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(centers, 0);
    let reasons: i64 = sqlx::query_scalar("select count(*) from visit_reasons")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(reasons, 0, "a new agency adds its own reasons");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_install_from_before_reasons_were_data_keeps_its_kiosks_reasons(pool: PgPool) {
    // An older install: a center and a visit when the migration ran, which left its note,
    // and no reasons.
    app::services::demo_setup::seed_centers(&pool, chrono::Utc::now())
        .await
        .unwrap();
    sqlx::query("insert into legacy_adoptions (what) values ('visit_reasons')")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query(
        "insert into visits (center_id, service_day, ticket_prefix, ticket_number,
                             idempotency_key, first_name, last_name, reasons, registered,
                             accommodations, language, consented_at, checked_in_at)
         values ('tigard', current_date - 3, 'A', 1, gen_random_uuid(), 'Old', 'V',
                 array['resume_review'], 'yes', '{}', 'en', now() - interval '3 days',
                 now() - interval '3 days')",
    )
    .execute(&pool)
    .await
    .unwrap();
    for _ in 0..2 {
        server::startup::prepare_database(&pool, &config(false))
            .await
            .unwrap();
    }
    let names: Vec<String> = sqlx::query_scalar(
        "select t.name from visit_reasons r join visit_reason_texts t using (code)
         where t.locale = 'es' order by r.position",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(names.len(), 14, "once, however often it starts");
    assert_eq!(names[3], "Revisión de currículum");
}

/// Past walk-ins: how many, how many left before their turn, and whether every one of
/// them is from before today and was called only after checking in.
async fn history(pool: &PgPool) -> (i64, i64, bool) {
    sqlx::query_as(
        "select count(*), count(*) filter (where status = 'left'),
                bool_and(service_day < current_date
                         and status in ('done', 'left')
                         and (status = 'left' or called_at > checked_in_at))
         from visits",
    )
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn demo_accounts_are_made_once_and_keep_what_an_operator_changed(pool: PgPool) {
    server::startup::prepare_database(&pool, &config(true))
        .await
        .unwrap();
    let roles: Vec<String> = accounts(&pool).await.into_iter().map(|a| a.1).collect();
    assert_eq!(roles, ["admin", "coach", "front_desk", "manager"]);

    // The demo has a past: eight weeks of walk-ins at its five centers, made once.
    let (visits, left, plausible) = history(&pool).await;
    assert!((2_000..6_000).contains(&visits), "{visits} visits");
    assert!(left > 0 && left * 10 < visits, "{left} of {visits} left");
    assert!(plausible);
    let reasons: i64 =
        sqlx::query_scalar("select count(distinct r) from visits, unnest(reasons) r")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(reasons >= 10, "{reasons} reasons");
    // And its appointments: most came (and went through the queue), some did not, a few
    // cancelled; nobody was emailed about the past.
    let (came, no_show, cancelled, queued): (i64, i64, i64, i64) = sqlx::query_as(
        "select count(*) filter (where b.status = 'arrived'),
                count(*) filter (where b.status = 'no_show'),
                count(*) filter (where b.status = 'cancelled'),
                count(*) filter (where v.status = 'done')
         from bookings b left join visits v on v.booking_id = b.id
         where b.starts_at < now()",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!(
        came > 200 && no_show > 20 && cancelled > 10,
        "{came} {no_show} {cancelled}"
    );
    assert!(came > no_show * 3, "{came} came, {no_show} did not");
    assert_eq!(queued, came, "everyone who came was seen");
    let mailed: i64 = sqlx::query_scalar("select count(*) from outbox")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(mailed, 0);
    let overfull: i64 =
        sqlx::query_scalar("select count(*) from slot_seats where booked > capacity")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(overfull, 0);
    // And its workshops: sessions on open days, half to full, most people came; no
    // session over its seats.
    let (sessions, attended, no_show, overbooked): (i64, i64, i64, i64) = sqlx::query_as(
        "select count(distinct s.id),
                count(*) filter (where e.status = 'attended'),
                count(*) filter (where e.status = 'no_show'),
                count(distinct s.id) filter (where s.enrolled > s.capacity)
         from workshop_sessions s join workshop_enrolments e on e.session_id = s.id
         where s.ends_at < now() - interval '1 day'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert!((50..120).contains(&sessions), "{sessions} past sessions");
    assert!(
        attended > no_show * 2 && no_show > 0,
        "{attended} came, {no_show} did not"
    );
    assert_eq!(overbooked, 0);
    let app = spawn_empty_app(pool.clone()).await;
    let cookie = app
        .sign_in_with_role("boss@frontdesk.test", "Morgan Manager", "manager")
        .await;
    let page = app.get("/staff/reports?lang=en", Some(&cookie)).await;
    let total = page
        .body
        .split("data-testid=\"visits-total\">")
        .nth(1)
        .and_then(|rest| rest.split('<').next())
        .and_then(|n| n.replace(',', "").parse::<i64>().ok())
        .unwrap_or_else(|| panic!("{}", page.body));
    assert!(total > 500, "the last two weeks show {total} visits");
    // The operator disables the demo admin and changes its password.
    sqlx::query(
        "update staff_users set disabled = true, password_hash = 'changed' where email = 'admin@frontdesk.test'",
    )
    .execute(&pool)
    .await
    .unwrap();
    server::startup::prepare_database(&pool, &config(true))
        .await
        .unwrap();
    let (hash, disabled): (String, bool) = sqlx::query_as(
        "select password_hash, disabled from staff_users where email = 'admin@frontdesk.test'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!((hash.as_str(), disabled), ("changed", true));
    assert_eq!(history(&pool).await.0, visits, "no second history");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_first_admin_comes_from_a_command_with_a_one_time_link(pool: PgPool) {
    let app = spawn_app(pool.clone()).await;
    let link =
        server::create_admin::create_admin(&pool, "Root@Agency.example", "https://fd.example")
            .await
            .unwrap();
    let token = link
        .strip_prefix("https://fd.example/staff/password/")
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_else(|| panic!("unexpected link {link}"))
        .to_owned();
    // Nothing signs in before a password is chosen, not even an empty one.
    for guess in ["", "!", "frontdesk-demo"] {
        assert!(app.sign_in_as("root@agency.example", guess).await.is_none());
    }
    let chosen = "a long admin passphrase";
    let form = format!("password={0}&repeat={0}", chosen.replace(' ', "+"));
    let reply = app
        .post_form(&format!("/staff/password/{token}"), &form, None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(reply
        .header(header::SET_COOKIE)
        .contains("frontdesk_session"));
    let cookie = app
        .sign_in_as("root@agency.example", chosen)
        .await
        .expect("the chosen password signs in");
    let accounts_page = app.get("/staff/accounts", Some(&cookie)).await;
    assert_eq!(accounts_page.status, StatusCode::OK);
    // The link worked once; the command refuses an email that has an account.
    let again = app
        .post_form(&format!("/staff/password/{token}"), &form, None)
        .await;
    assert!(!again
        .header(header::SET_COOKIE)
        .contains("frontdesk_session="));
    let twice = server::create_admin::create_admin(&pool, "root@agency.example", "x").await;
    assert!(twice.is_err());
    let role: String =
        sqlx::query_scalar("select role from staff_users where email = 'root@agency.example'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(role, "admin");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_older_installs_retention_period_is_kept_until_an_admin_sets_one(pool: PgPool) {
    let upgraded = Config {
        legacy_retention_days: Some(365),
        ..config(false)
    };
    server::startup::prepare_database(&pool, &upgraded)
        .await
        .unwrap();
    let kept = || async { app::db::agency::load(&pool).await.unwrap().retention_days };
    assert_eq!(kept().await, 365, "not cut to the new default of 30");
    let logged: String =
        sqlx::query_scalar("select summary from setup_changes where subject = 'agency settings'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert!(
        logged.ends_with("(from FRONTDESK_RETENTION_DAYS)"),
        "{logged}"
    );

    // Once an admin sets the period on the settings page, theirs holds.
    let hash = app::passwords::hash_password("an admin's password").unwrap();
    app::db::staff::upsert_staff(&pool, "it@agency.example", "Ada Admin", &hash, "admin")
        .await
        .unwrap();
    let admin: i64 = sqlx::query_scalar("select id from staff_users")
        .fetch_one(&pool)
        .await
        .unwrap();
    let sixty = app::domain::agency::Agency {
        retention_days: 60,
        ..app::db::agency::load(&pool).await.unwrap()
    };
    app::services::agency_settings::save_settings(&pool, Some(admin), &sixty)
        .await
        .unwrap();
    server::startup::prepare_database(&pool, &upgraded)
        .await
        .unwrap();
    assert_eq!(kept().await, 60);
}

/// The database as an install from before services were data left it: every migration up
/// to the visit reasons applied, read from the same files.
async fn migrate_to_before_services(pool: &PgPool) {
    let dir = std::env::temp_dir().join(format!("frontdesk-migrations-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../app/migrations");
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.as_str() < "20261203000022" {
            std::fs::copy(&path, dir.join(&name)).unwrap();
        }
    }
    sqlx::migrate::Migrator::new(dir.as_path())
        .await
        .unwrap()
        .run(pool)
        .await
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
}

#[sqlx::test(migrations = false)]
async fn an_install_from_before_services_were_data_keeps_its_bookings_names(pool: PgPool) {
    migrate_to_before_services(&pool).await;
    // A center offering resume reviews, and a booking of one, as the older version made them.
    sqlx::query(
        "insert into centers (id, name, time_zone, position)
         values ('tigard', 'WorkSource Tigard', 'America/Los_Angeles', 1)",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into center_services (center_id, service_id, slot_minutes, capacity)
         values ('tigard', 'resume_review', 30, 1)",
    )
    .execute(&pool)
    .await
    .unwrap();
    sqlx::query(
        "insert into bookings (code, idempotency_key, center_id, service_id, starts_at, ends_at,
                               visitor_time_zone, first_name, last_name, email, phone,
                               phone_last4, language, email_locale)
         values ('ABCDEFGH', gen_random_uuid(), 'tigard', 'resume_review', now() + interval '2 days',
                 now() + interval '2 days 30 minutes', 'America/Los_Angeles', 'Old', 'Booking',
                 'old@example.org', '5035550123', '0123', 'es', 'es')",
    )
    .execute(&pool)
    .await
    .unwrap();
    for _ in 0..2 {
        server::startup::prepare_database(&pool, &config(false))
            .await
            .unwrap();
    }
    let services: Vec<(String, Vec<String>)> =
        sqlx::query_as("select id, held from services order by position, id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        services.len(),
        5,
        "the five it had, named once: {services:?}"
    );
    let mut conn = pool.acquire().await.unwrap();
    let booking = app::db::bookings::load(&mut conn, 1).await.unwrap();
    assert_eq!(booking.service_name, "Revisión de currículum");
    assert_eq!(booking.held, "phone", "what “virtual” meant before");
    let logged: i64 = sqlx::query_scalar(
        "select count(*) from setup_changes where summary like 'kept from before services%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(logged, 5);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_new_agency_starts_with_no_services(pool: PgPool) {
    server::startup::prepare_database(&pool, &config(false))
        .await
        .unwrap();
    let services: i64 = sqlx::query_scalar("select count(*) from services")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(services, 0, "a new agency adds its own services");
}
