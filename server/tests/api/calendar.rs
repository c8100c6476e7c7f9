//! The staff calendar: appointments by day and week with filters, the details page (each
//! read of contact details logged for managers), and status changes kept with who and when.

use super::booking_helpers::{details_form, free_starts, post_details};
use super::helpers::*;
use axum::http::{header, StatusCode};
use chrono_tz::America::Los_Angeles;
use sqlx::PgPool;
use uuid::Uuid;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_calendar_shows_appointments_and_every_change_and_contact_read_is_kept(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = free_starts(&app, "career_coaching").await[0];
    let reply = post_details(
        &app,
        &details_form("career_coaching", start, Uuid::new_v4(), 3),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let id: i64 = sqlx::query_scalar("select id from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let day = start.with_timezone(&Los_Angeles).date_naive();
    let front_desk = app.sign_in().await;

    // Day view, then filters.
    let page = app
        .get(
            &format!("/staff/calendar?lang=en&center=tigard&day={day}"),
            Some(&front_desk),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Ana3 Pérez") && page.body.contains("Booked"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("/staff/calendar/{id}?")));
    let other_service = app
        .get(
            &format!("/staff/calendar?lang=en&center=tigard&day={day}&service=resume_review"),
            Some(&front_desk),
        )
        .await;
    assert!(!other_service.body.contains("Ana3 Pérez"));
    let week = app
        .get(
            &format!("/staff/calendar?lang=en&view=week&day={day}"),
            Some(&front_desk),
        )
        .await;
    assert!(week.body.contains("Ana3 Pérez"));
    assert_eq!(week.body.matches("class=\"calendar-day\"").count(), 7);

    // Opening the details shows contact details and logs the read.
    let details = app
        .get(&format!("/staff/calendar/{id}?lang=en"), Some(&front_desk))
        .await;
    assert!(
        details.body.contains("ana3@example.org"),
        "{}",
        details.body
    );
    let reads: Vec<(String, String)> = sqlx::query_as(
        "select u.email, r.person from contact_reads r join staff_users u on u.id = r.staff_id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(reads, [(STAFF_EMAIL.to_owned(), "Ana3 Pérez".to_owned())]);

    // Arrived, assigned to the coach, with a note: three changes kept.
    let coach_id: i64 = sqlx::query_scalar("select id from staff_users where email = $1")
        .bind(STAFF_EMAIL)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let reply = app
        .post_form(
            &format!("/staff/calendar/{id}/update"),
            &format!("lang=en&status=arrived&staff_id={coach_id}&note=Needs+a+quiet+room"),
            Some(&front_desk),
        )
        .await;
    assert!(reply.status.is_redirection(), "{}", reply.status);
    let changes: Vec<(String, String, String)> =
        sqlx::query_as("select what, old_value, new_value from booking_changes order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        changes,
        [
            ("status".into(), "booked".into(), "arrived".into()),
            ("staff".into(), "".into(), coach_id.to_string()),
            ("note".into(), "".into(), "Needs a quiet room".into()),
        ]
    );
    // Back to "booked" is not a change staff can make: nothing changes.
    app.post_form(
        &format!("/staff/calendar/{id}/update"),
        &format!("lang=en&status=booked&staff_id={coach_id}&note=x"),
        Some(&front_desk),
    )
    .await;
    let (status, note): (String, String) = sqlx::query_as("select status, note from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        (status.as_str(), note.as_str()),
        ("arrived", "Needs a quiet room")
    );
    let details = app
        .get(&format!("/staff/calendar/{id}?lang=en"), Some(&front_desk))
        .await;
    assert!(
        details
            .body
            .contains("changed status from “Booked” to “Arrived”"),
        "{}",
        details.body
    );

    // Only managers read the audit log.
    let refused = app.get("/staff/audit?lang=en", Some(&front_desk)).await;
    assert!(refused
        .body
        .contains("Only managers can read the audit log."));
    let manager = app
        .sign_in_with_role("boss@frontdesk.test", "Test manager", "manager")
        .await;
    let audit = app.get("/staff/audit?lang=en", Some(&manager)).await;
    assert_eq!(
        audit.body.matches("Ana3 Pérez").count(),
        2,
        "two reads: {}",
        audit.body
    );
    assert!(audit.body.contains("Casey Coach"));

    // The whole log as CSV, for managers only.
    let refused = app.get("/staff/audit.csv", Some(&front_desk)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let csv = app.get("/staff/audit.csv", Some(&manager)).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.header(header::CONTENT_TYPE).starts_with("text/csv"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(
        lines[0],
        "read_at_utc,staff_email,staff_name,person,source,source_id"
    );
    assert_eq!(lines.len(), 3, "a header and two reads: {}", csv.body);
    for line in &lines[1..] {
        assert!(
            line.ends_with(&format!(
                ",{STAFF_EMAIL},Casey Coach,Ana3 Pérez,booking,{id}"
            )),
            "{line}"
        );
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_details_list_the_persons_workshops_and_walk_ins_with_their_appointments(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = free_starts(&app, "career_coaching").await[0];
    let form = details_form("career_coaching", start, Uuid::new_v4(), 7);
    post_details(&app, &form).await;
    let id: i64 = sqlx::query_scalar("select id from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // A workshop under the same email typed in capitals, another person's workshop, a
    // walk-in under the same name in other case, and another person's walk-in.
    let session = super::workshops::session(&app.pool, 10, chrono::Duration::days(3)).await;
    for (first, contact) in [("Ana7", "ANA7@example.org"), ("Bo", "bo@example.org")] {
        let form = format!(
            "lang=en&tz=America%2FNew_York&first_name={first}&last_name=P&contact={}&language=en",
            contact.replace('@', "%40")
        );
        let reply = app
            .post_form(&format!("/workshops/enrol/{session}"), &form, None)
            .await;
        assert!(reply.status.is_redirection(), "{}", reply.status);
    }
    app.check_in("ana7", "pérez").await;
    app.check_in("Ana8", "Pérez").await;

    let staff = app.sign_in().await;
    let details = app
        .get(&format!("/staff/calendar/{id}?lang=en"), Some(&staff))
        .await;
    let history = details
        .body
        .split("data-testid=\"history\"")
        .nth(1)
        .expect("a history list")
        .split("</ul>")
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(history.matches("<li>").count(), 2, "{history}");
    assert!(
        history.contains("Workshop: Resumes that get interviews · Tigard · Enrolled"),
        "{history}"
    );
    assert!(
        history.contains("Walk-in under the same name · Tigard"),
        "{history}"
    );
    // Newest first: the workshop in three days comes before today's walk-in.
    assert!(history.find("Workshop:") < history.find("Walk-in"));
}
