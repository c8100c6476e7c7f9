//! Staff sign-in, sessions, and refusal of everything staff-only without one.

use crate::helpers::*;
use axum::http::{header, StatusCode};
use sqlx::PgPool;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_pages_stream_and_server_functions_refuse_strangers(pool: PgPool) {
    let app = spawn_app(pool).await;
    let page = app.get("/staff/queue", None).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.header(header::LOCATION), "/staff/login");
    let stream = app.get("/staff/queue/events?center=tigard", None).await;
    assert_eq!(stream.status, StatusCode::UNAUTHORIZED);
    let forged = app
        .get("/staff/queue", Some("frontdesk_session=0123456789abcdef"))
        .await;
    assert_eq!(forged.status, StatusCode::SEE_OTHER);

    app.check_in("Ana", "Lopez").await;
    for (path, form) in [
        ("/api/staff/queue/call-next", "center_id=tigard"),
        (
            "/api/staff/queue/act",
            "center_id=tigard&visit_id=1&action=call",
        ),
    ] {
        let reply = app.post_form(path, form, None).await;
        assert_ne!(reply.status, StatusCode::OK, "{path} must refuse");
        assert!(!reply.status.is_success(), "{path}: {}", reply.status);
    }
    let json = app
        .send(
            axum::http::Request::post("/api/staff/queue/page")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header(header::ACCEPT, "application/json")
                .body(axum::body::Body::from("center=tigard"))
                .unwrap(),
        )
        .await;
    assert_eq!(json.status, StatusCode::UNAUTHORIZED);
    assert!(!json.body.contains("Ana"));
    let status: String = sqlx::query_scalar("select status from visits")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "waiting", "nothing was changed by a stranger");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_wrong_password_is_refused_with_a_message(pool: PgPool) {
    let app = spawn_app(pool).await;
    let reply = app
        .post_form(
            "/api/staff/sign-in",
            "email=coach%40frontdesk.test&password=wrong",
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::FOUND);
    assert_eq!(reply.header(header::LOCATION), "/staff/login?failed=1");
    assert_eq!(reply.header(header::SET_COOKIE), "");
    let form = app.get("/staff/login?failed=1", None).await;
    assert!(form.body.contains("That email and password do not match"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn signed_in_staff_see_the_queue_and_sign_out_ends_the_session(pool: PgPool) {
    let app = spawn_app(pool).await;
    let reply = app
        .post_form(
            "/api/staff/sign-in",
            &format!(
                "email=COACH%40frontdesk.test&password={}",
                STAFF_PASSWORD.replace(' ', "+")
            ),
            None,
        )
        .await;
    let set_cookie = reply.header(header::SET_COOKIE);
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Lax"),
        "{set_cookie}"
    );
    assert_eq!(reply.header(header::LOCATION), "/staff/queue");
    let cookie = set_cookie.split(';').next().unwrap().to_owned();

    app.check_in("María", "García").await;
    let page = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert_eq!(page.header(header::CACHE_CONTROL), "no-store");
    assert!(page.body.contains("A-001"));
    assert!(
        page.body.contains("María G."),
        "first name and last initial"
    );
    assert!(!page.body.contains("García"), "never the full last name");
    assert!(page.body.contains("Signed in as Casey Coach"));

    let out = app
        .post_form("/api/staff/sign-out", "", Some(&cookie))
        .await;
    assert_eq!(out.header(header::LOCATION), "/staff/login");
    assert_eq!(
        app.get("/staff/queue", Some(&cookie)).await.status,
        StatusCode::SEE_OTHER
    );
}
