//! What travels is compressed: pages and server function answers in brotli or gzip, as
//! the browser accepts; a live stream never (each event must leave at once).

use super::helpers::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use sqlx::PgPool;

async fn fetch(app: &TestApp, path: &str, encodings: &str) -> axum::response::Response {
    let request = Request::get(path)
        .header(header::ACCEPT, "text/html")
        .header(header::ACCEPT_ENCODING, encodings)
        .header(header::COOKIE, &app.kiosk_cookie)
        .body(Body::empty())
        .unwrap();
    tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap()
}

fn encoding(response: &axum::response::Response) -> String {
    response
        .headers()
        .get(header::CONTENT_ENCODING)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn pages_travel_compressed_as_the_browser_accepts(pool: PgPool) {
    let app = spawn_app(pool).await;
    let plain = fetch(&app, "/kiosk/tigard", "identity").await;
    assert_eq!(encoding(&plain), "");
    let plain = plain.into_body().collect().await.unwrap().to_bytes();

    let br = fetch(&app, "/kiosk/tigard", "gzip, deflate, br").await;
    assert_eq!(br.status(), StatusCode::OK);
    assert_eq!(encoding(&br), "br");
    let vary = br.headers().get_all(header::VARY);
    assert!(
        vary.iter().any(|v| v
            .to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")),
        "a shared cache keeps one copy per encoding"
    );
    assert_eq!(
        br.headers().get(header::CACHE_CONTROL).unwrap(),
        "no-store",
        "a kiosk page is still never kept"
    );
    let compressed = br.into_body().collect().await.unwrap().to_bytes();
    assert!(
        compressed.len() * 3 < plain.len(),
        "{} bytes of brotli for {} of HTML",
        compressed.len(),
        plain.len()
    );

    let gzip = fetch(&app, "/book?lang=es", "gzip").await;
    assert_eq!(encoding(&gzip), "gzip");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_live_stream_is_never_compressed(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let stream = fetch(&app, &format!("{path}/events"), "gzip, br").await;
    assert_eq!(stream.status(), StatusCode::OK);
    assert_eq!(encoding(&stream), "", "each event leaves as it is sent");
    let mut body = stream.into_body().into_data_stream();
    let first = next_event(&mut body).await.unwrap();
    assert!(first.contains("You are next in line."), "{first}");
}
