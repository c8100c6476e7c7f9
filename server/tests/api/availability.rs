//! Managers change weekly hours and services per service; changes that would strand
//! bookings are refused with the list, or made with those bookings cancelled and emailed.

use super::booking_helpers::{details_form, free_starts, post_details, race_bookings};
use super::helpers::*;
use super::setup_helpers::availability_form;
use axum::http::{header, StatusCode};
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::America::Los_Angeles;
use sqlx::PgPool;
use uuid::Uuid;

/// The form as it stands for the test center, with `change` applied to its fields.
async fn form(app: &TestApp, stranded: &str, change: &[(&str, &str)]) -> String {
    availability_form(app, CENTER, stranded, change).await
}

async fn book(app: &TestApp, start: DateTime<Utc>, n: usize) {
    let reply = post_details(
        app,
        &details_form("resume_review", start, Uuid::new_v4(), n),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
}

async fn statuses(app: &TestApp) -> Vec<String> {
    sqlx::query_scalar("select status from bookings order by id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn shorter_hours_and_fewer_seats_never_strand_bookings_silently(pool: PgPool) {
    let app = spawn_app(pool).await;
    let coach = app.sign_in().await;
    let manager = app
        .sign_in_with_role("boss@frontdesk.test", "Morgan Manager", "manager")
        .await;

    // A coach cannot change anything.
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "refuse", &[]).await,
            Some(&coach),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert!(reply
        .body
        .contains("Only managers can change hours and services."));

    // A typing mistake comes back beside its day, typed values kept.
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "refuse", &[("opens_1", "9am")]).await,
            Some(&manager),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("id=\"hours-1-error\""),
        "{}",
        reply.body
    );
    assert!(reply.body.contains("value=\"9am\""));

    // Two people booked the same first free slot (three seats first, so both fit).
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "refuse", &[("capacity_resume_review", "3")]).await,
            Some(&manager),
        )
        .await;
    assert!(
        reply.header(header::LOCATION).ends_with("notice=saved"),
        "{}",
        reply.body
    );
    let start = free_starts(&app, "resume_review").await[0];
    book(&app, start, 1).await;
    book(&app, start, 2).await;

    // One seat: the later booking would have none. Refused first, with its name.
    let one_seat = [("capacity_resume_review", "1")];
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "refuse", &one_seat).await,
            Some(&manager),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply
        .body
        .contains("1 booking would have no place. Nothing was changed."));
    assert!(reply.body.contains("Ana2 Pérez") && !reply.body.contains("Ana1 Pérez"));
    assert_eq!(statuses(&app).await, ["booked", "booked"]);

    // Then made, cancelling the later booking; the slot's counter takes the new capacity.
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "cancel", &one_seat).await,
            Some(&manager),
        )
        .await;
    assert!(reply
        .header(header::LOCATION)
        .ends_with("notice=saved_cancelled_1"));
    assert_eq!(statuses(&app).await, ["booked", "cancelled"]);
    let (capacity, booked): (i32, i32) = sqlx::query_as(
        "select capacity, booked from slot_seats where service_id = 'resume_review'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((capacity, booked), (1, 1));

    // Closing that weekday strands the remaining booking: refused, hours unchanged.
    let weekday = start
        .with_timezone(&Los_Angeles)
        .weekday()
        .number_from_monday();
    let (opens, closes) = (format!("opens_{weekday}"), format!("closes_{weekday}"));
    let closed = [(opens.as_str(), ""), (closes.as_str(), "")];
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "refuse", &closed).await,
            Some(&manager),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    let open_days: i64 =
        sqlx::query_scalar("select count(*) from center_hours where center_id = $1")
            .bind(CENTER)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(open_days, 5);
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "cancel", &closed).await,
            Some(&manager),
        )
        .await;
    assert!(reply
        .header(header::LOCATION)
        .ends_with("notice=saved_cancelled_1"));
    assert_eq!(statuses(&app).await, ["cancelled", "cancelled"]);
    assert!(
        !free_starts(&app, "resume_review").await.iter().any(|s| s
            .with_timezone(&Los_Angeles)
            .weekday()
            .number_from_monday()
            == weekday),
        "nothing is offered on the closed weekday"
    );
    let mails: i64 = sqlx::query_scalar("select count(*) from outbox where kind = 'cancellation'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(mails, 2);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn bookings_racing_a_day_taken_out_of_the_hours_never_end_up_booked_on_it(pool: PgPool) {
    let app = std::sync::Arc::new(spawn_app(pool).await);
    let manager = app
        .sign_in_with_role("boss@frontdesk.test", "Morgan Manager", "manager")
        .await;
    let starts = free_starts(&app, "resume_review").await;
    let local_day = |s: DateTime<Utc>| s.with_timezone(&Los_Angeles).date_naive();
    let day = local_day(starts[0]);
    let same_day: Vec<DateTime<Utc>> = starts
        .into_iter()
        .filter(|s| local_day(*s) == day)
        .collect();
    let weekday = day.weekday().number_from_monday().to_string();
    let closed_that_weekday = form(
        &app,
        "cancel",
        &[
            (&format!("opens_{weekday}"), ""),
            (&format!("closes_{weekday}"), ""),
        ],
    )
    .await;

    let bookings = race_bookings(&app, &same_day, 30);
    let change = {
        let app = app.clone();
        tokio::spawn(async move {
            app.post_form("/staff/availability", &closed_that_weekday, Some(&manager))
                .await
        })
    };
    for booking in bookings {
        let reply = booking.await.unwrap();
        assert!(reply.status.as_u16() < 500, "{}", reply.status);
    }
    assert_eq!(change.await.unwrap().status, StatusCode::SEE_OTHER);
    let booked: i64 = sqlx::query_scalar("select count(*) from bookings where status = 'booked'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        booked, 0,
        "every booking came before the change and was cancelled, or was refused after it"
    );
}

