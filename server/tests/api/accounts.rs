//! Admins manage staff accounts: invite and reset by an emailed link with which the
//! colleague chooses a password, disable. Nobody else can.

use super::helpers::*;
use axum::http::{header, StatusCode};
use sqlx::PgPool;

async fn admin_cookie(app: &TestApp) -> String {
    app.sign_in_with_role("root@frontdesk.test", "Ada Admin", "admin")
        .await
}

async fn sign_in_as(app: &TestApp, email: &str, password: &str) -> Option<String> {
    app.sign_in_as(email, password).await
}

/// The password link in the newest email to `to`, as a path with its query.
async fn emailed_link(app: &TestApp, to: &str) -> String {
    let body: String = sqlx::query_scalar(
        "select body from outbox where to_address = $1 order by id desc limit 1",
    )
    .bind(to)
    .fetch_one(&app.pool)
    .await
    .unwrap();
    let start = body
        .find("/staff/password/")
        .unwrap_or_else(|| panic!("no link in: {body}"));
    body[start..].split_whitespace().next().unwrap().to_owned()
}

/// Chooses `password` on the page of `link`; returns the session cookie it signs in with.
async fn choose_password(app: &TestApp, link: &str, password: &str) -> Reply {
    let path = link.split('?').next().unwrap();
    let form = format!(
        "lang=en&password={0}&repeat={0}",
        password.replace(' ', "+")
    );
    app.post_form(path, &form, None).await
}

fn session_of(reply: &Reply) -> String {
    reply
        .header(header::SET_COOKIE)
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn an_admin_invites_resets_and_disables_and_nobody_else_can(pool: PgPool) {
    let app = spawn_app(pool).await;
    let coach = app.sign_in().await;
    let page = app.get("/staff/accounts?lang=en", Some(&coach)).await;
    assert!(page.body.contains("Only admins manage staff accounts."));
    let reply = app
        .post_form(
            "/staff/accounts",
            "lang=en&name=Eve&email=eve%40example.org&role=admin",
            Some(&coach),
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);

    let admin = admin_cookie(&app).await;
    let reply = app
        .post_form(
            "/staff/accounts",
            "lang=en&name=&email=rosa%40&role=owner",
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        reply.body.contains("Please type the person&#x27;s name")
            || reply.body.contains("Please type the person's name")
    );
    assert!(reply.body.contains("Please choose a role."));
    assert!(reply.body.contains("value=\"rosa@\""), "typed values kept");

    let reply = app
        .post_form(
            "/staff/accounts",
            "lang=en&name=Rosa+Diaz&email=Rosa%40Example.org&role=coach",
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(
        reply.body.contains(
            "We emailed Rosa Diaz at rosa@example.org a link to choose a password. It works once, within 72 hours."
        ),
        "{}",
        reply.body
    );
    let (kind, subject): (String, String) =
        sqlx::query_as("select kind, subject from outbox where to_address = 'rosa@example.org'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    assert_eq!(
        (kind.as_str(), subject.as_str()),
        ("staff_invitation", "Your Frontdesk staff account")
    );
    let link = emailed_link(&app, "rosa@example.org").await;
    let hashes: i64 = sqlx::query_scalar(
        "select count(*) from staff_password_links where token_hash = sha256(convert_to($1, 'UTF8'))",
    )
    .bind(link.trim_start_matches("/staff/password/").split('?').next().unwrap())
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(hashes, 1, "only the token's hash is kept");

    // Not signed in, Rosa opens the link: a short password is refused beside its field.
    let page = app.get(&link, None).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Hello Rosa Diaz. Choose a password for rosa@example.org."),
        "{}",
        page.body
    );
    let refused = choose_password(&app, &link, "short").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.body.contains("Please use at least 12 characters."));
    let path = link.split('?').next().unwrap();
    let mismatch = app
        .post_form(
            path,
            "lang=en&password=long+enough+words&repeat=long+enough+word",
            None,
        )
        .await;
    assert!(mismatch
        .body
        .contains("The two passwords are not the same."));

    let first = "maple river lantern";
    let chosen = choose_password(&app, &link, first).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    assert!(chosen.header(header::LOCATION).starts_with("/staff/queue"));
    let rosa = session_of(&chosen);
    assert_eq!(
        app.get("/staff/queue", Some(&rosa)).await.status,
        StatusCode::OK,
        "signed in by choosing the password"
    );
    assert!(sign_in_as(&app, "rosa@example.org", first).await.is_some());
    // The link works once.
    let used = app.get(&link, None).await;
    assert!(
        used.body.contains("This link no longer works"),
        "{}",
        used.body
    );
    let replay = choose_password(&app, &link, "another password here").await;
    assert_eq!(replay.status, StatusCode::SEE_OTHER);
    assert!(
        sign_in_as(&app, "rosa@example.org", "another password here")
            .await
            .is_none()
    );

    let again = app
        .post_form(
            "/staff/accounts",
            "lang=en&name=Rosa&email=rosa%40example.org&role=coach",
            Some(&admin),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    // Reset: the old password and Rosa's session stop working at once; a new link comes
    // by email and the password chosen there works.
    let id: i64 = sqlx::query_scalar("select id from staff_users where email = 'rosa@example.org'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let reply = app
        .post_form(
            &format!("/staff/accounts/{id}/reset"),
            "lang=en",
            Some(&admin),
        )
        .await;
    assert!(reply.body.contains("within 24 hours"), "{}", reply.body);
    assert_eq!(
        app.get("/staff/queue", Some(&rosa)).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(sign_in_as(&app, "rosa@example.org", first).await.is_none());
    let reset_link = emailed_link(&app, "rosa@example.org").await;
    assert_ne!(reset_link, link);
    // A link past its hours does not work; the admin sends another.
    sqlx::query("update staff_password_links set expires_at = now() - interval '1 second'")
        .execute(&app.pool)
        .await
        .unwrap();
    assert!(app
        .get(&reset_link, None)
        .await
        .body
        .contains("This link no longer works"));
    choose_password(&app, &reset_link, "too late for this").await;
    assert!(sign_in_as(&app, "rosa@example.org", "too late for this")
        .await
        .is_none());
    app.post_form(
        &format!("/staff/accounts/{id}/reset"),
        "lang=en",
        Some(&admin),
    )
    .await;
    let fresh = emailed_link(&app, "rosa@example.org").await;
    let second = "quiet harbor window";
    let chosen = choose_password(&app, &fresh, second).await;
    assert_eq!(chosen.status, StatusCode::SEE_OTHER);
    let rosa = sign_in_as(&app, "rosa@example.org", second).await.unwrap();

    // Disabled: signed out at once and cannot sign in; the admin cannot disable themself.
    let reply = app
        .post_form(
            &format!("/staff/accounts/{id}/state"),
            "lang=en&disabled=yes",
            Some(&admin),
        )
        .await;
    assert!(reply.header(header::LOCATION).ends_with("notice=disabled"));
    assert_eq!(
        app.get("/staff/queue", Some(&rosa)).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(sign_in_as(&app, "rosa@example.org", second).await.is_none());
    let me: i64 =
        sqlx::query_scalar("select id from staff_users where email = 'root@frontdesk.test'")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let reply = app
        .post_form(
            &format!("/staff/accounts/{me}/state"),
            "lang=en&disabled=yes",
            Some(&admin),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(reply.body.contains("You cannot disable your own account."));
}
