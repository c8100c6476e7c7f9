//! A freed workshop seat goes to the session's waitlist first; only seats nobody waits
//! for, in a session starting within a day, show on the center's kiosk as "seats free
//! today".

use super::helpers::*;
use super::workshops::{mail, person, session};
use app::services::workshops::{cancel_enrolment, enrol, EnrolOutcome};
use chrono::{Duration, Utc};
use sqlx::PgPool;

const TITLE: &str = "Interview basics for walk-ins";

/// The session's card on the kiosk's workshop list.
async fn card(app: &TestApp) -> String {
    let page = app.get("/kiosk/tigard/workshops?lang=en", None).await;
    page.body
        .split("<li>")
        .find(|card| card.contains(TITLE))
        .unwrap_or_else(|| panic!("the session is listed: {}", page.body))
        .split("</li>")
        .next()
        .unwrap()
        .to_owned()
}

async fn enrol_person(app: &TestApp, id: i64, n: usize) -> String {
    match enrol(&app.pool, id, &person(n), &mail(), Utc::now())
        .await
        .unwrap()
    {
        EnrolOutcome::Done { token, .. } => token,
        other => panic!("not enrolled: {other:?}"),
    }
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn seats_nobody_waits_for_in_a_session_within_a_day_show_as_free_on_the_kiosk(pool: PgPool) {
    let app = spawn_app(pool).await;
    let id = session(&app.pool, 2, Duration::hours(3)).await;
    sqlx::query("update workshop_sessions set title = $2 where id = $1")
        .bind(id)
        .bind(TITLE)
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(card(&app).await.contains("data-testid=\"seats-free\""));

    let first = enrol_person(&app, id, 1).await;
    let second = enrol_person(&app, id, 2).await;
    assert!(!card(&app).await.contains("seats-free"), "full");
    enrol_person(&app, id, 3).await; // waitlisted

    // A seat freed goes to the waitlist: still nothing free for the lobby.
    cancel_enrolment(&app.pool, &first, &mail(), Utc::now())
        .await
        .unwrap();
    assert!(
        !card(&app).await.contains("seats-free"),
        "promoted from the waitlist"
    );
    // The next one freed, with nobody waiting, is.
    cancel_enrolment(&app.pool, &second, &mail(), Utc::now())
        .await
        .unwrap();
    let free = card(&app).await;
    assert!(free.contains("data-testid=\"seats-free\""), "{free}");
    assert!(free.contains("Seats free"), "{free}");

    // A session two days away is not pointed out, free seats or not.
    sqlx::query("update workshop_sessions set starts_at = now() + interval '2 days', ends_at = now() + interval '2 days 2 hours' where id = $1")
        .bind(id)
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(!card(&app).await.contains("seats-free"));
}
