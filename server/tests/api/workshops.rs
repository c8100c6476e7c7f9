//! Workshop enrolment under concurrency: seats never oversold, the waitlist in arrival
//! order, a freed seat promoting the first in line in the same transaction.

use super::helpers::{spawn_app, CENTER};
use app::domain::workshop::{Contact, Refusal};
use app::domain::workshop_session::NewEnrolment;
use app::i18n::Locale;
use app::services::workshops::{
    cancel_enrolment, enrol, set_capacity, CapacityOutcome, EnrolOutcome,
};
use chrono::{Duration, Utc};
use sqlx::PgPool;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

pub(super) async fn session(pool: &PgPool, capacity: i32, starts_in: Duration) -> i64 {
    sqlx::query_scalar(
        "insert into workshop_sessions (topic, title, center_id, starts_at, ends_at, capacity)
         values ('resumes', 'Resumes that get interviews', $1, now() + $2, now() + $2 + interval '2 hours', $3)
         returning id",
    )
    .bind(CENTER)
    .bind(starts_in)
    .bind(capacity)
    .fetch_one(pool)
    .await
    .unwrap()
}

pub(super) fn mail() -> app::domain::mail::MailContext {
    app::domain::mail::MailContext {
        public_url: "http://frontdesk.test".into(),
        from_address: "frontdesk@frontdesk.test".into(),
        agency: Default::default(),
    }
}

pub(super) fn person(n: usize) -> NewEnrolment {
    NewEnrolment {
        key: uuid::Uuid::new_v4(),
        first_name: format!("Person{n}"),
        last_name: "Test".into(),
        contact: Contact::parse(&format!("person{n}@example.org")).unwrap(),
        language: "en".into(),
        locale: Locale::En,
        accommodations: Vec::new(),
        interpreter_language: None,
        accommodation_other: None,
    }
}

pub(super) async fn count(pool: &PgPool, id: i64, status: &str) -> i64 {
    sqlx::query_scalar(
        "select count(*) from workshop_enrolments where session_id = $1 and status = $2",
    )
    .bind(id)
    .bind(status)
    .fetch_one(pool)
    .await
    .unwrap()
}

