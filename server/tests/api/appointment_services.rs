//! Appointment services are the agency's data: an admin adds one named in every language
//! with how it is held, and the booking page offers it at once in each; a hidden one can no
//! longer be booked (not even by a hand-made post) while its bookings keep its name; where
//! a service is held more than one way the participant must choose, and what they chose is
//! what every page, email and calendar file says; refused forms keep what was typed.

use super::booking_helpers::{book, details_form, enc, first_free, post_details, token_of};
use super::helpers::*;
use axum::http::{header, StatusCode};
use sqlx::PgPool;
use uuid::Uuid;

async fn admin(app: &TestApp) -> String {
    app.sign_in_with_role("admin@frontdesk.test", "Ada Admin", "admin")
        .await
}

fn service_form(code: &str, en: &str, es: &str, held: &[&str], arrival: &str) -> String {
    let held: String = held.iter().map(|h| format!("&held={h}")).collect();
    format!(
        "lang=en&code={}&name_en={}&name_es={}&hint_en=&hint_es={held}&arrival_reason={}",
        enc(code),
        enc(en),
        enc(es),
        enc(arrival)
    )
}

/// Offers service `code` at the test center: 30-minute slots, one person each.
async fn offer_at_center(app: &TestApp, code: &str) {
    sqlx::query(
        "insert into center_services (center_id, service_id, slot_minutes, capacity)
         values ($1, $2, 30, 1)",
    )
    .bind(CENTER)
    .bind(code)
    .execute(&app.pool)
    .await
    .unwrap();
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_service_an_admin_adds_is_bookable_at_once_in_english_and_spanish(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let form = service_form(
        "",
        "Youth employment coaching",
        "Orientación laboral para jóvenes",
        &["phone", "video"],
        "job_coaching",
    );
    let added = app.post_form("/staff/services", &form, Some(&admin)).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(
        added.header(header::LOCATION),
        "/staff/services?lang=en&notice=added"
    );
    offer_at_center(&app, "youth_employment_coaching").await;

    let en = app.get("/book?lang=en", None).await;
    let es = app.get("/book?lang=es", None).await;
    assert!(en.body.contains("Youth employment coaching"), "{}", en.body);
    assert!(es.body.contains("Orientación laboral para jóvenes"));
    // The built-in ones stay, in their order, before the new one.
    let at = |body: &str, name: &str| body.find(name).unwrap_or(usize::MAX);
    assert!(at(&en.body, "Career coaching") < at(&en.body, "Youth employment coaching"));

    // Booked through the form, with the way the participant chose.
    let start = first_free(&app, "youth_employment_coaching").await;
    let token = book(&app, "youth_employment_coaching", start, 1).await;
    let held: String = sqlx::query_scalar("select held from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(held, "phone");
    let manage = app
        .get(&format!("/book/manage/{token}?lang=es"), None)
        .await;
    assert!(manage.body.contains("Orientación laboral para jóvenes"));
    assert!(
        manage.body.contains("le llamamos al (503) 555-0001"),
        "{}",
        manage.body
    );
    // The calendar file says it is a call, without the number (calendars are shared).
    let ics: String = sqlx::query_scalar("select ics from outbox where kind = 'confirmation'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(ics.contains("LOCATION:Phone call from"), "{ics}");
    assert!(
        !ics.contains("555-0001") && !ics.contains("5550001"),
        "{ics}"
    );

    // An arrival joins the line with the reason the admin chose.
    let code: String = sqlx::query_scalar("select code from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let center = app::db::centers::find_center(&app.pool, CENTER)
        .await
        .unwrap()
        .unwrap();
    let arrived = app::db::arrivals::arrive(
        &app.pool,
        &center,
        &app::db::arrivals::Lookup::Code(code),
        start - chrono::Duration::minutes(5),
    )
    .await
    .unwrap();
    assert!(matches!(
        arrived,
        app::db::arrivals::ArrivalOutcome::Arrived { .. }
    ));
    let reasons: Vec<String> =
        sqlx::query_scalar("select reasons from visits where booking_id is not null")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(reasons, ["job_coaching"]);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn where_a_service_is_held_two_ways_the_participant_chooses_and_every_message_says_it(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    // Career coaching is held by phone or video: the form asks.
    let start = first_free(&app, "career_coaching").await;
    let page = app
        .get(
            &format!(
                "/book/details?service=career_coaching&center={CENTER}&tz={}&lang=en&start={}",
                enc("America/Los_Angeles"),
                enc(&start.to_rfc3339())
            ),
            None,
        )
        .await;
    assert!(page.body.contains("name=\"held\""), "{}", page.body);
    assert!(page.body.contains("Video call"));

    // Not chosen: refused beside the question, everything typed kept, nothing booked.
    let unchosen =
        details_form("career_coaching", start, Uuid::new_v4(), 4).replace("&held=phone", "");
    let refused = post_details(&app, &unchosen).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Choose how you would like to meet."));
    assert!(refused.body.contains("value=\"Ana4\""));
    // A way the service does not offer is no choice either.
    let in_person = unchosen.clone() + "&held=in_person";
    assert_eq!(
        post_details(&app, &in_person).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let none: i64 = sqlx::query_scalar("select count(*) from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(none, 0);

    // Video, chosen: the confirmation, its calendar file and the staff calendar say so.
    let video = unchosen + "&held=video";
    let booked = post_details(&app, &video).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
    let token = token_of(&booked.header(header::LOCATION));
    let manage = app
        .get(&format!("/book/manage/{token}?lang=en"), None)
        .await;
    assert!(manage.body.contains("Video call with"), "{}", manage.body);
    let (body, ics): (String, String) =
        sqlx::query_as("select body, ics from outbox where kind = 'confirmation'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(body.contains("Video call with"), "{body}");
    assert!(ics.contains("LOCATION:Video call with"), "{ics}");
    let staff = app.sign_in().await;
    let day = start
        .with_timezone(&chrono_tz::America::Los_Angeles)
        .date_naive();
    let calendar = app
        .get(
            &format!("/staff/calendar?lang=en&center={CENTER}&day={day}"),
            Some(&staff),
        )
        .await;
    assert!(
        calendar.body.contains("Career coaching · Video call"),
        "{}",
        calendar.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_hidden_service_cannot_be_booked_but_its_bookings_keep_their_name(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let start = first_free(&app, "resume_review").await;
    let token = book(&app, "resume_review", start, 1).await;
    let later = first_free(&app, "resume_review").await;

    let hidden = app
        .post_form(
            "/staff/services/resume_review/hide",
            "lang=en",
            Some(&admin),
        )
        .await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER, "{}", hidden.body);
    let book_page = app.get("/book?lang=en", None).await;
    assert!(!book_page.body.contains("Resume review"));
    // A hand-made post for it books nothing.
    let form = details_form("resume_review", later, Uuid::new_v4(), 2);
    let refused = post_details(&app, &form).await;
    assert!(
        refused.header(header::LOCATION).starts_with("/book?"),
        "back to the first step: {}",
        refused.status
    );
    let count: i64 = sqlx::query_scalar("select count(*) from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 1);
    // The booking made before keeps its name.
    let manage = app
        .get(&format!("/book/manage/{token}?lang=es"), None)
        .await;
    // It can be cancelled but not moved: there are no times to move it to.
    assert!(
        manage.body.contains("ya no se reserva en línea"),
        "{}",
        manage.body
    );
    assert!(manage.body.contains("Cancelar esta cita"));
    let moving = app
        .get(&format!("/book/manage/{token}/reschedule?lang=es"), None)
        .await;
    assert!(
        !moving.body.contains("name=\"service\""),
        "no new booking offered"
    );
    assert!(
        manage.body.contains("Revisión de currículum"),
        "{}",
        manage.body
    );

    // Offered again, and moved to the top of the list; the log says who did what.
    for action in ["show", "up", "up"] {
        let reply = app
            .post_form(
                &format!("/staff/services/resume_review/{action}"),
                "lang=en",
                Some(&admin),
            )
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    }
    let book_page = app.get("/book?lang=en", None).await;
    let first = book_page.body.find("Resume review").unwrap_or(usize::MAX);
    assert!(first < book_page.body.find("Career coaching").unwrap_or(0));
    let page = app.get("/staff/services?lang=en", Some(&admin)).await;
    assert!(page.body.contains("Ada Admin"));
    assert!(page.body.contains("service resume_review"));
    assert!(page.body.contains("moved up"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn refused_service_forms_keep_what_was_typed_and_codes_are_never_taken_twice(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    // No way of holding it, an arrival reason the agency does not have, no Spanish name.
    let form = service_form("", "Veterans services", "", &[], "made_up_reason");
    let refused = app.post_form("/staff/services", &form, Some(&admin)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for message in [
        "Tick at least one way the appointment is held.",
        "Choose one of the visit reasons in the list.",
        "Type a name of at most 60 characters",
    ] {
        assert!(
            refused.body.contains(message),
            "{message}: {}",
            refused.body
        );
    }
    assert!(refused.body.contains("value=\"Veterans services\""));

    // A code another service has.
    let taken = service_form("career_coaching", "Coaching", "Orientación", &["phone"], "");
    let reply = app.post_form("/staff/services", &taken, Some(&admin)).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply.body.contains("not another service"));

    // Editing keeps the code whatever is typed, and logs the change.
    let edit = service_form(
        "ignored",
        "Career coaching",
        "Orientación profesional",
        &["in_person"],
        "",
    );
    let saved = app
        .post_form("/staff/services/career_coaching/edit", &edit, Some(&admin))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let held: Vec<String> =
        sqlx::query_scalar("select held from services where id = 'career_coaching'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(held, ["in_person"]);
    // Unknown and impossible codes answer 404 before any change.
    for path in [
        "/staff/services/nothing_here/edit",
        "/staff/services/Bad%20Code/hide",
        "/staff/services/career_coaching/delete",
    ] {
        let reply = app.post_form(path, &edit, Some(&admin)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn only_admins_change_services(pool: PgPool) {
    let app = spawn_app(pool).await;
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Max Manager", "manager")
        .await;
    let form = service_form("", "Sneaky", "Sneaky", &["phone"], "");
    for (path, who) in [
        ("/staff/services", Some(manager.as_str())),
        (
            "/staff/services/career_coaching/hide",
            Some(manager.as_str()),
        ),
        ("/staff/services", None),
    ] {
        let reply = app.post_form(path, &form, who).await;
        assert!(
            reply.status == StatusCode::FORBIDDEN || reply.status == StatusCode::SEE_OTHER,
            "{path}: {}",
            reply.status
        );
        if reply.status == StatusCode::SEE_OTHER {
            assert!(reply.header(header::LOCATION).starts_with("/staff/login"));
        }
    }
    let page = app.get("/staff/services?lang=en", Some(&manager)).await;
    assert!(page
        .body
        .contains("Only admins set up the appointment services."));
    let count: i64 = sqlx::query_scalar("select count(*) from services where not hidden")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(count, 5);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn admins_adding_and_moving_services_at_once_keep_one_order(pool: PgPool) {
    let app = std::sync::Arc::new(spawn_app(pool).await);
    let admin = admin(&app).await;
    let tasks: Vec<_> = (0..16)
        .map(|n| {
            let (app, admin) = (app.clone(), admin.clone());
            tokio::spawn(async move {
                let (path, form) = if n % 2 == 0 {
                    let name = format!("Service number {n}");
                    (
                        "/staff/services".to_owned(),
                        service_form("", &name, &name, &["video"], ""),
                    )
                } else {
                    let code = ["career_coaching", "resume_review", "skills_team"][n % 3];
                    (format!("/staff/services/{code}/down"), "lang=en".to_owned())
                };
                app.post_form(&path, &form, Some(&admin)).await.status
            })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::SEE_OTHER);
    }
    let positions: Vec<i16> = sqlx::query_scalar("select position from services order by position")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(positions.len(), 13, "5 built in and 8 added");
    let expected: Vec<i16> = (0..13).collect();
    assert_eq!(positions, expected, "no place taken twice");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_language_left_empty_loses_its_old_service_name_and_booking_shows_english(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let old: String = sqlx::query_scalar(
        "select name from service_texts where service_id = 'career_coaching' and locale = 'vi'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let form = service_form(
        "ignored",
        "Coaching for your career",
        "Orientación para su carrera",
        &["phone", "video"],
        "job_coaching",
    );
    let saved = app
        .post_form("/staff/services/career_coaching/edit", &form, Some(&admin))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let vi = app.get("/book?lang=vi", None).await;
    assert!(vi.body.contains("Coaching for your career"), "{}", vi.body);
    assert!(!vi.body.contains(&old), "the old Vietnamese name is gone");
    let left: i64 = sqlx::query_scalar(
        "select count(*) from service_texts where service_id = 'career_coaching' and locale not in ('en', 'es')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(left, 0);
}
