//! A test application: the real router on a fresh database, driven without a socket.

use app::state::{AppState, Settings};
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::{json, Value};
use sqlx::PgPool;
use tower::ServiceExt;
use uuid::Uuid;

pub const CENTER: &str = "tigard";
pub const STAFF_EMAIL: &str = "coach@frontdesk.test";
pub const STAFF_PASSWORD: &str = "correct horse battery staple";

#[derive(Clone)]
pub struct TestApp {
    pub pool: PgPool,
    pub router: Router,
    pub state: AppState,
    /// The device cookie of a tablet paired with `CENTER`, sent on kiosk paths as the
    /// tablet's browser sends it.
    pub kiosk_cookie: String,
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    pub fn header(&self, name: header::HeaderName) -> String {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    }
}

/// The app on `pool`, with the demo centers and one staff account, and rate limits no
/// test about something else could meet.
pub async fn spawn_app(pool: PgPool) -> TestApp {
    spawn_app_with_limits(pool, app::limits::Limits::generous()).await
}

/// As `spawn_app`, with the production rate limits.
pub async fn spawn_app_with_limits(pool: PgPool, limits: app::limits::Limits) -> TestApp {
    app::services::demo_setup::seed_centers(&pool, chrono::Utc::now())
        .await
        .unwrap();
    app::services::visit_reasons::add_worksource_reasons(&pool)
        .await
        .unwrap();
    let mut app = build(pool, limits).await;
    app.kiosk_cookie = pair_tablet(&app.pool, CENTER).await;
    app
}

/// The app on an empty database, as a new agency starts it with demo data off: no
/// centers and no paired tablet; only the one staff account.
pub async fn spawn_empty_app(pool: PgPool) -> TestApp {
    build(pool, app::limits::Limits::generous()).await
}

async fn build(pool: PgPool, limits: app::limits::Limits) -> TestApp {
    let hash = app::passwords::hash_password(STAFF_PASSWORD).unwrap();
    app::db::staff::upsert_staff(&pool, STAFF_EMAIL, "Casey Coach", &hash, "coach")
        .await
        .unwrap();
    let leptos_options = leptos::config::LeptosOptions::builder()
        .output_name("frontdesk")
        .build();
    let (queue_changes, _) = tokio::sync::broadcast::channel(64);
    let (session_ends, _) = tokio::sync::broadcast::channel(64);
    let state = AppState {
        pool: pool.clone(),
        leptos_options,
        agency: app::state::AgencyCache::new(app::db::agency::load(&pool).await.unwrap()),
        settings: Settings {
            secure_cookies: false,
            mail: app::domain::mail::MailContext {
                public_url: "http://frontdesk.test".to_owned(),
                from_address: "WorkSource <frontdesk@frontdesk.test>".to_owned(),
                agency: Default::default(),
            },
        },
        queue_changes,
        session_ends,
        live_streams: Default::default(),
        limits,
        hashing: app::passwords::Hashing::per_core(),
    };
    let kiosk_cookie = String::new();
    TestApp {
        router: server::router::build(state.clone(), Default::default()),
        pool,
        state,
        kiosk_cookie,
    }
}

/// The pairing code the kiosk tablets page shows once, read from its HTML.
pub fn pairing_code_in(page: &str) -> String {
    page.split("data-testid=\"pairing-code\"")
        .nth(1)
        .and_then(|rest| rest.split('>').nth(1))
        .and_then(|rest| rest.split('<').next())
        .unwrap_or_else(|| panic!("the code is shown: {page}"))
        .to_owned()
}

/// Pairs a tablet with `center` (a code made and redeemed) and returns its cookie.
pub async fn pair_tablet(pool: &PgPool, center: &str) -> String {
    let now = chrono::Utc::now();
    let code = app::db::kiosk_devices::create_code(
        pool,
        center,
        "Test tablet",
        None,
        chrono::Duration::minutes(15),
        now,
    )
    .await
    .unwrap();
    let (token, _) = app::db::kiosk_devices::redeem(pool, &code, now)
        .await
        .unwrap()
        .unwrap();
    format!(
        "{}={token}",
        app::forms::kiosk_pairing::device_cookie_name(false)
    )
}