pub(super) fn token(outcome: EnrolOutcome) -> String {
    match outcome {
        EnrolOutcome::Done { token, .. } => token,
        other => panic!("not enrolled: {other:?}"),
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn five_hundred_enrolment_posts_for_twenty_five_seats(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 25, Duration::days(2)).await;

    // Watches the invariant while the race runs.
    let done = Arc::new(AtomicBool::new(false));
    let watcher = {
        let (pool, done) = (app.pool.clone(), done.clone());
        tokio::spawn(async move {
            let mut max_seen = 0;
            while !done.load(Ordering::Relaxed) {
                max_seen = max_seen.max(count(&pool, id, "enrolled").await);
                tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            }
            max_seen
        })
    };
    // 500 browsers post the enrolment form at once, through the real router.
    let app = Arc::new(app);
    let tasks: Vec<_> = (0..500)
        .map(|n| {
            let app = app.clone();
            tokio::spawn(async move {
                post_enrol(
                    &app,
                    id,
                    &format!("Person{n}"),
                    &format!("person{n}@example.org"),
                )
                .await
            })
        })
        .collect();
    for task in tasks {
        let reply = task.await.unwrap();
        assert_eq!(
            reply.status,
            axum::http::StatusCode::SEE_OTHER,
            "no server errors: {}",
            reply.body
        );
    }
    done.store(true, Ordering::Relaxed);
    assert!(
        watcher.await.unwrap() <= 25,
        "never more enrolled than seats"
    );

    assert_eq!(count(&app.pool, id, "enrolled").await, 25);
    assert_eq!(count(&app.pool, id, "waitlisted").await, 475);
    let counter: i32 = sqlx::query_scalar("select enrolled from workshop_sessions where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(counter, 25);
    // Arrival order: every seat went to someone who came before everyone waitlisted.
    let (last_seat, first_wait): (i64, i64) = sqlx::query_as(
        "select (select max(id) from workshop_enrolments where session_id = $1 and status = 'enrolled'),
                (select min(id) from workshop_enrolments where session_id = $1 and status = 'waitlisted')",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(last_seat < first_wait);
}

/// Each email an enrolment sends says what it says to that person: a seat, or their place
/// in line, counted under the session's lock; a phone number gets none.
#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn each_email_tells_the_seat_or_the_place_in_line(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 1, Duration::days(1)).await;
    let by_phone = NewEnrolment {
        contact: Contact::parse("503-555-0142").unwrap(),
        ..person(9)
    };
    let mut shown = Vec::new();
    for person in [person(1), person(2), by_phone, person(3)] {
        shown.push(token(
            enrol(&app.pool, id, &person, &mail(), Utc::now())
                .await
                .unwrap(),
        ));
    }
    let emails: Vec<(String, String, String)> = sqlx::query_as(
        "select o.to_address, o.kind, o.body from outbox o
         join workshop_enrolments e on e.id = o.enrolment_id where e.session_id = $1 order by o.id",
    )
    .bind(id)
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let told: Vec<(&str, &str)> = emails
        .iter()
        .map(|(to, kind, _)| (to.as_str(), kind.as_str()))
        .collect();
    assert_eq!(
        told,
        [
            ("person1@example.org", "workshop_enrolled"),
            ("person2@example.org", "workshop_waitlisted"),
            ("person3@example.org", "workshop_waitlisted"),
        ]
    );
    // The phone number waits second in line: the third person is third.
    assert!(
        emails[1].2.contains("You are number 1 on the waitlist."),
        "{}",
        emails[1].2
    );
    assert!(
        emails[2].2.contains("You are number 3 on the waitlist."),
        "{}",
        emails[2].2
    );
    // Each email carries the link its confirmation page showed, and that link works.
    for ((_, _, body), token) in emails.iter().zip([&shown[0], &shown[1], &shown[3]]) {
        assert!(body.contains(token.as_str()), "{body}");
    }
    for token in &shown {
        let found = app::db::workshops::enrolment_by_token(&app.pool, token)
            .await
            .unwrap();
        assert!(found.is_some(), "the link shown works");
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_cancellation_promotes_the_first_in_line(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 2, Duration::days(1)).await;
    let first = token(
        enrol(&app.pool, id, &person(1), &mail(), Utc::now())
            .await
            .unwrap(),
    );
    enrol(&app.pool, id, &person(2), &mail(), Utc::now())
        .await
        .unwrap();
    let waiting = token(
        enrol(&app.pool, id, &person(3), &mail(), Utc::now())
            .await
            .unwrap(),
    );
    enrol(&app.pool, id, &person(4), &mail(), Utc::now())
        .await
        .unwrap();
    let place = app::db::workshops::enrolment_by_token(&app.pool, &waiting)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((place.status.code(), place.place), ("waitlisted", Some(1)));

    let promoted = cancel_enrolment(&app.pool, &first, &mail(), Utc::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(promoted, [place.id]);
    let now_enrolled: String =
        sqlx::query_scalar("select status from workshop_enrolments where id = $1")
            .bind(place.id)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(now_enrolled, "enrolled");
    // The promotion email carries the link now: the older one stops working.
    assert!(app::db::workshops::enrolment_by_token(&app.pool, &waiting)
        .await
        .unwrap()
        .is_none());
    assert_eq!(count(&app.pool, id, "enrolled").await, 2);

    // The promoted person is emailed in the same transaction, with the calendar file.
    let (to, subject, ics): (String, String, String) = sqlx::query_as(
        "select to_address, subject, ics from outbox where kind = 'workshop_promoted'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(to, "person3@example.org");
    assert!(subject.starts_with("A seat is yours"), "{subject}");
    assert_eq!(super::booking_helpers::parse_ics(&ics).method, "REQUEST");
    let kinds: Vec<String> =
        sqlx::query_scalar("select kind from outbox where kind <> 'workshop_promoted' order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        kinds,
        [
            "workshop_enrolled",
            "workshop_enrolled",
            "workshop_waitlisted",
            "workshop_waitlisted"
        ]
    );

    // Raising the capacity promotes the next one too.
    assert_eq!(
        set_capacity(&app.pool, id, 3, &mail(), Utc::now())
            .await
            .unwrap(),
        CapacityOutcome::Changed
    );
    assert_eq!(count(&app.pool, id, "enrolled").await, 3);
    assert_eq!(count(&app.pool, id, "waitlisted").await, 0);
    assert_eq!(
        set_capacity(&app.pool, id, 1, &mail(), Utc::now())
            .await
            .unwrap(),
        CapacityOutcome::BelowSeatsTaken,
        "cannot cut below seats taken"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn cancellations_racing_enrolments_never_oversell(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 10, Duration::days(1)).await;
    let mut tokens = Vec::new();
    for n in 0..10 {
        tokens.push(token(
            enrol(&app.pool, id, &person(n), &mail(), Utc::now())
                .await
                .unwrap(),
        ));
    }
    let mut tasks = Vec::new();
    for (n, t) in tokens.into_iter().enumerate() {
        let pool = app.pool.clone();
        tasks.push(tokio::spawn(async move {
            cancel_enrolment(&pool, &t, &mail(), Utc::now())
                .await
                .unwrap();
            n
        }));
        let pool = app.pool.clone();
        tasks.push(tokio::spawn(async move {
            enrol(&pool, id, &person(100 + n), &mail(), Utc::now())
                .await
                .unwrap();
            n
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    // 10 seats, 10 newcomers: whatever the interleaving, everyone fits and no one waits.
    assert_eq!(count(&app.pool, id, "enrolled").await, 10);
    assert_eq!(count(&app.pool, id, "waitlisted").await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn one_enrolment_per_person_and_none_for_past_or_cancelled_sessions(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 5, Duration::days(1)).await;
    enrol(&app.pool, id, &person(1), &mail(), Utc::now())
        .await
        .unwrap();
    let mut again = person(1);
    again.contact = Contact::parse("PERSON1@example.org").unwrap();
    enrol(&app.pool, id, &again, &mail(), Utc::now())
        .await
        .unwrap();
    assert_eq!(count(&app.pool, id, "enrolled").await, 1);

    let past = session(&app.pool, 5, Duration::hours(-1)).await;
    assert_eq!(
        enrol(&app.pool, past, &person(2), &mail(), Utc::now())
            .await
            .unwrap(),
        EnrolOutcome::Refused(Refusal::Past)
    );
    sqlx::query("update workshop_sessions set status = 'cancelled' where id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        enrol(&app.pool, id, &person(3), &mail(), Utc::now())
            .await
            .unwrap(),
        EnrolOutcome::Refused(Refusal::Cancelled)
    );
}

/// The enrolment form as a browser posts it.
async fn post_enrol(
    app: &super::helpers::TestApp,
    id: i64,
    first: &str,
    contact: &str,
) -> super::helpers::Reply {
    let form = format!(
        "lang=en&tz=America%2FNew_York&first_name={first}&last_name=Test&contact={}&language=en",
        contact.replace('@', "%40")
    );
    app.post_form(&format!("/workshops/enrol/{id}"), &form, None)
        .await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_pages_list_enrol_waitlist_and_cancel_with_plain_forms(pool: PgPool) {
    use axum::http::{header, StatusCode};
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 1, Duration::days(1)).await;

    let list = app.get("/workshops?lang=en&topic=resumes", None).await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.body.contains("Resumes that get interviews") && list.body.contains("1 seat left"));

    let refused = post_enrol(&app, id, "Ana", "ana@").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused
        .body
        .contains("Please type an email address or a phone number"));
    assert!(refused.body.contains("value=\"Ana\""));

    let first = post_enrol(&app, id, "Ana", "ana@example.org").await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let first_link = first.header(header::LOCATION);
    let page = app.get(&first_link, None).await;
    assert!(page.body.contains("You are enrolled"), "{}", page.body);

    let full = app.get(&format!("/workshops/{id}?lang=en"), None).await;
    assert!(full
        .body
        .contains("Full — join the waitlist, you are number 1"));
    let second = post_enrol(&app, id, "Ben", "503-555-0100").await;
    let second_link = second.header(header::LOCATION);
    let waiting = app.get(&second_link, None).await;
    assert!(waiting.body.contains("You are number 1 on the waitlist"));

    let ics = app
        .get(
            &format!("{}/calendar.ics", first_link.split('?').next().unwrap()),
            None,
        )
        .await;
    assert_eq!(
        super::booking_helpers::parse_ics(&ics.body).method,
        "REQUEST"
    );

    let token = first_link
        .trim_start_matches("/workshops/manage/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let cancelled = app
        .post_form(
            &format!("/workshops/manage/{token}/cancel"),
            "lang=en",
            None,
        )
        .await;
    assert_eq!(cancelled.status, StatusCode::SEE_OTHER);
    let promoted = app.get(&second_link, None).await;
    assert!(
        promoted.body.contains("You are enrolled"),
        "the first on the waitlist got the seat"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_interpreter_request_needs_its_language(pool: PgPool) {
    use axum::http::StatusCode;
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 5, Duration::days(1)).await;
    let form = "lang=en&first_name=Ana&last_name=Test&contact=ana%40example.org&language=es&accommodations=spoken_interpreter&interpreter_language=";
    let refused = app
        .post_form(&format!("/workshops/enrol/{id}"), form, None)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"interpreter_language-error\""));
    let done = app
        .post_form(
            &format!("/workshops/enrol/{id}"),
            &format!("{form}Somali"),
            None,
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let language: Option<String> =
        sqlx::query_scalar("select interpreter_language from workshop_enrolments")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(language.as_deref(), Some("Somali"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn demo_sessions_fall_on_open_days_once(pool: PgPool) {
    let app = spawn_app(pool).await;
    // A Saturday before Thanksgiving: the first sessions are on Monday, none on the holiday.
    let saturday = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 21, 20, 0, 0).unwrap();
    app::db::demo_workshops::seed_workshops(&app.pool, saturday)
        .await
        .unwrap();
    app::db::demo_workshops::seed_workshops(&app.pool, saturday)
        .await
        .unwrap();
    let days: Vec<(chrono::NaiveDate, i64)> = sqlx::query_as(
        "select (starts_at at time zone 'America/Los_Angeles')::date as day, count(*)
         from workshop_sessions where topic = 'orientation' group by 1 order by 1",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    assert_eq!(days.len(), 10, "ten open days, seeded once");
    assert!(
        days.iter().all(|(_, n)| *n == 1),
        "one orientation a day: {days:?}"
    );
    let first = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    assert_eq!(days[0].0, first);
    for (day, _) in &days {
        use chrono::Datelike;
        assert!(
            day.weekday().num_days_from_monday() < 5,
            "{day} is a weekday"
        );
        assert_ne!(
            *day,
            chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
            "Thanksgiving"
        );
    }
}
