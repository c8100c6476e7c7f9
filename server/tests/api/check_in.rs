//! Walk-in check-in through the same HTTP endpoint the kiosk calls.

use crate::helpers::*;
use axum::http::{header, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_check_in_gives_a_ticket_with_place_in_line_and_wait(pool: PgPool) {
    let app = spawn_app(pool).await;
    let first = app.check_in("Ana", "Lopez").await;
    let second = app.check_in("Ben", "K").await;
    assert_eq!(ticket_number(&first), "A-001");
    assert_eq!(first["CheckedIn"]["people_ahead"], 0);
    assert_eq!(ticket_number(&second), "A-002");
    assert_eq!(second["CheckedIn"]["people_ahead"], 1);
    assert_eq!(
        second["CheckedIn"]["wait_minutes"], 20,
        "before anyone was served: a visit of ten minutes, and visits as uneven as that"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn names_in_any_script_are_stored_exactly_as_typed(pool: PgPool) {
    let app = spawn_app(pool).await;
    for (first, last) in [("محمد", "العلي"), ("Nguyễn", "Thị Lan"), ("王", "小明")]
    {
        app.check_in(first, last).await;
    }
    let names: Vec<(String, String)> =
        sqlx::query_as("select first_name, last_name from visits order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        names,
        vec![
            ("محمد".into(), "العلي".into()),
            ("Nguyễn".into(), "Thị Lan".into()),
            ("王".into(), "小明".into())
        ]
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn refused_answers_come_back_per_field_and_nothing_is_stored(pool: PgPool) {
    let app = spawn_app(pool).await;
    let mut bad = answers("", &"x".repeat(51));
    bad["reasons"] = json!(["unemployment_insurance"]);
    bad["consent"] = json!(false);
    let reply = app.check_in_with_key(Uuid::new_v4(), bad).await;
    assert_eq!(reply.status, StatusCode::OK);
    let errors = reply.json()["Invalid"].clone();
    assert_eq!(
        errors,
        json!([
            { "field": "FirstName", "problem": { "Text": "Empty" } },
            { "field": "LastName", "problem": { "Text": { "TooLong": { "max": 50 } } } },
            { "field": "Reasons", "problem": "OnlyHandledElsewhere" },
            { "field": "Consent", "problem": "ConsentRequired" }
        ])
    );
    assert_eq!(app.visit_count().await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_check_in_for_a_center_other_than_the_tablets_is_refused(pool: PgPool) {
    let app = spawn_app(pool).await;
    for center in ["atlantis", "gresham"] {
        let body = json!({ "center_id": center, "language": "es", "key": Uuid::new_v4(), "answers": answers("A", "B") });
        let request = axum::http::Request::post("/api/kiosk/check-in")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::COOKIE, &app.kiosk_cookie)
            .body(axum::body::Body::from(body.to_string()))
            .unwrap();
        assert_eq!(
            app.send(request).await.status,
            StatusCode::FORBIDDEN,
            "{center}"
        );
    }
    assert_eq!(app.visit_count().await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_same_check_in_sent_many_times_at_once_gives_one_ticket(pool: PgPool) {
    let app = spawn_app(pool).await;
    let key = Uuid::new_v4();
    let tasks: Vec<_> = (0..25)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(async move { app.check_in_with_key(key, answers("Double", "Tap")).await })
        })
        .collect();
    let mut numbers = Vec::new();
    for task in tasks {
        let reply = task.await.unwrap();
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        numbers.push(ticket_number(&reply.json()));
    }
    assert!(numbers.iter().all(|n| n == "A-001"), "{numbers:?}");
    assert_eq!(app.visit_count().await, 1);
    let counter: i32 = sqlx::query_scalar("select last_number from ticket_counters")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        counter, 1,
        "losing duplicates must not use up ticket numbers"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_same_check_in_sent_again_later_shows_the_ticket_without_its_follow_link(pool: PgPool) {
    let app = spawn_app(pool).await;
    let key = Uuid::new_v4();
    let first = app
        .check_in_with_key(key, answers("Ana", "Later"))
        .await
        .json();
    assert!(first["CheckedIn"]["follow"]["url"].is_string());
    // A reload soon after: the same ticket, link and all.
    let soon = app
        .check_in_with_key(key, answers("Ana", "Later"))
        .await
        .json();
    assert_eq!(soon["CheckedIn"]["follow"], first["CheckedIn"]["follow"]);
    // The same page brought back for someone else ten minutes later: the number, but not
    // the link that would let them give Ana's place up.
    sqlx::query("update visits set checked_in_at = checked_in_at - interval '10 minutes'")
        .execute(&app.pool)
        .await
        .unwrap();
    let later = app
        .check_in_with_key(key, answers("Ana", "Later"))
        .await
        .json();
    assert_eq!(ticket_number(&later), ticket_number(&first));
    assert!(later["CheckedIn"]["follow"].is_null(), "{later}");
    assert_eq!(app.visit_count().await, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn many_visitors_at_once_get_distinct_consecutive_tickets(pool: PgPool) {
    let app = spawn_app(pool).await;
    let tasks: Vec<_> = (0..40)
        .map(|i| {
            let app = app.clone();
            tokio::spawn(async move { app.check_in(&format!("Visitor{i}"), "Z").await })
        })
        .collect();
    let mut numbers = Vec::new();
    for task in tasks {
        numbers.push(ticket_number(&task.await.unwrap()));
    }
    numbers.sort();
    let expected: Vec<String> = (1..=40).map(|n| format!("A-{n:03}")).collect();
    assert_eq!(numbers, expected);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_wait_estimate_follows_todays_actual_service_times(pool: PgPool) {
    let app = spawn_app(pool).await;
    for name in ["One", "Two", "Three"] {
        app.check_in(name, "Earlier").await;
    }
    // Each visit took 20 minutes from being called to done, all alike.
    sqlx::query(
        "update visits set status = 'done', called_at = now() - interval '25 minutes',
                finished_at = now() - interval '5 minutes'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    app.check_in("First", "Waiting").await;
    let third = app.check_in("Second", "Waiting").await;
    assert_eq!(third["CheckedIn"]["people_ahead"], 1);
    assert_eq!(third["CheckedIn"]["wait_minutes"], 20);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_wait_estimate_plays_the_line_forward_from_what_the_database_holds(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    for name in ["One", "Two", "Three", "Four"] {
        app.check_in(name, "Earlier").await;
    }
    let staff: i64 = sqlx::query_scalar("select id from staff_users limit 1")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    // Three visits took 10 minutes each; the fourth has been with the staff member for 4.
    sqlx::query(
        "update visits set status = 'done', staff_id = $1,
                called_at = now() - interval '50 minutes',
                finished_at = now() - interval '40 minutes'
         where first_name <> 'Four'",
    )
    .bind(staff)
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "update visits set status = 'serving', staff_id = $1, called_at = now() - interval '4 minutes'
         where first_name = 'Four'",
    )
    .bind(staff)
    .execute(&app.pool)
    .await
    .unwrap();
    let next = app.check_in("Five", "Now").await;
    assert_eq!(next["CheckedIn"]["people_ahead"], 0);
    let behind = app.check_in("Six", "Now").await;
    assert_eq!(behind["CheckedIn"]["people_ahead"], 1);
    // Visits of 10, 10, 10 and (at least) 4 minutes: mean 8.5, spread 2.6. The visit in
    // progress has 6 to go (as the ones that ran longer did), Five's takes 8.5, plus one
    // spread: 17.1, told 18.
    assert_eq!(behind["CheckedIn"]["wait_minutes"], 18);
    let queue = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert!(
        queue
            .body
            .contains("A walk-in checking in now is told: about 27 min wait."),
        "two ahead of a new walk-in now: {}",
        queue.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn before_todays_visits_say_enough_the_centers_earlier_visits_do(pool: PgPool) {
    let app = spawn_app(pool).await;
    let known = app::domain::wait::KNOWN_VISITS;
    for n in 0..=known {
        app.check_in(&format!("Earlier{n}"), "Day").await;
    }
    // Yesterday's visits each took 30 minutes.
    sqlx::query(
        "update visits set service_day = service_day - 1, status = 'done',
                called_at = now() - interval '1 day 40 minutes',
                finished_at = now() - interval '1 day 10 minutes'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    // But for the latest, a call nobody closed for eight hours: not a visit's length.
    sqlx::query(
        "update visits set called_at = now() - interval '1 day 8 hours',
                finished_at = now() - interval '1 day'
         where first_name = 'Earlier0'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    app.check_in("First", "Today").await;
    let second = app.check_in("Second", "Today").await;
    assert_eq!(second["CheckedIn"]["people_ahead"], 1);
    // Nothing done today yet: the visit ahead takes what yesterday's took. (Without them,
    // the default ten minutes, give or take ten: told 20.)
    assert_eq!(second["CheckedIn"]["wait_minutes"], 30);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn kiosk_pages_are_never_cached_and_show_the_center(pool: PgPool) {
    let app = spawn_app(pool).await;
    let welcome = app.get("/kiosk/tigard?lang=es", None).await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert_eq!(welcome.header(header::CACHE_CONTROL), "no-store");
    assert!(
        welcome.body.contains("Bienvenido a WorkSource"),
        "{}",
        welcome.body
    );
    assert!(welcome.body.contains("lang=\"es\""));
    let wizard = app.get("/kiosk/tigard/check-in", None).await;
    assert_eq!(wizard.header(header::CACHE_CONTROL), "no-store");
    assert!(wizard.body.contains("What is your first name?"));
    // Every screen is in the page, each name with its own input, and no empty ID list.
    assert!(wizard.body.contains("id=\"first-name-input\""));
    assert!(wizard.body.contains("id=\"last-name-input\""));
    assert!(wizard
        .body
        .contains("Have you registered with WorkSource already?"));
    assert!(!wizard.body.contains("aria-describedby=\"\""));
    // Tigard's tablet is no kiosk of another address, and says whose it is.
    let unknown = app.get("/kiosk/atlantis", None).await;
    assert_eq!(unknown.status, StatusCode::FORBIDDEN);
    assert!(unknown.body.contains("This tablet is the kiosk of Tigard."));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn health_and_readiness_answer(pool: PgPool) {
    let app = spawn_app(pool).await;
    assert_eq!(app.get("/healthz", None).await.status, StatusCode::OK);
    assert_eq!(app.get("/readyz", None).await.status, StatusCode::OK);
    app.pool.close().await;
    assert_eq!(
        app.get("/readyz", None).await.status,
        StatusCode::SERVICE_UNAVAILABLE
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_training_request_names_the_team_that_will_see_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    let mut training = answers("Tomás", "R");
    training["reasons"] = json!(["training_scholarships", "job_search"]);
    let reply = app.check_in_with_key(Uuid::new_v4(), training).await;
    assert_eq!(
        reply.json()["CheckedIn"]["team_note"],
        "The SkillsTeam will see your request today."
    );
    // A reason no team takes says nothing of teams.
    let plain = app.check_in("Uma", "S").await;
    assert_eq!(plain["CheckedIn"]["team_note"], "");

    // Without JavaScript the ticket says the same, in the visitor's language.
    let whole = format!(
        "lang=es&step=privacy&go=next&key={}&first_name=Tom%C3%A1s&last_name=R&reasons=training_scholarships&registered=yes",
        Uuid::new_v4()
    );
    let ticket = app.post_form("/kiosk/tigard/check-in", &whole, None).await;
    assert_eq!(ticket.status, StatusCode::OK, "{}", ticket.body);
    assert!(ticket.body.contains(
        r#"data-testid="ticket-team" class="ticket-team">El equipo SkillsTeam verá hoy su solicitud.</p>"#
    ));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_key_gives_a_ticket_only_at_its_own_center_on_its_own_day(pool: PgPool) {
    let app = spawn_app(pool).await;
    let key = Uuid::new_v4();
    let first = app.check_in_with_key(key, answers("Ana", "Lopez")).await;
    assert_eq!(first.status, StatusCode::OK);
    let ticket = first.json()["CheckedIn"].clone();
    // The same key again, same tablet, same day: the same ticket (a retry, a double tap).
    let again = app.check_in_with_key(key, answers("Ana", "Lopez")).await;
    assert_eq!(again.json()["CheckedIn"], ticket);

    // Another center's tablet with the key (copied from a page): no ticket, no visit.
    let gresham = pair_tablet(&app.pool, "gresham").await;
    let body = json!({ "center_id": "gresham", "language": "en", "key": key, "answers": answers("Eve", "K"), "visitor": 0 });
    let request = axum::http::Request::post("/api/kiosk/check-in")
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ACCEPT, "application/json")
        .header(header::COOKIE, &gresham)
        .body(axum::body::Body::from(body.to_string()))
        .unwrap();
    let elsewhere = app.send(request).await;
    assert_ne!(elsewhere.status, StatusCode::OK, "{}", elsewhere.body);
    assert!(!elsewhere.body.contains(ticket["number"].as_str().unwrap()));

    // Yesterday's key at the same tablet: no ticket either.
    sqlx::query("update visits set service_day = service_day - 1")
        .execute(&app.pool)
        .await
        .unwrap();
    let stale = app.check_in_with_key(key, answers("Ana", "Lopez")).await;
    assert_ne!(stale.status, StatusCode::OK);
    assert_eq!(app.visit_count().await, 1);
}
