//! The waiting list for appointments, through the real router on real PostgreSQL: a
//! cancellation offers the freed slot, as a hold, to the first person whose wish it fits
//! and to nobody else; the held seat is refused to others; an unanswered hold passes on
//! after 30 minutes (the clock moved in the test); and under races a hold and direct
//! bookings never share a seat, and an expired hold frees it exactly once.

use super::booking_helpers::{book, details_form, enc, free_starts, post_details, token_of};
use super::helpers::*;
use app::domain::waitlist::{PartOfDay, HOLD_MINUTES};
use axum::http::{header, StatusCode};
use chrono::{DateTime, Datelike, Duration, Utc};
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::sync::Arc;
use uuid::Uuid;

const SERVICE: &str = "career_coaching";
const ZONE: chrono_tz::Tz = chrono_tz::America::Los_Angeles;

/// One slot a day (eight hours long) and one seat per slot, so that a wish for one
/// weekday's mornings names a handful of slots the test can fill; no lead time, so the
/// clock moved by half an hour leaves the slots bookable.
async fn one_seat_a_day(app: &TestApp) {
    sqlx::query(
        "update center_services set capacity = 1, slot_minutes = 480, lead_minutes = 0
         where service_id = $1 and center_id = $2",
    )
    .bind(SERVICE)
    .bind(CENTER)
    .execute(&app.pool)
    .await
    .unwrap();
}

/// A free start at least a day ahead (one sooner may be too near to hold).
async fn a_day_ahead(app: &TestApp) -> DateTime<Utc> {
    let tomorrow = Utc::now() + Duration::days(1);
    free_starts(app, SERVICE)
        .await
        .into_iter()
        .find(|s| *s > tomorrow)
        .unwrap()
}

/// The ISO weekday and part of the day of `start` on a Portland clock.
fn wish_of(start: DateTime<Utc>) -> (u32, PartOfDay) {
    let local = start.with_timezone(&ZONE);
    (
        local.weekday().number_from_monday(),
        PartOfDay::of(local.time()),
    )
}

fn email_of(name: &str) -> String {
    format!("{name}@example.org")
}

/// "Tell me when a time opens", as the browser posts it, by `name` for `weekday` and
/// `part` at the test center.
fn join_form(name: &str, weekday: u32, part: PartOfDay) -> String {
    // A phone of their own: one live place per phone number and service.
    let phone = name
        .bytes()
        .fold(17u32, |n, b| (n * 31 + u32::from(b)) % 10_000);
    format!(
        "service={SERVICE}&center={CENTER}&tz={}&lang=en&day={weekday}&part={}\
         &held=phone&first_name={name}&last_name=Waiting&email={}&phone=503-555-{phone:04}&language=en",
        enc(ZONE.name()),
        part.code(),
        enc(&email_of(name)),
    )
}

/// The token of the newest link of `kind` emailed to `name` (from the outbox, where the
/// mail worker takes it), if any.
async fn emailed_token(app: &TestApp, name: &str, kind: &str, path: &str) -> Option<String> {
    let body: Option<String> = sqlx::query_scalar(
        "select body from outbox where to_address = $1 and kind = $2 order by id desc limit 1",
    )
    .bind(email_of(name))
    .bind(kind)
    .fetch_optional(&app.pool)
    .await
    .unwrap();
    let body = body?;
    let at = body
        .find(path)
        .unwrap_or_else(|| panic!("no {path} link in {body}"));
    let rest = &body[at + path.len()..];
    Some(rest.split(['?', '\n']).next().unwrap().to_owned())
}

