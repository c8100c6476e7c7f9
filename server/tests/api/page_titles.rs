//! A page's title names what staff named (the agency, a center): as text, never as
//! markup. leptos_meta writes a title into the head as it is given, so a name ending the
//! title could add a refresh to another site to every kiosk and public page.

use crate::helpers::*;
use axum::http::StatusCode;
use sqlx::PgPool;

const REDIRECT: &str = r#"<meta http-equiv="refresh" content="0;url=https://evil.example/">"#;

/// The `<head>` of `page`.
fn head(page: &str) -> &str {
    let end = page.find("</head>").expect("a head");
    &page[..end]
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn names_that_end_the_title_stay_text_in_it(pool: PgPool) {
    let hostile = format!("Works & Co</title>{REDIRECT}<title>");
    sqlx::query("update agency_settings set public_name = $1")
        .bind(&hostile)
        .execute(&pool)
        .await
        .unwrap();
    let app = spawn_app(pool).await;
    sqlx::query("update centers set name = $1 where id = $2")
        .bind(format!("Tigard</title>{REDIRECT}"))
        .bind(CENTER)
        .execute(&app.pool)
        .await
        .unwrap();

    for path in [
        format!("/kiosk/{CENTER}"),
        format!("/kiosk/{CENTER}/check-in"),
        format!("/display/{CENTER}"),
        "/book".to_owned(),
        "/workshops".to_owned(),
    ] {
        let page = app.get(&path, None).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let head = head(&page.body);
        assert!(!head.contains("<meta http-equiv"), "{path}: {head}");
        assert_eq!(head.matches("<title>").count(), 1, "{path}: {head}");
        // What the browser shows: the names as they were typed.
        assert!(head.contains("&lt;/title&gt;&lt;meta"), "{path}: {head}");
    }
    let kiosk = app.get(&format!("/kiosk/{CENTER}"), None).await;
    assert!(
        head(&kiosk.body).contains("Works &amp; Co"),
        "{}",
        head(&kiosk.body)
    );
}
