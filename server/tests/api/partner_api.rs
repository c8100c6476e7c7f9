//! The partners' read API, `/api/v1`, as a partner's program and a stranger with curl
//! meet it: the same free times as the booking page, times and seats that move with
//! bookings and enrolments, nothing of any person, problems as RFC 9457 JSON, CORS for
//! any site, ETags, and a limit per address.

use super::booking_helpers::{book, details_form, enc, post_details};
use super::helpers::*;
use super::workshops::{mail, person, session};
use app::services::workshops::{cancel_enrolment, enrol, EnrolOutcome};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde_json::Value;
use sqlx::PgPool;
use std::collections::BTreeSet;

const SERVICE: &str = "resume_review";

async fn api(app: &TestApp, path: &str) -> Reply {
    let request = Request::get(path)
        .header(header::ACCEPT, "application/json")
        .body(Body::empty())
        .unwrap();
    app.send(request).await
}

async fn api_json(app: &TestApp, path: &str) -> Value {
    let reply = api(app, path).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    assert_eq!(reply.header(header::CONTENT_TYPE), "application/json");
    reply.json()
}

fn starts_of(answer: &Value) -> BTreeSet<DateTime<Utc>> {
    answer["times"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["start"].as_str().unwrap().parse().unwrap())
        .collect()
}