/// Waits until some statement waits for a lock (a booking queued behind the change).
async fn until_someone_waits_for_a_lock(pool: &PgPool) {
    for _ in 0..500 {
        // Per database: other tests run beside this one on the same server.
        let waiting: i64 = sqlx::query_scalar(
            "select count(*) from pg_stat_activity
             where datname = current_database() and wait_event_type = 'Lock'",
        )
        .fetch_one(pool)
        .await
        .unwrap();
        if waiting > 0 {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    panic!("no booking ever waited for the center");
}

/// A manager's change caught mid-way: the center's row held as the change holds it, a
/// booking sent meanwhile, then the change (`sql`) committed. The booking must see it.
async fn booking_behind_a_change(app: std::sync::Arc<TestApp>, sql: &str) -> StatusCode {
    let start = free_starts(&app, "resume_review").await[0];
    let day = start.with_timezone(&Los_Angeles).date_naive();
    let mut change = app.pool.begin().await.unwrap();
    sqlx::query("select 1 from centers where id = $1 for update")
        .bind(CENTER)
        .execute(&mut *change)
        .await
        .unwrap();
    let booking = {
        let app = app.clone();
        tokio::spawn(async move {
            post_details(
                &app,
                &details_form("resume_review", start, Uuid::new_v4(), 1),
            )
            .await
        })
    };
    until_someone_waits_for_a_lock(&app.pool).await;
    sqlx::query(sql)
        .bind(CENTER)
        .bind(day)
        .bind(day.weekday().number_from_monday() as i16)
        .execute(&mut *change)
        .await
        .unwrap();
    change.commit().await.unwrap();
    booking.await.unwrap().status
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_booking_that_waited_for_a_change_sees_the_day_closed_the_hours_gone_or_the_center_retired(
    pool: PgPool,
) {
    let app = std::sync::Arc::new(spawn_app(pool).await);
    for sql in [
        "insert into center_closures (center_id, day, reason) select $1, $2, 'x' where $3 > 0",
        "delete from center_hours where center_id = $1 and weekday = $3 and $2::date is not null",
        // An admin retires the center; a manager stops offering the service there.
        "update centers set retired_at = now() where id = $1 and $2::date is not null and $3 > 0",
        "update center_services set offered = false
          where center_id = $1 and service_id = 'resume_review' and $2::date is not null and $3 > 0",
    ] {
        let status = booking_behind_a_change(app.clone(), sql).await;
        assert_ne!(status, StatusCode::SEE_OTHER, "booked behind: {sql}");
        let booked: i64 =
            sqlx::query_scalar("select count(*) from bookings where status = 'booked'")
                .fetch_one(&app.pool)
                .await
                .unwrap();
        assert_eq!(booked, 0, "{sql}");
        for undo in [
            "delete from center_closures",
            "update centers set retired_at = null",
            "update center_services set offered = true",
        ] {
            sqlx::query(undo).execute(&app.pool).await.unwrap();
        }
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn someone_already_here_keeps_their_seat_when_seats_are_cut(pool: PgPool) {
    let app = spawn_app(pool).await;
    let manager = app
        .sign_in_with_role("boss@frontdesk.test", "Morgan Manager", "manager")
        .await;
    let two_seats = [("capacity_resume_review", "2")];
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "refuse", &two_seats).await,
            Some(&manager),
        )
        .await;
    assert!(reply.header(header::LOCATION).ends_with("notice=saved"));
    let start = free_starts(&app, "resume_review").await[0];
    book(&app, start, 1).await;
    book(&app, start, 2).await;
    // The later one has arrived (checked in at the kiosk for it).
    sqlx::query("update bookings set status = 'arrived' where first_name = 'Ana2'")
        .execute(&app.pool)
        .await
        .unwrap();

    // One seat: the one not yet here gives way, listed by name.
    let one_seat = [("capacity_resume_review", "1")];
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "refuse", &one_seat).await,
            Some(&manager),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply.body.contains("Ana1 Pérez") && !reply.body.contains("Ana2 Pérez"));
    let reply = app
        .post_form(
            "/staff/availability",
            &form(&app, "cancel", &one_seat).await,
            Some(&manager),
        )
        .await;
    assert!(
        reply
            .header(header::LOCATION)
            .ends_with("notice=saved_cancelled_1"),
        "{}",
        reply.body
    );
    assert_eq!(statuses(&app).await, ["cancelled", "arrived"]);

    // No seat at all for the service's slots: the arrived person still keeps theirs, and
    // their slot is not offered to anyone else.
    let reply = app
        .post_form(
            "/staff/availability",
            &form(
                &app,
                "cancel",
                &[
                    ("capacity_resume_review", "1"),
                    ("offered_resume_review", ""),
                ],
            )
            .await,
            Some(&manager),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(statuses(&app).await, ["cancelled", "arrived"]);
}
