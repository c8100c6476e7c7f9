//! Visit reasons are the agency's data: an admin adds one named in every language and the
//! kiosk offers it at once in each; hidden ones are no longer offered but past visits keep
//! their names; the order is the admins'; refused forms keep what was typed; nothing but a
//! real reason code reaches a query or a redirect.

use super::booking_helpers::enc;
use super::helpers::*;
use axum::http::{header, StatusCode};
use serde_json::{json, Value};
use sqlx::PgPool;
use uuid::Uuid;

async fn admin(app: &TestApp) -> String {
    app.sign_in_with_role("admin@frontdesk.test", "Ada Admin", "admin")
        .await
}

fn reason_form(code: &str, en: &str, es: &str, hint_en: &str, team: &str) -> String {
    format!(
        "lang=en&code={}&name_en={}&name_es={}&hint_en={}&hint_es=&notice_en=&notice_es=\
         &phones=&team={}",
        enc(code),
        enc(en),
        enc(es),
        enc(hint_en),
        enc(team)
    )
}

/// The reasons the kiosk offers in `language`, in order, as its page asks for them (a
/// paired tablet: the kiosk's calls are for its tablets only).
async fn offered(app: &TestApp, language: &str) -> Vec<Value> {
    let arguments = format!("language={language}");
    let reply = app
        .server_fn("/api/kiosk/reasons", &arguments, Some(&app.kiosk_cookie))
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json().as_array().cloned().unwrap_or_default()
}

