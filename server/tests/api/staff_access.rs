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
        ("/staff/queue/call-next", "center_id=tigard"),
        (
            "/staff/queue/act",
            "center_id=tigard&visit_id=1&action=call",
        ),
    ] {
        let reply = app.post_form(path, form, None).await;
        assert_ne!(reply.status, StatusCode::OK, "{path} must refuse");
        assert!(!reply.status.is_success(), "{path}: {}", reply.status);
    }
    let json = app
        .server_fn("/api/staff/queue/page", "center=tigard", None)
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
            "/staff/login",
            "email=coach%40frontdesk.test&password=wrong",
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    assert_eq!(reply.header(header::SET_COOKIE), "");
    assert!(reply.body.contains("That email and password do not match"));
    assert!(
        reply.body.contains("value=\"coach@frontdesk.test\""),
        "the email is kept"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn signed_in_staff_see_the_queue_and_sign_out_ends_the_session(pool: PgPool) {
    let app = spawn_app(pool).await;
    let reply = app
        .post_form(
            "/staff/login",
            &format!(
                "email=COACH%40frontdesk.test&password={}",
                STAFF_PASSWORD.replace(' ', "+")
            ),
            None,
        )
        .await;
    let set_cookie = reply.header(header::SET_COOKIE);
    assert!(
        set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"),
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

    let out = app.post_form("/staff/sign-out", "", Some(&cookie)).await;
    assert_eq!(out.header(header::LOCATION), "/staff/login");
    assert_eq!(
        app.get("/staff/queue", Some(&cookie)).await.status,
        StatusCode::SEE_OTHER
    );
}

async fn age_sessions(app: &TestApp, idle: &str, age: &str) {
    sqlx::query(
        "update staff_sessions set last_seen_at = now() - $1::interval, created_at = now() - $2::interval",
    )
    .bind(idle)
    .bind(age)
    .execute(&app.pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_session_ends_after_fifteen_idle_minutes_or_ten_hours(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;

    // Used 14 minutes ago: still on, and this request counts as use.
    age_sessions(&app, "14 minutes", "1 hour").await;
    let page = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert_eq!(page.status, StatusCode::OK);
    let idle: f64 = sqlx::query_scalar(
        "select extract(epoch from now() - last_seen_at)::float8 from staff_sessions",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(idle < 60.0, "last use moved to now, was {idle} s ago");

    // Fifteen idle minutes: signed out, and the session is gone.
    age_sessions(&app, "15 minutes 1 second", "1 hour").await;
    let page = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert_eq!(page.header(header::LOCATION), "/staff/login");
    let left: i64 = sqlx::query_scalar("select count(*) from staff_sessions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(left, 0);

    // Busy all day: ten hours end it all the same.
    let cookie = app.sign_in().await;
    age_sessions(&app, "1 minute", "10 hours 1 second").await;
    let page = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert_eq!(page.header(header::LOCATION), "/staff/login");
}

/// A sign-in form post from `address`, as the server sees the connection.
async fn sign_in_from(app: &TestApp, password: &str, address: [u8; 4]) -> crate::helpers::Reply {
    let mut request = axum::http::Request::post("/staff/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .body(axum::body::Body::from(format!(
            "email={}&password={}",
            STAFF_EMAIL.replace('@', "%40"),
            password.replace(' ', "+")
        )))
        .unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            address, 50_000,
        ))));
    app.send(request).await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn five_failed_sign_ins_slow_that_account_and_address_down(pool: PgPool) {
    let app = spawn_app(pool).await;
    let guesser = [203, 0, 113, 9];
    for _ in 0..5 {
        let reply = sign_in_from(&app, "guess", guesser).await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    // Now even the right password must wait, and nothing says whether it was right.
    let reply = sign_in_from(&app, STAFF_PASSWORD, guesser).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    let seconds: i64 = reply.header(header::RETRY_AFTER).parse().unwrap();
    assert!((1..=30).contains(&seconds), "{seconds}");
    assert_eq!(reply.header(header::SET_COOKIE), "");
    assert!(reply.body.contains("Too many attempts."), "{}", reply.body);

    // The same account from the desk's own address is not held up.
    let reply = sign_in_from(&app, STAFF_PASSWORD, [192, 0, 2, 10]).await;
    assert_eq!(reply.header(header::LOCATION), "/staff/queue");

    // Once the wait has passed, the right password works and wipes the slate.
    sqlx::query("update sign_in_attempts set latest_at = latest_at - interval '31 seconds'")
        .execute(&app.pool)
        .await
        .unwrap();
    let reply = sign_in_from(&app, STAFF_PASSWORD, guesser).await;
    assert_eq!(reply.header(header::LOCATION), "/staff/queue");
    let failures: i64 = sqlx::query_scalar("select count(*) from sign_in_attempts")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(failures, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn fifty_parallel_wrong_passwords_for_one_account_are_checked_at_most_five_times(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let before = app.state.hashing.started();
    let replies = futures::future::join_all((0..50).map(|n| {
        let app = &app;
        async move { sign_in_from(app, &format!("guess number {n}"), [203, 0, 113, 50]).await }
    }))
    .await;
    let checked = app.state.hashing.started() - before;
    let refused_unchecked = replies
        .iter()
        .filter(|r| r.status == StatusCode::TOO_MANY_REQUESTS)
        .count();
    let wrong = replies
        .iter()
        .filter(|r| r.status == StatusCode::UNAUTHORIZED)
        .count();
    assert_eq!(wrong + refused_unchecked, 50);
    assert!(checked <= 5, "{checked} passwords were checked");
    assert_eq!(wrong as u64, checked);
    assert!(app.state.hashing.peak() <= app.state.hashing.permits());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn made_up_password_links_cost_no_hashing_and_sign_ins_never_exceed_the_hashing_slots(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let form = "password=a+long+enough+password&repeat=a+long+enough+password";
    let replies = futures::future::join_all((0..300).map(|n| {
        let app = &app;
        async move {
            app.post_form(&format!("/staff/password/bogus-{n}"), form, None)
                .await
        }
    }))
    .await;
    assert!(replies.iter().all(|r| r.status == StatusCode::SEE_OTHER));
    assert_eq!(app.state.hashing.started(), 0, "no link, no hash");

    // Wrong passwords from sixty addresses are each checked, but never more at once than
    // there are hashing slots.
    let replies = futures::future::join_all(
        (0..60u8).map(|n| sign_in_from(&app, "whatever it is", [198, 51, 100, n])),
    )
    .await;
    assert!(replies.iter().all(|r| r.status == StatusCode::UNAUTHORIZED));
    assert_eq!(app.state.hashing.started(), 60);
    assert!(
        app.state.hashing.peak() <= app.state.hashing.permits(),
        "{} hashes at once with {} slots",
        app.state.hashing.peak(),
        app.state.hashing.permits()
    );
}
