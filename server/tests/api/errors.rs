//! The one error a person is answered with (`AppError`): the right status, a message in
//! their language, and never the cause.

use crate::booking_helpers::{book, first_free};
use crate::helpers::*;
use app::error::AppError;
use axum::http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_server_function_refusal_is_an_app_error_with_its_status(pool: PgPool) {
    let app = spawn_app(pool).await;
    let reply = app
        .server_fn("/api/staff/queue/page", "center=tigard", None)
        .await;
    assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    let error: AppError = serde_json::from_str(&reply.body)
        .unwrap_or_else(|e| panic!("{e}: not an AppError: {}", reply.body));
    assert_eq!(error, AppError::SignedOut);

    let token = app
        .sign_in_with_role("desk@frontdesk.test", "Desk", "front_desk")
        .await;
    let reply = app.server_fn("/api/staff/accounts", "", Some(&token)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        serde_json::from_str::<AppError>(&reply.body).unwrap(),
        AppError::Forbidden
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_failed_database_gives_a_503_page_in_the_persons_language_and_not_the_cause(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "career_coaching").await;
    let token = book(&app, "career_coaching", start, 1).await;
    // The database goes away between the page and the press of Cancel.
    app.pool.close().await;
    let reply = app
        .post_form(&format!("/book/manage/{token}/cancel"), "lang=es", None)
        .await;
    assert_eq!(reply.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        reply.body.contains("no se guardó nada"),
        "told in Spanish that nothing was saved: {}",
        reply.body
    );
    assert!(reply.body.contains("lang=\"es\""));
    for cause in ["pool", "sqlx", "closed", "database"] {
        assert!(!reply.body.to_lowercase().contains(cause), "{}", reply.body);
    }
    let server_fn = app.server_fn("/api/centers/list", "", None).await;
    assert_eq!(server_fn.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(
        serde_json::from_str::<AppError>(&server_fn.body).unwrap(),
        AppError::Unavailable
    );
}
