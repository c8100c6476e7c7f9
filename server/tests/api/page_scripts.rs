//! What a page makes a browser fetch besides itself. Pages with islands (every kiosk
//! screen, the phone's ticket, the staff queue and calendar) load the WASM and its
//! loader; every other page is HTML, a style sheet and forms, and names no script file
//! at all, so a phone opening the home page, booking or the workshops downloads no WASM.

use crate::helpers::*;
use axum::http::StatusCode;
use sqlx::PgPool;

/// Whether `page` makes the browser load the WASM (its preload and the module loading it).
fn loads_the_wasm(page: &str) -> bool {
    page.contains(r#"rel="modulepreload""#) && page.contains(".wasm")
}

fn has_islands(page: &str) -> bool {
    page.contains("<leptos-island")
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn only_pages_with_islands_load_the_wasm(pool: PgPool) {
    let app = spawn_app(pool).await;
    let staff = app.sign_in().await;
    let follow = follow_path(&app.check_in("Ana", "Pérez").await);

    let plain = [
        ("/", None),
        ("/book?lang=es", None),
        ("/workshops", None),
        ("/staff/login", None),
        ("/no-such-page", None),
        ("/staff/reports", Some(&staff)),
        ("/staff/workshops", Some(&staff)),
        ("/staff/calendar/1", Some(&staff)),
    ];
    for (path, cookie) in plain {
        let page = app.get(path, cookie.map(String::as_str)).await;
        assert!(!page.body.is_empty(), "{path}: {}", page.status);
        assert!(!has_islands(&page.body), "{path} has no island");
        assert!(!loads_the_wasm(&page.body), "{path} loads no WASM");
        assert!(
            !page.body.contains(".js\"") && !page.body.contains(r#"type="module""#),
            "{path} names no script file"
        );
    }

    let live = [
        ("/kiosk/tigard", None),
        ("/kiosk/tigard/check-in?lang=ar", None),
        ("/kiosk/tigard/workshops", None),
        (follow.as_str(), None),
        ("/staff/queue", Some(&staff)),
        ("/staff/calendar", Some(&staff)),
    ];
    for (path, cookie) in live {
        let page = app.get(path, cookie.map(String::as_str)).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert!(has_islands(&page.body), "{path} has islands");
        assert!(loads_the_wasm(&page.body), "{path} loads the WASM");
    }
}