/// The cookies a browser sends to `path`: the caller's, and on kiosk paths the tablet's.
fn cookies_for(app: &TestApp, path: &str, cookie: Option<&str>) -> Option<String> {
    let kiosk = path.starts_with("/kiosk/")
        || path.starts_with("/api/kiosk/")
        || path.starts_with("/display/");
    match (cookie, kiosk) {
        (Some(cookie), true) => Some(format!("{cookie}; {}", app.kiosk_cookie)),
        (Some(cookie), false) => Some(cookie.to_owned()),
        (None, true) => Some(app.kiosk_cookie.clone()),
        (None, false) => None,
    }
}

/// Answers a visitor could give, with a name.
pub fn answers(first: &str, last: &str) -> Value {
    json!({
        "first_name": first,
        "last_name": last,
        "reasons": ["job_search"],
        "registered": "yes",
        "accommodations": [],
        "interpreter_language": "",
        "accommodation_other": "",
        "consent": true
    })
}

impl TestApp {
    /// Where this app's notification listener sends what it hears, as `main` wires it.
    pub fn hearers(&self) -> server::live::Hearers {
        server::live::Hearers {
            changes: self.state.queue_changes.clone(),
            session_ends: self.state.session_ends.clone(),
            agency: self.state.agency.clone(),
        }
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::get(path).header(header::ACCEPT, "text/html");
        if let Some(cookie) = cookies_for(self, path, cookie) {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::empty()).unwrap()).await
    }

    /// A plain HTML form post, as a browser without JavaScript sends it.
    pub async fn post_form(&self, path: &str, form: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, "http://localhost/staff/queue");
        if let Some(cookie) = cookies_for(self, path, cookie) {
            request = request.header(header::COOKIE, cookie);
        }
        // Every kiosk form carries the number of the visitor it was shown to; a test's
        // form that names none is the tablet's current visitor's (`kiosk_history` tests
        // send earlier ones).
        let mut form = form.to_owned();
        if path.starts_with("/kiosk/") && !form.split('&').any(|f| f.starts_with("visitor=")) {
            form.push_str(&format!("&visitor={}", self.tablet_visitor().await));
        }
        self.send(request.body(Body::from(form)).unwrap()).await
    }

    /// The next visitor comes to the test's tablet: its welcome screen, asked longer after
    /// the last one than two taps on Done (`domain::kiosk_visitor::SAME_WELCOME_SECONDS`),
    /// as any visit takes.
    pub async fn next_visitor_comes(&self) -> Reply {
        sqlx::query(
            "update kiosk_devices set visitor_drawn_at = visitor_drawn_at - interval '1 minute'",
        )
        .execute(&self.pool)
        .await
        .unwrap();
        self.get(&format!("/kiosk/{CENTER}"), None).await
    }

    /// The number of the visitor now at the test's tablet (`kiosk_devices.visitors`).
    pub async fn tablet_visitor(&self) -> i64 {
        let token = self
            .kiosk_cookie
            .split_once('=')
            .map(|(_, t)| t)
            .unwrap_or_default();
        // Read as it is: asking through the kiosk's own lookup would count as the tablet
        // being in use.
        sqlx::query_scalar("select visitors from kiosk_devices where token_hash = $1")
            .bind(app::db::sessions::hash(token))
            .fetch_optional(&self.pool)
            .await
            .unwrap()
            .unwrap_or(0)
    }

    /// A server function call with url-encoded arguments, as a page's script sends it.
    pub async fn server_fn(&self, path: &str, arguments: &str, cookie: Option<&str>) -> Reply {
        let mut request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        if let Some(cookie) = cookie {
            request = request.header(header::COOKIE, cookie);
        }
        self.send(request.body(Body::from(arguments.to_owned())).unwrap())
            .await
    }

    /// The kiosk's check-in call, as the wizard island sends it.
    pub async fn check_in_with_key(&self, key: Uuid, answers: Value) -> Reply {
        let visitor = self.tablet_visitor().await;
        let body = json!({ "center_id": CENTER, "language": "en", "key": key, "answers": answers, "visitor": visitor });
        self.check_in_json(&body).await
    }

    /// The check-in server function called with `body` as its JSON arguments, from the
    /// test's tablet.
    pub async fn check_in_json(&self, body: &Value) -> Reply {
        let request = Request::post("/api/kiosk/check-in")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ACCEPT, "application/json")
            .header(header::COOKIE, &self.kiosk_cookie)
            .body(Body::from(body.to_string()))
            .unwrap();
        self.send(request).await
    }

    pub async fn check_in(&self, first: &str, last: &str) -> Value {
        let reply = self
            .check_in_with_key(Uuid::new_v4(), answers(first, last))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply.json()
    }

    /// Makes (or updates) an account with `role` and the test password, signs it in and
    /// returns the session cookie.
    pub async fn sign_in_with_role(&self, email: &str, name: &str, role: &str) -> String {
        let hash = app::passwords::hash_password(STAFF_PASSWORD).unwrap();
        app::db::staff::upsert_staff(&self.pool, email, name, &hash, role)
            .await
            .unwrap();
        self.sign_in_as(email, STAFF_PASSWORD)
            .await
            .unwrap_or_else(|| panic!("{email} could not sign in"))
    }

    /// The session cookie for `email` and `password`, or `None` when refused.
    pub async fn sign_in_as(&self, email: &str, password: &str) -> Option<String> {
        let form = format!(
            "email={}&password={}",
            email.replace('@', "%40"),
            password.replace(' ', "+")
        );
        let reply = self.post_form("/staff/login", &form, None).await;
        let cookie = reply.header(header::SET_COOKIE);
        (reply.status == StatusCode::SEE_OTHER && reply.header(header::LOCATION) == "/staff/queue")
            .then(|| cookie.split(';').next().unwrap().to_owned())
    }

    /// Signs the test staff member in and returns the session cookie.
    pub async fn sign_in(&self) -> String {
        let form = format!(
            "email={}&password={}",
            STAFF_EMAIL.replace('@', "%40"),
            STAFF_PASSWORD.replace(' ', "+")
        );
        let reply = self.post_form("/staff/login", &form, None).await;
        let cookie = reply.header(header::SET_COOKIE);
        assert!(
            cookie.starts_with("frontdesk_session="),
            "no session cookie: {reply:?}",
            reply = reply.status
        );
        cookie.split(';').next().unwrap().to_owned()
    }

    pub async fn visit_count(&self) -> i64 {
        sqlx::query_scalar("select count(*) from visits")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

/// The ticket number in a `CheckedIn` reply.
pub fn ticket_number(outcome: &Value) -> String {
    outcome["CheckedIn"]["number"]
        .as_str()
        .unwrap_or_else(|| panic!("not checked in: {outcome}"))
        .to_owned()
}

/// The next event of a server-sent event stream (keep-alive comments skipped), within 5 s;
/// None when the stream has ended.
pub async fn next_event(body: &mut axum::body::BodyDataStream) -> Option<String> {
    use futures::StreamExt;
    loop {
        let chunk = tokio::time::timeout(std::time::Duration::from_secs(5), body.next())
            .await
            .expect("no event within 5 s")?
            .unwrap();
        let text = String::from_utf8_lossy(&chunk).into_owned();
        if text.starts_with("data: ") {
            return Some(text);
        }
    }
}

/// The follow path ("/t/…") of a check-in reply.
pub fn follow_path(outcome: &Value) -> String {
    let url = outcome["CheckedIn"]["follow"]["url"]
        .as_str()
        .unwrap_or_else(|| panic!("no follow link: {outcome}"));
    let path = url
        .strip_prefix("http://frontdesk.test")
        .expect("on the public address");
    assert!(path.starts_with("/t/"), "{url}");
    path.to_owned()
}

/// Calls the visit of `first_name` and marks it done, as a staff member at desk 3 would.
pub async fn finish_visit(app: &TestApp, first_name: &str) {
    let id: i64 = sqlx::query_scalar("select id from visits where first_name = $1")
        .bind(first_name)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let staff_id: i64 = sqlx::query_scalar("select min(id) from staff_users")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    for action in [
        app::domain::queue::QueueAction::Call,
        app::domain::queue::QueueAction::Done,
    ] {
        let acted = app::db::queue::apply_action_at_desk(
            &app.pool,
            CENTER,
            id,
            action,
            staff_id,
            Some("3"),
            chrono::Utc::now(),
        )
        .await
        .unwrap();
        assert!(acted, "{action:?}");
    }
}
