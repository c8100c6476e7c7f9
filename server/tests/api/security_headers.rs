//! Security headers on every page of the route list, nonces that match, and cross-site
//! posts refused before any handler runs.

use super::booking_helpers::{booking_count, details_form, first_free};
use super::helpers::*;
use app::app::App;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;
use uuid::Uuid;

/// A path of the route list with its parameters filled in.
fn concrete(path: &str) -> String {
    path.split('/')
        .map(|part| match part {
            "{center}" | ":center" => "tigard",
            "{id}" | ":id" => "1",
            "{token}" | ":token" => "not-a-real-token",
            other => other,
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The `nonce-…` value a Content-Security-Policy names for scripts.
fn script_nonce(policy: &str) -> Option<String> {
    let scripts = policy
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))?;
    scripts
        .split_whitespace()
        .find_map(|source| source.strip_prefix("'nonce-")?.strip_suffix('\''))
        .map(str::to_owned)
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn every_page_carries_the_security_headers_and_its_own_nonce_on_every_script(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = app
        .sign_in_with_role("admin@roles.test", "Admin", "admin")
        .await;
    let mut paths: Vec<String> = leptos_axum::generate_route_list(App)
        .iter()
        .map(|route| concrete(route.path()))
        .collect();
    paths.extend(["/no/such/page".to_owned(), "/book?lang=es".to_owned()]);
    paths.sort();
    paths.dedup();
    assert!(paths.len() > 25, "the route list: {paths:?}");
    let mut nonces = Vec::new();
    for path in &paths {
        for cookie in [None, Some(admin.as_str())] {
            let reply = app.get(path, cookie).await;
            let what = format!(
                "{path} ({})",
                if cookie.is_some() {
                    "staff"
                } else {
                    "anonymous"
                }
            );
            assert_eq!(
                reply.header(header::X_CONTENT_TYPE_OPTIONS),
                "nosniff",
                "{what}"
            );
            assert_eq!(
                reply.header(header::REFERRER_POLICY),
                "no-referrer",
                "{what}"
            );
            let policy = reply.header(header::CONTENT_SECURITY_POLICY);
            if path.starts_with("/embed/") {
                // Made for partners' pages: any site may frame it.
                assert!(policy.contains("frame-ancestors *"), "{what}: {policy}");
                assert!(reply.header(header::X_FRAME_OPTIONS).is_empty(), "{what}");
            } else {
                assert!(
                    policy.contains("frame-ancestors 'none'"),
                    "{what}: {policy}"
                );
                assert_eq!(reply.header(header::X_FRAME_OPTIONS), "DENY", "{what}");
            }
            assert!(
                !policy.contains("'unsafe-inline' 'wasm"),
                "{what}: {policy}"
            );
            assert!(
                reply.header(header::STRICT_TRANSPORT_SECURITY).is_empty(),
                "no HSTS over plain http: {what}"
            );
            if !reply.header(header::CONTENT_TYPE).starts_with("text/html") {
                continue;
            }
            let nonce = script_nonce(&policy).unwrap_or_else(|| panic!("{what}: {policy}"));
            assert!(nonce.len() >= 22, "{what}: a nonce of 128 bits");
            // Every script of the page, inline or not, carries this response's nonce.
            let signature = format!("nonce=\"{nonce}\"");
            let tags: Vec<&str> = reply
                .body
                .split("<script")
                .skip(1)
                .map(|rest| rest.split('>').next().unwrap_or_default())
                .collect();
            assert!(
                !tags.is_empty(),
                "{what}: a page without its hydration script"
            );
            let unsigned: Vec<&&str> = tags.iter().filter(|t| !t.contains(&signature)).collect();
            assert!(
                unsigned.is_empty(),
                "{what}: scripts without the nonce: {unsigned:?}"
            );
            nonces.push(nonce);
        }
    }
    let count = nonces.len();
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), count, "a fresh nonce for every response");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_form_page_rendered_by_a_post_names_the_nonce_of_its_own_response(pool: PgPool) {
    let app = spawn_app(pool).await;
    // A refused booking form is rendered again by the form handler, outside Leptos's
    // routes: its scripts must carry the nonce the header names.
    let start = first_free(&app, "resume_review").await;
    let form = details_form("resume_review", start, Uuid::new_v4(), 1)
        .replace("first_name=Ana1", "first_name=");
    let reply = post_details_from(&app, &form, &[]).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    let nonce = script_nonce(&reply.header(header::CONTENT_SECURITY_POLICY)).unwrap();
    assert!(
        reply.body.contains(&format!("nonce=\"{nonce}\"")),
        "{}",
        reply.body
    );
}

async fn post_details_from(app: &TestApp, form: &str, extra: &[(&str, &str)]) -> Reply {
    let mut request = Request::post("/book/details")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "text/html")
        .header(header::HOST, "frontdesk.test");
    for (name, value) in extra {
        request = request.header(*name, *value);
    }
    app.send(request.body(Body::from(form.to_owned())).unwrap())
        .await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_post_from_another_site_is_refused_and_books_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    let form = details_form("resume_review", start, Uuid::new_v4(), 1);
    for headers in [
        vec![
            ("sec-fetch-site", "cross-site"),
            ("origin", "https://evil.example"),
        ],
        vec![("origin", "https://evil.example")],
        vec![("origin", "null")],
    ] {
        let reply = post_details_from(&app, &form, &headers).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{headers:?}");
    }
    assert_eq!(booking_count(&app).await, 0);
    // The same form from this site's own page books.
    let reply = post_details_from(
        &app,
        &form,
        &[
            ("sec-fetch-site", "same-origin"),
            ("origin", "http://frontdesk.test"),
        ],
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(booking_count(&app).await, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_cookies_are_strict_and_http_only(pool: PgPool) {
    let app = spawn_app(pool).await;
    let form = format!(
        "email={}&password={}",
        STAFF_EMAIL.replace('@', "%40"),
        STAFF_PASSWORD.replace(' ', "+")
    );
    let reply = app.post_form("/staff/login", &form, None).await;
    let cookie = reply.header(header::SET_COOKIE);
    assert!(cookie.starts_with("frontdesk_session="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    assert_eq!(
        app::api::auth::session_cookie("t", true),
        format!(
            "__Host-frontdesk_session=t; Path=/; HttpOnly; SameSite=Strict; Max-Age={}; Secure",
            app::domain::staff_access::SESSION_HOURS * 3600
        )
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn big_bodies_and_odd_paths_are_refused_before_any_handler(pool: PgPool) {
    let app = spawn_app(pool).await;
    let big = "x".repeat(server::router::BODY_LIMIT_BYTES + 1);
    for path in [
        "/api/centers/list",
        "/api/staff/queue/page",
        "/book/details",
    ] {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::CONTENT_LENGTH, big.len())
            .body(Body::from(big.clone()))
            .unwrap();
        assert_eq!(
            app.send(request).await.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{path}"
        );
        // Sent without a length, the body is cut off at the limit and refused all the same.
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(big.clone()))
            .unwrap();
        assert!(!app.send(request).await.status.is_success(), "{path}");
    }
    // Dot segments would reach a page the kiosk gate did not recognise.
    for path in [
        "/x/../kiosk/tigard",
        "/kiosk/tigard/../gresham",
        "/kiosk/%2e%2e/staff/queue",
    ] {
        let reply = app
            .send(Request::get(path).body(Body::empty()).unwrap())
            .await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{path}");
    }
}
