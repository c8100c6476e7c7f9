//! Staff create, edit and cancel workshop sessions and move people between them, through
//! the same form posts a browser sends; the people affected are told by email.

use super::booking_helpers::{enc, parse_ics};
use super::helpers::{spawn_app, TestApp, CENTER};
use super::workshops::{count, mail, person, session};
use app::services::workshops::{enrol, EnrolOutcome};
use axum::http::{header, StatusCode};
use chrono::{Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::America::Los_Angeles;
use sqlx::PgPool;

/// The form's fields for a session at Tigard on `date` at 10:00–11:30.
pub(super) fn session_form(date: NaiveDate, weeks: u32, capacity: u32) -> String {
    [
        ("lang", "en".to_owned()),
        ("topic", "job_hunter_series".to_owned()),
        ("title", "Job Hunter Series".to_owned()),
        (
            "description",
            "Three mornings of job search skills.".to_owned(),
        ),
        ("employer", String::new()),
        ("place", CENTER.to_owned()),
        ("meeting_link", String::new()),
        ("date", date.format("%Y-%m-%d").to_string()),
        ("start", "10:00".to_owned()),
        ("end", "11:30".to_owned()),
        ("weeks", weeks.to_string()),
        ("capacity", capacity.to_string()),
        ("language", "en".to_owned()),
        ("facilitator", "Ana Ruiz".to_owned()),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", enc(v)))
    .collect::<Vec<_>>()
    .join("&")
}

/// The next Monday at least a week ahead, on the centers' wall clock.
pub(super) fn next_monday() -> NaiveDate {
    let today = Utc::now().with_timezone(&Los_Angeles).date_naive() + Duration::days(7);
    today + Duration::days(i64::from((7 - today.weekday().num_days_from_monday()) % 7))
}

fn session_id_of(location: &str) -> i64 {
    location
        .trim_start_matches("/staff/workshops/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap_or_else(|_| panic!("not a roster: {location}"))
}

async fn mails(app: &TestApp, kind: &str) -> Vec<(i64, String)> {
    sqlx::query_as("select enrolment_id, ics from outbox where kind = $1 order by enrolment_id")
        .bind(kind)
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

async fn enrol_n(app: &TestApp, id: i64, people: std::ops::Range<usize>) -> Vec<i64> {
    let mut ids = Vec::new();
    for n in people {
        match enrol(&app.pool, id, &person(n), &mail(), Utc::now())
            .await
            .unwrap()
        {
            EnrolOutcome::Done { enrolment_id, .. } => ids.push(enrolment_id),
            other => panic!("not enrolled: {other:?}"),
        }
    }
    ids
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_create_a_weekly_series_at_the_same_wall_clock_time(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let monday = next_monday();

    let reply = app
        .post_form(
            "/staff/workshops/new",
            &session_form(monday, 3, 12),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let location = reply.header(header::LOCATION);
    assert!(location.ends_with("notice=created_series_3"), "{location}");
    let first = session_id_of(&location);

    let rows: Vec<(Option<i64>, chrono::DateTime<Utc>, i32, String)> = sqlx::query_as(
        "select series_id, starts_at, capacity, facilitator from workshop_sessions order by starts_at",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0].0.is_some() && rows.iter().all(|r| r.0 == rows[0].0),
        "one series"
    );
    for (week, row) in rows.iter().enumerate() {
        let local = row.1.with_timezone(&Los_Angeles);
        assert_eq!(local.date_naive(), monday + Duration::weeks(week as i64));
        assert_eq!(local.format("%H:%M").to_string(), "10:00");
        assert_eq!((row.2, row.3.as_str()), (12, "Ana Ruiz"));
    }

    // The roster shows it, with its notice; the public catalog lists all three dates.
    let roster = app
        .get(
            &format!("/staff/workshops/{first}?lang=en&notice=created_series_3"),
            Some(&cookie),
        )
        .await;
    assert!(
        roster.body.contains("Created a series of 3 dates."),
        "{}",
        roster.body
    );
    assert!(roster.body.contains("Facilitator: Ana Ruiz"));
    let catalog = app.get("/workshops?topic=job_hunter_series", None).await;
    assert_eq!(
        catalog.body.matches("<h2>Job Hunter Series</h2>").count(),
        3,
        "{}",
        catalog.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_refused_form_keeps_every_answer_and_says_what_is_wrong_beside_each_field(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let form = session_form(next_monday(), 1, 0)
        .replace("topic=job_hunter_series", "topic=hiring_event")
        .replace("place=tigard", "place=virtual")
        .replace("end=11%3A30", "end=09%3A00");
    let reply = app
        .post_form("/staff/workshops/new", &form, Some(&cookie))
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Please correct the fields marked below.",
        "Please fill this in.", // employer, meeting link
        "The end must be after the start.",
        "Please enter a whole number from 1 to 500.",
    ] {
        assert!(reply.body.contains(message), "missing {message:?}");
    }
    assert!(
        reply.body.contains("value=\"Ana Ruiz\""),
        "typed values kept"
    );
    assert!(reply.body.contains("Three mornings of job search skills."));
    let sessions: i64 = sqlx::query_scalar("select count(*) from workshop_sessions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);

    // Spanish staff get the messages in Spanish.
    let reply = app
        .post_form(
            "/staff/workshops/new",
            &form.replace("lang=en", "lang=es"),
            Some(&cookie),
        )
        .await;
    assert!(reply.body.contains("El final debe ser después del inicio."));

    // And without a staff session nothing is created.
    let reply = app
        .post_form(
            "/staff/workshops/new",
            &session_form(next_monday(), 1, 5),
            None,
        )
        .await;
    assert_eq!(reply.header(header::LOCATION), "/staff/login");
    let sessions: i64 = sqlx::query_scalar("select count(*) from workshop_sessions")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(sessions, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn moving_a_session_emails_everyone_and_seats_cannot_drop_below_those_taken(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let reply = app
        .post_form(
            "/staff/workshops/new",
            &session_form(next_monday(), 1, 2),
            Some(&cookie),
        )
        .await;
    let id = session_id_of(&reply.header(header::LOCATION));
    let people = enrol_n(&app, id, 0..3).await; // two seats, one waiting

    // One seat is not enough for two people: refused, with the typed form kept.
    let edit = format!("/staff/workshops/{id}/edit");
    let form = session_form(next_monday(), 1, 1);
    let reply = app.post_form(&edit, &form, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply
        .body
        .contains("2 people already hold seats. Choose at least 2 seats."));

    // A later start, one more seat: the one waiting gets it, and all three are told.
    let later = form
        .replace("start=10%3A00", "start=10%3A30")
        .replace("capacity=1", "capacity=3");
    let reply = app.post_form(&edit, &later, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(reply.header(header::LOCATION).ends_with("notice=saved_3"));
    assert_eq!(count(&app.pool, id, "enrolled").await, 3);
    let changed = mails(&app, "workshop_changed").await;
    assert_eq!(changed.iter().map(|m| m.0).collect::<Vec<_>>(), people);
    let event = parse_ics(&changed[0].1);
    assert_eq!(event.sequence, 1, "calendars replace the event");
    assert_eq!(
        event.start,
        Los_Angeles
            .from_local_datetime(&next_monday().and_hms_opt(10, 30, 0).unwrap())
            .unwrap()
            .with_timezone(&Utc)
    );
    assert_eq!(mails(&app, "workshop_promoted").await.len(), 1);

    // A change of title alone tells nobody.
    let retitled = later.replace(
        "title=Job%20Hunter%20Series",
        "title=Job%20Hunter%20Series%20%28spring%29",
    );
    let reply = app.post_form(&edit, &retitled, Some(&cookie)).await;
    assert!(reply.header(header::LOCATION).ends_with("notice=saved"));
    let title: String = sqlx::query_scalar("select title from workshop_sessions where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(title, "Job Hunter Series (spring)", "the title did change");
    assert_eq!(mails(&app, "workshop_changed").await.len(), 3);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn cancelling_a_session_tells_everyone_on_it_and_can_take_the_rest_of_its_series(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let reply = app
        .post_form(
            "/staff/workshops/new",
            &session_form(next_monday(), 3, 1),
            Some(&cookie),
        )
        .await;
    let first = session_id_of(&reply.header(header::LOCATION));
    let ids: Vec<i64> = sqlx::query_scalar("select id from workshop_sessions order by starts_at")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(ids[0], first);
    let on_second = enrol_n(&app, ids[1], 0..2).await; // one seated, one waiting
    enrol_n(&app, ids[0], 5..6).await;

    // The second date and the rest of the series: the first date stays.
    let reply = app
        .post_form(
            &format!("/staff/workshops/{}/cancel", ids[1]),
            "lang=en&rest_of_series=yes",
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let statuses: Vec<String> =
        sqlx::query_scalar("select status from workshop_sessions order by starts_at")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(statuses, ["scheduled", "cancelled", "cancelled"]);

    let cancelled = mails(&app, "workshop_cancelled").await;
    assert_eq!(cancelled.iter().map(|m| m.0).collect::<Vec<_>>(), on_second);
    for (_, ics) in &cancelled {
        assert!(ics.contains("METHOD:CANCEL") && ics.contains("STATUS:CANCELLED"));
        assert_eq!(parse_ics(ics).sequence, 1);
    }

    // A cancelled session takes no one, and its edit form says why.
    let outcome = enrol(&app.pool, ids[2], &person(9), &mail(), Utc::now())
        .await
        .unwrap();
    assert!(matches!(outcome, EnrolOutcome::Refused(_)), "{outcome:?}");
    let reply = app
        .post_form(
            &format!("/staff/workshops/{}/edit", ids[1]),
            &session_form(next_monday() + Duration::weeks(1), 1, 5),
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply
        .body
        .contains("A cancelled session cannot be changed."));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn moving_a_person_frees_their_seat_for_the_first_in_line(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let from = session(&app.pool, 1, Duration::days(3)).await;
    let to = session(&app.pool, 1, Duration::days(4)).await;
    let on_from = enrol_n(&app, from, 0..2).await; // Person0 seated, Person1 waiting
    let on_to = enrol_n(&app, to, 2..3).await; // the other session is full

    let move_form =
        |enrolment: i64, target: i64| format!("enrolment={enrolment}&to={target}&lang=en");
    let reply = app
        .post_form(
            &format!("/staff/workshops/{from}/move"),
            &move_form(on_from[0], to),
            Some(&cookie),
        )
        .await;
    assert!(reply
        .header(header::LOCATION)
        .ends_with("notice=moved_waitlisted"));
    // Person1 was promoted here; Person0 waits there, behind no one who came earlier.
    let here: Vec<(String, String)> = sqlx::query_as(
        "select first_name, status from workshop_enrolments where session_id = $1 and status <> 'cancelled'",
    )
    .bind(from)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(here, [("Person1".to_owned(), "enrolled".to_owned())]);
    assert_eq!(count(&app.pool, to, "waitlisted").await, 1);
    assert_eq!(mails(&app, "workshop_promoted").await.len(), 1);
    let seats: Vec<i32> = sqlx::query_scalar(
        "select enrolled from workshop_sessions where id in ($1, $2) order by id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(seats, [1, 1]);

    // Someone who already has a place in the other session is not moved twice into it.
    enrol_n(&app, from, 2..3).await;
    let reply = app
        .post_form(
            &format!("/staff/workshops/{to}/move"),
            &move_form(on_to[0], from),
            Some(&cookie),
        )
        .await;
    assert!(reply
        .header(header::LOCATION)
        .ends_with("notice=move_already_there"));
    let roster = app
        .get(
            &format!("/staff/workshops/{to}?lang=en&notice=moved_waitlisted"),
            Some(&cookie),
        )
        .await;
    assert!(
        roster
            .body
            .contains("Moved: the person is on the other session&#x27;s waitlist.")
            || roster
                .body
                .contains("Moved: the person is on the other session's waitlist.")
    );
}
