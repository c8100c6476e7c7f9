//! "I have an appointment" at the kiosk: by code or by name and phone, into the staff
//! queue ahead of walk-ins.

use super::booking_helpers::booking_today;
use super::helpers::{spawn_app, ticket_number, CENTER};
use axum::http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn arrival_by_code_joins_the_queue_ahead_of_walk_ins(pool: PgPool) {
    let app = spawn_app(pool).await;
    let walk_in = app.check_in("Wally", "Walker").await;
    booking_today(&app, "Ana", "Pérez", "5035550142", "K7PQ4X9M").await;

    let path = format!("/kiosk/{CENTER}/appointment");
    let reply = app
        .post_form(&path, "lang=en&by=code&code=k7pq-4x9m", None)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert!(reply.body.contains("Thank you, Ana. You are checked in."));
    assert!(reply.body.contains("B-002"));
    assert!(
        reply.body.contains("You are next"),
        "appointments go before walk-ins"
    );

    let status: String = sqlx::query_scalar("select status from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "arrived");

    let center = app::db::centers::find_center(&app.pool, CENTER)
        .await
        .unwrap()
        .unwrap();
    let queue = app::db::queue::open_queue(&app.pool, &center, chrono::Utc::now())
        .await
        .unwrap();
    let tickets: Vec<&str> = queue.entries.iter().map(|e| e.ticket.as_str()).collect();
    assert_eq!(tickets, vec!["B-002", ticket_number(&walk_in).as_str()]);
    assert!(queue.entries[0].appointment_at.is_some());

    // A second tap (or a second kiosk) finds the same visit.
    let again = app
        .post_form(&path, "lang=en&by=code&code=K7PQ4X9M", None)
        .await;
    assert!(again.body.contains("B-002"));
    assert_eq!(app.visit_count().await, 2);

    let cookie = app.sign_in().await;
    let staff = app
        .get(
            &format!("/staff/appointments?center={CENTER}"),
            Some(&cookie),
        )
        .await;
    assert_eq!(staff.status, StatusCode::OK);
    assert!(staff.body.contains("Ana P.") && staff.body.contains("Arrived"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn arrival_by_name_and_last_four_digits(pool: PgPool) {
    let app = spawn_app(pool).await;
    booking_today(&app, "María", "López", "5035550199", "ABCDEFGH").await;
    let path = format!("/kiosk/{CENTER}/appointment");
    let wrong = app
        .post_form(
            &path,
            "lang=es&by=name&first_name=Mar%C3%ADa&last_name=L%C3%B3pez&last4=0000",
            None,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("No encontramos una cita para hoy"));
    assert!(wrong.body.contains("value=\"María\""), "typed name kept");

    let right = app
        .post_form(
            &path,
            "lang=es&by=name&first_name=mar%C3%ADa&last_name=L%C3%B3pez&last4=0199",
            None,
        )
        .await;
    assert_eq!(right.status, StatusCode::OK, "{}", right.body);
    assert!(right.body.contains("Gracias, María."));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn impossible_codes_and_missing_digits_are_explained(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = format!("/kiosk/{CENTER}/appointment");
    let code = app
        .post_form(&path, "lang=en&by=code&code=K0PQ", None)
        .await;
    assert_eq!(code.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(code.body.contains("This is not a confirmation code"));
    assert!(code.body.contains("value=\"K0PQ\""));
    let digits = app
        .post_form(
            &path,
            "lang=en&by=name&first_name=Ana&last_name=P&last4=12",
            None,
        )
        .await;
    assert!(digits
        .body
        .contains("Type the last 4 digits of your phone."));
}
