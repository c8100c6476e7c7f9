//! A new agency sets Frontdesk up without the demo seed: an admin creates a center through
//! the form posts, gives it hours and a service, pairs its kiosk; then a participant books
//! there and a visitor checks in at its kiosk. Retiring a center stops its bookings;
//! bad input comes back beside its field; every change is in the setup log.

use super::booking_helpers::{book, enc, first_free};
use super::helpers::*;
use super::setup_helpers::availability_form;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use serde_json::json;
use sqlx::PgPool;
use uuid::Uuid;

const NEW: &str = "hood-river";

async fn admin(app: &TestApp) -> String {
    app.sign_in_with_role("admin@frontdesk.test", "Ada Admin", "admin")
        .await
}

fn new_center_form(short_name: &str) -> String {
    format!(
        "lang=en&short_name={}&name={}&address={}&phone={}&email=&time_zone={}",
        enc(short_name),
        enc("WorkSource Hood River"),
        enc("1110 June St, Hood River, OR 97031"),
        enc("(541) 386-4110"),
        enc("America/Los_Angeles"),
    )
}

/// Pairs a tablet with `center` the way a manager and the tablet do it: the code from the
/// kiosk tablets page, typed on the tablet. Returns the tablet's cookie.
async fn pair_through_the_pages(app: &TestApp, staff: &str, center: &str) -> String {
    let made = app
        .post_form(
            "/staff/kiosks",
            &format!("lang=en&center={center}&name=Lobby"),
            Some(staff),
        )
        .await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let code = pairing_code_in(&made.body);
    let request = Request::post("/kiosk/pair")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(format!("lang=en&code={code}")))
        .unwrap();
    let paired = app.send(request).await;
    assert_eq!(paired.status, StatusCode::SEE_OTHER, "{}", paired.body);
    assert_eq!(
        paired.header(header::LOCATION),
        format!("/kiosk/{center}?lang=en")
    );
    paired
        .header(header::SET_COOKIE)
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_admin_sets_up_a_center_on_an_empty_database_where_people_then_book_and_check_in(
    pool: PgPool,
) {
    let mut app = spawn_empty_app(pool).await;
    let admin = admin(&app).await;
    let page = app.get("/staff/centers?lang=en", Some(&admin)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Add a center"), "{}", page.body);

    // The center, from the form.
    let created = app
        .post_form(
            "/staff/centers",
            &new_center_form("Hood River"),
            Some(&admin),
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    assert_eq!(
        created.header(header::LOCATION),
        "/staff/centers?edit=hood-river&lang=en&notice=created"
    );
    let stored: (String, String, String) =
        sqlx::query_as("select name, phone, time_zone from centers where id = $1")
            .bind(NEW)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        stored,
        (
            "WorkSource Hood River".to_owned(),
            "5413864110".to_owned(),
            "America/Los_Angeles".to_owned()
        )
    );
    // Nothing can be booked yet, and the booking page says so.
    let book = app.get("/book?lang=en", None).await;
    assert!(
        book.body
            .contains("No appointments can be booked online yet"),
        "{}",
        book.body
    );

    // A service, from the services form (a new agency starts with none); its code is made
    // from the English name.
    let service = "lang=en&code=&name_en=Resume+review&name_es=Revisi%C3%B3n+de+curr%C3%ADculum\
                   &hint_en=Bring+your+resume&hint_es=Traiga+su+curr%C3%ADculum&held=video\
                   &arrival_reason=";
    let added = app
        .post_form("/staff/services", service, Some(&admin))
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let offers = app::db::booking_slots::offers(&app.pool, "resume_review", Some(NEW))
        .await
        .unwrap();
    assert!(
        offers.is_empty(),
        "offered nowhere until a center offers it"
    );

    // Hours Monday to Saturday and one service, from the hours-and-services form.
    let mut change: Vec<(String, String)> = (1..=6)
        .flat_map(|d| {
            [
                (format!("opens_{d}"), "08:00".to_owned()),
                (format!("closes_{d}"), "17:00".to_owned()),
            ]
        })
        .collect();
    for (name, value) in [
        ("offered_resume_review", "yes"),
        ("slot_resume_review", "45"),
        ("capacity_resume_review", "2"),
        ("lead_resume_review", "60"),
        ("horizon_resume_review", "14"),
    ] {
        change.push((name.to_owned(), value.to_owned()));
    }
    let change: Vec<(&str, &str)> = change
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let form = availability_form(&app, NEW, "refuse", &change).await;
    let saved = app
        .post_form("/staff/availability", &form, Some(&admin))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);

    // A participant books it from home, through the public form.
    let offers = app::db::booking_slots::offers(&app.pool, "resume_review", Some(NEW))
        .await
        .unwrap();
    assert_eq!(offers.len(), 1);
    let free =
        app::db::booking_slots::free_slots(&app.pool, "resume_review", &offers, chrono::Utc::now())
            .await
            .unwrap();
    let start = free[0].slot.start;
    assert_eq!((free[0].slot.end - start).num_minutes(), 45);
    assert!(start - chrono::Utc::now() <= chrono::Duration::days(15));
    let details = format!(
        "service=resume_review&center={NEW}&tz={}&lang=en&start={}&key={}&first_name=Ana\
         &last_name=Lopez&email=ana%40example.org&phone=541-555-0101&language=en",
        enc("America/Los_Angeles"),
        enc(&start.to_rfc3339()),
        Uuid::new_v4()
    );
    let book = app.get("/book?lang=es", None).await;
    assert!(
        book.body.contains("Revisión de currículum"),
        "{}",
        book.body
    );
    assert!(book.body.contains("Traiga su currículum"));
    let booked = app.post_form("/book/details", &details, None).await;
    assert_eq!(booked.status, StatusCode::SEE_OTHER, "{}", booked.body);
    let manage = app.get(&booked.header(header::LOCATION), None).await;
    assert!(
        manage
            .body
            .contains("Video call with WorkSource Hood River"),
        "{}",
        manage.body
    );
    let at_new: i64 = sqlx::query_scalar("select count(*) from bookings where center_id = $1")
        .bind(NEW)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(at_new, 1);

    // Its kiosk, paired from the pages, has nothing to check in for yet and says so.
    app.kiosk_cookie = pair_through_the_pages(&app, &admin, NEW).await;
    let not_ready = app
        .get(&format!("/kiosk/{NEW}/check-in?lang=en"), None)
        .await;
    assert!(
        not_ready.body.contains("Check-in is not ready yet"),
        "{}",
        not_ready.body
    );

    // A reason to come for, from the form (a new agency starts with none).
    let reason =
        "lang=en&code=job_search&name_en=Help+finding+a+job&name_es=Ayuda+para+buscar+empleo\
                  &hint_en=&hint_es=&notice_en=&notice_es=&phones=&team=";
    let added = app.post_form("/staff/reasons", reason, Some(&admin)).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);

    // Now the kiosk checks a visitor in.
    let welcome = app.get(&format!("/kiosk/{NEW}?lang=es"), None).await;
    assert_eq!(welcome.status, StatusCode::OK);
    assert!(welcome.body.contains("WorkSource Hood River"));
    let visitor = app.tablet_visitor().await;
    let body = json!({ "center_id": NEW, "language": "en", "key": Uuid::new_v4(), "answers": answers("Lena", "Berg"), "visitor": visitor });
    let checked_in = app.check_in_json(&body).await;
    assert_eq!(checked_in.status, StatusCode::OK, "{}", checked_in.body);
    assert_eq!(ticket_number(&checked_in.json()), "A-001");

    // Every change is in the setup log, with who made it.
    let page = app.get("/staff/centers?lang=en", Some(&admin)).await;
    assert!(page.body.contains("center:hood-river"), "{}", page.body);
    assert!(page
        .body
        .contains("created “WorkSource Hood River” (America/Los_Angeles)"));
    let log: Vec<(String, Option<i64>)> =
        sqlx::query_as("select summary, staff_id from setup_changes order by id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(log.len(), 4, "center, service, hours and reason: {log:?}");
    assert!(log.iter().all(|(_, who)| who.is_some()));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn bad_center_input_comes_back_beside_each_field_and_a_short_name_is_never_taken_twice(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let form =
        "lang=en&short_name=..%2Fetc&name=&address=&phone=12&email=nobody&time_zone=Mars%2FOlympus";
    let refused = app.post_form("/staff/centers", form, Some(&admin)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for id in [
        "short_name-error",
        "name-error",
        "phone-error",
        "email-error",
        "time_zone-error",
    ] {
        assert!(refused.body.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(!refused.body.contains("id=\"address-error\""));
    // What was typed is still there.
    assert!(refused.body.contains("value=\"../etc\""));
    assert!(refused.body.contains("value=\"Mars/Olympus\""));

    // The demo's Tigard exists: its short name cannot be taken again.
    let taken = app
        .post_form("/staff/centers", &new_center_form("Tigard"), Some(&admin))
        .await;
    assert_eq!(taken.status, StatusCode::CONFLICT);
    assert!(taken
        .body
        .contains("Another center already has this short name."));
    let name: String = sqlx::query_scalar("select name from centers where id = 'tigard'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Tigard", "the existing center is untouched");

    // An edit of a center that does not exist, with an id made to break a header.
    let ghost = app
        .post_form(
            "/staff/centers/nowhere%0D%0ASet-Cookie:x/retire",
            "lang=en&stranded=cancel",
            Some(&admin),
        )
        .await;
    assert_eq!(ghost.status, StatusCode::SEE_OTHER);
    assert!(!ghost.header(header::LOCATION).contains('\n'));
    assert!(ghost.header(header::SET_COOKIE).is_empty());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_retired_center_takes_no_bookings_and_is_listed_nowhere_public(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let start = first_free(&app, "career_coaching").await;
    book(&app, "career_coaching", start, 1).await;
    let home = app.get("/book?lang=en", None).await;
    assert!(home.body.contains("value=\"tigard\""), "{}", home.body);

    // Retiring with a booking ahead: refused with its list, nothing changed.
    let refused = app
        .post_form(
            &format!("/staff/centers/{CENTER}/retire"),
            "lang=en&stranded=refuse",
            Some(&admin),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("1 booking would have no place."));
    assert!(refused.body.contains("Ana1 Pérez"));
    let retired: Option<chrono::DateTime<chrono::Utc>> =
        sqlx::query_scalar("select retired_at from centers where id = $1")
            .bind(CENTER)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(retired.is_none());

    // Retiring and cancelling: the person is emailed.
    let done = app
        .post_form(
            &format!("/staff/centers/{CENTER}/retire"),
            "lang=en&stranded=cancel",
            Some(&admin),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let location = done.header(header::LOCATION);
    assert!(
        location.contains("notice=retired_cancelled&count=1"),
        "{location}"
    );
    let cancellations: i64 =
        sqlx::query_scalar("select count(*) from outbox where kind = 'cancellation'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(cancellations, 1);

    // No more bookings there, even for a time that was free, and no public list has it.
    let again = app
        .post_form(
            "/book/details",
            &super::booking_helpers::details_form("career_coaching", start, Uuid::new_v4(), 2),
            None,
        )
        .await;
    assert_ne!(again.status, StatusCode::SEE_OTHER, "{}", again.body);
    let booked: i64 = sqlx::query_scalar("select count(*) from bookings where status = 'booked'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(booked, 0);
    let listed = app.server_fn("/api/centers/list", "", None).await;
    assert!(!listed.body.contains("\"tigard\""), "{}", listed.body);
    let home = app.get("/book?lang=en", None).await;
    assert!(!home.body.contains("value=\"tigard\""));

    // Brought back, it takes bookings again.
    let restored = app
        .post_form(
            &format!("/staff/centers/{CENTER}/restore"),
            "lang=en",
            Some(&admin),
        )
        .await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    book(&app, "career_coaching", start, 3).await;
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn switching_a_service_off_or_changing_its_slot_length_never_strands_bookings_silently(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mia Manager", "manager")
        .await;
    let start = first_free(&app, "resume_review").await;
    book(&app, "resume_review", start, 1).await;
    for change in [
        [("offered_resume_review", "")],
        [("slot_resume_review", "45")],
    ] {
        let form = availability_form(&app, CENTER, "refuse", &change).await;
        let refused = app
            .post_form("/staff/availability", &form, Some(&manager))
            .await;
        assert_eq!(refused.status, StatusCode::CONFLICT, "{change:?}");
        assert!(refused.body.contains("Ana1 Pérez"), "{change:?}");
    }
    let offered: bool = sqlx::query_scalar(
        "select offered from center_services where center_id = $1 and service_id = 'resume_review'",
    )
    .bind(CENTER)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(offered, "nothing changed");

    // A bad number is refused beside its service, with what was typed kept.
    let form = availability_form(&app, CENTER, "refuse", &[("horizon_resume_review", "900")]).await;
    let refused = app
        .post_form("/staff/availability", &form, Some(&manager))
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("id=\"rules-resume_review-error\""));
    assert!(refused.body.contains("value=\"900\""));

    // Switched off with the booking cancelled: the service is no longer offered there.
    let form = availability_form(&app, CENTER, "cancel", &[("offered_resume_review", "")]).await;
    let saved = app
        .post_form("/staff/availability", &form, Some(&manager))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let offers = app::db::booking_slots::offers(&app.pool, "resume_review", Some(CENTER))
        .await
        .unwrap();
    assert!(offers.is_empty());
    let status: String = sqlx::query_scalar("select status from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "cancelled");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn moving_a_center_to_another_zone_never_strands_bookings_silently(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    // A late-afternoon appointment in Tigard: after 6 pm in New York.
    let late = super::booking_helpers::free_starts(&app, "resume_review")
        .await
        .into_iter()
        .find(|s| {
            s.with_timezone(&chrono_tz::America::Los_Angeles).time() >= "15:00:00".parse().unwrap()
        })
        .expect("a free afternoon time");
    book(&app, "resume_review", late, 1).await;
    let edit = |zone: &str, stranded: &str| {
        format!(
            "lang=en&name=Tigard&address=&phone=&email=&time_zone={}&stranded={stranded}",
            enc(zone)
        )
    };
    let refused = app
        .post_form(
            &format!("/staff/centers/{CENTER}/edit"),
            &edit("America/New_York", "refuse"),
            Some(&admin),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "{}", refused.body);
    assert!(refused.body.contains("Ana1 Pérez"));
    let zone: String = sqlx::query_scalar("select time_zone from centers where id = $1")
        .bind(CENTER)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(zone, "America/Los_Angeles", "nothing changed");

    // Renaming alone strands nothing and is logged with what changed.
    let renamed = app
        .post_form(
            &format!("/staff/centers/{CENTER}/edit"),
            &edit("America/Los_Angeles", "refuse").replace("name=Tigard", "name=Tigard+Center"),
            Some(&admin),
        )
        .await;
    assert_eq!(renamed.status, StatusCode::SEE_OTHER, "{}", renamed.body);
    let summary: String =
        sqlx::query_scalar("select summary from setup_changes order by id desc limit 1")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(summary, "name: “Tigard” → “Tigard Center”");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_center_with_workshops_ahead_is_not_retired_and_a_retired_centers_kiosk_stops(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let workshop = super::workshops::session(&app.pool, 10, chrono::Duration::days(3)).await;
    let refused = app
        .post_form(
            &format!("/staff/centers/{CENTER}/retire"),
            "lang=en&stranded=cancel",
            Some(&admin),
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused
        .body
        .contains("This center has 1 workshop sessions ahead."));

    sqlx::query("update workshop_sessions set status = 'cancelled' where id = $1")
        .bind(workshop)
        .execute(&app.pool)
        .await
        .unwrap();
    let done = app
        .post_form(
            &format!("/staff/centers/{CENTER}/retire"),
            "lang=en&stranded=cancel",
            Some(&admin),
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    let check_in = app
        .check_in_with_key(Uuid::new_v4(), answers("Late", "Visitor"))
        .await;
    assert_ne!(check_in.status, StatusCode::OK, "{}", check_in.body);
    assert_eq!(app.visit_count().await, 0);

    // A reserved word is no short name.
    let reserved = app
        .post_form("/staff/centers", &new_center_form("pair"), Some(&admin))
        .await;
    assert_eq!(reserved.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// A calendar file as an agency's calendar program exports it: three holidays (one over
/// two days counts as two), a meeting with a time of day, and a holiday long past.
fn holiday_calendar(first: chrono::NaiveDate) -> String {
    let d = |offset: i64| {
        (first + chrono::Duration::days(offset))
            .format("%Y%m%d")
            .to_string()
    };
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Agency//Holidays//EN\r\n\
         BEGIN:VEVENT\r\nUID:a@agency\r\nDTSTART;VALUE=DATE:{}\r\nSUMMARY:Founders Day\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:b@agency\r\nDTSTART;VALUE=DATE:{}\r\nDTEND;VALUE=DATE:{}\r\nSUMMARY:Harvest\r\n  Break\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:c@agency\r\nDTSTART:{}T170000Z\r\nDTEND:{}T180000Z\r\nSUMMARY:Staff party\r\nEND:VEVENT\r\n\
         BEGIN:VEVENT\r\nUID:d@agency\r\nDTSTART;VALUE=DATE:20200101\r\nSUMMARY:Long ago\r\nEND:VEVENT\r\n\
         END:VCALENDAR\r\n",
        d(0),
        d(7),
        d(9),
        d(3),
        d(3)
    )
}

/// The upload as a browser sends it: `multipart/form-data`.
async fn upload(app: &TestApp, cookie: &str, file: &str) -> Reply {
    let boundary = "----frontdesk-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"lang\"\r\n\r\nen\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"holidays.ics\"\r\n\
         Content-Type: text/calendar\r\n\r\n{file}\r\n--{boundary}--\r\n"
    );
    let request = Request::post("/staff/closures/import")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, "http://localhost/staff/closures/agency")
        .header(header::COOKIE, cookie)
        .body(Body::from(body))
        .unwrap();
    app.send(request).await
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_holiday_calendar_closes_its_days_at_every_center_after_the_manager_checks_them(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mia Manager", "manager")
        .await;
    let first = chrono::Utc::now().date_naive() + chrono::Duration::days(40);
    // The demo's own holidays out of the way: every day of the file is new.
    sqlx::query("delete from center_closures")
        .execute(&app.pool)
        .await
        .unwrap();

    // A coach may not; a file that is no calendar is refused beside the field.
    let coach = app.sign_in().await;
    let refused = upload(&app, &coach, &holiday_calendar(first)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let junk = upload(&app, &manager, "this is not a calendar").await;
    assert_eq!(junk.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(junk.body.contains("id=\"file-error\""));

    // The preview: three days, what was left out, nothing added yet.
    let preview = upload(&app, &manager, &holiday_calendar(first)).await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview.body.contains("3 days to close at every center"),
        "{}",
        preview.body
    );
    assert!(preview
        .body
        .contains("Left out: 1 events with a time of day, 1 days in the past"));
    assert!(preview.body.contains("Harvest Break"));
    let closures = || async {
        sqlx::query_scalar::<_, i64>(
            "select count(*) from center_closures where reason in ('Founders Day', 'Harvest Break')",
        )
            .fetch_one(&app.pool)
            .await
            .unwrap()
    };
    assert_eq!(closures().await, 0);

    // Confirmed: every center is closed those three days.
    let days: Vec<String> = preview
        .body
        .split("name=\"day\" value=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_owned())
        .collect();
    assert_eq!(days.len(), 3, "{days:?}");
    let mut form = "lang=en&stranded=refuse".to_owned();
    for (day, reason) in days
        .iter()
        .zip(["Founders Day", "Harvest Break", "Harvest Break"])
    {
        form.push_str(&format!("&day={day}&reason={}", enc(reason)));
    }
    let added = app
        .post_form("/staff/closures/import/confirm", &form, Some(&manager))
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert!(added.header(header::LOCATION).contains("added=15"));
    let centers: i64 = sqlx::query_scalar("select count(*) from centers")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(closures().await, 3 * centers);
    let offers = app::db::booking_slots::offers(&app.pool, "resume_review", Some(CENTER))
        .await
        .unwrap();
    assert!(offers[0].closures.contains(&first));

    // Sent again (a double click): nothing more is added.
    let again = app
        .post_form("/staff/closures/import/confirm", &form, Some(&manager))
        .await;
    assert!(again.header(header::LOCATION).contains("added=0"));
    assert_eq!(closures().await, 3 * centers);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn closing_a_day_everywhere_lists_the_bookings_on_it_first(pool: PgPool) {
    let app = spawn_app(pool).await;
    let manager = app
        .sign_in_with_role("manager@frontdesk.test", "Mia Manager", "manager")
        .await;
    // Two people in one slot (two seats); one of them then moved to another center: the
    // list says which is where.
    let start = first_free(&app, "resume_review").await;
    book(&app, "resume_review", start, 1).await;
    book(&app, "resume_review", start, 2).await;
    sqlx::query("update bookings set center_id = 'gresham' where first_name = 'Ana2'")
        .execute(&app.pool)
        .await
        .unwrap();
    let day = start
        .with_timezone(&chrono_tz::America::Los_Angeles)
        .date_naive();
    let form = |stranded: &str| format!("lang=en&day={day}&reason=Storm&stranded={stranded}");
    let refused = app
        .post_form("/staff/closures/agency", &form("refuse"), Some(&manager))
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("Ana1 Pérez"));
    let row_of = |name: &str| {
        let rows = refused.body.split("<tr>");
        rows.into_iter()
            .find(|row| row.contains(name))
            .unwrap_or_default()
            .to_owned()
    };
    assert!(
        refused.body.contains("<th scope=\"col\">Center</th>"),
        "{}",
        refused.body
    );
    assert!(row_of("Ana1 Pérez").contains("Tigard"), "{}", refused.body);
    assert!(row_of("Ana2 Pérez").contains("Gresham"), "{}", refused.body);
    let closed: i64 =
        sqlx::query_scalar("select count(*) from center_closures where reason = 'Storm'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(closed, 0);
    let done = app
        .post_form("/staff/closures/agency", &form("cancel"), Some(&manager))
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(done.header(header::LOCATION).contains("cancelled=2"));
    let statuses: Vec<String> = sqlx::query_scalar("select status from bookings")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    assert_eq!(statuses, ["cancelled", "cancelled"]);
}