fn codes(reasons: &[Value]) -> Vec<String> {
    reasons
        .iter()
        .map(|r| r["code"].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn check_in_for(app: &TestApp, reasons: Value) -> Value {
    let mut answers = answers("Rosa", "Parks");
    answers["reasons"] = reasons;
    let reply = app.check_in_with_key(Uuid::new_v4(), answers).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_reason_an_admin_adds_is_offered_at_once_in_english_and_spanish(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let form = reason_form(
        "",
        " Youth employment (16–24) ",
        "Empleo juvenil (16–24)",
        "Ages 16 to 24",
        "Youth Team",
    );
    let added = app.post_form("/staff/reasons", &form, Some(&admin)).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    assert_eq!(
        added.header(header::LOCATION),
        "/staff/reasons?lang=en&notice=added"
    );

    // Last in the list, in both languages, on the page the kiosk renders.
    let en = offered(&app, "en").await;
    assert_eq!(codes(&en).last().unwrap(), "youth_employment_16_24");
    assert_eq!(en.last().unwrap()["name"], "Youth employment (16–24)");
    assert_eq!(en.last().unwrap()["hint"], "Ages 16 to 24");
    let es = offered(&app, "es").await;
    assert_eq!(es.last().unwrap()["name"], "Empleo juvenil (16–24)");
    for (lang, name) in [
        ("en", "Youth employment (16–24)"),
        ("es", "Empleo juvenil (16–24)"),
    ] {
        let page = app
            .get(&format!("/kiosk/{CENTER}/check-in?lang={lang}"), None)
            .await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains(name), "{lang}: {}", page.body);
    }

    // A visitor chooses it; the queue names it with its team.
    let ticket = check_in_for(&app, json!(["youth_employment_16_24"])).await;
    assert!(ticket.get("CheckedIn").is_some(), "{ticket}");
    let staff = app.sign_in().await;
    let queue = app
        .get(
            &format!("/staff/queue?center={CENTER}&lang=en"),
            Some(&staff),
        )
        .await;
    assert!(
        queue
            .body
            .contains("Youth employment (16–24) (goes to the Youth Team)"),
        "{}",
        queue.body
    );
    let logged: (Option<i64>, String) = sqlx::query_as(
        "select staff_id, summary from setup_changes
         where subject = 'visit reason youth_employment_16_24'",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert!(logged.0.is_some());
    assert!(logged.1.starts_with("added: "), "{}", logged.1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_hidden_reason_is_not_offered_and_past_visits_keep_its_name(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    check_in_for(&app, json!(["snap_step"])).await;

    let hidden = app
        .post_form("/staff/reasons/snap_step/hide", "lang=es", Some(&admin))
        .await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER);
    assert_eq!(
        hidden.header(header::LOCATION),
        "/staff/reasons?lang=es&notice=hidden"
    );
    assert!(!codes(&offered(&app, "en").await).contains(&"snap_step".to_owned()));
    // A kiosk page loaded before the change sends it anyway: it counts as no reason.
    let refused = check_in_for(&app, json!(["snap_step"])).await;
    assert_eq!(
        refused["Invalid"][0],
        json!({ "field": "Reasons", "problem": "NoReason" })
    );
    // Nor can staff send anyone to its line.
    let staff = app.sign_in().await;
    let queue = app
        .get(
            &format!("/staff/queue?center={CENTER}&lang=es"),
            Some(&staff),
        )
        .await;
    assert!(
        queue
            .body
            .contains("Programa de Empleo y Capacitación de SNAP (STEP)"),
        "the earlier visit keeps its name"
    );
    assert!(!queue.body.contains("service:snap_step"));

    let shown = app
        .post_form("/staff/reasons/snap_step/show", "lang=en", Some(&admin))
        .await;
    assert_eq!(shown.status, StatusCode::SEE_OTHER);
    assert!(codes(&offered(&app, "en").await).contains(&"snap_step".to_owned()));
    let again = app
        .post_form("/staff/reasons/snap_step/show", "lang=en", Some(&admin))
        .await;
    assert_eq!(
        again.header(header::LOCATION),
        "/staff/reasons?lang=en&notice=unchanged"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn admins_order_the_list_and_edit_texts_and_the_log_says_what_changed(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let before = codes(&offered(&app, "en").await);
    assert_eq!(before.first().unwrap(), "register");
    let moved = app
        .post_form("/staff/reasons/job_search/up", "lang=en", Some(&admin))
        .await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let after = codes(&offered(&app, "en").await);
    assert_eq!(&after[..2], ["job_search", "register"]);
    // The first cannot go higher.
    let top = app
        .post_form("/staff/reasons/job_search/up", "lang=en", Some(&admin))
        .await;
    assert!(top.header(header::LOCATION).ends_with("notice=unchanged"));

    let form = reason_form("ignored", "Find a job", "Buscar empleo", "", "");
    let saved = app
        .post_form("/staff/reasons/job_search/edit", &form, Some(&admin))
        .await;
    assert_eq!(
        saved.header(header::LOCATION),
        "/staff/reasons?lang=en&notice=saved"
    );
    let en = offered(&app, "en").await;
    assert_eq!(en[0]["code"], "job_search", "the code stays");
    assert_eq!(en[0]["name"], "Find a job");
    let page = app.get("/staff/reasons?lang=en", Some(&admin)).await;
    assert!(
        page.body
            .contains("name (en): “Help finding a job” → “Find a job”"),
        "{}",
        page.body
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_refused_reason_keeps_what_was_typed_and_saves_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let count = |pool: PgPool| async move {
        sqlx::query_scalar::<_, i64>("select count(*) from visit_reasons")
            .fetch_one(&pool)
            .await
            .unwrap()
    };
    let before = count(app.pool.clone()).await;
    let form = "lang=en&code=Bad+Code&name_en=Apprenticeships&name_es=&hint_en=&hint_es=\
                &notice_en=&notice_es=&handled_elsewhere=yes&phones=call+us&team=";
    let refused = app.post_form("/staff/reasons", form, Some(&admin)).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    for expected in [
        "value=\"Apprenticeships\"",
        "value=\"Bad Code\"",
        "call us</textarea>",
        "Use 2 to 40 lower-case letters",
        "Type a name of at most 60 characters",
        "Say who handles it instead",
        "Type at most three phone numbers",
    ] {
        assert!(
            refused.body.contains(expected),
            "{expected}: {}",
            refused.body
        );
    }
    // Another reason's code.
    let taken = reason_form("workshops", "More workshops", "Más talleres", "", "");
    let conflict = app.post_form("/staff/reasons", &taken, Some(&admin)).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert_eq!(count(app.pool.clone()).await, before);

    // Codes that are no reason's go no further than the router or the first check.
    for path in [
        "/staff/reasons/nope/hide",
        "/staff/reasons/Workshops/hide",
        "/staff/reasons/workshops%0d%0aLocation:%20x/hide",
        "/staff/reasons/workshops/delete",
        "/staff/reasons/nope/up",
    ] {
        let reply = app.post_form(path, "lang=en", Some(&admin)).await;
        assert_eq!(reply.status, StatusCode::NOT_FOUND, "{path}");
    }
    // Forty at most (every kiosk lists them all), hidden ones too.
    for n in before..40 {
        let form = reason_form(&format!("extra_{n}"), "Extra", "Extra", "", "");
        let added = app.post_form("/staff/reasons", &form, Some(&admin)).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{n}: {}", added.body);
    }
    let form = reason_form("one_too_many", "One too many", "Uno de más", "", "");
    let refused = app.post_form("/staff/reasons", &form, Some(&admin)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("There are 40 reasons already"));
    assert!(refused.body.contains("value=\"One too many\""));
    assert_eq!(count(app.pool.clone()).await, 40);

    // A front-desk account cannot add one.
    let staff = app.sign_in().await;
    let form = reason_form("", "Sneaky", "Sneaky", "", "");
    let reply = app.post_form("/staff/reasons", &form, Some(&staff)).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(count(app.pool.clone()).await, 40);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn only_a_paired_tablet_reads_the_kiosks_reasons(pool: PgPool) {
    let app = spawn_app(pool).await;
    let stranger = app
        .server_fn("/api/kiosk/reasons", "language=en", None)
        .await;
    assert_eq!(stranger.status, StatusCode::FORBIDDEN, "{}", stranger.body);
    assert!(!stranger.body.contains("job_search"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_reason_handled_elsewhere_brings_its_notice_and_numbers_to_the_kiosk(pool: PgPool) {
    let app = spawn_app(pool).await;
    let es = offered(&app, "es").await;
    let ui = es
        .iter()
        .find(|r| r["code"] == "unemployment_insurance")
        .unwrap();
    assert_eq!(
        ui["elsewhere"]["phones"],
        json!(["(503) 292-2057", "(877) 345-3484"])
    );
    assert!(ui["elsewhere"]["notice"]
        .as_str()
        .unwrap()
        .starts_with("El seguro de desempleo"));
    let ticket = check_in_for(&app, json!(["unemployment_insurance", "job_search"])).await;
    assert!(ticket.get("CheckedIn").is_some(), "{ticket}");
    let stored: Vec<String> = sqlx::query_scalar("select reasons from visits")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        stored,
        ["job_search", "unemployment_insurance"],
        "kiosk order"
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn admins_adding_moving_and_editing_at_once_keep_one_order_without_a_deadlock(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let before = offered(&app, "en").await.len();
    let posts = (0..24).map(|n| {
        let (path, form) = match n % 3 {
            0 => (
                "/staff/reasons".to_owned(),
                reason_form(&format!("race_{n}"), "Race", "Carrera", "", ""),
            ),
            1 => (
                "/staff/reasons/something_else/up".to_owned(),
                "lang=en".to_owned(),
            ),
            _ => (
                "/staff/reasons/workshops/edit".to_owned(),
                reason_form("", &format!("Workshops {n}"), "Talleres", "", ""),
            ),
        };
        let (app, admin) = (&app, &admin);
        async move { app.post_form(&path, &form, Some(admin)).await.status }
    });
    let statuses = futures::future::join_all(posts).await;
    assert!(
        statuses.iter().all(|s| *s == StatusCode::SEE_OTHER),
        "{statuses:?}"
    );
    let positions: Vec<i32> = sqlx::query_scalar("select position from visit_reasons order by 1")
        .fetch_all(&app.pool)
        .await
        .unwrap();
    let expected: Vec<i32> = (0..positions.len() as i32).collect();
    assert_eq!(positions, expected, "one place each, none twice");
    assert_eq!(offered(&app, "en").await.len(), before + 8);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_language_left_empty_loses_its_old_name_and_the_kiosk_shows_english(pool: PgPool) {
    let app = spawn_app(pool).await;
    let admin = admin(&app).await;
    let name_in = |reasons: &[Value]| {
        reasons.iter().find(|r| r["code"] == "job_search").unwrap()["name"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let vietnamese = name_in(&offered(&app, "vi").await);
    assert_ne!(
        vietnamese, "Help finding a job",
        "the demo names it in Vietnamese"
    );

    // Saved with English and Spanish only: the Vietnamese name was cleared.
    let form = reason_form("ignored", "Find a job", "Buscar empleo", "", "");
    let saved = app
        .post_form("/staff/reasons/job_search/edit", &form, Some(&admin))
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(name_in(&offered(&app, "vi").await), "Find a job");
    let page = app
        .get(&format!("/kiosk/{CENTER}/check-in?lang=vi"), None)
        .await;
    assert!(page.body.contains("Find a job"));
    assert!(!page.body.contains(&vietnamese), "the old name is gone");
    let left: i64 = sqlx::query_scalar(
        "select count(*) from visit_reason_texts where code = 'job_search' and locale not in ('en', 'es')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!(left, 0);
}
