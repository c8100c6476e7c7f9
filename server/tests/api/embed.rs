//! `/embed/workshops`: the list a partner puts in an iframe. Any site may frame it (and
//! no other page); it is in every visitors' language, holds no form and no script, and
//! each session leads to its enrolment page here in a new tab.

use super::helpers::*;
use super::workshops::session;
use axum::http::{header, StatusCode};
use chrono::Duration;
use sqlx::PgPool;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn any_site_may_frame_the_list_in_any_visitors_language(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 3, Duration::days(2)).await;
    for locale in app::i18n::Locale::ALL {
        let tag = locale.tag();
        let page = app
            .get(
                &format!("/embed/workshops?center={CENTER}&lang={tag}"),
                None,
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{tag}");
        assert!(
            page.body
                .contains(&format!("lang=\"{tag}\" dir=\"{}\"", locale.dir())),
            "{tag}"
        );
        assert_eq!(page.header(header::CACHE_CONTROL), "public, max-age=60");
        let policy = page.header(header::CONTENT_SECURITY_POLICY);
        assert!(policy.contains("frame-ancestors *"), "{policy}");
        assert!(page.header(header::X_FRAME_OPTIONS).is_empty());
        let t = app::i18n::translations(locale);
        assert!(page.body.contains(&t.workshops.new_tab), "{tag}");
        let link = format!("href=\"/workshops/{id}?lang={tag}&amp;tz=");
        assert!(page.body.contains(&link), "{tag}: {}", page.body);
        assert!(page.body.contains("target=\"_blank\" rel=\"noopener\""));
        // Nothing to post, nothing to run.
        assert!(!page.body.contains("<form"), "{tag}");
        assert!(!page.body.contains(".wasm"), "{tag}");
    }
    // The pages behind it may not be framed.
    let session_page = app.get(&format!("/workshops/{id}"), None).await;
    assert!(session_page
        .header(header::CONTENT_SECURITY_POLICY)
        .contains("frame-ancestors 'none'"));
    assert_eq!(session_page.header(header::X_FRAME_OPTIONS), "DENY");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_unknown_center_shows_the_whole_agency_and_another_centers_sessions_stay_out(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let here = session(&app.pool, 3, Duration::days(2)).await;
    let elsewhere = session(&app.pool, 3, Duration::days(3)).await;
    sqlx::query("update workshop_sessions set center_id = (select id from centers where id <> $1 limit 1), title = 'Elsewhere' where id = $2")
        .bind(CENTER)
        .bind(elsewhere)
        .execute(&app.pool)
        .await
        .unwrap();
    let at_center = app
        .get(&format!("/embed/workshops?center={CENTER}&lang=en"), None)
        .await;
    assert!(at_center.body.contains(&format!("/workshops/{here}?")));
    assert!(!at_center.body.contains(&format!("/workshops/{elsewhere}?")));
    let unknown = app
        .get("/embed/workshops?center=%3Cscript%3E&lang=en", None)
        .await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert!(unknown.body.contains(&format!("/workshops/{here}?")));
    assert!(unknown.body.contains(&format!("/workshops/{elsewhere}?")));
    // The typed value is not echoed, raw or escaped, and no script file is loaded.
    for echoed in ["<script>", "&lt;script&gt;", "%3Cscript"] {
        assert!(!unknown.body.contains(echoed), "{echoed}");
    }
    assert!(!unknown.body.contains("<script src"), "no script file");
}
