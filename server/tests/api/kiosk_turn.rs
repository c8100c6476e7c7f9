//! A visitor's turn at a lobby tablet, beyond the welcome screen that starts it
//! (`kiosk_history`): a turn lapses once the tablet has stood quiet longer than any kiosk
//! screen stays up (someone resending a form from Chromium's "Confirm Form Resubmission"
//! page, which has no idle reset), for good; a screen being touched keeps it; the island's check-in
//! names its visitor too; two welcome screens asked at once are one visitor; a plain error
//! page at the tablet goes back to the welcome screen by itself.

use super::booking_helpers::{booking_status, booking_today};
use super::helpers::*;
use app::domain::kiosk_visitor::QUIET_LIMIT_SECONDS;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

/// `seconds` more pass without the tablet asking anything (added to whatever quiet there
/// already was, so that a request a test expects to end the quiet must really be made).
async fn quiet_for(app: &TestApp, seconds: i64) {
    sqlx::query(
        "update kiosk_devices set visitor_seen_at = coalesce(visitor_seen_at, now()) - make_interval(secs => $1)",
    )
    .bind(seconds as f64)
    .execute(&app.pool)
    .await
    .unwrap();
}

fn assert_started_over(reply: &Reply) {
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.header(header::LOCATION), format!("/kiosk/{CENTER}"));
}

