//! Staff actions on the queue: calling order, transitions, and races between staff.

use crate::helpers::*;
use app::domain::queue::QueueAction;
use axum::http::StatusCode;
use sqlx::PgPool;

async fn statuses(pool: &PgPool) -> Vec<(String, String)> {
    sqlx::query_as("select first_name, status from visits order by id")
        .fetch_all(pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn call_next_calls_the_earliest_arrival_and_actions_move_it_along(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.check_in("First", "A").await;
    app.check_in("Second", "B").await;
    let cookie = app.sign_in().await;

    let reply = app
        .post_form("/staff/queue/call-next", "center_id=tigard", Some(&cookie))
        .await;
    assert_eq!(
        reply.status,
        StatusCode::SEE_OTHER,
        "a plain form post returns to the page: {}",
        reply.body
    );
    assert_eq!(
        reply.header(axum::http::header::LOCATION),
        "/staff/queue?center=tigard&lang=en"
    );
    assert_eq!(
        statuses(&app.pool).await,
        vec![
            ("First".into(), "called".into()),
            ("Second".into(), "waiting".into())
        ]
    );

    let id: i64 = sqlx::query_scalar("select id from visits where first_name = 'First'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for action in ["start_serving", "done"] {
        let form = format!("center_id=tigard&visit_id={id}&action={action}");
        app.post_form("/staff/queue/act", &form, Some(&cookie))
            .await;
    }
    let (status, staff): (String, String) = sqlx::query_as(
        "select v.status, u.display_name from visits v join staff_users u on u.id = v.staff_id where v.id = $1",
    )
    .bind(id)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((status.as_str(), staff.as_str()), ("done", "Casey Coach"));

    // Done is final: "left" no longer applies and changes nothing.
    let form = format!("center_id=tigard&visit_id={id}&action=left");
    app.post_form("/staff/queue/act", &form, Some(&cookie))
        .await;
    assert_eq!(statuses(&app.pool).await[0].1, "done");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_calling_next_at_the_same_moment_never_get_the_same_visitor(pool: PgPool) {
    let app = spawn_app(pool).await;
    for i in 0..5 {
        app.check_in(&format!("V{i}"), "X").await;
    }
    let center = app::db::centers::find_center(&app.pool, CENTER)
        .await
        .unwrap()
        .unwrap();
    let staff_id: i64 = sqlx::query_scalar("select id from staff_users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let tasks: Vec<_> = (0..12)
        .map(|_| {
            let (pool, center) = (app.pool.clone(), center.clone());
            tokio::spawn(async move {
                app::db::queue::call_next(&pool, &center, staff_id, None, chrono::Utc::now())
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut called: Vec<i64> = Vec::new();
    for task in tasks {
        called.extend(task.await.unwrap());
    }
    called.sort();
    let before = called.len();
    called.dedup();
    assert_eq!(called.len(), before, "a visitor was called twice");
    assert_eq!(called.len(), 5, "every waiting visitor called exactly once");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_action_that_no_longer_applies_changes_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    app.check_in("Only", "One").await;
    let staff_id: i64 = sqlx::query_scalar("select id from staff_users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let id: i64 = sqlx::query_scalar("select id from visits")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let now = chrono::Utc::now();
    let act = |action| app::db::queue::apply_action(&app.pool, CENTER, id, action, staff_id, now);
    assert!(
        !act(QueueAction::Done).await.unwrap(),
        "cannot finish someone never called"
    );
    assert!(act(QueueAction::Left).await.unwrap());
    assert!(
        !act(QueueAction::Call).await.unwrap(),
        "someone who left cannot be called"
    );
    let other_center =
        app::db::queue::apply_action(&app.pool, "gresham", id, QueueAction::Call, staff_id, now)
            .await
            .unwrap();
    assert!(!other_center, "an action names the visit's own center");
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn staff_see_who_is_being_served_then_called_then_the_line_in_calling_order(pool: PgPool) {
    let app = spawn_app(pool).await;
    for name in ["First", "Second", "Third", "Fourth"] {
        app.check_in(name, "X").await;
    }
    let staff_id: i64 = sqlx::query_scalar("select id from staff_users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let id = |name: &'static str| {
        let pool = app.pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("select id from visits where first_name = $1")
                .bind(name)
                .fetch_one(&pool)
                .await
                .unwrap()
        }
    };
    app::db::queue::apply_action(
        &app.pool,
        CENTER,
        id("Third").await,
        QueueAction::StartServing,
        staff_id,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    app::db::queue::apply_action(
        &app.pool,
        CENTER,
        id("Second").await,
        QueueAction::Call,
        staff_id,
        chrono::Utc::now(),
    )
    .await
    .unwrap();
    let center = app::db::centers::find_center(&app.pool, CENTER)
        .await
        .unwrap()
        .unwrap();
    let queue = app::db::queue::open_queue(&app.pool, &center, chrono::Utc::now())
        .await
        .unwrap();
    let names: Vec<&str> = queue.entries.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Third X.", "Second X.", "First X.", "Fourth X."]
    );
    assert_eq!(queue.waiting(), 2);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_queue_shows_the_longest_wait_now_and_todays_median_and_ninetieth_percentile(
    pool: PgPool,
) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let page = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert!(
        page.body.contains("No one called yet today."),
        "{}",
        page.body
    );

    // Ten visitors called today after 1 … 10 minutes, and one waiting for 25 minutes.
    for n in 1..=11 {
        app.check_in(&format!("P{n}"), "Wait").await;
    }
    sqlx::query(
        "update visits set checked_in_at = now() - make_interval(mins => 30),
            called_at = now() - make_interval(mins => 30) + make_interval(mins => id::int),
            status = 'done'
         where first_name <> 'P11'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    sqlx::query(
        "update visits set checked_in_at = now() - interval '25 minutes' where first_name = 'P11'",
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let page = app.get("/staff/queue?center=tigard", Some(&cookie)).await;
    assert!(
        page.body.contains(
            "Longest wait now: 25 min. Today: median 6 min; 9 in 10 were called within 9 min (10 called)."
        ),
        "{}",
        page.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_visit_is_handed_to_a_colleague_or_back_to_the_line_for_another_service(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    app.check_in("Early", "Bird").await;
    app.check_in("Ana", "Moved").await;
    let ana: i64 = sqlx::query_scalar("select id from visits where first_name = 'Ana'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let hash = app::passwords::hash_password("another password here").unwrap();
    let colleague = app::db::staff::upsert_staff(
        &app.pool,
        "rosa@frontdesk.test",
        "Rosa Diaz",
        &hash,
        "coach",
    )
    .await
    .unwrap();
    app.post_form(
        "/staff/queue/act",
        &format!("center_id=tigard&visit_id={ana}&action=call"),
        Some(&cookie),
    )
    .await;

    let page = app
        .get("/staff/queue?center=tigard&lang=en", Some(&cookie))
        .await;
    assert!(
        page.body.contains("Transfer ticket A-002 to"),
        "{}",
        page.body
    );

    // To a colleague: Rosa now has Ana, still called.
    app.post_form(
        "/staff/queue/transfer",
        &format!("center_id=tigard&visit_id={ana}&to=staff%3A{colleague}"),
        Some(&cookie),
    )
    .await;
    let (status, staff): (String, Option<i64>) =
        sqlx::query_as("select status, staff_id from visits where id = $1")
            .bind(ana)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!((status.as_str(), staff), ("called", Some(colleague)));

    // Back to the line for resume review: waiting again, behind Early who came first.
    app.post_form(
        "/staff/queue/transfer",
        &format!("center_id=tigard&visit_id={ana}&to=service%3Aresume_review"),
        Some(&cookie),
    )
    .await;
    let (status, reasons, called): (String, Vec<String>, Option<chrono::DateTime<chrono::Utc>>) =
        sqlx::query_as("select status, reasons, called_at from visits where id = $1")
            .bind(ana)
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        (status.as_str(), reasons, called),
        ("waiting", vec!["resume_review".to_owned()], None)
    );
    app.post_form("/staff/queue/call-next", "center_id=tigard", Some(&cookie))
        .await;
    assert_eq!(
        statuses(&app.pool).await,
        [
            ("Early".into(), "called".into()),
            ("Ana".into(), "waiting".into())
        ]
    );

    // Nonsense changes nothing.
    app.post_form(
        "/staff/queue/transfer",
        &format!("center_id=tigard&visit_id={ana}&to=service%3Aknitting"),
        Some(&cookie),
    )
    .await;
    let reasons: Vec<String> = sqlx::query_scalar("select reasons from visits where id = $1")
        .bind(ana)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(reasons, ["resume_review"]);
}
