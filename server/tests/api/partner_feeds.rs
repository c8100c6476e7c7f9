//! The partners' calendar feeds, read as a phone's calendar reads them: parsed by the
//! `icalendar` crate and by Python's `icalendar` package (the one many calendar tools
//! are built on); a session staff change keeps its UID with a higher SEQUENCE, and one
//! they cancel stays in the feed as CANCELLED.

use super::helpers::{spawn_app, TestApp, CENTER};
use super::workshop_admin::{next_monday, session_form};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::America::Los_Angeles;
use serde_json::Value;
use sqlx::PgPool;
use std::io::Write;

/// One VEVENT as both parsers read it.
#[derive(Debug, PartialEq)]
struct FeedEvent {
    uid: String,
    sequence: u32,
    status: String,
    summary: String,
    start: DateTime<Utc>,
    location: String,
}

/// The feed's events, read by the `icalendar` crate.
fn read_with_crate(ics: &str) -> Vec<FeedEvent> {
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime, EventLike};
    let unfolded = icalendar::parser::unfold(ics);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar feed");
    icalendar::Calendar::from(parsed)
        .events()
        .map(|e| FeedEvent {
            uid: e.get_uid().unwrap().to_owned(),
            sequence: e.get_sequence().unwrap(),
            status: e.property_value("STATUS").unwrap().to_owned(),
            summary: e.get_summary().unwrap().to_owned(),
            start: match e.get_start() {
                Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
                other => panic!("not a UTC start: {other:?}"),
            },
            location: e.get_location().unwrap().to_owned(),
        })
        .collect()
}

/// The feed's events, read by Python's `icalendar` package (installed by the set-up
/// script).
fn read_with_python(ics: &str) -> Vec<FeedEvent> {
    let script = "import sys, json, icalendar\n\
        cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())\n\
        print(json.dumps([{'uid': str(e['UID']), 'sequence': int(e['SEQUENCE']), 'status': str(e['STATUS']),\n\
          'summary': str(e['SUMMARY']), 'start': e.decoded('DTSTART').isoformat(), 'location': str(e['LOCATION'])}\n\
          for e in cal.walk('VEVENT')]))\n";
    let mut python = std::process::Command::new("python3")
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs");
    python
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = python.wait_with_output().unwrap();
    assert!(out.status.success(), "Python's icalendar read the feed");
    let events: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    events
        .iter()
        .map(|e| FeedEvent {
            uid: e["uid"].as_str().unwrap().to_owned(),
            sequence: e["sequence"].as_u64().unwrap() as u32,
            status: e["status"].as_str().unwrap().to_owned(),
            summary: e["summary"].as_str().unwrap().to_owned(),
            start: DateTime::parse_from_rfc3339(e["start"].as_str().unwrap())
                .unwrap()
                .with_timezone(&Utc),
            location: e["location"].as_str().unwrap().to_owned(),
        })
        .collect()
}

async fn feed(app: &TestApp, path: &str) -> (String, String) {
    let reply = app
        .send(Request::get(path).body(Body::empty()).unwrap())
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    assert_eq!(
        reply.header(header::CONTENT_TYPE),
        "text/calendar; charset=utf-8"
    );
    (reply.body.clone(), reply.header(header::ETAG))
}

/// The session's event in the center's feed, the same in both parsers.
async fn event_of(app: &TestApp, id: i64) -> FeedEvent {
    let (ics, _) = feed(app, &format!("/api/v1/centers/{CENTER}/calendar.ics")).await;
    let mut by_crate = read_with_crate(&ics);
    assert_eq!(by_crate, read_with_python(&ics), "both parsers agree");
    let uid = format!("workshop-session-{id}@frontdesk");
    let at = by_crate
        .iter()
        .position(|e| e.uid == uid)
        .unwrap_or_else(|| panic!("{uid} in the feed:\n{ics}"));
    by_crate.swap_remove(at)
}

