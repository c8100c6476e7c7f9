//! Kiosks are devices: only a tablet paired with a center by a manager's one-time code
//! reaches that center's kiosk pages and endpoints. Everyone else, a paired tablet of
//! another center included, gets 403; a revoked tablet is "not set up" at its next tap;
//! a paired tablet guessing appointments is cut off after its limit.

use super::booking_helpers::booking_today;
use super::helpers::*;
use super::workshops::session;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::Duration;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

/// Every kiosk page and endpoint of `center`, as (method, path, body).
fn kiosk_requests(center: &str, workshop: i64) -> Vec<(&'static str, String, String)> {
    let check_in = json!({
        "center_id": center, "language": "en", "key": Uuid::new_v4(), "answers": answers("Eve", "X")
    });
    vec![
        ("GET", format!("/kiosk/{center}"), String::new()),
        ("GET", format!("/kiosk/{center}/check-in"), String::new()),
        ("GET", format!("/kiosk/{center}/appointment"), String::new()),
        ("GET", format!("/kiosk/{center}/workshops"), String::new()),
        (
            "GET",
            format!("/kiosk/{center}/workshops/{workshop}"),
            String::new(),
        ),
        (
            "POST",
            format!("/kiosk/{center}/appointment"),
            "lang=en&by=name&first_name=Ana&last_name=Perez&last4=0142".to_owned(),
        ),
        (
            "POST",
            format!("/kiosk/{center}/workshops/{workshop}"),
            "lang=en&first_name=Eve&last_name=X&contact=eve%40example.org".to_owned(),
        ),
        (
            "JSON",
            "/api/kiosk/check-in".to_owned(),
            check_in.to_string(),
        ),
        (
            "POST",
            "/api/kiosk/settings".to_owned(),
            format!("id={center}"),
        ),
    ]
}

async fn send_as(
    app: &TestApp,
    method: &str,
    path: &str,
    body: &str,
    cookie: Option<&str>,
) -> Reply {
    let (method, content_type) = match method {
        "GET" => ("GET", "text/plain"),
        "JSON" => ("POST", "application/json"),
        _ => ("POST", "application/x-www-form-urlencoded"),
    };
    // Server functions are called by scripts, pages by browsers.
    let accept = if path.starts_with("/api/") {
        "application/json"
    } else {
        "text/html"
    };
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::ACCEPT, accept);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.send(request.body(Body::from(body.to_owned())).unwrap())
        .await
}

