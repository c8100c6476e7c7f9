//! Text that hides itself is refused where it is typed; names are kept composed (NFC), so
//! a name typed with a combining accent finds the same appointment at the kiosk.

use super::booking_helpers::{booking_count, details_form, first_free, post_details};
use super::helpers::*;
use axum::http::StatusCode;
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_kiosk_name_of_invisible_characters_is_refused_beside_the_field(pool: PgPool) {
    let app = spawn_app(pool).await;
    for (first, last) in [("\u{200B}", "Lopez"), ("Ana", "\u{202E}zepoL")] {
        let reply = app
            .check_in_with_key(Uuid::new_v4(), answers(first, last))
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        let field = if first == "Ana" {
            "LastName"
        } else {
            "FirstName"
        };
        assert_eq!(
            reply.json()["Invalid"],
            json!([{ "field": field, "problem": { "Text": "InvisibleCharacters" } }]),
            "{first:?} {last:?}"
        );
    }
    assert_eq!(app.visit_count().await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_booking_with_a_direction_override_is_refused_and_keeps_what_was_typed(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    let form = details_form("resume_review", start, Uuid::new_v4(), 1)
        .replace("first_name=Ana1", "first_name=%E2%80%AEAna");
    let reply = post_details(&app, &form).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("This has an invisible character in it"),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("ana1@example.org"), "the rest is kept");
    assert_eq!(booking_count(&app).await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_name_typed_decomposed_is_stored_composed_and_found_at_the_kiosk(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    // "José" with e + combining acute, as some keyboards send it.
    let form = details_form("resume_review", start, Uuid::new_v4(), 7)
        .replace("first_name=Ana7", "first_name=Jose%CC%81");
    assert_eq!(
        post_details(&app, &form).await.status,
        StatusCode::SEE_OTHER
    );
    let stored: String = sqlx::query_scalar("select first_name from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, "Jos\u{e9}");
    // Today, at the kiosk, typed with the accented letter (starting now: ten minutes on
    // could already be tomorrow at the center).
    sqlx::query("update bookings set starts_at = now(), ends_at = now() + interval '30 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    let phone_last4: String = sqlx::query_scalar("select phone_last4 from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let reply = app
        .post_form(
            &format!("/kiosk/{CENTER}/appointment"),
            &format!(
                "lang=en&by=name&first_name=Jos%C3%A9&last_name=P%C3%A9rez&last4={phone_last4}"
            ),
            None,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("You are checked in"), "{}", reply.body);
}