async fn emails(app: &TestApp, name: &str, kind: &str) -> i64 {
    sqlx::query_scalar("select count(*) from outbox where to_address = $1 and kind = $2")
        .bind(email_of(name))
        .bind(kind)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

/// Joins and confirms by the emailed link, as a person does.
async fn join_and_confirm(app: &TestApp, name: &str, weekday: u32, part: PartOfDay) -> String {
    let reply = app
        .post_form("/book/waitlist", &join_form(name, weekday, part), None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert!(reply.header(header::LOCATION).contains("sent=1"));
    let token = emailed_token(app, name, "waitlist_confirm", "/book/waitlist/")
        .await
        .expect("a confirmation link is emailed");
    // Following the link shows the question; only the press confirms.
    let page = app.get(&format!("/book/waitlist/{token}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("Yes, keep me on the list"),
        "{}",
        page.body
    );
    let reply = app
        .post_form(&format!("/book/waitlist/{token}/confirm"), "lang=en", None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    token
}

/// Every seat counted as held is a hold on offer, and the other way round.
async fn holds_are_counted(pool: &PgPool) {
    let wrong: i64 = sqlx::query_scalar(
        "select count(*) from slot_seats s
         where s.on_hold <> (select count(*) from slot_holds h
                             where h.state = 'offered' and h.center_id = s.center_id
                               and h.service_id = s.service_id and h.starts_at = s.starts_at)",
    )
    .fetch_one(pool)
    .await
    .unwrap();
    assert_eq!(wrong, 0, "slot_seats.on_hold matches the holds on offer");
}

/// The free starts at the test center that fit a wish for `weekday`'s `part`.
async fn fitting(app: &TestApp, weekday: u32, part: PartOfDay) -> Vec<DateTime<Utc>> {
    free_starts(app, SERVICE)
        .await
        .into_iter()
        .filter(|s| wish_of(*s) == (weekday, part))
        .collect()
}

/// Books every slot that fits `weekday`'s `part`, each by someone else; returns the first
/// of them a day ahead or more, and its manage link.
async fn fill_the_wish(app: &TestApp, weekday: u32, part: PartOfDay) -> (DateTime<Utc>, String) {
    let slots = fitting(app, weekday, part).await;
    let tomorrow = Utc::now() + Duration::days(1);
    let mut first = None;
    for (i, start) in slots.iter().enumerate() {
        let token = book(app, SERVICE, *start, 500 + i).await;
        if *start > tomorrow {
            first.get_or_insert((*start, token));
        }
    }
    assert!(fitting(app, weekday, part).await.is_empty());
    first.unwrap()
}

async fn seats(pool: &PgPool, start: DateTime<Utc>) -> (i32, i32) {
    sqlx::query_as(
        "select booked, on_hold from slot_seats where center_id = $1 and service_id = $2 and starts_at = $3",
    )
    .bind(CENTER)
    .bind(SERVICE)
    .bind(start)
    .fetch_one(pool)
    .await
    .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_cancellation_holds_the_slot_for_the_first_who_fits_and_passes_it_on_after_30_minutes(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    one_seat_a_day(&app).await;
    let (weekday, part) = wish_of(a_day_ahead(&app).await);
    let (slot, booker) = fill_the_wish(&app, weekday, part).await;

    // Three people wait: Ada and Cyd for that weekday's mornings, Bo for another day.
    let other_day = weekday % 7 + 1;
    join_and_confirm(&app, "ada", weekday, part).await;
    join_and_confirm(&app, "bo", other_day, part).await;
    join_and_confirm(&app, "cyd", weekday, part).await;
    // Nothing that fits them is free: no hold yet for those who fit.
    assert_eq!(emails(&app, "ada", "waitlist_hold").await, 0);
    assert_eq!(emails(&app, "cyd", "waitlist_hold").await, 0);
    let bo_holds = emails(&app, "bo", "waitlist_hold").await;

    // The booker cancels: Ada, first in line and fitting, is offered the slot.
    let reply = app
        .post_form(&format!("/book/manage/{booker}/cancel"), "lang=en", None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(emails(&app, "ada", "waitlist_hold").await, 1);
    assert_eq!(
        emails(&app, "bo", "waitlist_hold").await,
        bo_holds,
        "Bo's wish does not fit"
    );
    assert_eq!(
        emails(&app, "cyd", "waitlist_hold").await,
        0,
        "one seat, one hold"
    );
    assert_eq!(seats(&app.pool, slot).await, (0, 1));
    holds_are_counted(&app.pool).await;
    let ada_hold = emailed_token(&app, "ada", "waitlist_hold", "/book/hold/")
        .await
        .unwrap();
    let page = app.get(&format!("/book/hold/{ada_hold}"), None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Book this time"), "{}", page.body);

    // While held, the slot is not offered and cannot be booked by anyone else.
    assert!(!free_starts(&app, SERVICE).await.contains(&slot));
    let taken = post_details(&app, &details_form(SERVICE, slot, Uuid::new_v4(), 900)).await;
    assert_eq!(taken.status, StatusCode::CONFLICT, "{}", taken.body);

    // Thirty minutes on, unanswered, it passes to Cyd (the job's work, clock moved).
    let mail = app.state.mail();
    let later = Utc::now() + Duration::minutes(HOLD_MINUTES + 1);
    let expired = app::services::waitlist::pass_on_holds(&app.pool, &mail, later)
        .await
        .unwrap();
    // Ada's, and Bo's if he was offered a time on his day when he joined.
    assert_eq!(expired as i64, 1 + bo_holds);
    assert_eq!(emails(&app, "cyd", "waitlist_hold").await, 1);
    assert_eq!(seats(&app.pool, slot).await, (0, 1));
    holds_are_counted(&app.pool).await;
    // Ada's link now says so, and cannot book.
    let page = app.get(&format!("/book/hold/{ada_hold}"), None).await;
    assert!(
        page.body.contains("has gone to the next person"),
        "{}",
        page.body
    );
    let late = app
        .post_form(&format!("/book/hold/{ada_hold}/claim"), "lang=en", None)
        .await;
    assert_eq!(late.status, StatusCode::SEE_OTHER);
    assert!(!late.header(header::LOCATION).starts_with("/book/manage/"));

    // Cyd books it with one press: a booking with her details, and she leaves the list.
    let cyd_hold = emailed_token(&app, "cyd", "waitlist_hold", "/book/hold/")
        .await
        .unwrap();
    let reply = app
        .post_form(&format!("/book/hold/{cyd_hold}/claim"), "lang=en", None)
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    let manage = token_of(&reply.header(header::LOCATION));
    let page = app.get(&format!("/book/manage/{manage}?new=1"), None).await;
    assert!(page.body.contains("cyd@example.org"), "{}", page.body);
    assert!(
        page.body.contains("Phone call"),
        "held as she asked: {}",
        page.body
    );
    assert_eq!(seats(&app.pool, slot).await, (1, 0));
    holds_are_counted(&app.pool).await;
    let state: String = sqlx::query_scalar(
        "select state from waitlist_entries where lower(email) = 'cyd@example.org'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(state, "booked");
    // Pressing again books nothing more.
    let again = app
        .post_form(&format!("/book/hold/{cyd_hold}/claim"), "lang=en", None)
        .await;
    assert!(!again.header(header::LOCATION).starts_with("/book/manage/"));
    let at_slot: i64 = sqlx::query_scalar(
        "select count(*) from bookings where starts_at = $1 and status = 'booked'",
    )
    .bind(slot)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(at_slot, 1);
}

/// A pool big enough that a hundred requests really race at the database: 40 at once.
/// (Not more: two such tests may run side by side, and the server takes 100 connections.)
async fn racing_pool(pool: &PgPool) -> PgPool {
    PgPoolOptions::new()
        .max_connections(40)
        .connect_with(pool.connect_options().as_ref().clone())
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_hundred_direct_bookings_racing_a_claimed_hold_give_one_booking(pool: PgPool) {
    let app = Arc::new(spawn_app(racing_pool(&pool).await).await);
    one_seat_a_day(&app).await;
    let (weekday, part) = wish_of(a_day_ahead(&app).await);
    let (slot, booker) = fill_the_wish(&app, weekday, part).await;
    join_and_confirm(&app, "ada", weekday, part).await;
    app.post_form(&format!("/book/manage/{booker}/cancel"), "lang=en", None)
        .await;
    let hold = emailed_token(&app, "ada", "waitlist_hold", "/book/hold/")
        .await
        .unwrap();

    // Ada claims while a hundred others book the same slot directly.
    let claim = {
        let app = app.clone();
        let path = format!("/book/hold/{hold}/claim");
        tokio::spawn(async move { app.post_form(&path, "lang=en", None).await })
    };
    let direct: Vec<_> = (0..100)
        .map(|n| {
            let app = app.clone();
            let form = details_form(SERVICE, slot, Uuid::new_v4(), 1000 + n);
            tokio::spawn(async move { post_details(&app, &form).await })
        })
        .collect();
    let claimed = claim.await.unwrap();
    assert!(claimed
        .header(header::LOCATION)
        .starts_with("/book/manage/"));
    for task in direct {
        let reply = task.await.unwrap();
        assert_eq!(reply.status, StatusCode::CONFLICT, "{}", reply.body);
    }
    let booked: Vec<String> =
        sqlx::query_scalar("select email from bookings where starts_at = $1 and status = 'booked'")
            .bind(slot)
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(booked, vec!["ada@example.org".to_owned()]);
    assert_eq!(seats(&app.pool, slot).await, (1, 0));
    holds_are_counted(&app.pool).await;
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_freed_seat_raced_by_direct_bookings_goes_to_one_and_an_expired_hold_frees_once(
    pool: PgPool,
) {
    let app = Arc::new(spawn_app(racing_pool(&pool).await).await);
    one_seat_a_day(&app).await;
    let (weekday, part) = wish_of(a_day_ahead(&app).await);
    let (slot, booker) = fill_the_wish(&app, weekday, part).await;
    for name in ["ada", "bea", "cyd"] {
        join_and_confirm(&app, name, weekday, part).await;
    }
    // The cancellation (which offers the seat) races fifty direct bookings of it.
    let cancel = {
        let app = app.clone();
        let path = format!("/book/manage/{booker}/cancel");
        tokio::spawn(async move { app.post_form(&path, "lang=en", None).await })
    };
    let direct: Vec<_> = (0..50)
        .map(|n| {
            let app = app.clone();
            let form = details_form(SERVICE, slot, Uuid::new_v4(), 2000 + n);
            tokio::spawn(async move { post_details(&app, &form).await })
        })
        .collect();
    cancel.await.unwrap();
    let booked_directly = futures_count(direct).await;
    let (booked, on_hold) = seats(&app.pool, slot).await;
    assert_eq!(booked + on_hold, 1, "one seat, taken once");
    assert_eq!(booked as usize, booked_directly);
    holds_are_counted(&app.pool).await;

    // Ten job runs at once, half an hour on: an expired hold is passed on exactly once.
    let mail = app.state.mail();
    let later = Utc::now() + Duration::minutes(HOLD_MINUTES + 1);
    let runs: Vec<_> = (0..10)
        .map(|_| {
            let (pool, mail) = (app.pool.clone(), mail.clone());
            tokio::spawn(async move {
                app::services::waitlist::pass_on_holds(&pool, &mail, later)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut expired = 0;
    for run in runs {
        expired += run.await.unwrap();
    }
    assert_eq!(expired, on_hold as usize);
    assert_eq!(seats(&app.pool, slot).await, (booked, on_hold));
    let offered: i64 =
        sqlx::query_scalar("select count(*) from slot_holds where state = 'offered'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        offered,
        i64::from(on_hold),
        "the next person holds it, once"
    );
    holds_are_counted(&app.pool).await;
}

/// How many of the direct bookings booked.
async fn futures_count(tasks: Vec<tokio::task::JoinHandle<Reply>>) -> usize {
    let mut booked = 0;
    for task in tasks {
        let reply = task.await.unwrap();
        match reply.status {
            StatusCode::SEE_OTHER => booked += 1,
            StatusCode::CONFLICT => {}
            other => panic!("unexpected {other}: {}", reply.body),
        }
    }
    booked
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn joining_asks_for_days_and_keeps_what_was_typed_and_confirms_only_by_a_press(pool: PgPool) {
    let app = spawn_app(pool).await;
    let page = app
        .get(
            &format!(
                "/book/times?service={SERVICE}&center={CENTER}&tz={}&lang=en",
                enc(ZONE.name())
            ),
            None,
        )
        .await;
    assert!(
        page.body.contains("Tell me when a time opens"),
        "the times page leads to the list"
    );
    let form_page = app
        .get(
            &format!(
                "/book/waitlist?service={SERVICE}&center={CENTER}&tz={}&lang=es",
                enc(ZONE.name())
            ),
            None,
        )
        .await;
    assert_eq!(form_page.status, StatusCode::OK);
    assert!(
        form_page.body.contains("Días que le convienen"),
        "{}",
        form_page.body
    );

    // No day and no part of the day: both refused beside their fields, the rest kept.
    let refused = join_form("ada", 1, PartOfDay::Morning)
        .replace("&day=1", "")
        .replace("&part=morning", "&part=noon");
    let reply = app.post_form("/book/waitlist", &refused, None).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reply.body.contains("Choose at least one day."));
    assert!(reply.body.contains("Choose at least one time of day."));
    assert!(
        reply.body.contains("value=\"ada@example.org\""),
        "typed email kept"
    );
    assert_eq!(emails(&app, "ada", "waitlist_confirm").await, 0);

    // Joining twice within ten minutes sends one email; the page says the same.
    let token = join_and_confirm(&app, "ada", 1, PartOfDay::Morning).await;
    let again = app
        .post_form(
            "/book/waitlist",
            &join_form("ada", 2, PartOfDay::Evening),
            None,
        )
        .await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert_eq!(emails(&app, "ada", "waitlist_confirm").await, 1);
    let weekdays: Vec<i16> = sqlx::query_scalar("select weekdays from waitlist_entries")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(weekdays, vec![1], "a second join does not change the wish");

    // The link shows the place; leaving takes it off the list.
    let page = app.get(&format!("/book/waitlist/{token}"), None).await;
    assert!(
        page.body.contains("Leave the waiting list"),
        "{}",
        page.body
    );
    assert!(
        !page.body.contains("ada@example.org"),
        "the page names no contact"
    );
    app.post_form(&format!("/book/waitlist/{token}/leave"), "lang=en", None)
        .await;
    let page = app.get(&format!("/book/waitlist/{token}"), None).await;
    assert!(
        page.body.contains("You left the waiting list"),
        "{}",
        page.body
    );

    // Made-up links find nothing, and change nothing.
    let unknown = app.get("/book/waitlist/not-a-token", None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let unknown = app.get("/book/hold/not-a-token", None).await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    let claim = app
        .post_form("/book/hold/not-a-token/claim", "lang=en", None)
        .await;
    assert_eq!(claim.status, StatusCode::SEE_OTHER);
    assert_eq!(
        sqlx::query_scalar::<_, i64>("select count(*) from bookings")
            .fetch_one(&app.pool)
            .await
            .unwrap(),
        0
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn joining_is_limited_per_client_address(pool: PgPool) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let burst = app::domain::limits::Limited::WaitlistJoin.quota().burst as usize;
    for n in 0..burst {
        let reply = app
            .post_form(
                "/book/waitlist",
                &join_form(&format!("p{n}"), 1, PartOfDay::Morning),
                None,
            )
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    }
    let refused = app
        .post_form(
            "/book/waitlist",
            &join_form("late", 1, PartOfDay::Morning),
            None,
        )
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!refused.header(header::RETRY_AFTER).is_empty());
    assert!(
        refused.body.contains("value=\"late@example.org\""),
        "typed email kept"
    );
    assert_eq!(emails(&app, "late", "waitlist_confirm").await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_day_reopened_offers_its_freed_time_to_the_first_in_line(pool: PgPool) {
    let app = spawn_app(pool).await;
    one_seat_a_day(&app).await;
    let (weekday, part) = wish_of(a_day_ahead(&app).await);
    let (slot, _) = fill_the_wish(&app, weekday, part).await;
    join_and_confirm(&app, "ada", weekday, part).await;
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mia Manager", "manager")
        .await;
    let day = slot.with_timezone(&ZONE).date_naive();
    // Closed, its booking cancelled: nothing is offered for a closed day.
    let close = format!("lang=en&center={CENTER}&day={day}&reason=Staff+training&stranded=cancel");
    let reply = app
        .post_form("/staff/closures", &close, Some(&manager))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(emails(&app, "ada", "waitlist_hold").await, 0);
    // Reopened: its free time goes to Ada.
    let reply = app
        .post_form(
            "/staff/closures/reopen",
            &format!("lang=en&center={CENTER}&day={day}"),
            Some(&manager),
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER);
    assert_eq!(emails(&app, "ada", "waitlist_hold").await, 1);
    assert_eq!(seats(&app.pool, slot).await, (0, 1));
    holds_are_counted(&app.pool).await;
}

async fn entry_state(app: &TestApp, name: &str) -> String {
    sqlx::query_scalar("select state from waitlist_entries where first_name = $1")
        .bind(name)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_mailbox_nobody_reads_is_taken_off_the_list_after_two_unanswered_holds(pool: PgPool) {
    let app = spawn_app(pool).await;
    one_seat_a_day(&app).await;
    let (weekday, part) = wish_of(a_day_ahead(&app).await);
    assert!(
        fitting(&app, weekday, part).await.len() >= 3,
        "the week's slots fit"
    );
    // Confirming offers the earliest fitting time at once.
    let token = join_and_confirm(&app, "ada", weekday, part).await;
    let mail = app.state.mail();
    let mut now = Utc::now();
    for round in 1..=2 {
        assert_eq!(emails(&app, "ada", "waitlist_hold").await, round);
        now += Duration::minutes(HOLD_MINUTES + 1);
        app::services::waitlist::pass_on_holds(&app.pool, &mail, now)
            .await
            .unwrap();
    }
    // Two went unanswered: off the list, no third hold, and the seats are free again.
    assert_eq!(entry_state(&app, "ada").await, "dropped");
    assert_eq!(emails(&app, "ada", "waitlist_hold").await, 2);
    holds_are_counted(&app.pool).await;
    let held: i64 = sqlx::query_scalar("select coalesce(sum(on_hold), 0) from slot_seats")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(held, 0);
    let page = app.get(&format!("/book/waitlist/{token}"), None).await;
    assert!(
        page.body.contains("two times held for you went unanswered"),
        "{}",
        page.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_stranger_cannot_flood_an_inbox_with_confirmations_nor_greet_it_by_a_made_up_name(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    // The same address put on the list for every service, twice, by a stranger.
    let services = [
        "registration_help",
        "career_coaching",
        "resume_review",
        "skills_team",
        "interview_practice",
    ];
    for _ in 0..2 {
        for service in services {
            let form = join_form("ada", 1, PartOfDay::Morning)
                .replace(&format!("service={SERVICE}"), &format!("service={service}"))
                .replace("first_name=ada", "first_name=Click+evil.example+now");
            let reply = app.post_form("/book/waitlist", &form, None).await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        }
    }
    assert_eq!(
        emails(&app, "ada", "waitlist_confirm").await,
        app::domain::waitlist::CONFIRMATIONS_PER_DAY
    );
    let bodies: Vec<String> =
        sqlx::query_scalar("select body from outbox where kind = 'waitlist_confirm'")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert!(
        bodies.iter().all(|b| !b.contains("evil.example")),
        "{bodies:?}"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn closing_a_day_gives_back_the_times_held_on_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    one_seat_a_day(&app).await;
    let (weekday, part) = wish_of(a_day_ahead(&app).await);
    let (slot, booker) = fill_the_wish(&app, weekday, part).await;
    join_and_confirm(&app, "ada", weekday, part).await;
    app.post_form(&format!("/book/manage/{booker}/cancel"), "lang=en", None)
        .await;
    assert_eq!(seats(&app.pool, slot).await, (0, 1));
    let hold = emailed_token(&app, "ada", "waitlist_hold", "/book/hold/")
        .await
        .unwrap();
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mia Manager", "manager")
        .await;
    let day = slot.with_timezone(&ZONE).date_naive();
    let close = format!("lang=en&center={CENTER}&day={day}&reason=Snow&stranded=cancel");
    let reply = app
        .post_form("/staff/closures", &close, Some(&manager))
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(seats(&app.pool, slot).await, (0, 0));
    holds_are_counted(&app.pool).await;
    let page = app.get(&format!("/book/hold/{hold}"), None).await;
    assert!(page.body.contains("no longer available"), "{}", page.body);
    assert_eq!(entry_state(&app, "ada").await, "waiting", "still in line");
}
