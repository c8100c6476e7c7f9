//! The mechanism behind live staff screens across processes: every queue change is
//! announced on PostgreSQL's channel on commit, and heard by a listener on another
//! connection (as another server process would hear it).

use crate::helpers::*;
use app::db::QUEUE_CHANNEL;
use sqlx::postgres::PgListener;
use sqlx::PgPool;
use std::time::Duration;

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_check_in_and_a_staff_action_are_announced_to_other_connections(pool: PgPool) {
    let app = spawn_app(pool).await;
    let mut listener = PgListener::connect_with(&app.pool).await.unwrap();
    listener.listen(QUEUE_CHANNEL).await.unwrap();

    app.check_in("Heard", "Elsewhere").await;
    let heard = tokio::time::timeout(Duration::from_secs(5), listener.recv())
        .await
        .expect("no notification")
        .unwrap();
    assert_eq!(heard.payload(), CENTER);

    let cookie = app.sign_in().await;
    app.post_form("/staff/queue/call-next", "center_id=tigard", Some(&cookie))
        .await;
    let heard = tokio::time::timeout(Duration::from_secs(5), listener.recv())
        .await
        .expect("no notification")
        .unwrap();
    assert_eq!(heard.payload(), CENTER);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_live_stream_sends_the_rendered_queue_table(pool: PgPool) {
    use futures::StreamExt;
    let app = spawn_app(pool).await;
    app.check_in("Lan", "Nguyễn").await;
    let cookie = app.sign_in().await;
    let request = axum::http::Request::get("/staff/queue/events?center=tigard")
        .header(axum::http::header::COOKIE, &cookie)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(app.router.clone(), request)
        .await
        .unwrap();
    assert_eq!(response.status(), axum::http::StatusCode::OK);
    // The stream never ends: reading its first event is enough.
    let mut body = response.into_body().into_data_stream();
    let first = tokio::time::timeout(Duration::from_secs(5), body.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let text = String::from_utf8_lossy(&first);
    assert!(text.starts_with("data: "), "{text}");
    assert!(text.contains("A-001") && text.contains("Lan N."), "{text}");
}
