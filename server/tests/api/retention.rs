//! Everything personal is erased once the retention period has passed after the visit,
//! appointment or workshop session ended: a purge with the clock moved past the period
//! leaves no canary name, email or phone in any text column of any table, while the
//! reports give the same counts as before.

use super::booking_helpers::{enc, first_free};
use super::helpers::*;
use super::workshops::{mail, person, session};
use app::domain::retention::cutoff;
use axum::http::StatusCode;
use chrono::{Duration, NaiveDate, Utc};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

/// What the canary person typed, in every form it could reach.
const CANARIES: [&str; 4] = ["%zyxcanary%", "%qwcanary%", "%7391%", "%canarese%"];

/// Every text (or text array, or JSON) column of every table, with how many of its
/// values hold a canary.
async fn canary_sightings(pool: &PgPool) -> Vec<(String, String, i64)> {
    let columns: Vec<(String, String)> = sqlx::query_as(
        "select table_name::text, column_name::text from information_schema.columns
         where table_schema = 'public'
           and data_type in ('text', 'character varying', 'ARRAY', 'json', 'jsonb', 'USER-DEFINED')
         order by 1, 2",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    assert!(columns.len() > 40, "the scan sees the schema: {columns:?}");
    let mut seen = Vec::new();
    for (table, column) in columns {
        let count: i64 = sqlx::query_scalar(&format!(
            "select count(*) from \"{table}\" where \"{column}\"::text ilike any($1)"
        ))
        .bind(CANARIES)
        .fetch_one(pool)
        .await
        .unwrap();
        if count > 0 {
            seen.push((table, column, count));
        }
    }
    seen
}

/// Every report's numbers, for days around today, as one comparable text.
async fn reports(pool: &PgPool) -> String {
    let today = Utc::now().date_naive();
    let (from, to): (NaiveDate, NaiveDate) =
        (today - Duration::days(7), today + Duration::days(60));
    let visits = app::db::reports::visits_by_reason(pool, from, to, None)
        .await
        .unwrap();
    let waits = app::db::reports::visit_waits(pool, from, to, None)
        .await
        .unwrap();
    let bookings = app::db::reports::bookings(pool, from, to, None, Utc::now())
        .await
        .unwrap();
    let workshops = app::db::reports::workshops(pool, from, to, None)
        .await
        .unwrap();
    let feedback = app::db::feedback::feedback_counts(pool, from, to, None)
        .await
        .unwrap();
    assert!(!visits.is_empty() && !bookings.is_empty() && !workshops.is_empty());
    assert!(!feedback.is_empty());
    format!("{visits:?}\n{waits:?}\n{bookings:?}\n{workshops:?}\n{feedback:?}")
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_purge_past_the_period_leaves_no_trace_of_a_person_and_the_reports_unchanged(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let coach = app.sign_in().await;

    // A walk-in, with an interpreter and a note of their own.
    let mut answers = answers("Zyxcanary", "Qwcanary");
    answers["interpreter_language"] = json!("Canarese");
    answers["accommodation_other"] = json!("zyxcanary needs a ramp");
    let reply = app.check_in_with_key(Uuid::new_v4(), answers).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    // Their visit done, they said how it went from their phone, and someone at the kiosk.
    finish_visit(&app, "Zyxcanary").await;
    let answered = app
        .post_form(
            &format!("{}/feedback", follow_path(&reply.json())),
            "lang=en&rating=5&comment=Zyxcanary+says+thanks",
            None,
        )
        .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);
    let answered = app
        .post_form(
            "/kiosk/tigard/feedback",
            "lang=en&rating=3&comment=Qwcanary+waited",
            None,
        )
        .await;
    assert_eq!(answered.status, StatusCode::SEE_OTHER);

    // An appointment from home, a staff note on it, and a staff read of its contact.
    let start = first_free(&app, "resume_review").await;
    let form = format!(
        "service=resume_review&center={CENTER}&tz={}&lang=en&start={}&key={}&first_name=Zyxcanary\
         &last_name=Qwcanary&email=zyxcanary%40example.org&phone=503-555-7391&language=es\
         &accommodations=other&accommodation_other=zyxcanary+brings+a+dog&interpreter_language=Canarese",
        enc("America/Los_Angeles"),
        enc(&start.to_rfc3339()),
        Uuid::new_v4()
    );
    let booked = app.post_form("/book/details", &form, None).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
    let booking_id: i64 = sqlx::query_scalar("select id from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let noted = app
        .post_form(
            &format!("/staff/calendar/{booking_id}/update"),
            "lang=en&status=booked&staff_id=&note=Qwcanary+prefers+mornings",
            Some(&coach),
        )
        .await;
    assert!(noted.status.is_redirection(), "{}", noted.body);
    // A video room named after the person, set on the appointment.
    let linked = app
        .post_form(
            &format!("/staff/calendar/{booking_id}/meeting-link"),
            "lang=en&meeting_link=https%3A%2F%2Fmeet.example.org%2Fzyxcanary-room",
            Some(&coach),
        )
        .await;
    assert!(linked
        .header(axum::http::header::LOCATION)
        .ends_with("link_sent"));
    let read = app
        .server_fn(
            "/api/staff/calendar/appointment",
            &format!("id={booking_id}"),
            Some(&coach),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.body);

    // A workshop enrolment.
    let workshop = session(&app.pool, 20, Duration::days(3)).await;
    let mut canary = person(1);
    canary.first_name = "Zyxcanary".into();
    canary.last_name = "Qwcanary".into();
    canary.contact = app::domain::workshop::Contact::parse("qwcanary@example.org").unwrap();
    canary.interpreter_language = Some("Canarese".into());
    app::services::workshops::enrol(&app.pool, workshop, &canary, &mail(), Utc::now())
        .await
        .unwrap();

    // A place on the appointments' waiting list, confirmed.
    let wait = format!(
        "service=career_coaching&center={CENTER}&tz={}&lang=en&day=1&part=morning&held=phone\
         &first_name=Zyxcanary&last_name=Qwcanary&email=qwcanary.list%40example.org\
         &phone=503-555-7391&language=es&accommodations=other&accommodation_other=zyxcanary+dog",
        enc("America/Los_Angeles"),
    );
    let joined = app.post_form("/book/waitlist", &wait, None).await;
    assert_eq!(joined.status, StatusCode::SEE_OTHER, "{}", joined.body);

    // A mistyped staff sign-in, and every email sent.
    assert!(app
        .sign_in_as("zyxcanary@example.org", "guess")
        .await
        .is_none());
    sqlx::query("update outbox set sent_at = now()")
        .execute(&app.pool)
        .await
        .unwrap();

    let seen = canary_sightings(&app.pool).await;
    for must in [
        ("visits", "first_name"),
        ("feedback", "comment"),
        ("bookings", "email"),
        ("bookings", "phone"),
        ("bookings", "note"),
        ("bookings", "meeting_link"),
        ("workshop_enrolments", "contact"),
        ("outbox", "body"),
        ("contact_reads", "person"),
        ("booking_changes", "new_value"),
        ("sign_in_attempts", "email"),
        ("waitlist_entries", "email"),
        ("waitlist_entries", "accommodation_other"),
    ] {
        assert!(
            seen.iter()
                .any(|(t, c, _)| (t.as_str(), c.as_str()) == must),
            "before the purge the scan finds {must:?}: {seen:?}"
        );
    }
    let before = reports(&app.pool).await;

    // Not yet: within the period nothing is erased.
    let purged = app::db::retention::purge(&app.pool, cutoff(Utc::now(), 30))
        .await
        .unwrap();
    assert_eq!(purged.total(), 0, "{purged:?}");

    // The clock moved past the period after everything has ended.
    let later = Utc::now() + Duration::days(45);
    let purged = app::db::retention::purge(&app.pool, cutoff(later, 30))
        .await
        .unwrap();
    assert_eq!(
        (purged.visits, purged.bookings, purged.enrolments),
        (1, 1, 1),
        "{purged:?}"
    );
    assert!(purged.emails >= 2, "{purged:?}");
    assert_eq!(purged.comments, 2, "{purged:?}");
    assert_eq!(purged.waitlist, 1, "{purged:?}");

    assert_eq!(
        canary_sightings(&app.pool).await,
        Vec::<(String, String, i64)>::new()
    );
    assert_eq!(
        reports(&app.pool).await,
        before,
        "the reports keep their counts"
    );
    let last4: String = sqlx::query_scalar("select phone_last4 from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(last4, "");
    let links: i64 = sqlx::query_scalar(
        "select (select count(*) from booking_links) + (select count(*) from workshop_links)",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(links, 0, "private links stop working");
    let runs: i64 = sqlx::query_scalar("select count(*) from purge_runs")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(runs, 2);

    // Managers see what is kept, for how long, and the last run.
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mia Manager", "manager")
        .await;
    let page = app.get("/staff/privacy?lang=en", Some(&manager)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("30 days after the visit"),
        "{}",
        page.body
    );
    assert!(page
        .body
        .contains("1 check-ins, 1 appointments, 1 enrolments"));

    // A second run finds nothing left to erase.
    let again = app::db::retention::purge(&app.pool, cutoff(later, 30))
        .await
        .unwrap();
    assert_eq!(again.total(), 0, "{again:?}");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn mail_not_sent_yet_is_left_to_go_out_unless_it_is_older_than_the_period(pool: PgPool) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    super::booking_helpers::book(&app, "resume_review", start, 1).await;
    // The booking was cancelled long ago, its confirmation never went out.
    sqlx::query(
        "update bookings set status = 'cancelled', cancelled_at = now() - interval '40 days'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query("update outbox set created_at = now() - interval '40 days'")
        .execute(&app.pool)
        .await
        .unwrap();
    app::db::retention::purge(&app.pool, cutoff(Utc::now(), 30))
        .await
        .unwrap();
    let (address, never): (String, bool) =
        sqlx::query_as("select to_address, next_attempt_at = 'infinity' from outbox")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(address, "");
    assert!(never, "an erased mail is never tried again");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_participant_deletes_their_details_from_the_link_once_nothing_is_still_to_come(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let start = first_free(&app, "resume_review").await;
    let token = super::booking_helpers::book(&app, "resume_review", start, 1).await;
    let manage = format!("/book/manage/{token}");

    // Still to come: not offered, and a forged post changes nothing.
    let page = app.get(&format!("{manage}?lang=en"), None).await;
    assert!(!page.body.contains("erase-details"));
    let early = app
        .post_form(&format!("{manage}/erase"), "lang=en", None)
        .await;
    assert_eq!(early.status, StatusCode::SEE_OTHER);
    let name: String = sqlx::query_scalar("select first_name from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Ana1");

    // Cancelled: offered, and done.
    let cancelled = app
        .post_form(&format!("{manage}/cancel"), "lang=en", None)
        .await;
    let token = super::booking_helpers::token_of(&cancelled.header(axum::http::header::LOCATION));
    let manage = format!("/book/manage/{token}");
    let page = app.get(&format!("{manage}?lang=en"), None).await;
    assert!(page.body.contains("erase-details"), "{}", page.body);
    assert!(page.body.contains("for 30 days after your appointment"));
    let erased = app
        .post_form(&format!("{manage}/erase"), "lang=es", None)
        .await;
    assert_eq!(erased.status, StatusCode::SEE_OTHER);
    assert_eq!(
        erased.header(axum::http::header::LOCATION),
        "/details-deleted?lang=es"
    );
    let row: (String, String, String, bool) =
        sqlx::query_as("select first_name, email, phone, anonymized_at is not null from bookings")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(row, (String::new(), String::new(), String::new(), true));
    let gone = app.get(&format!("{manage}?lang=en"), None).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND, "the link stops working");
    let told = app.get("/details-deleted?lang=es", None).await;
    assert!(told.body.contains("Sus datos se borraron"));

    // The same for a workshop enrolment, once cancelled.
    let workshop = session(&app.pool, 10, Duration::days(2)).await;
    let outcome =
        app::services::workshops::enrol(&app.pool, workshop, &person(7), &mail(), Utc::now())
            .await
            .unwrap();
    let token = super::workshops::token(outcome);
    let manage = format!("/workshops/manage/{token}");
    let early = app
        .post_form(&format!("{manage}/erase"), "lang=en", None)
        .await;
    assert_eq!(early.status, StatusCode::SEE_OTHER);
    assert_ne!(
        early.header(axum::http::header::LOCATION),
        "/details-deleted?lang=en"
    );
    app.post_form(&format!("{manage}/cancel"), "lang=en", None)
        .await;
    let page = app.get(&format!("{manage}?lang=en"), None).await;
    assert!(page.body.contains("erase-details"), "{}", page.body);
    let erased = app
        .post_form(&format!("{manage}/erase"), "lang=en", None)
        .await;
    assert_eq!(
        erased.header(axum::http::header::LOCATION),
        "/details-deleted?lang=en"
    );
    let (first, contact): (String, String) =
        sqlx::query_as("select first_name, contact from workshop_enrolments")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((first.as_str(), contact.as_str()), ("", ""));
}
