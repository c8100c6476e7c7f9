//! A video appointment's meeting link: the center's link, set by its managers, comes with
//! each video booking made after it; staff change one appointment's link and the
//! participant is emailed the new one with an updated calendar file; only a web address
//! is ever stored, and only the staff the table allows may change either.

use super::booking_helpers::{details_form, first_free, post_details, token_of};
use super::helpers::*;
use axum::http::{header, StatusCode};
use sqlx::PgPool;
use uuid::Uuid;

async fn manager(app: &TestApp) -> String {
    app.sign_in_with_role("manager@frontdesk.test", "Max Manager", "manager")
        .await
}

/// Books a resume review (held by video only) and returns its id and manage token.
async fn book_video(app: &TestApp, n: usize) -> (i64, String) {
    let start = first_free(app, "resume_review").await;
    let reply = post_details(
        app,
        &details_form("resume_review", start, Uuid::new_v4(), n),
    )
    .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    let token = token_of(&reply.header(header::LOCATION));
    let id: i64 = sqlx::query_scalar("select max(id) from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    (id, token)
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_centers_link_comes_with_each_video_booking_made_after_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    let manager = manager(&app).await;
    let link = "https://meet.example.org/tigard-video";
    let saved = app
        .post_form(
            &format!("/staff/availability/{CENTER}/meeting-link"),
            &format!("lang=en&meeting_link={}", super::booking_helpers::enc(link)),
            Some(&manager),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app
        .get(
            &format!("/staff/availability?center={CENTER}&lang=en"),
            Some(&manager),
        )
        .await;
    assert!(page.body.contains(link), "{}", page.body);

    let (_, token) = book_video(&app, 1).await;
    let manage = app
        .get(&format!("/book/manage/{token}?lang=en"), None)
        .await;
    assert!(
        manage.body.contains(&format!("join at {link}")),
        "{}",
        manage.body
    );
    assert!(manage.body.contains(&format!("href=\"{link}\"")));
    let (body, ics): (String, String) =
        sqlx::query_as("select body, ics from outbox where kind = 'confirmation'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(body.contains(link), "{body}");
    assert!(ics.replace("\r\n ", "").contains(link), "{ics}");

    // Not a web address: refused beside the field, what was typed kept, nothing stored.
    let refused = app
        .post_form(
            &format!("/staff/availability/{CENTER}/meeting-link"),
            "lang=en&meeting_link=javascript%3Aalert(1)",
            Some(&manager),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused
        .body
        .contains("Type a web address that starts with https://"));
    assert!(refused.body.contains("value=\"javascript:alert(1)\""));
    let stored: String = sqlx::query_scalar("select meeting_link from centers where id = $1")
        .bind(CENTER)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, link);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_change_one_appointments_link_and_the_participant_is_emailed_it(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (id, old_token) = book_video(&app, 2).await;
    let staff = app.sign_in().await;
    let link = "https://meet.example.org/coach-casey";
    let form = format!("lang=en&meeting_link={}", super::booking_helpers::enc(link));
    let sent = app
        .post_form(
            &format!("/staff/calendar/{id}/meeting-link"),
            &form,
            Some(&staff),
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    assert_eq!(
        sent.header(header::LOCATION),
        format!("/staff/calendar/{id}?lang=en&notice=link_sent")
    );
    let (body, ics): (String, String) =
        sqlx::query_as("select body, ics from outbox where kind = 'meeting_link'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert!(body.contains(link), "{body}");
    let ics = ics.replace("\r\n ", "");
    assert!(ics.contains("SEQUENCE:1"), "{ics}");
    assert!(ics.contains(link));
    // The older manage links keep working: a mail held back by the per-address cap must
    // not leave the participant without one.
    let old = app
        .get(&format!("/book/manage/{old_token}?lang=en"), None)
        .await;
    assert_eq!(old.status, StatusCode::OK);
    // The same link again: nothing sent twice.
    let again = app
        .post_form(
            &format!("/staff/calendar/{id}/meeting-link"),
            &form,
            Some(&staff),
        )
        .await;
    assert!(again
        .header(header::LOCATION)
        .ends_with("notice=link_unchanged"));
    let mails: i64 = sqlx::query_scalar("select count(*) from outbox where kind = 'meeting_link'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(mails, 1);
    let page = app
        .get(&format!("/staff/calendar/{id}?lang=en"), Some(&staff))
        .await;
    assert!(
        page.body.contains("changed video call link"),
        "{}",
        page.body
    );

    // A phone appointment has no link to change.
    let start = first_free(&app, "career_coaching").await;
    let phone = post_details(
        &app,
        &details_form("career_coaching", start, Uuid::new_v4(), 3),
    )
    .await;
    assert_eq!(phone.status, StatusCode::SEE_OTHER);
    let phone_id: i64 = sqlx::query_scalar("select max(id) from bookings")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let refused = app
        .post_form(
            &format!("/staff/calendar/{phone_id}/meeting-link"),
            &form,
            Some(&staff),
        )
        .await;
    assert!(refused
        .header(header::LOCATION)
        .ends_with("notice=link_not_changeable"));
    let stored: String = sqlx::query_scalar("select meeting_link from bookings where id = $1")
        .bind(phone_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, "");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn strangers_and_front_desk_staff_change_no_link(pool: PgPool) {
    let app = spawn_app(pool).await;
    let (id, _) = book_video(&app, 4).await;
    let desk = app
        .sign_in_with_role("desk@frontdesk.test", "Dee Desk", "front_desk")
        .await;
    let form = "lang=en&staff_id=1&meeting_link=https%3A%2F%2Fevil.example%2Fphish\
                &staff_meeting_link=https%3A%2F%2Fevil.example%2Fphish";
    let center_path = format!("/staff/availability/{CENTER}/meeting-link");
    let appointment_path = format!("/staff/calendar/{id}/meeting-link");
    for (path, who) in [
        (center_path.as_str(), Some(desk.as_str())),
        (appointment_path.as_str(), Some(desk.as_str())),
        ("/staff/meeting-links/staff", Some(desk.as_str())),
        (center_path.as_str(), None),
        (appointment_path.as_str(), None),
    ] {
        let reply = app.post_form(path, form, who).await;
        assert!(
            matches!(reply.status, StatusCode::FORBIDDEN | StatusCode::SEE_OTHER),
            "{path}: {}",
            reply.status
        );
        if reply.status == StatusCode::SEE_OTHER {
            assert!(reply.header(header::LOCATION).starts_with("/staff/login"));
        }
    }
    let links: i64 = sqlx::query_scalar(
        "select (select count(*) from centers where meeting_link like '%evil%')
              + (select count(*) from bookings where meeting_link like '%evil%')
              + (select count(*) from staff_users where meeting_link like '%evil%')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(links, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_video_appointment_given_to_a_coach_with_a_link_meets_there(pool: PgPool) {
    let app = spawn_app(pool).await;
    let manager = manager(&app).await;
    let coach_id: i64 = sqlx::query_scalar("select id from staff_users where email = $1")
        .bind(STAFF_EMAIL)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let link = "https://meet.example.org/casey";
    let saved = app
        .post_form(
            "/staff/meeting-links/staff",
            &format!(
                "lang=en&staff_id={coach_id}&staff_meeting_link={}",
                super::booking_helpers::enc(link)
            ),
            Some(&manager),
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let page = app.get("/staff/availability?lang=en", Some(&manager)).await;
    assert!(page.body.contains(link), "{}", page.body);
    // Not a link: refused beside its field, kept, nothing stored.
    let refused = app
        .post_form(
            "/staff/meeting-links/staff",
            &format!("lang=en&staff_id={coach_id}&staff_meeting_link=ftp%3A%2F%2Fx"),
            Some(&manager),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("value=\"ftp://x\""));

    // A video booking, then given to the coach: it meets at the coach's link, emailed.
    let (id, _) = book_video(&app, 5).await;
    let staff = app.sign_in().await;
    let assign = format!("lang=en&status=booked&staff_id={coach_id}&note=");
    let updated = app
        .post_form(
            &format!("/staff/calendar/{id}/update"),
            &assign,
            Some(&staff),
        )
        .await;
    assert_eq!(updated.status, StatusCode::SEE_OTHER, "{}", updated.body);
    assert!(updated
        .header(header::LOCATION)
        .ends_with("notice=link_sent"));
    let stored: String = sqlx::query_scalar("select meeting_link from bookings where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, link);
    let body: String = sqlx::query_scalar("select body from outbox where kind = 'meeting_link'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert!(body.contains(link), "{body}");

    // A link staff set by hand stays when only the note changes.
    let own = "https://meet.example.org/special-room";
    app.post_form(
        &format!("/staff/calendar/{id}/meeting-link"),
        &format!("lang=en&meeting_link={}", super::booking_helpers::enc(own)),
        Some(&staff),
    )
    .await;
    let note = format!("lang=en&status=booked&staff_id={coach_id}&note=Bring+CV");
    app.post_form(&format!("/staff/calendar/{id}/update"), &note, Some(&staff))
        .await;
    let stored: String = sqlx::query_scalar("select meeting_link from bookings where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(stored, own);
    // ... and when it changes hands: it was typed by hand.
    let nobody = "lang=en&status=booked&staff_id=&note=Bring+CV";
    app.post_form(
        &format!("/staff/calendar/{id}/update"),
        nobody,
        Some(&staff),
    )
    .await;
    assert_eq!(link_of(&app, id).await, own);
    // Cleared by hand, the next handover brings the coach's link, and then the center's.
    app.post_form(
        &format!("/staff/calendar/{id}/meeting-link"),
        "lang=en&meeting_link=",
        Some(&staff),
    )
    .await;
    app.post_form(&format!("/staff/calendar/{id}/update"), &note, Some(&staff))
        .await;
    assert_eq!(link_of(&app, id).await, link);
    app.post_form(
        &format!("/staff/calendar/{id}/update"),
        nobody,
        Some(&staff),
    )
    .await;
    assert_eq!(
        link_of(&app, id).await,
        "https://meet.example.org/worksource-tigard"
    );
    // Only https: a room's token never travels in the clear.
    let plain = app
        .post_form(
            &format!("/staff/calendar/{id}/meeting-link"),
            "lang=en&meeting_link=http%3A%2F%2Fmeet.example.org%2Froom",
            Some(&staff),
        )
        .await;
    assert_eq!(plain.status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn link_of(app: &TestApp, id: i64) -> String {
    sqlx::query_scalar("select meeting_link from bookings where id = $1")
        .bind(id)
        .fetch_one(&app.pool)
        .await
        .unwrap()
}
