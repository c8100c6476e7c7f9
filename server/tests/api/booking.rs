//! Booking from home through the plain form posts a browser without JavaScript sends:
//! capacity under races, idempotent submission, cancel, reschedule, manage links and the
//! calendar file.

use super::booking_helpers::*;
use super::helpers::{spawn_app, CENTER};
use axum::http::{header, StatusCode};
use sqlx::PgPool;
use uuid::Uuid;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_booking_completes_with_forms_and_shows_both_times_and_a_code(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start_page = app.get("/book?lang=en", None).await;
    assert_eq!(start_page.status, StatusCode::OK);
    assert!(start_page.body.contains("action=\"/book/times\""));

    let times = app
        .get(
            &format!(
                "/book/times?service=resume_review&center={CENTER}&tz=America%2FNew_York&lang=en"
            ),
            None,
        )
        .await;
    assert_eq!(times.status, StatusCode::OK);
    assert!(
        times.body.contains("at the center"),
        "center time shown beside the visitor's"
    );

    let start = first_free(&app, "resume_review").await;
    let token = book(&app, "resume_review", start, 1).await;
    assert!(token.len() >= 32, "the token carries at least 128 bits");

    let page = app
        .get(&format!("/book/manage/{token}?new=1&lang=en"), None)
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("You are booked"));
    assert!(page.body.contains("America/New York") && page.body.contains("America/Los Angeles"));
    let code: String = sqlx::query_scalar("select code from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(page
        .body
        .contains(&app::domain::confirmation_code::display(&code)));
    assert!(!code.contains(['0', 'O', '1', 'I']));

    let stored_hash: Vec<u8> = sqlx::query_scalar("select token_hash from booking_links")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_ne!(
        stored_hash,
        token.as_bytes(),
        "only a hash of the token is stored"
    );

    let ics = app
        .get(&format!("/book/manage/{token}/calendar.ics"), None)
        .await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(ics
        .header(header::CONTENT_TYPE)
        .starts_with("text/calendar"));
    // A person's appointment: kept by no browser or proxy, though it is a file.
    assert_eq!(ics.header(header::CACHE_CONTROL), "no-store");
    let event = parse_ics(&ics.body);
    assert_eq!(event.method, "REQUEST");
    assert_eq!(event.start, start);
    assert_eq!(event.end, start + chrono::Duration::minutes(30));

    let (kind, subject): (String, String) = sqlx::query_as("select kind, subject from outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(kind, "confirmation");
    assert!(subject.contains("WorkSource"), "{subject}");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn bad_input_is_refused_beside_the_field_and_nothing_typed_is_lost(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    let form = details_form("resume_review", start, Uuid::new_v4(), 7)
        .replace("email=ana7%40example.org", "email=ana7%40example")
        .replace("phone=503-555-0007", "phone=555");
    let reply = post_details(&app, &form).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply
        .body
        .contains("This does not look like an email address"));
    assert!(reply.body.contains("id=\"email-error\""));
    assert!(
        reply.body.contains("value=\"ana7@example\""),
        "typed email kept"
    );
    assert!(reply.body.contains("value=\"Ana7\""), "typed name kept");
    assert_eq!(booking_count(&app).await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_same_form_sent_twice_books_once(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    let form = details_form("resume_review", start, Uuid::new_v4(), 3);
    let (a, b) = tokio::join!(post_details(&app, &form), post_details(&app, &form));
    assert_eq!(
        (a.status, b.status),
        (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER)
    );
    let again = post_details(&app, &form).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(booking_count(&app).await, 1);
    assert_eq!(seats_booked(&app, "resume_review", start).await, 1);
    // Every answer opens the same booking.
    for reply in [a, b, again] {
        let token = token_of(&reply.header(header::LOCATION));
        let page = app.get(&format!("/book/manage/{token}"), None).await;
        assert_eq!(page.status, StatusCode::OK);
    }
}

/// Races `racers` bookings, each a different person, at one slot of `capacity` seats.
async fn race(pool: PgPool, service: &str, capacity: i32, racers: usize) {
    let app = spawn_app(pool).await;
    sqlx::query("update center_services set capacity = $1 where service_id = $2")
        .bind(capacity)
        .bind(service)
        .execute(&app.pool)
        .await
        .unwrap();
    let start = first_free(&app, service).await;
    let app = std::sync::Arc::new(app);
    let tasks: Vec<_> = (0..racers)
        .map(|n| {
            let app = app.clone();
            let form = details_form(service, start, Uuid::new_v4(), n);
            tokio::spawn(async move { post_details(&app, &form).await })
        })
        .collect();
    let mut booked = 0;
    let mut taken = 0;
    for task in tasks {
        let reply = task.await.unwrap();
        match reply.status {
            StatusCode::SEE_OTHER => booked += 1,
            StatusCode::CONFLICT => {
                assert!(reply.body.contains("That time was just taken"));
                assert!(
                    reply.body.contains("name=\"start\""),
                    "nearest free times offered"
                );
                assert!(reply.body.contains("value=\"Ana"), "answers kept");
                taken += 1;
            }
            other => panic!("unexpected {other}: {}", reply.body),
        }
    }
    assert_eq!(booked, capacity as usize);
    assert_eq!(taken, racers - capacity as usize);
    let rows: i64 = sqlx::query_scalar("select count(*) from bookings where starts_at = $1")
        .bind(start)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(rows, i64::from(capacity));
    assert_eq!(seats_booked(&app, service, start).await, capacity);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn two_hundred_racers_for_one_seat_give_one_booking(pool: PgPool) {
    race(pool, "career_coaching", 1, 200).await;
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn fifty_racers_for_three_seats_give_three_bookings(pool: PgPool) {
    race(pool, "resume_review", 3, 50).await;
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn cancel_frees_the_seat_and_sends_a_cancelling_calendar_file(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "career_coaching").await;
    let token = book(&app, "career_coaching", start, 1).await;
    assert_eq!(seats_booked(&app, "career_coaching", start).await, 1);

    let reply = app
        .post_form(&format!("/book/manage/{token}/cancel"), "lang=en", None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(seats_booked(&app, "career_coaching", start).await, 0);
    // The page goes on with the link the cancellation email carries.
    let page = app.get(&reply.header(header::LOCATION), None).await;
    assert!(page.body.contains("Your appointment is cancelled"));

    let ics: String = sqlx::query_scalar("select ics from outbox where kind = 'cancellation'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let event = parse_ics(&ics);
    assert_eq!(event.method, "CANCEL");
    assert_eq!(event.status, "CANCELLED");
    assert_eq!(event.sequence, 1);

    // The freed seat can be booked by someone else; cancelling twice changes nothing.
    book(&app, "career_coaching", start, 2).await;
    app.post_form(&format!("/book/manage/{token}/cancel"), "lang=en", None)
        .await;
    assert_eq!(seats_booked(&app, "career_coaching", start).await, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn reschedule_keeps_the_old_time_when_the_new_one_is_gone(pool: PgPool) {
    let app = spawn_app(pool).await;
    let starts = free_starts(&app, "career_coaching").await;
    let (first, second, third) = (starts[0], starts[1], starts[2]);
    let mine = book(&app, "career_coaching", first, 1).await;
    book(&app, "career_coaching", second, 2).await;

    let to = |start: chrono::DateTime<chrono::Utc>| {
        format!(
            "lang=en&tz=America%2FNew_York&start={}",
            enc(&start.to_rfc3339())
        )
    };
    let refused = app
        .post_form(
            &format!("/book/manage/{mine}/reschedule"),
            &to(second),
            None,
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("That time was just taken"));
    assert_eq!(
        seats_booked(&app, "career_coaching", first).await,
        1,
        "old booking kept"
    );

    let moved = app
        .post_form(&format!("/book/manage/{mine}/reschedule"), &to(third), None)
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    assert!(moved.header(header::LOCATION).contains("changed=1"));
    assert_eq!(
        seats_booked(&app, "career_coaching", first).await,
        0,
        "old seat released"
    );
    assert_eq!(seats_booked(&app, "career_coaching", third).await, 1);

    let moved_to = token_of(&moved.header(header::LOCATION));
    let ics = app
        .get(&format!("/book/manage/{moved_to}/calendar.ics"), None)
        .await;
    let event = parse_ics(&ics.body);
    assert_eq!(event.start, third);
    assert_eq!(event.sequence, 1);
    let first_ics: String = sqlx::query_scalar(
        "select ics from outbox where kind = 'confirmation' order by id limit 1",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(
        parse_ics(&first_ics).uid,
        event.uid,
        "the UID stays, so calendars update the event"
    );
    let change: i64 = sqlx::query_scalar("select count(*) from outbox where kind = 'change'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(change, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn another_day_chosen_while_rescheduling_moves_the_booking_and_books_nothing_new(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let starts = free_starts(&app, "career_coaching").await;
    let mine = book(&app, "career_coaching", starts[0], 1).await;
    let page_path = format!("/book/manage/{mine}/reschedule");
    let page = app.get(&format!("{page_path}?lang=en"), None).await;
    assert_eq!(page.status, StatusCode::OK);

    // Every day link and language link stays on this booking's reschedule page: none
    // leads to the new-booking times step, where a second appointment would be made.
    assert!(
        !page.body.contains("href=\"/book/times"),
        "a link leaves the reschedule page"
    );
    let days: Vec<String> = page
        .body
        .split(&format!("href=\"{page_path}?"))
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|query| query.contains("day="))
        .map(|query| format!("{page_path}?{}", query.replace("&amp;", "&")))
        .collect();
    let last_day = days.last().expect("days with times are links");
    // A link naming no real zone still moves this booking, in the booking's own zone.
    let odd_zone = app
        .get(&format!("{page_path}?lang=en&tz=Mars%2FOlympus"), None)
        .await;
    assert_eq!(odd_zone.status, StatusCode::OK);
    assert!(odd_zone.body.contains(&format!("action=\"{page_path}\"")));
    assert!(!odd_zone.body.contains("href=\"/book/times"));
    let day = app.get(last_day.trim_end_matches("#times"), None).await;
    assert_eq!(day.status, StatusCode::OK);
    assert!(day.body.contains(&format!("action=\"{page_path}\"")));

    let later = day
        .body
        .split("name=\"start\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the chosen day offers times");
    let later: chrono::DateTime<chrono::Utc> = later.parse().unwrap();
    assert!(later > starts[0]);
    let moved = app
        .post_form(
            &page_path,
            &format!(
                "lang=en&tz=America%2FNew_York&start={}",
                enc(&later.to_rfc3339())
            ),
            None,
        )
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let bookings: Vec<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("select starts_at from bookings where status = 'booked'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(bookings, vec![later], "one booking, at the new time");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_wrong_or_expired_link_is_plainly_not_valid(pool: PgPool) {
    let app = spawn_app(pool).await;
    let wrong = app.get("/book/manage/not-a-real-token", None).await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);
    assert!(wrong.body.contains("This link is not valid"));

    let start = first_free(&app, "resume_review").await;
    let token = book(&app, "resume_review", start, 1).await;
    sqlx::query("update bookings set starts_at = now() - interval '9 days', ends_at = now() - interval '8 days'")
        .execute(&app.pool)
        .await
        .unwrap();
    let expired = app.get(&format!("/book/manage/{token}"), None).await;
    assert_eq!(expired.status, StatusCode::NOT_FOUND);
    assert!(expired.body.contains("This link is not valid"));
    let cancel = app
        .post_form(&format!("/book/manage/{token}/cancel"), "lang=en", None)
        .await;
    assert_eq!(cancel.status, StatusCode::SEE_OTHER);
    let status: String = sqlx::query_scalar("select status from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "booked", "an expired link changes nothing");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn spanish_bookings_get_spanish_pages_and_emails(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "skills_team").await;
    let form = details_form("skills_team", start, Uuid::new_v4(), 4).replace("lang=en", "lang=es");
    let reply = post_details(&app, &form).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let location = reply.header(header::LOCATION);
    assert!(location.ends_with("lang=es"), "{location}");
    let page = app.get(&location, None).await;
    assert!(page.body.contains("Su cita está reservada"));
    assert!(page.body.contains("lang=\"es\""));
    let (subject, body): (String, String) = sqlx::query_as("select subject, body from outbox")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(subject.starts_with("Su cita en WorkSource"), "{subject}");
    assert!(body.contains("Hola, Ana4"), "{body}");
}
