//! A lobby tablet serves one stranger after another. Its plain forms ("I have an
//! appointment", a workshop place, "Tell us how we did") posted again from the browser's
//! history once the welcome screen has come up again (Back, "resubmit") show and do
//! nothing: the next visitor gets the welcome screen. The check-in wizard's screens are
//! tried in `check_in_without_script`.

use super::booking_helpers::{booking_status, booking_today};
use super::helpers::*;
use super::workshops::session;
use axum::http::{header, StatusCode};
use chrono::Duration;
use sqlx::PgPool;

/// The visitor field of a form shown to the tablet's visitor now, who then leaves: the
/// welcome screen comes up for the next one.
async fn gone(app: &TestApp) -> String {
    let visitor = app.tablet_visitor().await;
    let welcome = app.next_visitor_comes().await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert_eq!(app.tablet_visitor().await, visitor + 1, "the next visitor");
    format!("visitor={visitor}")
}

fn assert_started_over(reply: &Reply) {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.header(header::LOCATION), format!("/kiosk/{CENTER}"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_arrival_posted_again_later_shows_no_one(pool: PgPool) {
    let app = spawn_app(pool).await;
    booking_today(&app, "Ana", "Pérez", "5035550142", "K7PQ4X9M").await;
    let path = format!("/kiosk/{CENTER}/appointment");
    let late = app
        .post_form(
            &path,
            &format!("lang=en&by=code&code=K7PQ4X9M&{}", gone(&app).await),
            None,
        )
        .await;
    assert_started_over(&late);
    assert!(!late.body.contains("Ana"));
    assert_eq!(booking_status(&app).await, "booked", "nothing done");
    assert_eq!(app.visit_count().await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_workshop_place_posted_again_later_is_not_taken(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 3, Duration::days(1)).await;
    let form = format!(
        "key={}&lang=en&first_name=Eve&last_name=Xu&contact=eve%40example.org&{}",
        uuid::Uuid::new_v4(),
        gone(&app).await
    );
    let late = app
        .post_form(&format!("/kiosk/{CENTER}/workshops/{id}"), &form, None)
        .await;
    assert_started_over(&late);
    let enrolments: i64 = sqlx::query_scalar("select count(*) from workshop_enrolments")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(enrolments, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_answer_posted_again_later_is_not_counted(pool: PgPool) {
    let app = spawn_app(pool).await;
    let late = app
        .post_form(
            &format!("/kiosk/{CENTER}/feedback"),
            &format!("lang=es&rating=1&comment=otra+vez&{}", gone(&app).await),
            None,
        )
        .await;
    assert_started_over(&late);
    let answers: i64 = sqlx::query_scalar("select count(*) from feedback")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(answers, 0);
}

/// Whether `page` has a form naming visitor `visitor` of the tablet.
fn names_visitor(page: &str, visitor: i64) -> bool {
    page.contains(&format!(r#"name="visitor" value="{visitor}""#))
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn every_kiosk_form_names_the_visitor_also_when_it_comes_back_refused(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 3, Duration::days(1)).await;
    let visitor = app.tablet_visitor().await;
    let v = format!("visitor={visitor}");
    let screens = [
        (
            format!("/kiosk/{CENTER}/appointment?lang=es"),
            format!("/kiosk/{CENTER}/appointment"),
            format!("lang=es&by=code&code=&{v}"),
        ),
        (
            format!("/kiosk/{CENTER}/feedback?lang=es"),
            format!("/kiosk/{CENTER}/feedback"),
            format!("lang=es&comment=hola&{v}"),
        ),
        (
            format!("/kiosk/{CENTER}/workshops/{id}?lang=es"),
            format!("/kiosk/{CENTER}/workshops/{id}"),
            format!(
                "key={}&lang=es&first_name=&last_name=&contact=&{v}",
                uuid::Uuid::new_v4()
            ),
        ),
        (
            format!("/kiosk/{CENTER}/check-in?lang=es"),
            format!("/kiosk/{CENTER}/check-in"),
            format!(
                "lang=es&step=first-name&go=next&key={}&first_name=&{v}",
                uuid::Uuid::new_v4()
            ),
        ),
    ];
    for (page, action, refused) in screens {
        let shown = app.get(&page, None).await;
        assert!(names_visitor(&shown.body, visitor), "{page}");
        let again = app.post_form(&action, &refused, None).await;
        assert_eq!(
            again.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{action}: {}",
            again.body
        );
        assert!(names_visitor(&again.body, visitor), "{action} refused");
    }
}
