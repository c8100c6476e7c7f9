//! Knowing someone's contact gives no way into their enrolment or booking: no link is
//! handed out for a contact that has a place (it is emailed to the stored address), links
//! expire, a newer link replaces older ones, and a started appointment is not cancelled.

use super::booking_helpers::{book, first_free, token_of};
use super::helpers::*;
use super::workshops::session;
use axum::http::{header, StatusCode};
use chrono::Duration;
use sqlx::PgPool;
use uuid::Uuid;

fn enrol_form(key: Uuid, first: &str, contact: &str) -> String {
    format!(
        "key={key}&lang=en&tz=America%2FLos_Angeles&first_name={first}&last_name=Test&contact={}&language=en",
        contact.replace('@', "%40").replace(' ', "+")
    )
}

async fn outbox_to(app: &TestApp, address: &str) -> Vec<String> {
    sqlx::query_scalar("select kind from outbox where lower(to_address) = lower($1) order by id")
        .bind(address)
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

async fn enrolments(app: &TestApp) -> Vec<(String, String)> {
    sqlx::query_as("select first_name, status from workshop_enrolments order by id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_enrolment_form_with_someone_elses_email_gets_no_link_and_changes_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 1, Duration::days(2)).await;
    let path = format!("/workshops/enrol/{id}");
    let victim_key = Uuid::new_v4();
    let victim = app
        .post_form(
            &path,
            &enrol_form(victim_key, "Victoria", "victoria@example.org"),
            None,
        )
        .await;
    assert_eq!(victim.status, StatusCode::SEE_OTHER);
    let victim_link = victim.header(header::LOCATION);
    assert_eq!(
        outbox_to(&app, "victoria@example.org").await,
        ["workshop_enrolled"]
    );

    // A stranger types her email (in capitals) under another name, five times.
    for _ in 0..5 {
        let stranger = app
            .post_form(
                &path,
                &enrol_form(Uuid::new_v4(), "Mallory", " VICTORIA@example.org "),
                None,
            )
            .await;
        assert_eq!(stranger.status, StatusCode::CONFLICT);
        assert_eq!(stranger.header(header::LOCATION), "", "no link handed out");
        assert!(
            !stranger.body.contains("/workshops/manage/"),
            "no link in the page"
        );
        assert!(!stranger.body.contains("Victoria"), "not even her name");
        assert!(stranger
            .body
            .contains("This email already has a place in this session. We sent the link"));
    }
    assert_eq!(
        enrolments(&app).await,
        [("Victoria".to_owned(), "enrolled".to_owned())],
        "her place is untouched and the stranger is not on the list"
    );
    // The link went to her, once however often it was asked for.
    assert_eq!(
        outbox_to(&app, "victoria@example.org").await,
        ["workshop_enrolled", "workshop_enrolled"]
    );
    // The emailed link is now the one that works; the one she had on screen is replaced.
    let old = app.get(&victim_link, None).await;
    assert!(!old.body.contains("You are enrolled"), "{}", old.body);

    // Her own form sent again (a double tap) is hers: she gets a link.
    let again = app
        .post_form(
            &path,
            &enrol_form(victim_key, "Victoria", "victoria@example.org"),
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let page = app.get(&again.header(header::LOCATION), None).await;
    assert!(page.body.contains("You are enrolled"), "{}", page.body);
    assert_eq!(enrolments(&app).await.len(), 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_phone_only_enrolment_sends_the_stranger_to_staff(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 3, Duration::days(2)).await;
    let path = format!("/workshops/enrol/{id}");
    let first = app
        .post_form(
            &path,
            &enrol_form(Uuid::new_v4(), "Pham", "503 555 0142"),
            None,
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let stranger = app
        .post_form(
            &path,
            &enrol_form(Uuid::new_v4(), "Eve", "(503) 555-0142"),
            None,
        )
        .await;
    assert_eq!(stranger.status, StatusCode::CONFLICT);
    assert!(stranger.body.contains("please ask staff at the center"));
    assert!(!stranger.body.contains("Pham"));
    let mails: i64 = sqlx::query_scalar("select count(*) from outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(mails, 0, "a phone gets no email");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_kiosk_never_shows_the_name_behind_a_contact(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 3, Duration::days(1)).await;
    app.post_form(
        &format!("/workshops/enrol/{id}"),
        &enrol_form(Uuid::new_v4(), "Victoria", "victoria@example.org"),
        None,
    )
    .await;
    let kiosk = app
        .post_form(
            &format!("/kiosk/{CENTER}/workshops/{id}"),
            &format!(
                "key={}&lang=en&first_name=Eve&last_name=X&contact=victoria%40example.org",
                Uuid::new_v4()
            ),
            None,
        )
        .await;
    assert_eq!(kiosk.status, StatusCode::CONFLICT, "{}", kiosk.body);
    assert!(!kiosk.body.contains("Victoria"));
    assert!(kiosk.body.contains("already has a place"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn workshop_links_end_a_week_after_the_session(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 3, Duration::days(1)).await;
    let reply = app
        .post_form(
            &format!("/workshops/enrol/{id}"),
            &enrol_form(Uuid::new_v4(), "Ana", "ana@example.org"),
            None,
        )
        .await;
    let link = reply.header(header::LOCATION);
    assert!(app.get(&link, None).await.body.contains("You are enrolled"));
    sqlx::query(
        "update workshop_sessions set starts_at = now() - interval '8 days 2 hours', ends_at = now() - interval '8 days'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let expired = app.get(&link, None).await;
    assert!(
        !expired.body.contains("You are enrolled"),
        "{}",
        expired.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_newer_booking_link_replaces_the_older_and_a_started_booking_stays(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    let token = book(&app, "resume_review", start, 1).await;
    let manage = format!("/book/manage/{token}?lang=en");
    assert_eq!(app.get(&manage, None).await.status, StatusCode::OK);

    // Cancelling emails a new link; the page goes on with it, the used one is gone.
    let cancelled = app
        .post_form(&format!("/book/manage/{token}/cancel"), "lang=en", None)
        .await;
    let next = cancelled.header(header::LOCATION);
    assert_ne!(token_of(&next), token);
    assert!(app.get(&next, None).await.body.contains("cancelled"));
    let old = app.get(&manage, None).await;
    assert!(old.body.contains("This link is not valid"), "{}", old.body);

    // A booking whose time has come is not cancelled by link.
    let start = first_free(&app, "resume_review").await;
    let token = book(&app, "resume_review", start, 2).await;
    sqlx::query("update bookings set starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' where status = 'booked'")
        .execute(&app.pool)
        .await
        .unwrap();
    app.post_form(&format!("/book/manage/{token}/cancel"), "lang=en", None)
        .await;
    let status: String =
        sqlx::query_scalar("select status from bookings where status <> 'cancelled'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(status, "booked");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_next_person_at_a_shared_computer_pressing_back_gets_nothing_of_the_first(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    // The enrolment form, sent by Ana, then sent again from the same page (same key) by Ben.
    let id = session(&app.pool, 5, Duration::days(2)).await;
    let path = format!("/workshops/enrol/{id}");
    let key = Uuid::new_v4();
    let ana = app
        .post_form(&path, &enrol_form(key, "Ana", "ana@example.org"), None)
        .await;
    let ben = app
        .post_form(&path, &enrol_form(key, "Ben", "ben@example.org"), None)
        .await;
    assert_eq!(ben.status, StatusCode::SEE_OTHER);
    assert_ne!(ben.header(header::LOCATION), ana.header(header::LOCATION));
    let page = app.get(&ben.header(header::LOCATION), None).await;
    assert!(
        page.body.contains("Ben") && !page.body.contains("Ana"),
        "{}",
        page.body
    );
    assert_eq!(enrolments(&app).await.len(), 2);

    // The same with the booking form.
    let start = first_free(&app, "resume_review").await;
    let key = Uuid::new_v4();
    let form = |n: usize| super::booking_helpers::details_form("resume_review", start, key, n);
    let first = super::booking_helpers::post_details(&app, &form(1)).await;
    let second = super::booking_helpers::post_details(&app, &form(2)).await;
    let (first, second) = (
        token_of(&first.header(header::LOCATION)),
        token_of(&second.header(header::LOCATION)),
    );
    let page = app
        .get(&format!("/book/manage/{second}?new=1&lang=en"), None)
        .await;
    assert!(!page.body.contains("ana1@example.org"), "{}", page.body);
    assert!(page.body.contains("ana2@example.org"), "{}", page.body);
    assert_ne!(first, second);
    let bookings: i64 = sqlx::query_scalar("select count(*) from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(bookings, 2);
}
