//! [ssr] Form posts handled by axum: booking and enrolment from home, the kiosk's posts,
//! sign-in, pairing, and the staff forms. Success answers with a redirect (so Reload never
//! acts twice); a refusal renders the same page again with the answers and messages in
//! context, so nothing typed is lost and no JavaScript is needed. Staff forms go through
//! `authorize` (the one permission check) first; public ones through `limit`.

pub mod accommodations;
pub mod accounts;
pub mod agency_closures;
pub mod agency_settings;
pub mod arrival;
pub mod audit;
pub mod availability;
pub mod booking;
pub mod calendar;
pub mod center_setup;
pub mod check_in;
pub mod closures;
pub mod erasure;
pub mod feedback;
pub mod follow;
pub mod kiosk_in_use;
pub mod kiosk_pairing;
pub mod meeting_links;
pub mod password;
pub mod queue;
pub mod reason_setup;
pub mod reports;
pub mod service_setup;
pub mod sign_in;
pub mod staff_sessions;
pub mod waitlist;
pub mod workshops;

use crate::api::auth::Refused;
use crate::app::shell;
use crate::db::kiosk_devices::KioskDevice;
use crate::db::sessions::SessionStaff;
use crate::domain::kiosk_visitor::is_current_visitors;
use crate::domain::limits::Limited;
use crate::domain::roles::Permission;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::pages::booking::query::BookingQuery;
use crate::pages::kiosk::display::{KioskDisplay, VISITOR};
use crate::security::CspNonce;
use crate::state::AppState;
use axum::body::Body;
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::response::Response;
use leptos::prelude::provide_context;

/// A posted form: every value of every field, in order.
pub(crate) struct Form(Vec<(String, String)>);

impl Form {
    pub(crate) fn parse(body: &[u8]) -> Form {
        Form(form_urlencoded::parse(body).into_owned().collect())
    }
    pub(crate) fn get(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }
    pub(crate) fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
    /// The "about you" answers a booking and a place on the waiting list both ask for.
    pub(crate) fn details_answers(&self) -> crate::domain::booking_form::DetailsAnswers {
        crate::domain::booking_form::DetailsAnswers {
            first_name: self.get("first_name"),
            last_name: self.get("last_name"),
            email: self.get("email"),
            phone: self.get("phone"),
            language: self.get("language"),
            accommodations: self
                .all("accommodations")
                .filter_map(crate::domain::accommodation::Accommodation::from_code)
                .collect(),
            interpreter_language: self.get("interpreter_language"),
            accommodation_other: self.get("accommodation_other"),
            held: self.get("held"),
        }
    }
    /// The kiosk's display choices, carried in hidden fields.
    pub(crate) fn kiosk_display(&self) -> KioskDisplay {
        KioskDisplay::from_query(
            Some(&self.get("lang")),
            Some(&self.get("text")),
            Some(&self.get("contrast")),
        )
    }
    /// Whether this kiosk form was shown to an earlier visitor at `tablet` (a page posted
    /// again from the browser's history by the next one): `domain::kiosk_visitor`.
    pub(crate) fn shown_to_an_earlier_visitor(&self, tablet: &KioskDevice) -> bool {
        let shown_to = self.get(VISITOR).parse().ok();
        !is_current_visitors(shown_to, tablet.visitors)
    }
    pub(crate) fn booking_query(&self) -> BookingQuery {
        BookingQuery {
            service: self.get("service"),
            center: self.get("center"),
            tz: self.get("tz"),
            day: String::new(),
            start: self.get("start"),
            locale: Locale::from_tag(&self.get("lang")),
        }
    }
}

/// The answer to a kiosk form of an earlier visitor: the welcome screen, as the idle reset
/// leaves it (the default language; nothing of the post shown or kept).
pub(crate) fn kiosk_start_over(tablet: &KioskDevice) -> Response {
    use axum::response::IntoResponse;
    // The tablet's own center, as stored: a plain slug.
    axum::response::Redirect::to(&format!("/kiosk/{}", tablet.center_id)).into_response()
}

/// The one permission check for a staff form post (`api::auth::authorize`): the caller,
/// or the answer that refuses them (`refusal`).
pub(crate) async fn authorize(
    state: &AppState,
    headers: &HeaderMap,
    permission: Permission,
    locale: Locale,
) -> Result<SessionStaff, Response> {
    match crate::api::auth::authorize(state, headers, permission).await {
        Ok(staff) => Ok(staff),
        Err(refused) => Err(refusal(state, headers, refused, locale).await),
    }
}

/// A staff form post that passed the permission check: its fields, its page's language,
/// and who sent it.
pub(crate) struct StaffPost {
    pub form: Form,
    pub locale: Locale,
    pub staff: SessionStaff,
}

/// Reads a staff form post and checks, before anything else, that its sender may do
/// `permission` (`authorize`); or the answer that refuses them.
pub(crate) async fn staff_post(
    state: &AppState,
    headers: &HeaderMap,
    body: &[u8],
    permission: Permission,
) -> Result<StaffPost, Response> {
    let form = Form::parse(body);
    let locale = Locale::from_tag(&form.get("lang")).for_staff();
    let staff = authorize(state, headers, permission, locale).await?;
    Ok(StaffPost {
        form,
        locale,
        staff,
    })
}

