//! The accommodation work-queue: requests from check-ins and workshop enrolments appear
//! for staff, who mark them arranged or not possible and become their handler.

use super::helpers::*;
use super::workshops::{mail, person, session};
use app::domain::accommodation::Accommodation;
use app::services::workshops::enrol;
use axum::http::StatusCode;
use chrono::{Duration, Utc};
use sqlx::PgPool;
use uuid::Uuid;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn requests_from_check_ins_and_enrolments_are_worked_through_by_staff(pool: PgPool) {
    let app = spawn_app(pool).await;
    let mut visitor = answers("Hodan", "Ali");
    visitor["accommodations"] = serde_json::json!(["spoken_interpreter"]);
    visitor["interpreter_language"] = "Somali".into();
    let reply = app.check_in_with_key(Uuid::new_v4(), visitor).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    app.check_in("Nobody", "Needs").await;
    let workshop = session(&app.pool, 10, Duration::days(2)).await;
    let mut deaf = person(1);
    deaf.accommodations = vec![Accommodation::AslInterpreter, Accommodation::LargePrint];
    enrol(&app.pool, workshop, &deaf, &mail(), Utc::now())
        .await
        .unwrap();

    let strangers = app.get("/staff/accommodations", None).await;
    assert_eq!(
        strangers.header(axum::http::header::LOCATION),
        "/staff/login"
    );

    let cookie = app.sign_in().await;
    let page = app
        .get("/staff/accommodations?lang=en", Some(&cookie))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("3 requests"), "{}", page.body);
    assert!(page.body.contains("Interpreter: Somali"));
    assert!(page.body.contains("American Sign Language interpreter"));
    assert!(page.body.contains("Large print"));
    assert!(!page.body.contains("Nobody Needs"), "no request, no work");
    assert_eq!(page.body.matches("Nobody yet").count(), 3);

    let visit_id: i64 = sqlx::query_scalar("select id from visits where first_name = 'Hodan'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let reply = app
        .post_form(
            "/staff/accommodations/update",
            &format!("source=visit&source_id={visit_id}&need=spoken_interpreter&status=arranged"),
            Some(&cookie),
        )
        .await;
    assert!(reply.status.is_redirection(), "{}", reply.status);

    let open = app
        .get("/staff/accommodations?lang=en", Some(&cookie))
        .await;
    assert!(open.body.contains("2 requests") && !open.body.contains("Somali"));
    let arranged = app
        .get(
            "/staff/accommodations?lang=en&status=arranged",
            Some(&cookie),
        )
        .await;
    assert!(arranged.body.contains("1 request<"), "{}", arranged.body);
    assert!(arranged.body.contains("Interpreter: Somali") && arranged.body.contains("Casey Coach"));

    // Nonsense is refused and changes nothing.
    let reply = app
        .post_form(
            "/staff/accommodations/update",
            &format!("source=visit&source_id={visit_id}&need=spoken_interpreter&status=done"),
            Some(&cookie),
        )
        .await;
    assert_ne!(reply.status, StatusCode::OK);
    let status: String = sqlx::query_scalar("select status from accommodation_work")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(status, "arranged");
}
