//! The lobby's "now serving" display: only for a screen paired with its center, never a
//! name, each call announced in the called visitor's own language.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn only_a_screen_paired_with_the_center_sees_its_board(pool: PgPool) {
    let app = spawn_app(pool).await;
    for path in ["/display/tigard", "/display/tigard/events"] {
        let stranger = Request::get(path)
            .header(header::ACCEPT, "text/html")
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            app.send(stranger).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    // Tigard's tablet is not Gresham's screen.
    let elsewhere = app.get("/display/gresham", None).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    let events = app.get("/display/gresham/events", None).await;
    assert_eq!(events.status, StatusCode::FORBIDDEN);

    let board = app.get("/display/tigard", None).await;
    assert_eq!(board.status, StatusCode::OK);
    assert!(board.body.contains("Now serving"));
    assert!(board.body.contains("No one is being called right now."));
    assert_eq!(board.header(header::CACHE_CONTROL), "no-store");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_call_shows_its_ticket_and_desk_and_is_said_in_the_visitors_language(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.check_in("Anabel", "Zapata").await;
    app.check_in("Bartholomew", "Yates").await;
    sqlx::query("update visits set language = 'es' where first_name = 'Bartholomew'")
        .execute(&app.pool)
        .await
        .unwrap();
    let cookie = app.sign_in().await;
    app.post_form(
        "/staff/queue/desk",
        "center_id=tigard&desk=3",
        Some(&cookie),
    )
    .await;
    app.post_form("/staff/queue/call-next", "center_id=tigard", Some(&cookie))
        .await;

    let board = app.get("/display/tigard", None).await;
    assert!(
        board.body.contains("A-001") && board.body.contains("Desk 3"),
        "{}",
        board.body
    );
    assert!(!board.body.contains("Anabel") && !board.body.contains("Zapata"));
    assert!(board
        .body
        .contains(r#"data-speak="Ticket A, 0, 0, 1, please go to desk 3.""#));
    assert!(board.body.contains(r#"data-speak-lang="en""#));

    app.post_form("/staff/queue/call-next", "center_id=tigard", Some(&cookie))
        .await;
    let board = app.get("/display/tigard", None).await;
    // The newest call is said, in Spanish; the first is still listed.
    assert!(board.body.contains("A, 0, 0, 2, "), "{}", board.body);
    assert!(
        !board.body.contains(r#"data-speak="Ticket A, 0, 0, 2"#),
        "said in Spanish"
    );
    assert!(
        board.body.contains(r#"data-speak-lang="es""#),
        "{}",
        board.body
    );
    assert!(board.body.contains("A-001"));
    assert!(!board.body.contains("Bartholomew") && !board.body.contains("Yates"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_board_stream_sends_each_new_call(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.check_in("Anabel", "Zapata").await;
    let request = Request::get("/display/tigard/events")
        .header(header::COOKIE, &app.kiosk_cookie)
        .body(Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let mut body = response.into_body().into_data_stream();
    let first = next_event(&mut body).await.unwrap();
    assert!(first.contains("No one is being called right now."));
    let cookie = app.sign_in().await;
    app.post_form("/staff/queue/call-next", "center_id=tigard", Some(&cookie))
        .await;
    app.state.queue_changes.send(CENTER.to_owned()).unwrap();
    let called = next_event(&mut body).await.unwrap();
    assert!(
        called.contains("A-001") && called.contains("Front desk"),
        "{called}"
    );
    assert!(!called.contains("Anabel"));
}
