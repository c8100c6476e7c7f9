//! Managers close days. Bookings already made for the day are never stranded silently:
//! the closure is refused with their list, or made with each cancelled and emailed. A
//! coach cannot change closures at all.

use super::booking_helpers::{details_form, free_starts, post_details, race_bookings};
use super::helpers::*;
use axum::http::{header, StatusCode};
use chrono::{DateTime, Utc};
use chrono_tz::America::Los_Angeles;
use sqlx::PgPool;
use std::sync::Arc;
use uuid::Uuid;

const MANAGER_EMAIL: &str = "manager@frontdesk.test";

async fn manager_cookie(app: &TestApp) -> String {
    app.sign_in_with_role(MANAGER_EMAIL, "Morgan Manager", "manager")
        .await
}

fn day_of(start: DateTime<Utc>) -> String {
    start.with_timezone(&Los_Angeles).date_naive().to_string()
}

async fn closures(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from center_closures where reason = 'Staff training'")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_coach_cannot_close_a_day(pool: PgPool) {
    let app = spawn_app(pool).await;
    let coach = app.sign_in().await;
    let day = day_of(free_starts(&app, "resume_review").await[0]);
    let page = app
        .get("/staff/closures?center=tigard&lang=en", Some(&coach))
        .await;
    assert!(page.body.contains("Only managers can change closures."));
    assert!(!page.body.contains("Close this day"));

    let form = format!("lang=en&center={CENTER}&day={day}&reason=Staff+training&stranded=cancel");
    let reply = app.post_form("/staff/closures", &form, Some(&coach)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply.body.contains("Only managers can change closures."));
    assert_eq!(closures(&app).await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn closing_a_booked_day_lists_the_bookings_or_cancels_and_emails_them(pool: PgPool) {
    let app = spawn_app(pool).await;
    let manager = manager_cookie(&app).await;
    let start = free_starts(&app, "resume_review").await[0];
    let reply = post_details(
        &app,
        &details_form("resume_review", start, Uuid::new_v4(), 7),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let code: String = sqlx::query_scalar("select code from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let day = day_of(start);

    // "Do not close; show me": refused, with the booking listed, nothing changed.
    let refuse = format!("lang=en&center={CENTER}&day={day}&reason=Staff+training&stranded=refuse");
    let reply = app
        .post_form("/staff/closures", &refuse, Some(&manager))
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply
        .body
        .contains("1 booking falls on this day. Nothing was changed."));
    assert!(
        reply.body.contains("Ana7 Pérez")
            && reply
                .body
                .contains(&app::domain::confirmation_code::display(&code))
    );
    assert!(
        reply.body.contains("value=\"Staff training\""),
        "the reason is kept"
    );
    assert_eq!(closures(&app).await, 0);

    // "Close anyway": the booking is cancelled, its seat freed, its person emailed.
    let cancel = refuse.replace("stranded=refuse", "stranded=cancel");
    let reply = app
        .post_form("/staff/closures", &cancel, Some(&manager))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert!(reply
        .header(header::LOCATION)
        .ends_with("notice=closed_cancelled_1"));
    assert_eq!(closures(&app).await, 1);
    let (status, booked): (String, i32) = sqlx::query_as(
        "select b.status, s.booked from bookings b join slot_seats s
           on s.center_id = b.center_id and s.service_id = b.service_id and s.starts_at = b.starts_at",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((status.as_str(), booked), ("cancelled", 0));
    let mails: Vec<String> = sqlx::query_scalar("select kind from outbox order by id")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(mails, ["confirmation", "cancellation"]);
    assert!(
        !free_starts(&app, "resume_review")
            .await
            .iter()
            .any(|s| day_of(*s) == day),
        "nothing can be booked that day"
    );
    let page = app
        .get("/staff/closures?center=tigard&lang=en", Some(&manager))
        .await;
    assert!(page.body.contains("Staff training"));

    // Open again: the day is bookable again.
    let reply = app
        .post_form(
            "/staff/closures/reopen",
            &format!("lang=en&center={CENTER}&day={day}"),
            Some(&manager),
        )
        .await;
    assert!(reply.header(header::LOCATION).ends_with("notice=reopened"));
    assert_eq!(closures(&app).await, 0);
    assert!(free_starts(&app, "resume_review")
        .await
        .iter()
        .any(|s| day_of(*s) == day));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn bookings_racing_a_closure_never_end_up_booked_on_the_closed_day(pool: PgPool) {
    let app = Arc::new(spawn_app(pool).await);
    let manager = manager_cookie(&app).await;
    let starts = free_starts(&app, "resume_review").await;
    let day = day_of(starts[0]);
    let same_day: Vec<DateTime<Utc>> = starts.into_iter().filter(|s| day_of(*s) == day).collect();

    let bookings = race_bookings(&app, &same_day, 30);
    let close = {
        let app = app.clone();
        let form =
            format!("lang=en&center={CENTER}&day={day}&reason=Staff+training&stranded=cancel");
        tokio::spawn(async move {
            app.post_form("/staff/closures", &form, Some(&manager))
                .await
        })
    };
    for booking in bookings {
        let reply = booking.await.unwrap();
        assert!(
            reply.status.as_u16() < 500,
            "no server errors: {}",
            reply.status
        );
    }
    assert_eq!(close.await.unwrap().status, StatusCode::SEE_OTHER);

    let booked: i64 = sqlx::query_scalar("select count(*) from bookings where status = 'booked'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        booked, 0,
        "every booking either came before and was cancelled, or was refused"
    );
    let seats: i64 = sqlx::query_scalar("select coalesce(sum(booked), 0) from slot_seats")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(seats, 0);
}