/// The arrival lookup for Ana's booking, as shown to visitor `visitor`.
async fn look_up(app: &TestApp, visitor: i64) -> Reply {
    let form = format!("lang=en&by=code&code=K7PQ4X9M&visitor={visitor}");
    app.post_form(&format!("/kiosk/{CENTER}/appointment"), &form, None)
        .await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_form_resent_after_the_tablet_stood_quiet_is_not_answered(pool: PgPool) {
    let app = spawn_app(pool).await;
    booking_today(&app, "Ana", "Pérez", "5035550142", "K7PQ4X9M").await;
    app.get(&format!("/kiosk/{CENTER}/appointment"), None).await;
    let visitor = app.tablet_visitor().await;

    // Ana walks away from the resubmission page; the next visitor resends her lookup.
    quiet_for(&app, QUIET_LIMIT_SECONDS + 5).await;
    let resent = look_up(&app, visitor).await;
    assert_started_over(&resent);
    assert!(!resent.body.contains("Ana"));
    assert_eq!(booking_status(&app).await, "booked", "nothing done");
    assert_eq!(app.visit_count().await, 0);
    assert_eq!(app.tablet_visitor().await, visitor + 1, "a new visitor");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_lapsed_number_stays_lapsed_whatever_the_tablet_asks_first(pool: PgPool) {
    let app = spawn_app(pool).await;
    booking_today(&app, "Ana", "Pérez", "5035550142", "K7PQ4X9M").await;
    app.get(&format!("/kiosk/{CENTER}/appointment"), None).await;
    let visitor = app.tablet_visitor().await;
    quiet_for(&app, QUIET_LIMIT_SECONDS + 5).await;
    // The next visitor goes Back to a screen the browser fetches again, or touches it;
    // then Forward to Ana's resubmission page, and sends it.
    let screen = app
        .get(&format!("/kiosk/{CENTER}/appointment?lang=en"), None)
        .await;
    assert!(screen
        .body
        .contains(&format!(r#"name="visitor" value="{}""#, visitor + 1)));
    let told = app
        .post_form(&format!("/kiosk/{CENTER}/in-use"), "", None)
        .await;
    assert_eq!(told.status, StatusCode::NO_CONTENT);
    let resent = look_up(&app, visitor).await;
    assert_started_over(&resent);
    assert!(!resent.body.contains("Ana"));

    // The same as the check-in island sends it.
    quiet_for(&app, QUIET_LIMIT_SECONDS + 5).await;
    let visitor = app.tablet_visitor().await;
    let reply = island_check_in(&app, Some(visitor)).await;
    assert_eq!(reply.json(), json!("StartOver"), "{}", reply.body);
    assert_eq!(app.visit_count().await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_screen_being_touched_keeps_its_visitor_however_long_they_take(pool: PgPool) {
    let app = spawn_app(pool).await;
    booking_today(&app, "Ana", "Pérez", "5035550142", "K7PQ4X9M").await;
    app.get(&format!("/kiosk/{CENTER}/appointment"), None).await;
    let visitor = app.tablet_visitor().await;
    // Twelve minutes on one screen, which says every little while that it is in use
    // (without those, the quiet would add up to far past the limit).
    for _ in 0..4 {
        quiet_for(&app, QUIET_LIMIT_SECONDS - 30).await;
        let told = app
            .post_form(&format!("/kiosk/{CENTER}/in-use"), "", None)
            .await;
        assert_eq!(told.status, StatusCode::NO_CONTENT, "{}", told.body);
    }
    // The slowest: sent just within the limit after the last "in use".
    quiet_for(&app, QUIET_LIMIT_SECONDS - 10).await;
    let answered = look_up(&app, visitor).await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    assert!(answered.body.contains("Ana"));
    assert_eq!(app.tablet_visitor().await, visitor);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn only_a_tablet_of_the_center_says_it_is_in_use_and_not_without_limit(pool: PgPool) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let path = format!("/kiosk/{CENTER}/in-use");
    // A browser that is no kiosk, and another center's tablet.
    let stranger = Request::post(&path).body(Body::empty()).unwrap();
    assert_eq!(app.send(stranger).await.status, StatusCode::FORBIDDEN);
    let gresham = pair_tablet(&app.pool, "gresham").await;
    let elsewhere = Request::post(&path)
        .header(header::COOKIE, &gresham)
        .body(Body::empty())
        .unwrap();
    assert_eq!(app.send(elsewhere).await.status, StatusCode::FORBIDDEN);
    // A script at the tablet is cut off (the gate notes the tablet's requests at most every
    // few seconds anyway).
    let burst = app::domain::limits::Limited::KioskInUse.quota().burst;
    let mut statuses = Vec::new();
    for _ in 0..=burst {
        statuses.push(app.post_form(&path, "", None).await.status);
    }
    assert_eq!(
        statuses.last(),
        Some(&StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
}

/// The kiosk's check-in as its island sends it, naming `visitor` (or no one).
async fn island_check_in(app: &TestApp, visitor: Option<i64>) -> Reply {
    let mut body = json!({
        "center_id": CENTER, "language": "en", "key": Uuid::new_v4(),
        "answers": answers("Ana", "Lopez"),
    });
    if let Some(visitor) = visitor {
        body["visitor"] = json!(visitor);
    }
    app.check_in_json(&body).await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_islands_check_in_of_an_earlier_visitor_or_of_no_one_starts_over(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.get(&format!("/kiosk/{CENTER}"), None).await;
    let visitor = app.tablet_visitor().await;
    app.get(&format!("/kiosk/{CENTER}"), None).await;
    // (Drawn a moment ago: the same visitor.)
    assert_eq!(app.tablet_visitor().await, visitor);
    sqlx::query("update kiosk_devices set visitor_drawn_at = now() - interval '1 minute'")
        .execute(&app.pool)
        .await
        .unwrap();
    app.get(&format!("/kiosk/{CENTER}"), None).await;
    assert_eq!(app.tablet_visitor().await, visitor + 1);
    for earlier in [Some(visitor), None, Some(visitor + 2)] {
        let reply = island_check_in(&app, earlier).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.json(), json!("StartOver"), "{earlier:?}");
    }
    assert_eq!(app.visit_count().await, 0);
    let now = island_check_in(&app, Some(visitor + 1)).await;
    assert_eq!(ticket_number(&now.json()), "A-001", "{}", now.body);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn welcome_screens_asked_at_once_are_one_visitor(pool: PgPool) {
    let app = spawn_app(pool).await;
    let before = app.tablet_visitor().await;
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { app.get(&format!("/kiosk/{CENTER}"), None).await })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().status, StatusCode::OK);
    }
    let now = app.tablet_visitor().await;
    assert_eq!(now, before + 1, "one new visitor");
    // Whichever of those screens the tablet shows, its first form is answered.
    let page = app
        .get(&format!("/kiosk/{CENTER}/feedback?lang=en"), None)
        .await;
    assert!(page
        .body
        .contains(&format!(r#"name="visitor" value="{now}""#)));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_plain_error_page_at_the_tablet_goes_back_to_the_welcome_screen(pool: PgPool) {
    let app = spawn_app(pool).await;
    // "I agree" from a page without its key: a small error page, no screen of the kiosk.
    let broken = app
        .post_form(
            &format!("/kiosk/{CENTER}/check-in"),
            "lang=en&step=privacy&go=next&key=none&first_name=Eve&last_name=K&reasons=job_search&registered=no",
            None,
        )
        .await;
    assert_eq!(broken.status, StatusCode::BAD_REQUEST, "{}", broken.body);
    assert_eq!(
        broken.header(axum::http::HeaderName::from_static("refresh")),
        format!("90; url=/kiosk/{CENTER}")
    );
    // A screen of the kiosk has its own reset: no header to cut a visitor short.
    let screen = app.get(&format!("/kiosk/{CENTER}/appointment"), None).await;
    assert!(screen
        .headers
        .get(axum::http::HeaderName::from_static("refresh"))
        .is_none());
}