fn at_local(hour: u32, minute: u32) -> DateTime<Utc> {
    Los_Angeles
        .from_local_datetime(&next_monday().and_hms_opt(hour, minute, 0).unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_changed_session_keeps_its_uid_with_a_higher_sequence_and_a_cancelled_one_says_so(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let form = session_form(next_monday(), 1, 4);
    let reply = app
        .post_form("/staff/workshops/new", &form, Some(&cookie))
        .await;
    let id: i64 = reply
        .header(header::LOCATION)
        .trim_start_matches("/staff/workshops/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();

    let first = event_of(&app, id).await;
    assert_eq!(first.sequence, 0);
    assert_eq!(first.status, "CONFIRMED");
    assert_eq!(first.summary, "Job Hunter Series");
    assert_eq!(first.start, at_local(10, 0));
    assert!(first.location.starts_with("Tigard"), "{}", first.location);
    let (_, tag) = feed(&app, &format!("/api/v1/centers/{CENTER}/calendar.ics")).await;

    // Moved half an hour: the same event, a higher sequence, the new time.
    let edit = format!("/staff/workshops/{id}/edit");
    let later = form.replace("start=10%3A00", "start=10%3A30");
    assert_eq!(
        app.post_form(&edit, &later, Some(&cookie)).await.status,
        StatusCode::SEE_OTHER
    );
    let moved = event_of(&app, id).await;
    assert_eq!(moved.uid, first.uid);
    assert_eq!(moved.sequence, 1);
    assert_eq!(moved.start, at_local(10, 30));
    let changed = app
        .send(
            Request::get(format!("/api/v1/centers/{CENTER}/calendar.ics"))
                .header(header::IF_NONE_MATCH, &tag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(
        changed.status,
        StatusCode::OK,
        "a poll with the old ETag gets the change"
    );

    // A new title alone is a change a calendar must take too.
    let retitled = later.replace(
        "title=Job%20Hunter%20Series",
        "title=Job%20Hunter%20Series%3B%20spring",
    );
    let reply = app.post_form(&edit, &retitled, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let renamed = event_of(&app, id).await;
    assert_eq!(renamed.sequence, 2);
    assert_eq!(
        renamed.summary, "Job Hunter Series; spring",
        "escaped and read back"
    );

    // Saving it unchanged changes nothing a calendar holds: not even the feed's ETag.
    let (_, before) = feed(&app, &format!("/api/v1/centers/{CENTER}/calendar.ics")).await;
    let reply = app.post_form(&edit, &retitled, Some(&cookie)).await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(event_of(&app, id).await.sequence, 2);
    let (_, after) = feed(&app, &format!("/api/v1/centers/{CENTER}/calendar.ics")).await;
    assert_eq!(after, before);

    // Cancelled: still in the feed, as cancelled, with a higher sequence.
    let reply = app
        .post_form(
            &format!("/staff/workshops/{id}/cancel"),
            "lang=en",
            Some(&cookie),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let cancelled = event_of(&app, id).await;
    assert_eq!(cancelled.uid, first.uid);
    assert_eq!(cancelled.status, "CANCELLED");
    assert_eq!(cancelled.sequence, 3);
    assert!(
        cancelled.summary.starts_with("Cancelled: "),
        "{}",
        cancelled.summary
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_topic_has_its_feed_in_the_visitors_languages(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let hiring = session_form(next_monday(), 1, 4)
        .replace("topic=job_hunter_series", "topic=hiring_event")
        .replace("employer=", "employer=Acme+Bakery");
    app.post_form("/staff/workshops/new", &hiring, Some(&cookie))
        .await;
    app.post_form(
        "/staff/workshops/new",
        &session_form(next_monday(), 1, 4),
        Some(&cookie),
    )
    .await;

    let (ics, _) = feed(&app, "/api/v1/topics/hiring_event/calendar.ics").await;
    let events = read_with_crate(&ics);
    assert_eq!(events.len(), 1, "the hiring event alone:\n{ics}");
    assert_eq!(events[0].summary, "Job Hunter Series (Acme Bakery)");
    assert_eq!(events, read_with_python(&ics));
    assert!(
        ics.contains("X-WR-CALNAME:"),
        "a name for the subscribed calendar"
    );

    let (spanish, _) = feed(&app, "/api/v1/topics/hiring_event/calendar.ics?lang=es").await;
    assert!(
        icalendar::parser::unfold(&spanish)
            .contains("Inscríbase: http://frontdesk.test/workshops/"),
        "{spanish}"
    );
    let (arabic, _) = feed(&app, "/api/v1/topics/hiring_event/calendar.ics?lang=ar").await;
    assert_eq!(read_with_python(&arabic).len(), 1);

    for (path, status) in [
        ("/api/v1/topics/juggling/calendar.ics", 404),
        ("/api/v1/centers/atlantis/calendar.ics", 404),
        ("/api/v1/topics/resumes/calendar.ics?lang=tlh", 400),
    ] {
        let reply = app
            .send(Request::get(path).body(Body::empty()).unwrap())
            .await;
        assert_eq!(reply.status.as_u16(), status, "{path}");
        assert_eq!(
            reply.header(header::CONTENT_TYPE),
            "application/problem+json"
        );
    }
}
