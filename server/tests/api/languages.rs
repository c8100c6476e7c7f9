//! Seven languages at the HTTP level: the browser's language for pages opened without
//! `?lang=`, a hostile Accept-Language header, staff pages that stay English or Spanish,
//! and Arabic emails whose phone numbers keep their order.

use super::booking_helpers::{details_form, first_free, post_details};
use super::helpers::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;
use uuid::Uuid;

async fn get_with_language(app: &TestApp, path: &str, accept_language: &str) -> Reply {
    let request = Request::get(path)
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap();
    app.send(request).await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn home_pages_open_in_the_browsers_language_and_say_so_to_caches(pool: PgPool) {
    let app = spawn_app(pool).await;
    let book = get_with_language(&app, "/book", "de-DE, ru;q=0.9, en;q=0.5").await;
    assert_eq!(book.status, StatusCode::OK);
    assert!(book.body.contains("lang=\"ru\""), "{}", &book.body[..300]);
    assert!(book.header(header::VARY).contains("accept-language"));
    let workshops = get_with_language(&app, "/workshops", "zh-TW,zh;q=0.9").await;
    assert!(workshops.body.contains("lang=\"zh-Hans\""));
    let arabic = get_with_language(&app, "/book", "ar-EG").await;
    assert!(arabic.body.contains("dir=\"rtl\""));
    // A chosen language wins over the browser's.
    let chosen = get_with_language(&app, "/book?lang=so", "ru").await;
    assert!(chosen.body.contains("lang=\"so\""));
    // The kiosk always starts in English, whatever the tablet's browser says.
    let kiosk = get_with_language(&app, "/kiosk/tigard", "es-MX").await;
    assert!(kiosk.body.contains("lang=\"en\""));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_hostile_accept_language_is_ignored(pool: PgPool) {
    let app = spawn_app(pool).await;
    // Qualities that are not numbers (a NaN once made a sorting crate panic), a header
    // of thousands of entries, and one that is not ASCII (not read at all).
    let nan = ["x;q=0.1", "x;q=0.9", "x;q=NaN"].repeat(10).join(",");
    let long = vec!["de;q=0.5"; 5_000].join(",");
    for header in [
        nan.as_str(),
        long.as_str(),
        "ru;q=inf",
        ";;;,,,=q",
        "ру-RU, vi",
    ] {
        let reply = get_with_language(&app, "/book", header).await;
        assert_eq!(reply.status, StatusCode::OK, "{header:.40}");
        assert!(reply.body.contains("lang=\"en\""), "{header:.40}");
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_pages_stay_in_english_or_spanish(pool: PgPool) {
    let app = spawn_app(pool).await;
    let staff = app.sign_in().await;
    let arabic = app.get("/staff/queue?lang=ar", Some(&staff)).await;
    assert_eq!(arabic.status, StatusCode::OK);
    assert!(arabic.body.contains("lang=\"en\""));
    assert!(!arabic.body.contains("dir=\"rtl\""));
    let request = Request::get("/staff/login")
        .header(header::ACCEPT_LANGUAGE, "vi, es;q=0.8")
        .body(Body::empty())
        .unwrap();
    let login = app.send(request).await;
    assert!(
        login.body.contains("lang=\"en\""),
        "Vietnamese staff pages are English"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_arabic_booking_is_mailed_in_arabic_with_its_numbers_isolated(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "skills_team").await;
    let form = details_form("skills_team", start, Uuid::new_v4(), 5).replace("lang=en", "lang=ar");
    let reply = post_details(&app, &form).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let page = app.get(&reply.header(header::LOCATION), None).await;
    assert!(page.body.contains("dir=\"rtl\""));
    let (subject, body): (String, String) = sqlx::query_as("select subject, body from outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // The subject names the date alone, in Arabic, not the time and zone too.
    assert!(!subject.contains("America/"), "{subject}");
    assert!(subject.contains("WorkSource"), "{subject}");
    // The Language Access Line keeps its order inside Arabic text.
    assert!(body.contains("\u{2066}(833) 685-0845\u{2069}"), "{body}");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn every_visitor_page_carries_the_language_access_line(pool: PgPool) {
    let app = spawn_app(pool).await;
    let line = app::domain::contacts::unbreakable("(833) 685-0845");
    for path in [
        "/?lang=es",
        "/no-such-page?lang=vi",
        "/book?lang=so",
        "/workshops?lang=ru",
        "/details-deleted?lang=en",
        "/kiosk/tigard?lang=zh-Hans",
        "/kiosk/tigard/check-in?lang=en",
    ] {
        let page = app.get(path, None).await;
        assert!(page.body.contains(&line), "{path}: {}", page.body);
    }
}
