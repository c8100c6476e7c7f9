//! An admin sets what every visitor screen and email says about the agency (its names,
//! the Language Access Line, where visitors are sent) and how long personal data is kept:
//! the kiosk, the booking pages and the emails show it at once, another server process
//! within moments, and bad input comes back beside its field with nothing saved.

use super::booking_helpers::{book, enc, first_free};
use super::helpers::*;
use app::domain::agency::Agency;
use axum::http::{header, StatusCode};
use sqlx::PgPool;
use std::time::Duration;

async fn admin(app: &TestApp) -> String {
    app.sign_in_with_role("admin@frontdesk.test", "Ada Admin", "admin")
        .await
}

fn form(name: &str, public_name: &str, phone: &str, training: &str, days: &str) -> String {
    format!(
        "lang=en&name={}&public_name={}&language_line={}&registration_url=\
         &job_listings_url=&training_url={}&training_area=Gorge+Valley&retention_days={}",
        enc(name),
        enc(public_name),
        enc(phone),
        enc(training),
        enc(days)
    )
}

fn gorge_works() -> String {
    form(
        "Columbia Gorge Works",
        "Gorge Works",
        "(541) 555-0142",
        "https://learn.example.org/",
        "45",
    )
}

/// How a phone number is shown on a screen: never broken across lines.
fn on_screen(phone: &str) -> String {
    phone.replace(' ', "\u{a0}").replace('-', "\u{2011}")
}