/// The answer to a refused staff form post: the sign-in page, a 403 page in the form's
/// language, or 503.
pub(crate) async fn refusal(
    state: &AppState,
    headers: &HeaderMap,
    refused: Refused,
    locale: Locale,
) -> Response {
    use axum::response::{IntoResponse, Redirect};
    match refused {
        Refused::SignedOut => Redirect::to("/staff/login").into_response(),
        Refused::Forbidden => {
            let uri = format!("/staff/not-allowed?lang={}", locale.tag());
            render_staff_page(state, &uri, headers, (), StatusCode::FORBIDDEN).await
        }
        Refused::Unavailable(error) => unavailable(error, locale),
    }
}

/// Counts one `what` for `key` against its rate limit. Over the limit: the page at `uri`
/// again, with what was typed (`answer`, given the translated "try again in …" message),
/// as a 429 with `Retry-After`.
pub(crate) async fn limit<T>(
    state: &AppState,
    what: Limited,
    key: &str,
    locale: Locale,
    uri: &str,
    answer: impl FnOnce(String) -> T,
) -> Result<(), Response>
where
    T: Clone + Send + Sync + 'static,
{
    let Err(wait) = state.limits.check(what, key) else {
        return Ok(());
    };
    let seconds = wait.as_secs();
    let page = answer(crate::i18n::too_many_requests(locale, seconds));
    let refused = render_page(state, uri, page, StatusCode::TOO_MANY_REQUESTS).await;
    Err(with_retry_after(refused, seconds))
}

/// Adds `Retry-After: seconds` to a refusal.
pub(crate) fn with_retry_after(mut response: Response, seconds: u64) -> Response {
    if let Ok(value) = HeaderValue::from_str(&seconds.max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

/// A calendar file to download as `filename`.
pub(crate) fn calendar_download(
    event: &crate::domain::ics::CalendarEvent,
    method: crate::domain::ics::Method,
    filename: &'static str,
) -> Response {
    use axum::response::IntoResponse;
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        crate::domain::ics::to_ics(event, method),
    )
        .into_response()
}

/// Logs an internal failure and answers 503 with a page that says, in `locale`, that
/// nothing was saved and to try again (never what failed).
pub(crate) fn unavailable(error: impl std::fmt::Display, locale: Locale) -> Response {
    AppError::unavailable(error).page(locale)
}

/// Renders the app's page at `uri` with `answer` (the typed values, the messages) in its
/// context, answering with `status`.
pub(crate) async fn render_page<T>(
    state: &AppState,
    uri: &str,
    answer: T,
    status: StatusCode,
) -> Response
where
    T: Clone + Send + Sync + 'static,
{
    render_page_for(state, uri, None, answer, status).await
}

/// As `render_page`, for a staff page: the page's server functions check the staff
/// session, so the request's cookie goes along.
pub(crate) async fn render_staff_page<T>(
    state: &AppState,
    uri: &str,
    headers: &HeaderMap,
    answer: T,
    status: StatusCode,
) -> Response
where
    T: Clone + Send + Sync + 'static,
{
    render_page_for(state, uri, headers.get(header::COOKIE), answer, status).await
}

async fn render_page_for<T>(
    state: &AppState,
    uri: &str,
    cookie: Option<&HeaderValue>,
    answer: T,
    status: StatusCode,
) -> Response
where
    T: Clone + Send + Sync + 'static,
{
    let options = state.leptos_options.clone();
    let app_state = state.clone();
    // The page is rendered from a request made here: it carries the nonce that the
    // answer's Content-Security-Policy names.
    let nonce = crate::security::request_nonce();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(app_state.clone());
            provide_context(answer.clone());
            if let Some(CspNonce(nonce)) = &nonce {
                provide_context(leptos::nonce::Nonce::from_value(nonce.clone()));
            }
        },
        move || shell(options.clone()),
    );
    let mut request = Request::builder().uri(uri);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    // A kiosk post's page carries the tablet (its server functions answer only it, its
    // forms name its visitor), however the handler rendered it.
    if let Some(device) = crate::request_tablet::request_tablet() {
        request = request.extension(device);
    }
    let mut response = handler(request.body(Body::empty()).unwrap_or_default()).await;
    *response.status_mut() = status;
    response
}

/// The bookings a refused change would strand, as its page lists them in `locale` (their
/// services named from the agency's list, which a failed read leaves as codes).
pub(crate) async fn stranded_views(
    state: &AppState,
    list: Vec<crate::db::closures::StrandedBooking>,
    locale: Locale,
) -> Vec<crate::pages::staff::closures_page::StrandedView> {
    let services = crate::db::appointment_services::list(&state.pool)
        .await
        .unwrap_or_default();
    let names = crate::domain::service::ServiceNames::new(&services, locale);
    list.into_iter()
        .map(|b| crate::pages::staff::closures_page::StrandedView::new(b, &names))
        .collect()
}
