//! No empty chair in the lobby: a free appointment time today shows on the staff queue
//! beside the walk-in waiting longest for that service, a time freed by a cancellation
//! comes back there, and one press turns the walk-in into that appointment, never onto a
//! seat taken meanwhile.

use super::booking_helpers::{details_form, post_details, token_of};
use super::helpers::*;
use axum::http::{header, StatusCode};
use chrono::{DateTime, Timelike, Utc};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

const SERVICE: &str = "career_coaching";

/// The test center moved to a zone where it is now between 6 am and 6 pm, open all day
/// every day, with career coaching one seat per half hour and no lead time: today has
/// free times whenever the test runs.
async fn open_all_day(app: &TestApp) -> chrono_tz::Tz {
    let zone = [
        "Pacific/Kiritimati",
        "Asia/Tokyo",
        "Asia/Kolkata",
        "Europe/London",
        "America/New_York",
        "America/Los_Angeles",
        "Pacific/Pago_Pago",
    ]
    .into_iter()
    .map(|z| z.parse::<chrono_tz::Tz>().unwrap())
    .find(|z| (6..18).contains(&Utc::now().with_timezone(z).hour()))
    .unwrap();
    sqlx::query("update centers set time_zone = $2 where id = $1")
        .bind(CENTER)
        .bind(zone.name())
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query("delete from center_hours where center_id = $1")
        .bind(CENTER)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query(
        "insert into center_hours (center_id, weekday, opens_at, closes_at)
         select $1, d, '00:00', '23:59' from generate_series(1, 7) d",
    )
    .bind(CENTER)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("delete from center_closures where center_id = $1")
        .bind(CENTER)
        .execute(&app.pool)
        .await
        .unwrap();
    sqlx::query(
        "update center_services set capacity = 1, slot_minutes = 30, lead_minutes = 0
         where center_id = $1 and service_id = $2",
    )
    .bind(CENTER)
    .bind(SERVICE)
    .execute(&app.pool)
    .await
    .unwrap();
    zone
}

/// A walk-in for job coaching (career coaching's reason), checked in at the kiosk.
async fn walk_in(app: &TestApp, first: &str) -> String {
    let mut answers = answers(first, "Lobby");
    answers["reasons"] = json!(["job_coaching"]);
    let reply = app.check_in_with_key(Uuid::new_v4(), answers).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    ticket_number(&reply.json())
}

/// The free times the staff queue offers, as (ticket, start) pairs, read from its forms.
async fn offered(app: &TestApp, staff: &str) -> Vec<(String, String)> {
    let page = app
        .get(
            &format!("/staff/queue?center={CENTER}&lang=en"),
            Some(staff),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let Some(section) = page.body.split("data-testid=\"open-slots\"").nth(1) else {
        return Vec::new();
    };
    let section = section.split("</section>").next().unwrap();
    section
        .split("<form")
        .skip(1)
        .map(|form| {
            let value = |name: &str| {
                form.split(&format!("name=\"{name}\" value=\""))
                    .nth(1)
                    .and_then(|rest| rest.split('"').next())
                    .unwrap()
                    .to_owned()
            };
            let ticket = form
                .split("offer it to ")
                .nth(1)
                .and_then(|rest| rest.split(',').next())
                .unwrap()
                .to_owned();
            (ticket, value("start"))
        })
        .collect()
}

async fn visit_id(app: &TestApp, first: &str) -> i64 {
    sqlx::query_scalar("select id from visits where first_name = $1")
        .bind(first)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

fn offer_form(visit: i64, start: &str) -> String {
    format!(
        "lang=en&center_id={CENTER}&visit_id={visit}&service={SERVICE}&start={}",
        super::booking_helpers::enc(start)
    )
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_free_time_today_is_offered_to_the_longest_waiting_walk_in_and_one_press_books_it(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    open_all_day(&app).await;
    let staff = app.sign_in().await;
    assert!(
        offered(&app, &staff).await.is_empty(),
        "nobody waits for it yet"
    );

    let first = walk_in(&app, "Abebe").await;
    walk_in(&app, "Bilan").await;
    let shown = offered(&app, &staff).await;
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].0, first, "the walk-in waiting longest");
    let earliest = shown[0].1.clone();
    let start: DateTime<Utc> = DateTime::parse_from_rfc3339(&earliest).unwrap().into();

    // Someone books that time from home: the queue offers the next one; they cancel, and
    // the freed time is offered again.
    let booked = post_details(&app, &details_form(SERVICE, start, Uuid::new_v4(), 1)).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
    assert_ne!(offered(&app, &staff).await[0].1, earliest);
    let token = token_of(&booked.header(header::LOCATION));
    app.post_form(&format!("/book/manage/{token}/cancel"), "lang=en", None)
        .await;
    assert_eq!(
        offered(&app, &staff).await[0],
        (first.clone(), earliest.clone())
    );

    // One press: the walk-in's visit becomes that appointment, arrived; the time is taken.
    let abebe = visit_id(&app, "Abebe").await;
    let reply = app
        .post_form(
            "/staff/queue/offer-slot",
            &offer_form(abebe, &earliest),
            Some(&staff),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let (status, linked): (String, bool) = sqlx::query_as(
        "select b.status, v.booking_id = b.id from bookings b join visits v on v.id = $1
         where b.starts_at = $2 and b.status <> 'cancelled'",
    )
    .bind(abebe)
    .bind(start)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((status.as_str(), linked), ("arrived", true));
    let page = app
        .get(
            &format!("/staff/queue?center={CENTER}&lang=en"),
            Some(&staff),
        )
        .await;
    assert!(page.body.contains("Appointment "), "{}", page.body);
    // Bilan is offered the next time; the one given is offered to nobody.
    let now_offered = offered(&app, &staff).await;
    assert_eq!(now_offered.len(), 1);
    assert_ne!(now_offered[0].1, earliest);

    // Pressing again, or offering the taken time to Bilan, books nothing more.
    let bilan = visit_id(&app, "Bilan").await;
    for form in [
        offer_form(abebe, &now_offered[0].1),
        offer_form(bilan, &earliest),
    ] {
        let reply = app
            .post_form("/staff/queue/offer-slot", &form, Some(&staff))
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let bookings: i64 =
        sqlx::query_scalar("select count(*) from bookings where status <> 'cancelled'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(bookings, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_kiosk_and_strangers_cannot_give_away_times(pool: PgPool) {
    let app = spawn_app(pool).await;
    open_all_day(&app).await;
    walk_in(&app, "Abebe").await;
    let staff = app.sign_in().await;
    let start = offered(&app, &staff).await[0].1.clone();
    let abebe = visit_id(&app, "Abebe").await;
    // No session, and the kiosk tablet's cookie, are refused; nothing is booked.
    for cookie in [None, Some(app.kiosk_cookie.as_str())] {
        let reply = app
            .post_form(
                "/staff/queue/offer-slot",
                &offer_form(abebe, &start),
                cookie,
            )
            .await;
        assert!(
            matches!(
                reply.status,
                StatusCode::SEE_OTHER | StatusCode::FORBIDDEN | StatusCode::UNAUTHORIZED
            ),
            "{}",
            reply.status
        );
        assert!(!reply.header(header::LOCATION).starts_with("/staff/queue"));
    }
    let bookings: i64 = sqlx::query_scalar("select count(*) from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(bookings, 0);
}
