//! The kiosk's check-in as a tablet without JavaScript (or whose WASM never arrived) makes
//! it: each screen a form post, answered with the next screen. The tests post what the
//! page's own form holds (its hidden fields and inputs), as the browser would.

use crate::helpers::*;
use app::i18n::{translations, Locale};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use sqlx::PgPool;

const WIZARD: &str = "/kiosk/tigard/check-in";

/// The form of screen `step` in `page`: its fields as they would be posted (hidden fields
/// and the text typed so far), with the page's escaping undone.
fn form_of(page: &str, step: &str) -> Vec<(String, String)> {
    let start = page
        .find(&format!(r#"data-step="{step}""#))
        .unwrap_or_else(|| panic!("no screen {step}"));
    let form = &page[start..start + page[start..].find("</form>").unwrap()];
    form.split("<input")
        .skip(1)
        .filter_map(|input| {
            let input = &input[..input.find('>').unwrap()];
            let attribute = |name: &str| {
                let at = input.find(&format!(r#" {name}=""#))? + name.len() + 3;
                let value = &input[at..at + input[at..].find('"')?];
                Some(unescape(value))
            };
            Some((attribute("name")?, attribute("value").unwrap_or_default()))
        })
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Posts screen `step` of `page` with `changes` (a field set to a value, or added when
/// the form has none) and the button `go`.
async fn post_screen(
    app: &TestApp,
    page: &str,
    step: &str,
    changes: &[(&str, &str)],
    go: &str,
) -> Reply {
    let mut fields = form_of(page, step);
    for (name, value) in changes {
        match fields.iter_mut().find(|(n, _)| n == name) {
            Some(field) => field.1 = (*value).to_owned(),
            None => fields.push(((*name).to_owned(), (*value).to_owned())),
        }
    }
    fields.push(("go".into(), go.into()));
    let body = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish();
    app.post_form(WIZARD, &body, None).await
}

/// The screen a page shows: the one `data-step` not hidden.
fn shown(page: &str) -> String {
    let screens: Vec<&str> = page
        .split("data-step=\"")
        .skip(1)
        .filter(|rest| {
            let tag = &rest[..rest.find('>').unwrap()];
            !tag.contains(" hidden")
        })
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert_eq!(
        screens.len(),
        1,
        "one screen shown: {screens:?} {}",
        page.split("data-step=")
            .skip(1)
            .map(|s| &s[..80.min(s.len())])
            .collect::<Vec<_>>()
            .join("\n")
    );
    screens[0].to_owned()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_visitor_checks_in_screen_by_screen_in_spanish(pool: PgPool) {
    let app = spawn_app(pool).await;
    let t = translations(Locale::Es);
    let start = app.get(&format!("{WIZARD}?lang=es&text=large"), None).await;
    assert_eq!(start.status, StatusCode::OK);
    assert_eq!(shown(&start.body), "first-name");
    // Every screen posts to the server; none is a dead form.
    assert!(!start.body.contains(r#"method="dialog""#));

    let last = post_screen(
        &app,
        &start.body,
        "first-name",
        &[("first_name", "Ana")],
        "next",
    )
    .await;
    assert_eq!(last.status, StatusCode::OK, "{}", last.body);
    assert_eq!(shown(&last.body), "last-name");
    assert!(last.body.contains(&t.kiosk.last_name_question));
    assert!(
        last.body.contains(r#"class="kiosk text-large""#),
        "display choices carried"
    );
    let last_name_input = form_of(&last.body, "last-name");
    assert!(
        last_name_input.contains(&("last_name".into(), String::new())),
        "the last-name screen shows only its own answer: {last_name_input:?}"
    );

    let reasons = post_screen(
        &app,
        &last.body,
        "last-name",
        &[("last_name", "Álvarez")],
        "next",
    )
    .await;
    assert_eq!(shown(&reasons.body), "reasons");
    // A tap on a reason is a post too, and comes back pressed.
    let chosen = post_screen(&app, &reasons.body, "reasons", &[], "reason:job_search").await;
    assert_eq!(shown(&chosen.body), "reasons");
    assert!(chosen
        .body
        .contains(r#"value="reason:job_search" aria-pressed="true""#));
    let registered = post_screen(&app, &chosen.body, "reasons", &[], "next").await;
    assert_eq!(shown(&registered.body), "registered");
    let accommodations =
        post_screen(&app, &registered.body, "registered", &[], "registered:no").await;
    assert_eq!(shown(&accommodations.body), "accommodations");
    let interpreter = post_screen(
        &app,
        &accommodations.body,
        "accommodations",
        &[],
        "accommodation:spoken_interpreter",
    )
    .await;
    let privacy = post_screen(
        &app,
        &interpreter.body,
        "accommodations",
        &[("interpreter_language", "Mam")],
        "next",
    )
    .await;
    assert_eq!(shown(&privacy.body), "privacy");
    assert_eq!(
        app.visit_count().await,
        0,
        "nothing is stored before consent"
    );

    let ticket = post_screen(&app, &privacy.body, "privacy", &[], "next").await;
    assert_eq!(ticket.status, StatusCode::OK, "{}", ticket.body);
    assert_eq!(shown(&ticket.body), "ticket");
    assert!(ticket.body.contains(
        r#"data-testid="ticket-number" data-speak="A, 0, 0, 1" class="ticket-number">A-001</p>"#
    ));
    assert!(ticket.body.contains(&t.kiosk.you_are_next));
    assert!(ticket.body.contains("<svg"), "the follow code is drawn");
    assert!(
        !ticket.body.contains("Álvarez"),
        "the ticket's page keeps no answer"
    );
    assert_eq!(ticket.header(header::CACHE_CONTROL), "no-store");
    let stored: (String, String, String, Option<String>) =
        sqlx::query_as("select first_name, last_name, language, interpreter_language from visits")
            .fetch_one(&app.pool)
            .await
            .unwrap();
    let expected = (
        "Ana".into(),
        "Álvarez".into(),
        "es".into(),
        Some("Mam".into()),
    );
    assert_eq!(stored, expected);

    // "I agree" sent again (a reload, a double tap) gives the same ticket, not a second.
    let again = post_screen(&app, &privacy.body, "privacy", &[], "next").await;
    assert!(again.body.contains(">A-001</p>"));
    assert_eq!(app.visit_count().await, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_refused_answer_comes_back_beside_its_field_with_everything_typed(pool: PgPool) {
    let app = spawn_app(pool).await;
    let t = translations(Locale::Es);
    let start = app.get(&format!("{WIZARD}?lang=es"), None).await;

    let empty = post_screen(
        &app,
        &start.body,
        "first-name",
        &[("first_name", "  ")],
        "next",
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(shown(&empty.body), "first-name");
    assert!(empty.body.contains(&format!(
        r#"<p id="first_name-error" role="alert" class="field-error">{}</p>"#,
        t.kiosk.error_required
    )));
    assert!(empty
        .body
        .contains(r#"aria-invalid="true" aria-describedby="first_name-error""#));

    let last = post_screen(
        &app,
        &start.body,
        "first-name",
        &[("first_name", "Ana")],
        "next",
    )
    .await;
    // The first name is no answer to the last name.
    let long = "x".repeat(51);
    let refused = post_screen(
        &app,
        &last.body,
        "last-name",
        &[("last_name", &long)],
        "next",
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(shown(&refused.body), "last-name");
    assert!(
        refused.body.contains(&format!(r#"value="{long}""#)),
        "what was typed stays"
    );
    assert!(refused
        .body
        .contains(r#"aria-describedby="last-name-hint last_name-error""#));
    assert!(!refused.body.contains(r#"aria-describedby="""#));

    // Back keeps what was typed on the screen left, and from the first screen leaves.
    let back = post_screen(
        &app,
        &refused.body,
        "last-name",
        &[("last_name", "Ro")],
        "back",
    )
    .await;
    assert_eq!(shown(&back.body), "first-name");
    assert!(form_of(&back.body, "first-name").contains(&("last_name".into(), "Ro".into())));
    let left = post_screen(&app, &back.body, "first-name", &[], "back").await;
    assert_eq!(left.status, StatusCode::SEE_OTHER);
    assert_eq!(left.header(header::LOCATION), "/kiosk/tigard?lang=es");

    // Typed markup is carried as text, never as markup.
    let markup = r#""><script>alert(1)</script>"#;
    let carried = post_screen(
        &app,
        &start.body,
        "first-name",
        &[("first_name", markup)],
        "next",
    )
    .await;
    assert!(!carried.body.contains("<script>alert(1)"));
    assert!(form_of(&carried.body, "last-name").contains(&("first_name".into(), markup.into())));
    assert_eq!(app.visit_count().await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_post_that_skips_screens_is_asked_them_and_stores_nothing(pool: PgPool) {
    let app = spawn_app(pool).await;
    // Straight to "I agree" with only a first name and a made-up reason.
    let key = uuid::Uuid::new_v4();
    let forged = format!(
        "lang=en&step=privacy&go=next&key={key}&first_name=Eve&reasons=not_a_reason&reasons=job_search"
    );
    let reply = app.post_form(WIZARD, &forged, None).await;
    assert_eq!(
        reply.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        reply.body
    );
    assert_eq!(shown(&reply.body), "last-name");
    assert!(reply.body.contains(r#"id="last_name-error""#));
    // Only what the kiosk offers is carried on.
    assert!(!reply.body.contains("not_a_reason"));
    assert_eq!(app.visit_count().await, 0);

    // Without the page's key, nothing is made.
    let keyless =
        "lang=en&step=privacy&go=next&first_name=Eve&last_name=K&reasons=job_search&registered=yes";
    let reply = app.post_form(WIZARD, keyless, None).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(app.visit_count().await, 0);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn only_a_paired_tablet_of_the_center_checks_in_and_never_from_another_site(pool: PgPool) {
    let app = spawn_app(pool).await;
    let whole = format!(
        "lang=en&step=privacy&go=next&key={}&first_name=Eve&last_name=K&reasons=job_search&registered=yes",
        uuid::Uuid::new_v4()
    );
    // No tablet cookie: the kiosk gate refuses.
    let bare = Request::post(WIZARD)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(whole.clone()))
        .unwrap();
    assert_eq!(app.send(bare).await.status, StatusCode::FORBIDDEN);
    // A tablet of Tigard cannot check in at Gresham.
    let elsewhere = app.post_form("/kiosk/gresham/check-in", &whole, None).await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    // Another site cannot make the lobby's tablet post it.
    let forged = Request::post(WIZARD)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .header(header::COOKIE, &app.kiosk_cookie)
        .body(Body::from(whole.clone()))
        .unwrap();
    assert_eq!(app.send(forged).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.visit_count().await, 0);

    let made = app.post_form(WIZARD, &whole, None).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    assert_eq!(app.visit_count().await, 1);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn the_tablets_check_in_limit_holds_without_javascript_and_keeps_the_answers(pool: PgPool) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let burst = app::domain::limits::Limited::KioskCheckIn.quota().burst;
    let post = |n: u32| {
        format!(
            "lang=es&step=privacy&go=next&key={}&first_name=Persona{n}&last_name=K&reasons=job_search&registered=yes",
            uuid::Uuid::new_v4()
        )
    };
    for n in 0..burst {
        let made = app.post_form(WIZARD, &post(n), None).await;
        assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    }
    let refused = app.post_form(WIZARD, &post(99), None).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!refused.header(header::RETRY_AFTER).is_empty());
    assert_eq!(shown(&refused.body), "privacy");
    assert!(refused.body.contains(r#"id="request-error""#));
    assert!(form_of(&refused.body, "privacy").contains(&("first_name".into(), "Persona99".into())));
    assert_eq!(app.visit_count().await, i64::from(burst));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn every_kiosk_screen_starts_over_by_itself_without_javascript(pool: PgPool) {
    let app = spawn_app(pool).await;
    let page = app.get(&format!("{WIZARD}?lang=es"), None).await;
    assert!(
        page.body.contains(
            r#"<noscript><meta http-equiv="refresh" content="90; url=/kiosk/tigard"></noscript>"#
        ),
        "{}",
        page.body
    );
    // With JavaScript but no WASM (slow, broken), a script starts over once nobody has
    // touched the screen for as long, unless the kiosk's idle clock has started.
    let reset = "if(Date.now()-last>=90000)home()";
    assert!(page.body.contains(reset), "{}", page.body);
    let script = &page.body[..page.body.find(reset).unwrap()];
    let tag = &script[script.rfind("<script").unwrap()..];
    let nonce = tag
        .split(r#"nonce=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no nonce: {tag}"));
    assert!(
        page.header(header::CONTENT_SECURITY_POLICY)
            .contains(&format!("'nonce-{nonce}'")),
        "the page's policy runs it"
    );
    // The welcome screen has nothing to lose.
    let welcome = app.get("/kiosk/tigard", None).await;
    assert!(!welcome.body.contains(r#"http-equiv="refresh""#));
    assert!(!welcome.body.contains("function home()"));
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_screen_brought_back_for_the_next_visitor_shows_nothing_of_the_last(pool: PgPool) {
    let app = spawn_app(pool).await;
    let visitor = app.tablet_visitor().await;
    let start = app.get(&format!("{WIZARD}?lang=es"), None).await;
    assert!(
        form_of(&start.body, "first-name").contains(&("visitor".into(), visitor.to_string())),
        "every screen names the visitor it is shown to"
    );
    let last = post_screen(
        &app,
        &start.body,
        "first-name",
        &[("first_name", "Rocío")],
        "next",
    )
    .await;
    assert_eq!(shown(&last.body), "last-name");
    let typed = [("last_name", "Ñúñez")];

    // Start over: the welcome screen, where every visit ends. The next visitor taps the
    // browser's Back and "resubmit": the welcome screen again, not Rocío's answers.
    app.next_visitor_comes().await;
    let back = post_screen(&app, &last.body, "last-name", &typed, "next").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    assert_eq!(back.header(header::LOCATION), "/kiosk/tigard");

    // A form naming no visitor, the wrong one or nonsense is not answered either.
    let page = app.get(&format!("{WIZARD}?lang=es"), None).await;
    let current = app.tablet_visitor().await.to_string();
    let next = (app.tablet_visitor().await + 1).to_string();
    for forged in ["", "-1", "soon", next.as_str()] {
        let reply = post_screen(
            &app,
            &page.body,
            "first-name",
            &[("visitor", forged)],
            "next",
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "visitor={forged}");
    }
    let answered = post_screen(
        &app,
        &page.body,
        "first-name",
        &[("visitor", &current), ("first_name", "Eva")],
        "next",
    )
    .await;
    assert_eq!(shown(&answered.body), "last-name", "{}", answered.body);

    // A whole check-in and Done; then "I agree" sent again from the history: no ticket.
    let mut page = post_screen(&app, &answered.body, "last-name", &typed, "next").await;
    for (step, go) in [
        ("reasons", "reason:job_search"),
        ("reasons", "next"),
        ("registered", "registered:no"),
        ("accommodations", "next"),
    ] {
        page = post_screen(&app, &page.body, step, &[], go).await;
        assert_eq!(page.status, StatusCode::OK, "{step} {go}: {}", page.body);
    }
    assert_eq!(shown(&page.body), "privacy");
    let ticket = post_screen(&app, &page.body, "privacy", &[], "next").await;
    assert_eq!(shown(&ticket.body), "ticket");
    // A double tap before Done is the same visitor: the same ticket.
    let double = post_screen(&app, &page.body, "privacy", &[], "next").await;
    assert!(double.body.contains(">A-001</p>"));
    app.next_visitor_comes().await;
    let again = post_screen(&app, &page.body, "privacy", &[], "next").await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(!again.body.contains("A-001"));
    assert_eq!(app.visit_count().await, 1);
}
