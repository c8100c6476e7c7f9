//! "How was your visit?": asked on the phone page once the visit is done, and at the
//! kiosk of anyone; one answer per visit; what a stranger can do with the forms; what
//! managers see of it in the reports and CSV.

use crate::helpers::*;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use chrono::Utc;
use chrono_tz::America::Los_Angeles;
use sqlx::PgPool;

async fn answers(app: &TestApp) -> Vec<(i16, Option<String>, String, Vec<String>, String)> {
    sqlx::query_as("select rating, comment, language, reasons, source from feedback order by id")
        .fetch_all(&app.pool)
        .await
        .unwrap()
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn a_finished_visit_is_asked_once_how_it_went(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let feedback = format!("{path}/feedback");

    // Not while waiting: neither asked nor taken.
    let waiting = app.get(&path, None).await;
    assert!(!waiting.body.contains("How was your visit?"));
    let early = app.post_form(&feedback, "lang=en&rating=5", None).await;
    assert_eq!(early.status, StatusCode::SEE_OTHER);
    assert!(answers(&app).await.is_empty(), "nothing to answer for yet");

    finish_visit(&app, "Anabel").await;
    let done = app.get(&path, None).await;
    assert!(done.body.contains("How was your visit?"), "{}", done.body);
    // Without JavaScript it no longer reloads itself: what the visitor types stays.
    assert!(!done.body.contains(r#"http-equiv="refresh""#));
    assert_eq!(done.body.matches(r#"name="rating""#).count(), 5);
    assert!(!done.body.contains("Anabel"));

    // No face chosen: said beside the faces, and the comment typed is kept.
    let refused = app
        .post_form(
            &feedback,
            "lang=es&comment=Muy+amables+%3C%2Ftextarea%3E%3Cb%3Ehi",
            None,
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let spanish = app::i18n::translations(app::i18n::Locale::Es);
    assert!(
        refused.body.contains(&spanish.feedback.no_rating),
        "{}",
        refused.body
    );
    assert!(refused.body.contains(r#"id="feedback-rating-error""#));
    assert!(
        // What was typed stays as text: it cannot close the field and become markup.
        refused
            .body
            .contains("Muy amables &lt;/textarea>&lt;b>hi</textarea>"),
        "{}",
        refused.body
    );
    // A comment too long, or a rating that is not a face.
    let long = "a".repeat(app::domain::feedback::COMMENT_MAX_CHARS + 1);
    let too_long = app
        .post_form(
            &feedback,
            &format!("lang=en&rating=4&comment=%0D%0A{long}"),
            None,
        )
        .await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long
        .body
        .contains("Please shorten your comment to 500 characters."));
    assert!(
        too_long.body.contains(r#"value="4" checked"#),
        "the face stays chosen"
    );
    for odd in ["0", "6", "-1", "4.5", "x"] {
        let reply = app
            .post_form(&feedback, &format!("lang=en&rating={odd}"), None)
            .await;
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY, "{odd}");
    }
    assert!(answers(&app).await.is_empty());

    let given = app
        .post_form(
            &feedback,
            "lang=en&rating=5&comment=++Kind%0D%0Astaff++",
            None,
        )
        .await;
    assert_eq!(given.status, StatusCode::SEE_OTHER);
    assert_eq!(given.header(header::LOCATION), format!("{path}?lang=en"));
    let thanked = app.get(&path, None).await;
    assert!(thanked
        .body
        .contains("Thank you. Your answer helps us do better."));
    assert!(!thanked.body.contains("How was your visit?"));

    // A second answer (another tab, a double tap, a change of heart) adds nothing.
    app.post_form(&feedback, "lang=en&rating=1", None).await;
    assert_eq!(
        answers(&app).await,
        vec![(
            5,
            Some("Kind staff".to_owned()),
            "en".to_owned(),
            vec!["job_search".to_owned()],
            "phone".to_owned()
        )]
    );
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn strangers_cannot_answer_for_a_visitor(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    finish_visit(&app, "Anabel").await;

    // Another site cannot send the form for the visitor, link or not.
    let forged = Request::post(format!("{path}/feedback"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ORIGIN, "https://evil.example")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from("lang=en&rating=1"))
        .unwrap();
    assert_eq!(app.send(forged).await.status, StatusCode::FORBIDDEN);

    // A made-up link answers for nobody.
    app.post_form(
        "/t/AAAAAAAAAAAAAAAAAAAAAA/feedback",
        "lang=en&rating=1",
        None,
    )
    .await;
    app.post_form("/t/short/feedback", "lang=en&rating=1", None)
        .await;
    // Yesterday's visit is not asked about any more.
    let other = follow_path(&app.check_in("Bartholomew", "Yates").await);
    finish_visit(&app, "Bartholomew").await;
    sqlx::query("update visits set service_day = service_day - 1 where first_name = 'Bartholomew'")
        .execute(&app.pool)
        .await
        .unwrap();
    let expired = app.get(&other, None).await;
    assert!(!expired.body.contains("How was your visit?"));
    app.post_form(&format!("{other}/feedback"), "lang=en&rating=1", None)
        .await;
    assert!(answers(&app).await.is_empty());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn answering_is_rate_limited(pool: PgPool) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    let burst = app::domain::limits::Limited::Feedback.quota().burst;
    for _ in 0..burst {
        let reply = app
            .post_form(&format!("{path}/feedback"), "lang=en&rating=3", None)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let refused = app
        .post_form(&format!("{path}/feedback"), "lang=en&rating=3", None)
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!refused.header(header::RETRY_AFTER).is_empty());
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn anyone_at_the_kiosk_may_answer_but_only_at_a_paired_tablet_and_not_without_end(
    pool: PgPool,
) {
    let app = spawn_app_with_limits(pool, app::limits::Limits::standard()).await;
    let page = app.get("/kiosk/tigard?lang=es", None).await;
    assert!(
        page.body
            .contains(r#"href="/kiosk/tigard/feedback?lang=es""#),
        "{}",
        page.body
    );
    let form = app.get("/kiosk/tigard/feedback?lang=es", None).await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.body.matches(r#"name="rating""#).count(), 5);

    let given = app
        .post_form(
            "/kiosk/tigard/feedback",
            "lang=es&text=large&rating=2&comment=Hace+fr%C3%ADo",
            None,
        )
        .await;
    assert_eq!(given.status, StatusCode::SEE_OTHER, "{}", given.body);
    let thanks = given.header(header::LOCATION);
    assert_eq!(thanks, "/kiosk/tigard/feedback?lang=es&text=large&sent=1");
    let thanked = app.get(&thanks, None).await;
    assert!(thanked.body.contains(r#"data-testid="feedback-thanks""#));
    assert_eq!(
        answers(&app).await,
        vec![(
            2,
            Some("Hace frío".to_owned()),
            "es".to_owned(),
            vec![],
            "kiosk".to_owned()
        )]
    );

    // Not from a browser that is no tablet of this center.
    let bare = Request::post("/kiosk/tigard/feedback")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("lang=en&rating=1"))
        .unwrap();
    assert_ne!(app.send(bare).await.status, StatusCode::SEE_OTHER);
    let elsewhere = app
        .post_form("/kiosk/gresham/feedback", "lang=en&rating=1", None)
        .await;
    assert_ne!(elsewhere.status, StatusCode::SEE_OTHER);
    assert_eq!(answers(&app).await.len(), 1);

    // One tablet cannot stuff the report: after a few answers, a wait, with what was
    // chosen and typed kept.
    let burst = app::domain::limits::Limited::KioskFeedback.quota().burst;
    for _ in 1..burst {
        let reply = app
            .post_form("/kiosk/tigard/feedback", "lang=en&rating=5", None)
            .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER);
    }
    let refused = app
        .post_form(
            "/kiosk/tigard/feedback",
            "lang=en&rating=5&comment=once+more",
            None,
        )
        .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body.contains("once more</textarea>"),
        "{}",
        refused.body
    );
    assert!(refused.body.contains(r#"value="5" checked"#));
    assert_eq!(answers(&app).await.len(), burst as usize);
}

#[sqlx::test(migrator = "app::db::MIGRATOR")]
async fn managers_see_feedback_by_period_reason_and_language_with_comments_and_csv(pool: PgPool) {
    let app = spawn_app(pool).await;
    let path = follow_path(&app.check_in("Anabel", "Zapata").await);
    finish_visit(&app, "Anabel").await;
    app.post_form(
        &format!("{path}/feedback"),
        "lang=en&rating=4&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%3DSUM(A1)",
        None,
    )
    .await;
    app.post_form("/kiosk/tigard/feedback", "lang=es&rating=1", None)
        .await;
    app.post_form("/kiosk/tigard/feedback", "lang=es&rating=2", None)
        .await;

    let cookie = app.sign_in().await;
    let today = Utc::now().with_timezone(&Los_Angeles).date_naive();
    let range = format!("from={today}&to={today}&center=tigard");
    let page = app
        .get(&format!("/staff/reports?lang=en&{range}"), Some(&cookie))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Visitor feedback"));
    assert!(
        page.body.contains(r#"data-testid="feedback-total">3<"#),
        "{}",
        page.body
    );
    // (4 + 1 + 2) / 3 = 2.3
    assert!(page.body.contains(r#"data-testid="feedback-average">2.3<"#));
    assert!(page.body.contains(r#"data-testid="feedback-chart""#));
    assert!(page.body.contains("At the kiosk (no visit)"));
    // The visitor's words are shown as words, never run.
    assert!(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.body.contains("<script>alert(1)"));

    let csv = app
        .get(&format!("/staff/feedback.csv?{range}"), Some(&cookie))
        .await;
    assert_eq!(csv.header(header::CONTENT_TYPE), "text/csv; charset=utf-8");
    let lines: Vec<String> = csv
        .body
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect();
    assert_eq!(
        lines,
        vec![
            "period_start,center,reason,language,answers,average,rating_1,rating_2,rating_3,rating_4,rating_5".to_owned(),
            format!("{today},tigard,(kiosk),es,2,1.5,1,1,0,0,0"),
            format!("{today},tigard,job_search,en,1,4.0,0,0,0,1,0"),
        ]
    );
    assert!(!csv.body.contains("script"), "counts only, no comments");

    // Strangers get neither.
    let stranger = app.get("/staff/feedback.csv", None).await;
    assert_eq!(stranger.header(header::LOCATION), "/staff/login");
}
