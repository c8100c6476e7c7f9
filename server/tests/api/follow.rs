//! A walk-in ticket followed from the visitor's phone (`/t/{token}`): what the link shows
//! and to whom, the desk a called visitor is sent to, "I need to leave", and the live
//! stream; and what a stranger with the link, or without it, can do.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;

async fn status_of(app: &TestApp, first: &str) -> String {
    sqlx::query_scalar("select status from visits where first_name = $1")
        .bind(first)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_ticket_links_to_its_place_in_line_and_never_to_a_name(pool: PgPool) {
    let app = spawn_app(pool).await;
    let first = app.check_in("Anabel", "Zapata").await;
    let second = app.check_in("Bartholomew", "Yates").await;
    let svg = second["CheckedIn"]["follow"]["qr_svg"].as_str().unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("viewBox"), "{svg}");
    let short = second["CheckedIn"]["follow"]["short"].as_str().unwrap();
    assert!(short.starts_with("frontdesk.test/t/"), "{short}");
    // Two tickets, two secrets: 16 random bytes each.
    let (one, two) = (follow_path(&first), follow_path(&second));
    assert_ne!(one, two);
    assert_eq!(two.len(), "/t/".len() + 22);

    let page = app.get(&two, None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("A-002"), "{}", page.body);
    assert!(page.body.contains("You are number 2 in line."));
    assert!(!page.body.contains("Bartholomew") && !page.body.contains("Yates"));
    assert!(!page.body.contains("Anabel") && !page.body.contains("Zapata"));
    // Personal: never kept by a cache; without JavaScript it reloads itself.
    assert_eq!(page.header(header::CACHE_CONTROL), "no-store");
    assert!(
        page.body.contains(&format!(
            r#"<noscript><meta http-equiv="refresh" content="30; url={two}?lang=en">"#
        )),
        "{}",
        page.body
    );
    let first_page = app.get(&one, None).await;
    assert!(first_page.body.contains("You are next in line."));

    // In another language when asked; the visitor's check-in language otherwise.
    let spanish = app.get(&format!("{two}?lang=es"), None).await;
    assert!(spanish.body.contains(r#"lang="es""#));
    assert!(
        spanish.body.contains("Usted es el número 2 en la fila."),
        "{}",
        spanish.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_check_in_sent_twice_shows_the_same_link(pool: PgPool) {
    let app = spawn_app(pool).await;
    let key = uuid::Uuid::new_v4();
    let once = app
        .check_in_with_key(key, answers("Anabel", "Zapata"))
        .await
        .json();
    let twice = app
        .check_in_with_key(key, answers("Anabel", "Zapata"))
        .await
        .json();
    assert_eq!(follow_path(&once), follow_path(&twice));
    assert_eq!(app.visit_count().await, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn unknown_and_malformed_links_show_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.check_in("Anabel", "Zapata").await;
    for path in [
        "/t/AAAAAAAAAAAAAAAAAAAAAA",
        "/t/short",
        "/t/%27%20or%201%3D1--%20aaaaaaaaaaa",
        "/t/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ] {
        let page = app.get(path, None).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{path}");
        assert!(page.body.contains("We cannot find this ticket."), "{path}");
        assert!(!page.body.contains("A-001"), "{path}");
        let events = app.get(&format!("{path}/events"), None).await;
        assert_eq!(events.status, StatusCode::NO_CONTENT, "{path}");
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_called_visitor_is_sent_to_the_desk_their_caller_chose(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let cookie = app.sign_in().await;

    // A desk name that is not one is refused beside the field, as typed.
    let refused = app
        .post_form(
            "/staff/queue/desk",
            "center_id=tigard&desk=%3Cb%3E3",
            Some(&cookie),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused
        .body
        .contains("Use only letters, digits, spaces and hyphens"));
    assert!(
        refused.body.contains(r#"value="&lt;b&gt;3""#),
        "{}",
        refused.body
    );

    let saved = app
        .post_form(
            "/staff/queue/desk",
            "center_id=tigard&desk=+3+",
            Some(&cookie),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let queue = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert!(queue.body.contains("Call next to desk 3"), "{}", queue.body);

    app.post_form("/staff/queue/call-next", "center_id=tigard", Some(&cookie))
        .await;
    let page = app.get(&path, None).await;
    assert!(
        page.body.contains("It's your turn: go to desk 3."),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"data-stage="called""#));
    assert!(page.body.contains(r#"role="alert""#));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_visitor_gives_up_their_place_once_and_only_from_this_site(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);

    // Another site cannot send the form for the visitor, link or not.
    let forged = Request::post(format!("{path}/leave"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from("lang=en"))
        .unwrap();
    assert_eq!(app.send(forged).await.status, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, "Anabel").await, "waiting");

    // An unknown link gives up nobody's place.
    let wrong = app
        .post_form("/t/AAAAAAAAAAAAAAAAAAAAAA/leave", "lang=en", None)
        .await;
    assert_eq!(wrong.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, "Anabel").await, "waiting");

    let left = app
        .post_form(&format!("{path}/leave"), "lang=es", None)
        .await;
    assert_eq!(left.status, StatusCode::SEE_OTHER);
    assert_eq!(left.header(header::LOCATION), format!("{path}?lang=es"));
    assert_eq!(status_of(&app, "Anabel").await, "left");
    let page = app.get(&path, None).await;
    assert!(page.body.contains("You gave up your place in line."));
    assert!(
        !page.body.contains("Yes, give up my place"),
        "nothing left to give up"
    );
    // Again: nothing changes, and the staff's record of when they left stays.
    let finished: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("select finished_at from visits")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    app.post_form(&format!("{path}/leave"), "lang=en", None)
        .await;
    let again: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("select finished_at from visits")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(finished, again);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn giving_up_places_is_rate_limited(pool: PgPool) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let burst = app::domain::limits::Limited::FollowLeave.quota().burst;
    for _ in 0..burst {
        let reply = app
            .post_form(&format!("{path}/leave"), "lang=en", None)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let refused = app
        .post_form(&format!("{path}/leave"), "lang=en", None)
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!refused.header(header::RETRY_AFTER).is_empty());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_ticket_of_an_earlier_day_only_says_it_has_expired(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    sqlx::query("update visits set service_day = service_day - 1")
        .execute(&app.pool)
        .await
        .unwrap();
    let page = app.get(&path, None).await;
    assert!(page.body.contains("This link has expired"), "{}", page.body);
    assert!(!page.body.contains("in line.") && !page.body.contains("Estimated wait"));
    assert!(!page.body.contains("I need to leave"));
    app.post_form(&format!("{path}/leave"), "lang=en", None)
        .await;
    assert_eq!(
        status_of(&app, "Anabel").await,
        "waiting",
        "yesterday's link changes nothing"
    );
    let events = app.get(&format!("{path}/events"), None).await;
    assert_eq!(events.status, StatusCode::NO_CONTENT);
}

async fn open_stream(app: &TestApp, path: &str) -> axum::response::Response {
    let request = Request::get(format!("{path}/events"))
        .body(Body::empty())
        .unwrap();
    tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_stream_sends_each_change_and_ends_with_the_visit(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let response = open_stream(&app, &path).await;
    assert_eq!(response.status(), StatusCode::OK);
    let mut body = response.into_body().into_data_stream();
    let first = next_event(&mut body).await.unwrap();
    assert!(
        first.contains("You are next in line.") && !first.contains("Anabel"),
        "{first}"
    );

    // What another process hears on PostgreSQL's channel reaches the stream.
    let id: i64 = sqlx::query_scalar("select id from visits")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let staff_id: i64 = sqlx::query_scalar("select id from staff_users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let act = |action| {
        app::db::queue::apply_action_at_desk(
            &app.pool,
            CENTER,
            id,
            action,
            staff_id,
            Some("3"),
            chrono::Utc::now(),
        )
    };
    assert!(act(app::domain::queue::QueueAction::Call).await.unwrap());
    app.state.queue_changes.send(CENTER.to_owned()).unwrap();
    let called = next_event(&mut body).await.unwrap();
    assert!(called.contains("It's your turn: go to desk 3."), "{called}");

    // News of another center is not news here; the same state is not sent twice.
    app.state.queue_changes.send("gresham".to_owned()).unwrap();
    app.state.queue_changes.send(CENTER.to_owned()).unwrap();
    assert!(act(app::domain::queue::QueueAction::Done).await.unwrap());
    app.state.queue_changes.send(CENTER.to_owned()).unwrap();
    let done = next_event(&mut body).await.unwrap();
    assert!(done.contains("Your visit is finished."), "{done}");
    assert_eq!(
        next_event(&mut body).await,
        None,
        "the stream ends after the last state"
    );
    // Reconnecting then gets 204: EventSource stops.
    assert_eq!(
        open_stream(&app, &path).await.status(),
        StatusCode::NO_CONTENT
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn one_link_holds_at_most_four_streams(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let mut open = Vec::new();
    for _ in 0..app::domain::follow::FOLLOW_STREAMS_PER_TICKET {
        let response = open_stream(&app, &path).await;
        assert_eq!(response.status(), StatusCode::OK);
        open.push(response);
    }
    let refused = open_stream(&app, &path).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    // A closed screen frees its place.
    open.pop();
    assert_eq!(open_stream(&app, &path).await.status(), StatusCode::OK);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_called_visitor_handed_to_a_colleague_is_sent_to_the_colleagues_desk(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let me = app.sign_in().await;
    let colleague = app
        .sign_in_with_role("colleague@frontdesk.test", "Colleague", "front_desk")
        .await;
    app.post_form("/staff/queue/desk", "center_id=tigard&desk=3", Some(&me))
        .await;
    app.post_form(
        "/staff/queue/desk",
        "center_id=tigard&desk=B-7",
        Some(&colleague),
    )
    .await;
    app.post_form("/staff/queue/call-next", "center_id=tigard", Some(&me))
        .await;
    assert!(app.get(&path, None).await.body.contains("go to desk 3."));

    let (visit, to): (i64, i64) = sqlx::query_as(
        "select v.id, u.id from visits v, staff_users u where u.email = 'colleague@frontdesk.test'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let form = format!("center_id=tigard&visit_id={visit}&to=staff:{to}");
    let moved = app
        .post_form("/staff/queue/transfer", &form, Some(&me))
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let page = app.get(&path, None).await;
    assert!(
        page.body.contains("It's your turn: go to desk B-7."),
        "{}",
        page.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_visitor_who_came_to_register_gets_the_agencys_registration_address(pool: PgPool) {
    let app = spawn_app(pool).await;
    let mut register = answers("Anabel", "Zapata");
    register["reasons"] = serde_json::json!(["register"]);
    // No address set: nothing to show.
    let reply = app
        .check_in_with_key(uuid::Uuid::new_v4(), register.clone())
        .await
        .json();
    assert!(reply["CheckedIn"]["registration"].is_null(), "{reply}");

    sqlx::query("update agency_settings set registration_url = 'https://register.example.org/'")
        .execute(&app.pool)
        .await
        .unwrap();
    app.state.agency.reload(&app.pool).await.unwrap();
    let reply = app
        .check_in_with_key(uuid::Uuid::new_v4(), register)
        .await
        .json();
    let link = &reply["CheckedIn"]["registration"];
    assert_eq!(link["url"], "https://register.example.org/");
    assert_eq!(link["short"], "register.example.org");
    assert!(link["qr_svg"].as_str().unwrap().starts_with("<svg"));
    // Another reason: no registration on the ticket.
    let other = app.check_in("Bartholomew", "Yates").await;
    assert!(other["CheckedIn"]["registration"].is_null(), "{other}");
}