async fn last_mail(app: &TestApp) -> (String, String) {
    sqlx::query_as("select subject, body from outbox order by id desc limit 1")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_renamed_agency_and_its_new_number_show_on_every_visitor_screen_and_email(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let page = app.get("/staff/agency?lang=en", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("WorkSource Portland Metro"),
        "{}",
        page.body
    );

    let saved = app
        .post_form("/staff/agency", &gorge_works(), Some(&admin))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.header(header::LOCATION),
        "/staff/agency?lang=en&notice=saved"
    );
    let phone = on_screen("(541) 555-0142");

    // The kiosk: the center's title, the Language Access Line, the wizard's own words
    // and the privacy notice's number of days (both sent to the island ready-made).
    let kiosk = app.get("/kiosk/tigard?lang=en", None).await;
    assert!(kiosk.body.contains("Gorge Works Tigard"), "{}", kiosk.body);
    assert!(kiosk.body.contains("Welcome to Gorge Works"));
    assert!(kiosk.body.contains(&phone));
    assert!(!kiosk.body.contains("833"), "the old number is gone");
    let wizard = app.get("/kiosk/tigard/check-in?lang=es", None).await;
    assert!(
        wizard.body.contains("¿Ya se inscribió en Gorge Works?"),
        "{}",
        wizard.body
    );
    assert!(wizard
        .body
        .contains("Solo el personal de Gorge Works de este centro lo ve"));
    assert!(!wizard.body.contains("{agency}"));
    assert!(wizard.body.contains("45"));

    // Booking from home, in Spanish.
    let booking = app.get("/book?lang=es", None).await;
    assert!(booking
        .body
        .contains("Reúnase en línea con una persona de Gorge Works"));
    assert!(booking.body.contains(&phone));
    assert!(booking.body.contains("Gorge Works Tigard"));
    // Only the hand-off the agency set is offered.
    assert!(booking
        .body
        .contains("<a href=\"https://learn.example.org/\" rel=\"noopener\">Biblioteca de capacitación en línea</a>"));
    assert!(!booking.body.contains("Ofertas de empleo"));

    // The workshops pages point to the training library, with the area to choose for it;
    // the kiosk, which must not leave for another site, shows the address to type.
    let workshops = app.get("/workshops?lang=en", None).await;
    assert!(
        workshops.body.contains(
            "Tip: in your Gorge Works account, choose “Gorge Valley” under “Preferred Workforce Areas”."
        ),
        "{}",
        workshops.body
    );
    assert!(workshops.body.contains(r#"<a href="https://learn.example.org/" rel="noopener">Open the online training library</a>"#));
    let kiosk_workshops = app.get("/kiosk/tigard/workshops?lang=en", None).await;
    assert!(kiosk_workshops
        .body
        .contains("On your phone or computer: learn.example.org"));
    assert!(kiosk_workshops.body.contains("choose “Gorge Valley”"));
    assert!(!kiosk_workshops
        .body
        .contains(r#"href="https://learn.example.org/""#));

    // The confirmation email: its subject, the calendar place, the line and the signature.
    let start = first_free(&app, "resume_review").await;
    book(&app, "resume_review", start, 1).await;
    let (subject, body) = last_mail(&app).await;
    assert!(
        subject.starts_with("Your Gorge Works appointment"),
        "{subject}"
    );
    assert!(body.contains("(541) 555-0142"), "{body}");
    assert!(body.trim_end().ends_with("Columbia Gorge Works"), "{body}");
    assert!(!body.contains("WorkSource"), "{body}");

    // The purge and every page read the new period; the log says who changed what.
    assert_eq!(app.state.agency.current().retention_days, 45);
    let page = app
        .get("/staff/agency?lang=en&notice=saved", Some(&admin))
        .await;
    assert!(page.body.contains("The agency settings are saved."));
    assert!(page.body.contains("Ada Admin"));
    assert!(
        page.body
            .contains("Language Access Line: “8336850845” → “5415550142”"),
        "{}",
        page.body
    );
    assert!(page.body.contains("days data is kept: “30” → “45”"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn bad_settings_come_back_beside_their_fields_and_nothing_is_saved(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let bad = form(" ", "Gorge Works", "call us", "javascript:alert(1)", "0");
    let refused = app.post_form("/staff/agency", &bad, Some(&admin)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Nothing was saved. Please correct the fields marked below.",
        "Please enter the agency's name",
        "Please enter a phone number of 10 to 15 digits, or leave it empty.",
        "Please enter a web address starting with https://, or leave it empty.",
        "Please enter a whole number of days from 7 to 3650.",
    ] {
        assert!(
            refused.body.contains(message),
            "{message}: {}",
            refused.body
        );
    }
    // What was typed is kept, the bad address too, as text in a field.
    assert!(refused.body.contains("value=\"call us\""));
    assert!(refused.body.contains("value=\"javascript:alert(1)\""));
    assert!(!refused.body.contains("href=\"javascript:"));
    let saved = app::db::agency::load(&app.pool).await.unwrap();
    assert_eq!(saved, Agency::default());
    assert_eq!(app.state.agency.current(), Agency::default());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn saving_what_is_saved_changes_and_logs_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    app.post_form("/staff/agency", &gorge_works(), Some(&admin))
        .await;
    let again = app
        .post_form("/staff/agency", &gorge_works(), Some(&admin))
        .await;
    assert_eq!(
        again.header(header::LOCATION),
        "/staff/agency?lang=en&notice=unchanged"
    );
    let logged: i64 =
        sqlx::query_scalar("select count(*) from setup_changes where subject = 'agency settings'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(logged, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn without_a_language_line_no_screen_or_email_promises_one(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let none = form("WorkSource Portland Metro", "WorkSource", "", "", "30");
    let saved = app.post_form("/staff/agency", &none, Some(&admin)).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let kiosk = app.get("/kiosk/tigard?lang=en", None).await;
    assert_eq!(kiosk.status, StatusCode::OK);
    assert!(
        !kiosk.body.contains("Language Access Line"),
        "{}",
        kiosk.body
    );
    let start = first_free(&app, "resume_review").await;
    book(&app, "resume_review", start, 1).await;
    let (_, body) = last_mail(&app).await;
    assert!(!body.contains("Language Access Line"), "{body}");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn another_server_process_shows_the_change_within_moments(pool: PgPool) {
    let here = spawn_app(pool.clone()).await;
    // A second process on the same database (nothing seeded twice).
    let there = spawn_empty_app(pool).await;
    // The other process listens before the change is made: it announces "every center"
    // once it does.
    let mut listening = there.state.queue_changes.subscribe();
    tokio::spawn(server::live::forward_notifications(
        there.pool.clone(),
        there.hearers(),
    ));
    tokio::time::timeout(Duration::from_secs(10), listening.recv())
        .await
        .expect("the listener never connected")
        .unwrap();
    let admin = admin(&here).await;
    let saved = here
        .post_form("/staff/agency", &gorge_works(), Some(&admin))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let mut heard = false;
    for _ in 0..50 {
        let page = there.get("/book?lang=en", None).await;
        if page.body.contains("Meet a Gorge Works staff member") {
            heard = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        heard,
        "the other process shows the new name within 5 seconds"
    );
    assert_eq!(there.state.agency.current().retention_days, 45);
}
