//! Admins manage staff accounts: invite with a one-time password, reset, disable. Nobody
//! else can.

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

/// The one-time password shown on the page.
fn one_time(body: &str) -> String {
    let start = body
        .find("phone: ")
        .unwrap_or_else(|| panic!("no password shown: {body}"))
        + 7;
    body[start..start + 19].to_owned()
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
    let first = one_time(&reply.body);
    assert!(regex_like(&first), "{first}");
    let rosa = sign_in_as(&app, "rosa@example.org", &first)
        .await
        .expect("the one-time password works");
    let again = app
        .post_form(
            "/staff/accounts",
            "lang=en&name=Rosa&email=rosa%40example.org&role=coach",
            Some(&admin),
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    // Reset: the old password and Rosa's session stop working, the new one works.
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
    let second = one_time(&reply.body);
    assert_ne!(first, second);
    assert_eq!(
        app.get("/staff/queue", Some(&rosa)).await.status,
        StatusCode::SEE_OTHER
    );
    assert!(sign_in_as(&app, "rosa@example.org", &first).await.is_none());
    let rosa = sign_in_as(&app, "rosa@example.org", &second).await.unwrap();

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
    assert!(sign_in_as(&app, "rosa@example.org", &second)
        .await
        .is_none());
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

/// "ABCD-EFGH-JKLM-NPQR": four groups of four readable symbols.
fn regex_like(password: &str) -> bool {
    let groups: Vec<&str> = password.split('-').collect();
    groups.len() == 4
        && groups.iter().all(|g| {
            g.len() == 4
                && g.chars()
                    .all(|c| "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".contains(c))
        })
}