/// The times the booking page's day-and-time step offers on `day`, in `zone`.
async fn page_starts(app: &TestApp, zone: &str, day: NaiveDate) -> BTreeSet<DateTime<Utc>> {
    let page = app
        .get(
            &format!(
                "/book/times?service={SERVICE}&center={CENTER}&tz={}&day={day}&lang=en",
                enc(zone)
            ),
            None,
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let tz: Tz = zone.parse().unwrap();
    page.body
        .split("name=\"start\" value=\"")
        .skip(1)
        .map(|rest| {
            rest.split('"')
                .next()
                .unwrap()
                .parse::<DateTime<Utc>>()
                .unwrap()
        })
        // A day without times shows the first day with some instead.
        .filter(|start| start.with_timezone(&tz).date_naive() == day)
        .collect()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_free_times_are_the_ones_the_booking_page_offers_in_any_zone(pool: PgPool) {
    let app = spawn_app(pool).await;
    for zone in ["America/Los_Angeles", "Pacific/Kiritimati", "America/Adak"] {
        let tz: Tz = zone.parse().unwrap();
        let from = Utc::now().with_timezone(&tz).date_naive();
        let to = from + Duration::days(20);
        let answer = api_json(
            &app,
            &format!(
                "/api/v1/free-times?service={SERVICE}&center={CENTER}&time_zone={}&from={from}&to={to}",
                enc(zone)
            ),
        )
        .await;
        assert_eq!(answer["time_zone"], zone);
        let mut offered = BTreeSet::new();
        let mut day = from;
        while day <= to {
            offered.extend(page_starts(&app, zone, day).await);
            day = day.succ_opt().unwrap();
        }
        assert!(offered.len() > 10, "the test center offers times");
        assert_eq!(starts_of(&answer), offered, "{zone}");
        // Each local start is the UTC start on the zone's clock.
        for time in answer["times"].as_array().unwrap() {
            let start: DateTime<Utc> = time["start"].as_str().unwrap().parse().unwrap();
            let local =
                DateTime::parse_from_rfc3339(time["local_start"].as_str().unwrap()).unwrap();
            assert_eq!(local, start.with_timezone(&tz).fixed_offset());
            assert_eq!(time["centers"], serde_json::json!([CENTER]));
        }
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_booking_takes_its_time_out_of_the_answer_and_changes_its_etag(pool: PgPool) {
    let app = spawn_app(pool).await;
    sqlx::query("update center_services set capacity = 1 where center_id = $1 and service_id = $2")
        .bind(CENTER)
        .bind(SERVICE)
        .execute(&app.pool)
        .await
        .unwrap();
    let path = format!("/api/v1/free-times?service={SERVICE}&center={CENTER}");
    let before = api(&app, &path).await;
    let tag = before.header(header::ETAG);
    assert!(tag.starts_with("W/\""), "{tag}");
    assert_eq!(before.header(header::CACHE_CONTROL), "public, max-age=30");
    let first = *starts_of(&before.json()).iter().next().unwrap();

    // Unchanged: 304 and no body.
    let again = app
        .send(
            Request::get(&path)
                .header(header::IF_NONE_MATCH, &tag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.header(header::ETAG), tag);

    book(&app, SERVICE, first, 1).await;
    let after = app
        .send(
            Request::get(&path)
                .header(header::IF_NONE_MATCH, &tag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(after.status, StatusCode::OK, "changed since");
    assert_ne!(after.header(header::ETAG), tag);
    let left = starts_of(&after.json());
    assert!(!left.contains(&first), "the booked time is gone");
    assert_eq!(left.len() + 1, starts_of(&before.json()).len());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn seats_left_and_the_waitlist_move_with_enrolments(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 2, Duration::days(2)).await;
    let seats = |list: &Value| {
        let s = list["sessions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .unwrap_or_else(|| panic!("session listed: {list}"))
            .clone();
        (
            s["seats_left"].as_u64().unwrap(),
            s["waitlist_length"].as_u64().unwrap(),
        )
    };
    let path = format!("/api/v1/workshops?place={CENTER}&topic=resumes");
    assert_eq!(seats(&api_json(&app, &path).await), (2, 0));
    let mut tokens = Vec::new();
    for n in 1..=3 {
        match enrol(&app.pool, id, &person(n), &mail(), Utc::now())
            .await
            .unwrap()
        {
            EnrolOutcome::Done { token, .. } => tokens.push(token),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        seats(&api_json(&app, &path).await),
        (0, 1),
        "two enrolled, one waits"
    );
    cancel_enrolment(&app.pool, &tokens[0], &mail(), Utc::now())
        .await
        .unwrap();
    assert_eq!(
        seats(&api_json(&app, &path).await),
        (0, 0),
        "the one waiting moved up"
    );
    cancel_enrolment(&app.pool, &tokens[1], &mail(), Utc::now())
        .await
        .unwrap();
    let list = api_json(&app, &path).await;
    assert_eq!(seats(&list), (1, 0));
    let shown = list["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(
        shown["enrol_url"],
        format!("http://frontdesk.test/workshops/{id}")
    );
    assert_eq!(shown["center"], CENTER);
    assert_eq!(shown["virtual_session"], false);

    // Hiring events are the sessions of that topic alone.
    sqlx::query("update workshop_sessions set topic = 'hiring_event', employer = 'Acme Bakery' where id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    // (A topic asked of the hiring events is not theirs to choose: it is ignored.)
    let events = api_json(&app, "/api/v1/hiring-events?topic=resumes").await;
    let listed = events["sessions"].as_array().unwrap();
    assert!(
        listed.iter().all(|s| s["topic"] == "hiring_event"),
        "{events}"
    );
    assert!(listed
        .iter()
        .any(|s| s["id"] == id && s["employer"] == "Acme Bakery"));
    assert!(!api_json(&app, &path).await["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["id"] == id));
}

/// Canary values: if any of them shows in an answer, the API leaks a person's data.
const CANARIES: [&str; 8] = [
    "Zqcanaryfirst",
    "Zqcanarylast",
    "zqcanary@example.org",
    "5035550199",
    "503-555-0199",
    "Zqcanarywalkin",
    "Zqcanarystaff",
    "zqcanary.example.org/meet",
];

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn no_answer_holds_a_name_an_email_or_a_phone(pool: PgPool) {
    let app = spawn_app(pool).await;
    // A booking, an enrolment, a walk-in and a facilitator, each with canary values.
    let start = *starts_of(
        &api_json(
            &app,
            &format!("/api/v1/free-times?service={SERVICE}&center={CENTER}"),
        )
        .await,
    )
    .iter()
    .next()
    .unwrap();
    let form = details_form(SERVICE, start, uuid::Uuid::new_v4(), 1)
        .replace("first_name=Ana1", "first_name=Zqcanaryfirst")
        .replace("last_name=P%C3%A9rez", "last_name=Zqcanarylast")
        .replace("ana1%40example.org", "zqcanary%40example.org")
        .replace("503-555-0001", "503-555-0199");
    assert_eq!(
        post_details(&app, &form).await.status,
        StatusCode::SEE_OTHER
    );
    let id = session(&app.pool, 5, Duration::days(1)).await;
    sqlx::query("update workshop_sessions set facilitator = 'Zqcanarystaff', meeting_link = 'https://zqcanary.example.org/meet' where id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    let mut canary = person(1);
    canary.first_name = "Zqcanaryfirst".into();
    canary.last_name = "Zqcanarylast".into();
    canary.contact = app::domain::workshop::Contact::parse("zqcanary@example.org").unwrap();
    enrol(&app.pool, id, &canary, &mail(), Utc::now())
        .await
        .unwrap();
    app.check_in("Zqcanarywalkin", "Zqcanarylast").await;
    let seeded: i64 = sqlx::query_scalar(
        "select (select count(*) from bookings where first_name = 'Zqcanaryfirst')
              + (select count(*) from workshop_enrolments where first_name = 'Zqcanaryfirst')
              + (select count(*) from visits where first_name = 'Zqcanarywalkin')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(seeded, 3, "the canaries are in the database");

    let today = Utc::now().date_naive();
    let paths = [
        "/api/v1".to_owned(),
        "/api/v1/openapi.json".to_owned(),
        "/api/v1/centers".to_owned(),
        format!("/api/v1/centers/{CENTER}"),
        "/api/v1/services".to_owned(),
        "/api/v1/services?lang=ar".to_owned(),
        format!("/api/v1/free-times?service={SERVICE}"),
        format!(
            "/api/v1/free-times?service={SERVICE}&center={CENTER}&from={today}&to={}",
            today + Duration::days(91)
        ),
        "/api/v1/workshops".to_owned(),
        format!(
            "/api/v1/workshops?place={CENTER}&from={today}&to={}",
            today + Duration::days(91)
        ),
        "/api/v1/hiring-events".to_owned(),
        format!("/api/v1/centers/{CENTER}/calendar.ics"),
        "/api/v1/topics/resumes/calendar.ics?lang=es".to_owned(),
        format!("/embed/workshops?center={CENTER}&lang=en"),
        "/api/v1/workshops?time_zone=Mars%2FBase".to_owned(),
        "/api/v1/nothing-here".to_owned(),
    ];
    let mut sessions_seen = 0;
    for path in &paths {
        let reply = api(&app, path).await;
        assert!(
            reply.status.is_success() || reply.status.is_client_error(),
            "{path}: {}",
            reply.status
        );
        let body = reply.body.to_lowercase();
        for canary in CANARIES {
            assert!(
                !body.contains(&canary.to_lowercase()),
                "{path} shows {canary}: {}",
                reply.body
            );
        }
        if body.contains(&format!("\"id\":{id},"))
            || body.contains(&format!("workshop-session-{id}@"))
        {
            sessions_seen += 1;
        }
    }
    // Two lists and two feeds.
    assert!(
        sessions_seen >= 4,
        "the canaries' session is listed, without them"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn bad_requests_get_problems_that_name_the_parameter(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cases = [
        (
            format!("/api/v1/free-times?service={SERVICE}&time_zone=Mars%2FBase"),
            400,
            Some("time_zone"),
        ),
        (
            format!("/api/v1/free-times?service={SERVICE}&from=2026-12-09&to=2026-12-08"),
            400,
            Some("to"),
        ),
        (
            format!("/api/v1/free-times?service={SERVICE}&from=2026-01-01&to=2026-12-31"),
            400,
            Some("to"),
        ),
        (
            format!("/api/v1/free-times?service={SERVICE}&from=tomorrow"),
            400,
            Some("from"),
        ),
        ("/api/v1/free-times".to_owned(), 400, Some("query")),
        ("/api/v1/free-times?service=nothing".to_owned(), 404, None),
        (
            format!("/api/v1/free-times?service={SERVICE}&center=atlantis"),
            404,
            None,
        ),
        (
            format!("/api/v1/free-times?service={SERVICE}%00"),
            400,
            Some("service"),
        ),
        (
            "/api/v1/workshops?topic=juggling".to_owned(),
            400,
            Some("topic"),
        ),
        (
            "/api/v1/workshops?place=atlantis".to_owned(),
            400,
            Some("place"),
        ),
        (
            format!("/api/v1/workshops?language={}", "x".repeat(36)),
            400,
            Some("language"),
        ),
        ("/api/v1/services?lang=tlh".to_owned(), 400, Some("lang")),
        ("/api/v1/centers/atlantis".to_owned(), 404, None),
        ("/api/v1/centers/%FF%FE".to_owned(), 404, None),
        ("/api/v1/centers/ti%00gard".to_owned(), 400, Some("path")),
        (
            "/api/v1/centers/%2E%2E/calendar.ics".to_owned(),
            400,
            Some("path"),
        ),
        ("/api/v1//centers".to_owned(), 400, Some("path")),
        ("/api/v1/no/such/thing".to_owned(), 404, None),
    ];
    for (path, status, parameter) in cases {
        let reply = api(&app, &path).await;
        assert_eq!(reply.status.as_u16(), status, "{path}: {}", reply.body);
        assert_eq!(
            reply.header(header::CONTENT_TYPE),
            "application/problem+json",
            "{path}"
        );
        let problem = reply.json();
        assert_eq!(problem["status"], status, "{path}");
        assert!(
            problem["type"]
                .as_str()
                .unwrap()
                .starts_with("/api/v1#problem-"),
            "{path}"
        );
        assert!(!problem["title"].as_str().unwrap().is_empty());
        if let Some(name) = parameter {
            assert_eq!(
                problem["invalid_params"][0]["name"], name,
                "{path}: {problem}"
            );
        }
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn any_site_may_read_it_but_nothing_else(pool: PgPool) {
    let app = spawn_app(pool).await;
    let preflight = app
        .send(
            Request::builder()
                .method(Method::OPTIONS)
                .uri("/api/v1/workshops")
                .header(header::ORIGIN, "https://library.example")
                .header(header::ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .header(header::ACCESS_CONTROL_REQUEST_HEADERS, "if-none-match")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(preflight.status.is_success(), "{}", preflight.status);
    assert_eq!(preflight.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), "*");
    assert!(preflight
        .header(header::ACCESS_CONTROL_ALLOW_HEADERS)
        .contains("if-none-match"));
    let read = app
        .send(
            Request::get("/api/v1/centers")
                .header(header::ORIGIN, "https://library.example")
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.header(header::ACCESS_CONTROL_ALLOW_ORIGIN), "*");
    assert!(read
        .header(header::ACCESS_CONTROL_EXPOSE_HEADERS)
        .to_lowercase()
        .contains("etag"));
    assert!(!read
        .headers
        .contains_key(header::ACCESS_CONTROL_ALLOW_CREDENTIALS));
    assert_eq!(read.header(header::CACHE_CONTROL), "public, max-age=300");
    let centers = read.json();
    let tigard = centers["centers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == CENTER)
        .unwrap();
    assert!(!tigard["hours"].as_array().unwrap().is_empty());
    assert!(tigard["services"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s == SERVICE));

    // Writing is not a thing this API does: a script without any Origin (which the
    // cross-site guard would stop first) is told the method is not allowed.
    for method in [Method::POST, Method::PUT, Method::DELETE, Method::PATCH] {
        let write = app
            .send(
                Request::builder()
                    .method(method.clone())
                    .uri("/api/v1/centers")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert_eq!(write.status, StatusCode::METHOD_NOT_ALLOWED, "{method}");
    }
    // Everything else under /api (the pages' own server functions) keeps its no-store
    // and gets no CORS, neither a preflight nor an answer, whatever the path looks like.
    for path in [
        "/api/book/services",
        "/api/v1x",
        "/api/v10/centers",
        "/api/staff/queue",
    ] {
        let preflight = app
            .send(
                Request::builder()
                    .method(Method::OPTIONS)
                    .uri(path)
                    .header(header::ORIGIN, "https://library.example")
                    .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert!(
            !preflight
                .headers
                .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "{path}"
        );
        let answer = app
            .send(
                Request::post(path)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await;
        assert!(
            !answer
                .headers
                .contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "{path}"
        );
        assert_eq!(answer.header(header::CACHE_CONTROL), "no-store", "{path}");
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn one_address_is_limited_and_told_when_to_come_back(pool: PgPool) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let burst = app::domain::limits::Limited::PartnerRead.quota().burst;
    for _ in 0..burst {
        assert_eq!(
            api(&app, "/api/v1/openapi.json").await.status,
            StatusCode::OK
        );
    }
    let refused = api(&app, "/api/v1/centers").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        refused.header(header::CONTENT_TYPE),
        "application/problem+json"
    );
    let wait: u64 = refused.header(header::RETRY_AFTER).parse().unwrap();
    assert!((1..=2).contains(&wait), "{wait}");
    assert_eq!(refused.json()["retry_after"], wait);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_document_and_the_page_describe_every_endpoint(pool: PgPool) {
    let app = spawn_app(pool).await;
    let doc = api_json(&app, "/api/v1/openapi.json").await;
    assert_eq!(doc["openapi"], "3.1.0");
    let page = app.get("/api/v1", None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.header(header::CONTENT_TYPE).starts_with("text/html"));
    let paths = doc["paths"].as_object().unwrap();
    assert_eq!(paths.len(), 8);
    for path in paths.keys() {
        assert!(
            page.body.contains(&format!("<code>GET {path}</code>")),
            "{path}"
        );
        // Each documented path answers (the one with a parameter, for the test center).
        let real = path.replace("{id}", CENTER).replace("{topic}", "resumes");
        let real = if real.ends_with("free-times") {
            format!("{real}?service={SERVICE}")
        } else {
            real
        };
        assert_eq!(api(&app, &real).await.status, StatusCode::OK, "{real}");
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_burst_waits_for_its_turns_and_every_request_gets_the_same_answer(pool: PgPool) {
    // Sixty at once: six are answered at a time, the rest wait, none is dropped.
    let app = std::sync::Arc::new(spawn_app(pool).await);
    let path = format!("/api/v1/free-times?service={SERVICE}");
    let expected = api_json(&app, &path).await;
    let requests = (0..60).map(|_| {
        let app = app.clone();
        let path = path.clone();
        tokio::spawn(async move { api(&app, &path).await })
    });
    for reply in futures::future::join_all(requests).await {
        let reply = reply.unwrap();
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        assert_eq!(reply.json(), expected);
    }
}
