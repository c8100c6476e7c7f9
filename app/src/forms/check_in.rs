//! [ssr] The check-in wizard without the kiosk's browser code: `POST /kiosk/{center}/check-in`
//! from any screen, with every answer so far in the form. Only a paired tablet of the
//! center gets here (the kiosk gate), and never from another site (the cross-site check).
//! The answer is the next screen, or the same one with the refusal beside its field;
//! nothing is stored until the privacy notice is agreed to, when the answers go through
//! the very check-in the browser code sends (`api::check_in::walk_in`: the same limit,
//! rules and ticket, and the page's idempotency key, so a reload or a double tap on
//! "I agree" makes one ticket).

use super::{render_page, with_retry_after, Form};
use crate::api::check_in::{offered_reasons, walk_in, CheckInOutcome, WalkInRefused};
use crate::db::kiosk_devices::KioskDevice;
use crate::domain::accommodation::Accommodation;
use crate::domain::check_in::{CheckInAnswers, Registration};
use crate::error::AppError;
use crate::i18n::translations;
use crate::pages::kiosk::check_in_steps::{field_name, Step};
use crate::pages::kiosk::wizard_answers::{answer, Tapped, Then, WizardReply};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use uuid::Uuid;

pub async fn wizard_step(
    State(state): State<AppState>,
    Extension(device): Extension<KioskDevice>,
    Path(center_id): Path<String>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    if form.shown_to_an_earlier_visitor(&device) {
        return super::kiosk_start_over(&device);
    }
    let display = form.kiosk_display();
    let locale = display.locale;
    let page = format!("/kiosk/{center_id}/check-in{}", display.query());
    let step = Step::from_code(&form.get("step")).unwrap_or_default();
    let mut answers = answers_in(&form);
    let offered = match offered_reasons(&state.pool, locale).await {
        Ok(offered) => offered,
        Err(error) => return super::unavailable(error, locale),
    };
    let tapped = Tapped::read(&form.get("go"));
    let then = answer(step, tapped, &mut answers, &offered);
    // Only what the kiosk offers is carried on (and echoed back) from screen to screen.
    answers
        .reasons
        .retain(|code| offered.iter().any(|r| r.code == *code));
    let key = form.get("key");
    let reply = WizardReply {
        step,
        answers: answers.clone(),
        key: key.clone(),
        ..WizardReply::default()
    };
    let (reply, status) = match then {
        Then::Leave => {
            let welcome = format!("/kiosk/{center_id}{}", display.query());
            return Redirect::to(&welcome).into_response();
        }
        Then::Show(step, error) => {
            let status = match error {
                Some(_) => StatusCode::UNPROCESSABLE_ENTITY,
                None => StatusCode::OK,
            };
            (
                WizardReply {
                    step,
                    error,
                    ..reply
                },
                status,
            )
        }
        Then::CheckIn => {
            // Every page carries the key it was given; a post without one was not made
            // by a kiosk page.
            let Ok(key) = Uuid::parse_str(&key) else {
                return AppError::BadRequest.page(locale);
            };
            let t = translations(locale);
            let on_privacy = |notice: String| WizardReply {
                step: Step::Privacy,
                notice: Some(notice),
                ..reply.clone()
            };
            match walk_in(&state, &device, &center_id, locale, key, answers).await {
                Ok(CheckInOutcome::CheckedIn(ticket)) => (
                    WizardReply {
                        ticket: Some(ticket),
                        ..WizardReply::default()
                    },
                    StatusCode::OK,
                ),
                Ok(CheckInOutcome::Invalid(errors)) => {
                    let error = errors.first().copied();
                    let step = error.map_or(Step::Privacy, |e| Step::asking_for(e.field));
                    let reply = WizardReply {
                        step,
                        error,
                        ..reply
                    };
                    (reply, StatusCode::UNPROCESSABLE_ENTITY)
                }
                // The page itself says the center is unknown.
                Ok(CheckInOutcome::UnknownCenter) => (reply, StatusCode::NOT_FOUND),
                // (Not from `walk_in`: this post's visitor was checked as it came in.)
                Ok(CheckInOutcome::StartOver) => return super::kiosk_start_over(&device),
                Err(WalkInRefused::NotThisCenter) => return AppError::Forbidden.page(locale),
                Err(WalkInRefused::TooMany(wait)) => {
                    let seconds = wait.as_secs().max(1);
                    let notice = crate::i18n::too_many_requests(locale, seconds);
                    let reply = on_privacy(notice);
                    let status = StatusCode::TOO_MANY_REQUESTS;
                    let page = render_page(&state, &page, reply, status).await;
                    return with_retry_after(page, seconds);
                }
                Err(WalkInRefused::Unavailable(error)) => {
                    tracing::error!(%error, "a check-in posted without the kiosk's script failed");
                    let notice = t.kiosk.request_failed.clone();
                    (on_privacy(notice), StatusCode::SERVICE_UNAVAILABLE)
                }
            }
        }
    };
    render_page(&state, &page, reply, status).await
}

/// The answers a screen posted: its own inputs and the others' hidden copies.
fn answers_in(form: &Form) -> CheckInAnswers {
    use crate::domain::check_in::Field;
    let text = |field| form.get(field_name(field));
    let registered = form.get(field_name(Field::Registered));
    let mut reasons: Vec<String> = Vec::new();
    for code in form.all(field_name(Field::Reasons)) {
        if !reasons.iter().any(|r| r == code) {
            reasons.push(code.to_owned());
        }
    }
    let mut accommodations: Vec<Accommodation> = Vec::new();
    for a in form
        .all("accommodations")
        .filter_map(Accommodation::from_code)
    {
        if !accommodations.contains(&a) {
            accommodations.push(a);
        }
    }
    CheckInAnswers {
        first_name: text(Field::FirstName),
        last_name: text(Field::LastName),
        reasons,
        registered: Registration::ALL
            .into_iter()
            .find(|r| r.code() == registered),
        accommodations,
        interpreter_language: text(Field::InterpreterLanguage),
        accommodation_other: text(Field::AccommodationOther),
        consent: false,
    }
}