async fn changes(app: &TestApp) -> (i64, i64, String) {
    let visits: i64 = sqlx::query_scalar("select count(*) from visits")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let enrolments: i64 = sqlx::query_scalar("select count(*) from workshop_enrolments")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let booking: String = sqlx::query_scalar("select status from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    (visits, enrolments, booking)
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_browser_that_is_not_this_centers_tablet_gets_403_everywhere(pool: PgPool) {
    let app = spawn_app(pool).await;
    let workshop = session(&app.pool, 5, Duration::days(1)).await;
    booking_today(&app, "Ana", "Perez", "5035550142", "K7PQ4X9M").await;
    let gresham = pair_tablet(&app.pool, "gresham").await;
    let before = changes(&app).await;
    for (who, cookie) in [
        ("no cookie", None),
        ("a made-up cookie", Some("frontdesk_kiosk=0123456789abcdef")),
        ("Gresham's tablet", Some(gresham.as_str())),
    ] {
        for (method, path, body) in kiosk_requests(CENTER, workshop) {
            let reply = send_as(&app, method, &path, &body, cookie).await;
            assert_eq!(
                reply.status,
                StatusCode::FORBIDDEN,
                "{who}: {method} {path}"
            );
            if method != "JSON" && path.starts_with("/kiosk/") {
                assert!(
                    reply.body.contains("This tablet is not set up as a kiosk"),
                    "{who}: {path}: {}",
                    reply.body
                );
            }
        }
    }
    assert_eq!(changes(&app).await, before, "nothing was done");
    // Gresham's tablet is told where it belongs.
    let reply = send_as(&app, "GET", "/kiosk/tigard", "", Some(&gresham)).await;
    assert!(
        reply.body.contains("This tablet is the kiosk of Gresham."),
        "{}",
        reply.body
    );
    // Its own center answers it.
    let own = send_as(&app, "GET", "/kiosk/gresham", "", Some(&gresham)).await;
    assert_eq!(own.status, StatusCode::OK);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_manager_pairs_a_tablet_with_a_one_time_code_and_revokes_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mia Manager", "manager")
        .await;
    let made = app
        .post_form(
            "/staff/kiosks",
            "lang=en&center=tigard&name=Entrance%2C+left",
            Some(&manager),
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let code = pairing_code_in(&made.body);
    assert_eq!(code.len(), 9, "{code}");
    let stored: i64 = sqlx::query_scalar(
        "select count(*) from kiosk_pairing_codes where code_hash = sha256($1::bytea)",
    )
    .bind(code.replace('-', "").as_bytes())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(stored, 1, "only the code's hash is stored");

    // The tablet types it (in small letters, with a space).
    let typed = code.to_lowercase().replace('-', " ");
    let paired = send_as(
        &app,
        "POST",
        "/kiosk/pair",
        &format!("lang=es&code={}", typed.replace(' ', "+")),
        None,
    )
    .await;
    assert_eq!(paired.status, StatusCode::SEE_OTHER, "{}", paired.body);
    assert_eq!(paired.header(header::LOCATION), "/kiosk/tigard?lang=es");
    let set_cookie = paired.header(header::SET_COOKIE);
    assert!(set_cookie.starts_with("frontdesk_kiosk="), "{set_cookie}");
    assert!(set_cookie.contains("HttpOnly") && set_cookie.contains("SameSite=Strict"));
    let tablet = set_cookie.split(';').next().unwrap().to_owned();
    let welcome = send_as(&app, "GET", "/kiosk/tigard?lang=es", "", Some(&tablet)).await;
    assert_eq!(welcome.status, StatusCode::OK);

    // The code worked once.
    let again = send_as(
        &app,
        "POST",
        "/kiosk/pair",
        &format!("lang=en&code={code}"),
        None,
    )
    .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(again.body.contains("That code does not work"));
    assert!(
        again.body.contains(&format!("value=\"{code}\"")),
        "the code typed is kept"
    );

    // The manager sees it, names and all, and revokes it.
    let list = app.get("/staff/kiosks?lang=en", Some(&manager)).await;
    assert!(list.body.contains("Entrance, left"));
    let id: i64 = sqlx::query_scalar("select id from kiosk_devices where name = 'Entrance, left'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let revoked = app
        .post_form(
            &format!("/staff/kiosks/{id}/revoke"),
            "lang=en",
            Some(&manager),
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let gone = send_as(&app, "GET", "/kiosk/tigard?lang=es", "", Some(&tablet)).await;
    assert_eq!(gone.status, StatusCode::FORBIDDEN);
    assert!(
        gone.body
            .contains("Esta tableta no está configurada como quiosco"),
        "{}",
        gone.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn made_up_codes_are_refused_and_guessing_them_is_cut_off(pool: PgPool) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let mut refused = 0;
    let mut limited = 0;
    for n in 0..20 {
        let reply = send_as(
            &app,
            "POST",
            "/kiosk/pair",
            &format!("lang=en&code=K7M4P9Q{}", n % 9 + 2),
            None,
        )
        .await;
        match reply.status {
            StatusCode::UNPROCESSABLE_ENTITY => refused += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                assert!(!reply.header(header::RETRY_AFTER).is_empty());
                limited += 1
            }
            other => panic!("{other}"),
        }
    }
    let burst = app::domain::limits::Limited::KioskPairing.quota().burst;
    assert_eq!(refused, burst);
    assert_eq!(limited, 20 - burst);
    let devices: i64 = sqlx::query_scalar("select count(*) from kiosk_devices")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(devices, 1, "only the test's own tablet");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn ten_thousand_appointment_guesses_from_one_tablet_are_cut_off_after_the_limit(
    pool: PgPool,
) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    booking_today(&app, "Ana", "Perez", "5035550142", "K7PQ4X9M").await;
    let path = format!("/kiosk/{CENTER}/appointment");
    let started = std::time::Instant::now();
    let mut answered = 0;
    let mut refused = 0;
    // Every wrong guess, 200 at once; which of each 200 reach the limiter first is not
    // known, so the right one is sent on its own, as soon as the first 200 have spent the
    // burst (the next guess allowed is one period after the first).
    let wrong: Vec<u32> = (0..10_000).filter(|guess| *guess != 142).collect();
    for (index, chunk) in wrong.chunks(200).enumerate() {
        let replies = futures::future::join_all(chunk.iter().map(|guess| {
            let (app, path) = (&app, &path);
            async move {
                let form =
                    format!("lang=en&by=name&first_name=Ana&last_name=Perez&last4={guess:04}");
                app.post_form(path, &form, None).await
            }
        }))
        .await;
        for reply in replies {
            if reply.status == StatusCode::TOO_MANY_REQUESTS {
                assert!(
                    reply.body.contains("Too many attempts"),
                    "a translated page"
                );
                assert!(
                    reply.body.contains("value=\"Ana\""),
                    "what was typed is kept"
                );
                refused += 1;
            } else {
                answered += 1;
            }
        }
        if index == 0 {
            let form = "lang=en&by=name&first_name=Ana&last_name=Perez&last4=0142";
            let right = app.post_form(&path, form, None).await;
            assert_eq!(
                right.status,
                StatusCode::TOO_MANY_REQUESTS,
                "{}",
                right.body
            );
            assert!(
                !right.body.contains("Perez, your"),
                "nothing of the booking shown"
            );
            refused += 1;
        }
    }
    // The burst, and one more for each period that passed while guessing.
    let quota = app::domain::limits::Limited::KioskArrival.quota();
    let refilled = started.elapsed().as_secs() / quota.period_seconds + 1;
    assert!(
        answered as u64 <= u64::from(quota.burst) + refilled,
        "{answered} guesses were answered in {:?}",
        started.elapsed()
    );
    assert_eq!(answered + refused, 10_000);
    let status: String = sqlx::query_scalar("select status from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "booked", "0142 was never reached");
}
