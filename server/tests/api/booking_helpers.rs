//! Helpers for the booking tests: free times, the details form as a browser posts it,
//! bookings placed directly for today, and reading a calendar file with a real parser.

use super::helpers::{TestApp, CENTER};
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// The first free start of `service` at the test center.
pub async fn first_free(app: &TestApp, service: &str) -> DateTime<Utc> {
    free_starts(app, service).await[0]
}

pub async fn free_starts(app: &TestApp, service: &str) -> Vec<DateTime<Utc>> {
    let offers = app::db::booking_slots::offers(&app.pool, service, Some(CENTER))
        .await
        .unwrap();
    app::db::booking_slots::free_slots(&app.pool, service, &offers, Utc::now())
        .await
        .unwrap()
        .into_iter()
        .map(|f| f.slot.start)
        .collect()
}

/// Percent-encodes a form value.
pub fn enc(value: &str) -> String {
    app::pages::booking::query::encode(value)
}

/// The details form for `start`, filled in by person number `n`.
pub fn details_form(service: &str, start: DateTime<Utc>, key: Uuid, n: usize) -> String {
    format!(
        "service={}&center={CENTER}&tz={}&lang=en&start={}&key={key}&first_name=Ana{n}&last_name=P%C3%A9rez\
         &email=ana{n}%40example.org&phone=503-555-{:04}&language=es&accommodations=large_print&held=phone",
        service,
        enc("America/New_York"),
        enc(&start.to_rfc3339()),
        n % 10_000
    )
}

/// Posts the details form; returns the reply.
pub async fn post_details(app: &TestApp, form: &str) -> super::helpers::Reply {
    app.post_form("/book/details", form, None).await
}

/// Books `start` and returns the manage token from the redirect.
pub async fn book(app: &TestApp, service: &str, start: DateTime<Utc>, n: usize) -> String {
    let reply = post_details(app, &details_form(service, start, Uuid::new_v4(), n)).await;
    assert_eq!(
        reply.status,
        axum::http::StatusCode::SEE_OTHER,
        "{}",
        reply.body
    );
    token_of(&reply.header(axum::http::header::LOCATION))
}

/// The token in `/book/manage/{token}?…`.
pub fn token_of(location: &str) -> String {
    location
        .strip_prefix("/book/manage/")
        .and_then(|rest| rest.split('?').next())
        .unwrap_or_else(|| panic!("not a manage link: {location}"))
        .to_owned()
}

pub async fn seats_booked(app: &TestApp, service: &str, start: DateTime<Utc>) -> i32 {
    sqlx::query_scalar(
        "select coalesce((select booked from slot_seats where center_id = $1 and service_id = $2 and starts_at = $3), 0)",
    )
    .bind(CENTER)
    .bind(service)
    .bind(start)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

pub async fn booking_count(app: &TestApp) -> i64 {
    sqlx::query_scalar("select count(*) from bookings where status <> 'cancelled'")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Inserts a booking for today at the test center directly (today may be a weekend or
/// past closing, when no slot could be booked through the rules), returning its code.
pub async fn booking_today(app: &TestApp, first: &str, last: &str, phone: &str, code: &str) -> i64 {
    sqlx::query_scalar(
        "insert into bookings (code, idempotency_key, center_id, service_id, starts_at, ends_at,
            visitor_time_zone, first_name, last_name, email, phone, phone_last4, language, email_locale)
         values ($1, $2, $3, 'resume_review', now(), now() + interval '30 minutes',
            'America/Los_Angeles', $4, $5, 'x@example.org', $6, right($6, 4), 'en', 'en')
         returning id",
    )
    .bind(code)
    .bind(Uuid::new_v4())
    .bind(CENTER)
    .bind(first)
    .bind(last)
    .bind(phone)
    .fetch_one(&app.pool)
    .await
    .unwrap()
}

/// The status of the one booking in the database.
pub async fn booking_status(app: &TestApp) -> String {
    sqlx::query_scalar("select status from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// What a calendar file says, read by the `icalendar` crate's parser.
#[derive(Debug)]
pub struct ParsedEvent {
    pub method: String,
    pub uid: String,
    pub sequence: u32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub status: String,
}

pub fn parse_ics(ics: &str) -> ParsedEvent {
    use icalendar::{CalendarDateTime, Component, DatePerhapsTime};
    let unfolded = icalendar::parser::unfold(ics);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("a valid iCalendar file");
    let method = parsed
        .properties
        .iter()
        .find(|p| p.name.as_str() == "METHOD")
        .map(|p| p.val.as_str().to_owned())
        .unwrap_or_default();
    let calendar = icalendar::Calendar::from(parsed);
    let event = calendar.events().next().expect("one event");
    let utc = |t: Option<DatePerhapsTime>| match t {
        Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(t))) => t,
        other => panic!("not a UTC time: {other:?}"),
    };
    ParsedEvent {
        method,
        uid: event.get_uid().unwrap_or_default().to_owned(),
        sequence: event.get_sequence().unwrap_or(0),
        start: utc(event.get_start()),
        end: utc(event.get_end()),
        status: event
            .property_value("STATUS")
            .unwrap_or_default()
            .to_owned(),
    }
}

/// `count` bookings of `starts` (in turn) sent at once, each by its own form.
pub fn race_bookings(
    app: &std::sync::Arc<TestApp>,
    starts: &[DateTime<Utc>],
    count: usize,
) -> Vec<tokio::task::JoinHandle<super::helpers::Reply>> {
    (0..count)
        .map(|n| {
            let app = app.clone();
            let start = starts[n % starts.len()];
            tokio::spawn(async move {
                post_details(
                    &app,
                    &details_form("resume_review", start, Uuid::new_v4(), n),
                )
                .await
            })
        })
        .collect()
}
