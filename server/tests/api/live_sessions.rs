//! Live streams end with their session: a sign-out or a disabled account, announced on
//! PostgreSQL's sessions channel, closes the person's open streams within seconds; a
//! session opens only a few streams at once.

use crate::helpers::*;
use axum::http::{header, Request, StatusCode};
use futures::StreamExt;
use sqlx::PgPool;
use std::time::Duration;
use tower::ServiceExt;

/// Starts this process's notification listener, as `main` does, once it is listening.
async fn listen(app: &TestApp) -> tokio::task::JoinHandle<()> {
    let mut heard = app.state.queue_changes.subscribe();
    let task = tokio::spawn(server::live::forward_notifications(
        app.pool.clone(),
        app.hearers(),
    ));
    // It announces "every center" once it listens.
    tokio::time::timeout(Duration::from_secs(10), heard.recv())
        .await
        .expect("the listener never connected")
        .unwrap();
    task
}

async fn open_stream(app: &TestApp, cookie: &str) -> axum::response::Response {
    let request = Request::get("/staff/queue/events?center=tigard")
        .header(header::COOKIE, cookie)
        .body(axum::body::Body::empty())
        .unwrap();
    app.router.clone().oneshot(request).await.unwrap()
}

type Body = axum::body::BodyDataStream;

/// The stream's body and its first event.
async fn first_event(response: axum::response::Response) -> (Body, String) {
    assert_eq!(response.status(), StatusCode::OK);
    let mut body = response.into_body().into_data_stream();
    let first = tokio::time::timeout(Duration::from_secs(10), body.next())
        .await
        .expect("no first event")
        .unwrap()
        .unwrap();
    (body, String::from_utf8_lossy(&first).into_owned())
}

/// Reads the stream to its end (failing after 10 s) and returns everything it sent.
async fn read_to_end(mut body: Body) -> String {
    let mut text = String::new();
    let ended = tokio::time::timeout(Duration::from_secs(10), async {
        while let Some(chunk) = body.next().await {
            text.push_str(&String::from_utf8_lossy(&chunk.unwrap()));
        }
    })
    .await;
    assert!(ended.is_ok(), "the stream is still open: {text}");
    text
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn signing_out_closes_the_sessions_live_streams(pool: PgPool) {
    let app = spawn_app(pool).await;
    let listener = listen(&app).await;
    app.check_in("Lan", "Nguyen").await;
    let cookie = app.sign_in().await;
    let (stream, table) = first_event(open_stream(&app, &cookie).await).await;
    assert!(table.contains("Lan N."), "{table}");
    let signed_out = app.post_form("/staff/sign-out", "", Some(&cookie)).await;
    assert!(signed_out.status.is_redirection(), "{}", signed_out.status);
    let text = read_to_end(stream).await;
    assert!(!text.contains("Lan N."), "no names after the end: {text}");
    assert!(text.contains("Your session has ended"), "{text}");
    assert!(text.ends_with("\n\n"), "{text}");
    listener.abort();
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn disabling_an_account_closes_its_live_streams(pool: PgPool) {
    let app = spawn_app(pool).await;
    let listener = listen(&app).await;
    let desk = app
        .sign_in_with_role("desk@frontdesk.test", "Desk", "front_desk")
        .await;
    let admin = app
        .sign_in_with_role("boss@frontdesk.test", "Boss", "admin")
        .await;
    let (stream, _) = first_event(open_stream(&app, &desk).await).await;
    let desk_id: i64 =
        sqlx::query_scalar("select id from staff_users where email = 'desk@frontdesk.test'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let reply = app
        .post_form(
            &format!("/staff/accounts/{desk_id}/state"),
            "lang=en&disabled=yes",
            Some(&admin),
        )
        .await;
    assert!(reply.status.is_redirection(), "{}", reply.status);
    let text = read_to_end(stream).await;
    assert!(text.contains("Your session has ended"), "{text}");
    // The admin's own stream is not affected by someone else's end.
    let own = open_stream(&app, &admin).await;
    assert_eq!(own.status(), StatusCode::OK);
    listener.abort();
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn one_session_opens_only_a_few_streams(pool: PgPool) {
    let app = spawn_app(pool).await;
    let cookie = app.sign_in().await;
    let mut open = Vec::new();
    for _ in 0..app::domain::staff_access::LIVE_STREAMS_PER_SESSION {
        let stream = open_stream(&app, &cookie).await;
        assert_eq!(stream.status(), StatusCode::OK);
        open.push(stream);
    }
    let refused = open_stream(&app, &cookie).await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key(header::RETRY_AFTER));
    // A closed screen frees its place.
    drop(open.pop());
    let again = open_stream(&app, &cookie).await;
    assert_eq!(again.status(), StatusCode::OK);
}
