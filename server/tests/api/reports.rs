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
    // Counts per center, reason and day for staff only: kept by no browser or proxy.
    assert_eq!(csv.header(header::CACHE_CONTROL), "no-store");
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

/// Sets `first`'s visit as waited `waited` minutes before being called (or, with
/// `called` false, before leaving uncalled), today.
async fn waited(app: &TestApp, first: &str, waited: i32, called: bool) {
    // An update's expressions read the row as it was: every time is set from now().
    let end = if called {
        "called_at = now() - interval '3 hours' + make_interval(mins => $2), status = 'done',
         finished_at = now() - interval '3 hours' + make_interval(mins => $2 + 5)"
    } else {
        "status = 'left', finished_at = now() - interval '3 hours' + make_interval(mins => $2)"
    };
    sqlx::query(&format!(
        "update visits set checked_in_at = now() - interval '3 hours', {end} where first_name = $1"
    ))
    .bind(first)
    .bind(waited)
    .execute(&app.pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn managers_see_the_share_of_walk_ins_called_within_the_centers_target(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = app
        .sign_in_with_role("admin@frontdesk.test", "Ada Admin", "admin")
        .await;
    // The admin sets Tigard's target wait to 20 minutes; nonsense is refused beside the field.
    let center = "name=WorkSource+Tigard&time_zone=America%2FLos_Angeles&lang=en&target_wait=";
    let refused = app
        .post_form(
            "/staff/centers/tigard/edit",
            &format!("{center}0"),
            Some(&admin),
        )
        .await;
    assert_eq!(
        refused.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        refused.body
    );
    assert!(refused
        .body
        .contains("Please give whole minutes, from 1 to 480."));
    let saved = app
        .post_form(
            "/staff/centers/tigard/edit",
            &format!("{center}20"),
            Some(&admin),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let log = app.get("/staff/centers?lang=en", Some(&admin)).await;
    assert!(log.body.contains("target wait: “25 min” → “20 min”"));

    for (first, reasons) in [
        ("Quick", serde_json::json!(["job_search"])),
        ("Slow", serde_json::json!(["job_search", "resume_review"])),
        ("Gone", serde_json::json!(["resume_review"])),
        ("Browsing", serde_json::json!(["resource_room"])),
        ("Waiting", serde_json::json!(["resource_room"])),
        ("Forgotten", serde_json::json!(["resource_room"])),
    ] {
        let mut a = answers(first, "Level");
        a["reasons"] = reasons;
        app.check_in_with_key(uuid::Uuid::new_v4(), a).await;
    }
    waited(&app, "Quick", 20, true).await; // at the target: in time
    waited(&app, "Slow", 21, true).await; // a minute late
    waited(&app, "Gone", 45, false).await; // gave up after the target: not in time
    waited(&app, "Browsing", 5, false).await; // left early: says nothing of the wait
                                              // Never called and never closed, yesterday: waited until the day ended.
    sqlx::query("update visits set service_day = service_day - 1 where first_name = 'Forgotten'")
        .execute(&app.pool)
        .await
        .unwrap();

    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mo Manager", "manager")
        .await;
    let page = app
        .get("/staff/reports?center=tigard&lang=en", Some(&manager))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("WorkSource Tigard: 20 min"));
    let table = &page.body[page
        .body
        .find(r#"data-testid="service-level-table""#)
        .unwrap()..];
    let total = &table[table.find("<tfoot>").unwrap()..table.find("</tfoot>").unwrap()];
    assert!(
        total.contains("<td>4</td><td>1</td><td>25%</td>"),
        "4 counted (the one still waiting today not yet), 1 in time: {total}"
    );
    let reasons = &page.body[page
        .body
        .find(r#"data-testid="service-reasons-table""#)
        .unwrap()..];
    let reasons = &reasons[..reasons.find("</table>").unwrap()];
    assert!(
        reasons.contains("Help finding a job</th><td>2</td><td>1</td><td>50%</td>"),
        "{reasons}"
    );
    assert!(
        reasons.contains("Resume review</th><td>2</td><td>0</td><td>0%</td>"),
        "{reasons}"
    );

    // Only an admin sets a center's target: front-desk staff cannot move the goalposts.
    let front_desk = app
        .sign_in_with_role("desk@frontdesk.test", "Fe Desk", "front_desk")
        .await;
    let refused = app
        .post_form(
            "/staff/centers/tigard/edit",
            &format!("{center}480"),
            Some(&front_desk),
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let target: i32 =
        sqlx::query_scalar("select target_wait_minutes from centers where id = 'tigard'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(target, 20);
}
