//! Staff reports: the counts shown and exported are the database's.

use super::helpers::*;
use super::workshops::{mail, person, session};
use app::db::workshops::mark_attendance;
use app::domain::workshop_status::EnrolmentStatus;
use app::services::workshops::{enrol, EnrolOutcome};
use axum::http::{header, StatusCode};
use chrono::{Duration, Utc};
use chrono_tz::America::Los_Angeles;
use sqlx::PgPool;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_report_and_its_csv_count_what_the_database_holds(pool: PgPool) {
    let app = spawn_app(pool).await;
    for (first, reasons) in [
        ("Ana", serde_json::json!(["job_search"])),
        (
            "Bo",
            serde_json::json!(["job_search", "unemployment_insurance"]),
        ),
        ("Cy", serde_json::json!(["resource_room"])),
    ] {
        let mut a = answers(first, "Report");
        a["reasons"] = reasons;
        let reply = app.check_in_with_key(uuid::Uuid::new_v4(), a).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
    // Ana was called after 10 minutes.
    sqlx::query(
        "update visits set checked_in_at = now() - interval '20 minutes',
            called_at = now() - interval '10 minutes', status = 'called' where first_name = 'Ana'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    // A workshop today with 4 seats: 2 enrolled, 1 attended.
    let workshop = session(&app.pool, 4, Duration::days(1)).await;
    let mut enrolments = Vec::new();
    for n in 0..2 {
        if let EnrolOutcome::Done { enrolment_id, .. } =
            enrol(&app.pool, workshop, &person(n), &mail(), Utc::now())
                .await
                .unwrap()
        {
            enrolments.push(enrolment_id);
        }
    }
    // Early today on the centers' wall clock, whatever the hour the test runs.
    sqlx::query(
        "update workshop_sessions
         set starts_at = (date_trunc('day', now() at time zone 'America/Los_Angeles') + interval '1 minute') at time zone 'America/Los_Angeles',
             ends_at = (date_trunc('day', now() at time zone 'America/Los_Angeles') + interval '2 hours') at time zone 'America/Los_Angeles'",
    )
        .execute(&app.pool)
        .await
        .unwrap();
    mark_attendance(
        &app.pool,
        workshop,
        enrolments[0],
        EnrolmentStatus::Attended,
    )
    .await
    .unwrap();

    let cookie = app.sign_in().await;
    let today = Utc::now().with_timezone(&Los_Angeles).date_naive();
    let page = app
        .get(
            &format!("/staff/reports?lang=en&from={today}&to={today}&center=tigard"),
            Some(&cookie),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("data-testid=\"visits-total\">3<"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<svg"), "a chart");
    // Fill rate 2 of 4 seats.
    assert!(page.body.contains(">50%<"), "{}", page.body);

    let csv = app
        .get(
            &format!("/staff/reports.csv?from={today}&to={today}&center=tigard"),
            Some(&cookie),
        )
        .await;
    assert_eq!(csv.header(header::CONTENT_TYPE), "text/csv; charset=utf-8");
    let lines: Vec<&str> = csv.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], "period_start,center,reason,language,visits");
    let expected: Vec<String> = sqlx::query_scalar(
        "select line from (
             select service_day::text || ',' || center_id || ',' || r || ',' || language || ',' || count(*) as line
             from visits, unnest(reasons) r group by service_day, center_id, r, language
         ) counted order by line collate \"C\"",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(lines[1..].to_vec(), expected);
    assert_eq!(
        expected.len(),
        3,
        "job_search 2, unemployment_insurance 1, resource_room 1: 3 lines"
    );

    // Strangers get neither.
    let stranger = app.get("/staff/reports.csv", None).await;
    assert_eq!(stranger.header(header::LOCATION), "/staff/login");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn appointments_count_as_came_or_no_show_whatever_staff_marked(pool: PgPool) {
    let app = spawn_app(pool).await;
    // Seven appointments at Tigard early today, each left in another state.
    let statuses = [
        ("arrived", false),
        ("in_progress", false),
        ("completed", false),
        ("no_show", false),
        ("booked", true),
        ("booked", false),
        ("cancelled", false),
    ];
    for (n, (status, ended)) in statuses.iter().enumerate() {
        let code = format!("K7PQ4X{}M", ["A", "B", "C", "D", "E", "F", "G"][n]);
        let id =
            super::booking_helpers::booking_today(&app, "Ana", "Report", "5035550100", &code).await;
        sqlx::query(
            "update bookings set status = $2,
                starts_at = (date_trunc('day', now() at time zone 'America/Los_Angeles') + interval '1 minute') at time zone 'America/Los_Angeles',
                ends_at = case when $3 then now() - interval '1 second' else now() + interval '1 hour' end
             where id = $1",
        )
        .bind(id)
        .bind(status)
        .bind(ended)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    let today = Utc::now().with_timezone(&Los_Angeles).date_naive();
    let counts = app::db::reports::bookings(&app.pool, today, today, Some(CENTER), Utc::now())
        .await
        .unwrap();
    assert_eq!(
        counts,
        [app::db::reports::BookingCount {
            day: today,
            booked: 7,
            cancelled: 1,
            // Arrived, in progress and completed all came.
            arrived: 3,
            // Marked a no-show by staff, and still booked after its end.
            no_show: 2,
        }]
    );
}
