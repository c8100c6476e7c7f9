//! [ssr] Workshop enrolment from the session page, cancel from the private link, and the
//! calendar file.

use super::{limit, render_page, Form};
use crate::db::workshops::enrolment_by_token;
use crate::domain::accommodation::Accommodation;
use crate::domain::booking_form::DetailsProblem;
use crate::domain::enrolment_form::{EnrolAnswers, EnrolField, EnrolProblem};
use crate::domain::ics::Method;
use crate::domain::limits::Limited;
use crate::domain::workshop_session::NewEnrolment;
use crate::domain::workshop_status::{EnrolmentStatus, SessionStatus};
use crate::i18n::{translations, Locale};
use crate::limits::ClientAddress;
use crate::pages::booking::query::encode;
use crate::pages::workshops::session_page::EnrolSubmission;
use crate::services::workshops::{cancel_enrolment, enrol, EnrolOutcome};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Extension;
use chrono::Utc;
use uuid::Uuid;

/// The form's key, or a fresh one for a form that came without (nothing to repeat).
fn form_key(form: &Form) -> Uuid {
    form.get("key").parse().unwrap_or_else(|_| Uuid::new_v4())
}

/// `POST /workshops/enrol/{id}`.
pub async fn submit_enrolment(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(id): Path<i64>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang"));
    let tz = form.get("tz");
    let b = &translations(locale).booking;
    let w = &translations(locale).workshops;
    let key = form_key(&form);
    let answers = EnrolAnswers {
        key: key.to_string(),
        first_name: form.get("first_name"),
        last_name: form.get("last_name"),
        contact: form.get("contact"),
        language: form.get("language"),
        accommodations: form
            .all("accommodations")
            .filter_map(Accommodation::from_code)
            .collect(),
        interpreter_language: form.get("interpreter_language"),
        accommodation_other: form.get("accommodation_other"),
        whole_series: form.get("whole_series") == "yes",
    };
    let page = format!("/workshops/{id}?lang={}&tz={}", locale.tag(), encode(&tz));
    let parsed = answers.parse(key, locale);
    let problems = parsed.as_ref().err().cloned().unwrap_or_default();
    let message = |field| problem_message(locale, &problems, field);
    let refused = EnrolSubmission {
        answers: answers.clone(),
        first_name_error: message(EnrolField::FirstName),
        last_name_error: message(EnrolField::LastName),
        contact_error: message(EnrolField::Contact),
        interpreter_language_error: message(EnrolField::InterpreterLanguage),
        accommodation_other_error: message(EnrolField::AccommodationOther),
        message: None,
    };
    let limited = |message| EnrolSubmission {
        message: Some(message),
        ..refused.clone()
    };
    let client_key = client.limit_key();
    if let Err(refused) = limit(
        &state,
        Limited::Enrolment,
        &client_key,
        locale,
        &page,
        limited,
    )
    .await
    {
        return refused;
    }
    let Ok(person) = parsed else {
        return render_page(&state, &page, refused, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    let now = Utc::now();
    let outcome = match enrol(&state.pool, id, &person, &state.mail(), now).await {
        Ok(outcome) => outcome,
        Err(error) => {
            tracing::error!(%error, "enrolment failed");
            let failed = EnrolSubmission {
                message: Some(b.request_failed.clone()),
                ..refused
            };
            return render_page(&state, &page, failed, StatusCode::SERVICE_UNAVAILABLE).await;
        }
    };
    match outcome {
        EnrolOutcome::Done { token, .. } => {
            if answers.whole_series {
                enrol_in_rest_of_series(&state, client, id, &person).await;
            }
            Redirect::to(&format!(
                "/workshops/manage/{token}?new=1&lang={}&tz={}",
                locale.tag(),
                encode(&tz)
            ))
            .into_response()
        }
        EnrolOutcome::AlreadyHasPlace { emailed } => {
            let message = EnrolSubmission {
                message: Some(already_has_place(locale, emailed)),
                ..refused
            };
            render_page(&state, &page, message, StatusCode::CONFLICT).await
        }
        EnrolOutcome::Refused(refusal) => {
            let message = EnrolSubmission {
                message: Some(w.refusal(refusal).to_owned()),
                ..refused
            };
            render_page(&state, &page, message, StatusCode::CONFLICT).await
        }
        EnrolOutcome::UnknownSession => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The message for `field`'s problem in `problems`, in `locale`, if it has one.
fn problem_message(
    locale: Locale,
    problems: &[(EnrolField, EnrolProblem)],
    field: EnrolField,
) -> Option<String> {
    let t = translations(locale);
    problems
        .iter()
        .find(|(f, _)| *f == field)
        .map(|(_, problem)| match problem {
            EnrolProblem::Text(e) => t.booking.problem(DetailsProblem::Text(*e)),
            EnrolProblem::Contact(_) => t.workshops.error_contact.clone(),
        })
}

/// What a form naming a contact that already has a place is told: never its link, never
/// the person's name; where the link went instead.
fn already_has_place(locale: Locale, emailed: bool) -> String {
    let w = &translations(locale).workshops;
    if emailed {
        w.already_has_place_emailed.clone()
    } else {
        w.already_has_place_phone.clone()
    }
}

/// Enrols in the other future dates of the session's series (each on its own seats; a
/// full date puts the person on that date's waitlist).
async fn enrol_in_rest_of_series(
    state: &AppState,
    client: ClientAddress,
    id: i64,
    person: &NewEnrolment,
) {
    let now = Utc::now();
    let Ok(Some(session)) = crate::db::workshops::session(&state.pool, id).await else {
        return;
    };
    let Some(series_id) = session.series_id else {
        return;
    };
    let dates = crate::db::workshops::series_sessions(&state.pool, series_id, now)
        .await
        .unwrap_or_default();
    for date in dates.into_iter().filter(|d| d.id != id) {
        // Each date is an enrolment (a seat, an email) and counts as one against the limit.
        if state
            .limits
            .check(Limited::Enrolment, &client.limit_key())
            .is_err()
        {
            tracing::warn!(session = date.id, "series enrolment stopped by the limit");
            return;
        }
        // A key of its own per date, the same for the same form: sent twice, it still
        // enrols once in each.
        let person = NewEnrolment {
            key: Uuid::from_u128(person.key.as_u128() ^ u128::from(date.id.unsigned_abs())),
            ..person.clone()
        };
        if let Err(error) = enrol(&state.pool, date.id, &person, &state.mail(), now).await {
            tracing::error!(%error, session = date.id, "series enrolment failed");
        }
    }
}

/// `POST /workshops/manage/{token}/cancel`.
pub async fn cancel(
    State(state): State<AppState>,
    Extension(client): Extension<ClientAddress>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let form = Form::parse(&body);
    let locale = Locale::from_tag(&form.get("lang"));
    let back = format!(
        "/workshops/manage/{}?lang={}&tz={}",
        encode(&token),
        locale.tag(),
        encode(&form.get("tz"))
    );
    let key = client.limit_key();
    let notice = crate::pages::PageNotice;
    if let Err(refused) = limit(
        &state,
        Limited::EnrolmentChange,
        &key,
        locale,
        &back,
        notice,
    )
    .await
    {
        return refused;
    }
    match cancel_enrolment(&state.pool, &token, &state.mail(), Utc::now()).await {
        Ok(promoted) => {
            if let Some(promoted) = promoted.filter(|p| !p.is_empty()) {
                tracing::info!(?promoted, "waitlist promoted");
            }
            Redirect::to(&back).into_response()
        }
        Err(error) => super::unavailable(error, locale),
    }
}

/// `GET /workshops/manage/{token}/calendar.ics`.
pub async fn calendar_file(State(state): State<AppState>, Path(token): Path<String>) -> Response {
    let found = match enrolment_by_token(&state.pool, &token).await {
        Ok(Some(e)) => crate::db::workshops::session(&state.pool, e.session_id)
            .await
            .map(|s| s.map(|s| (e, s))),
        Ok(None) => Ok(None),
        Err(error) => Err(error),
    };
    let (enrolment, session) = match found {
        Ok(Some(found)) => found,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return super::unavailable(error, Locale::En),
    };
    // The same event as the emails carry: same UID, and the session's sequence.
    let event = crate::workshop_mail::calendar_event(
        &session,
        enrolment.id,
        Locale::from_tag(&enrolment.email_locale),
        &state.mail(),
        Utc::now(),
    );
    let cancelled = enrolment.status == EnrolmentStatus::Cancelled
        || session.status == SessionStatus::Cancelled;
    let method = if cancelled {
        Method::Cancel
    } else {
        Method::Request
    };
    super::calendar_download(&event, method, "worksource-workshop.ics")
}

/// `POST /kiosk/{center}/workshops/{id}`: enrolment at the kiosk, answered on the same
/// screen (the kiosk keeps no link; the enrolment is confirmed there and by email when an
/// address was given).
pub async fn kiosk_enrol(
    State(state): State<AppState>,
    Extension(device): Extension<crate::db::kiosk_devices::KioskDevice>,
    Path((center, id)): Path<(String, i64)>,
    body: Bytes,
) -> Response {
    use crate::pages::kiosk::workshops_page::{waitlist_line, KioskEnrolReply};
    let form = Form::parse(&body);
    if form.shown_to_an_earlier_visitor(&device) {
        return super::kiosk_start_over(&device);
    }
    let display = form.kiosk_display();
    let locale = display.locale;
    let (b, w) = (
        &translations(locale).booking,
        &translations(locale).workshops,
    );
    let page = format!("/kiosk/{center}/workshops/{id}{}", display.query());
    let key = form_key(&form);
    // The kiosk asks for names and a contact only; the language is the screen's.
    let answers = EnrolAnswers {
        first_name: form.get("first_name"),
        last_name: form.get("last_name"),
        contact: form.get("contact"),
        language: locale.tag().to_owned(),
        ..EnrolAnswers::default()
    };
    let parsed = answers.parse(key, locale);
    let problems = parsed.as_ref().err().cloned().unwrap_or_default();
    let message = |field| problem_message(locale, &problems, field);
    let mut reply = KioskEnrolReply {
        key: key.to_string(),
        first_name_error: message(EnrolField::FirstName),
        last_name_error: message(EnrolField::LastName),
        contact_error: message(EnrolField::Contact),
        first_name: answers.first_name,
        last_name: answers.last_name,
        contact: answers.contact,
        ..Default::default()
    };
    let Ok(person) = parsed else {
        return render_page(&state, &page, reply, StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    // A tablet enrols only in its own center's sessions.
    match crate::db::workshops::session(&state.pool, id).await {
        Ok(Some(session)) if session.center_id.as_deref() == Some(device.center_id.as_str()) => {}
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(error) => return super::unavailable(error, locale),
    }
    let tablet = format!("kiosk:{}", device.id);
    let limited = |message| KioskEnrolReply {
        message: Some(message),
        ..reply.clone()
    };
    if let Err(refused) = limit(
        &state,
        Limited::KioskEnrolment,
        &tablet,
        locale,
        &page,
        limited,
    )
    .await
    {
        return refused;
    }
    let status = match enrol(&state.pool, id, &person, &state.mail(), Utc::now()).await {
        Ok(EnrolOutcome::Done { token, .. }) => match enrolment_by_token(&state.pool, &token).await
        {
            Ok(Some(e)) => {
                reply.done = Some(if e.status == EnrolmentStatus::Waitlisted {
                    (
                        w.waitlisted_heading.clone(),
                        waitlist_line(locale, e.place.unwrap_or(1).max(1) as u32),
                    )
                } else {
                    (
                        w.enrolled_heading.clone(),
                        crate::i18n::fill(&w.enrolled_body, &[("name", &e.first_name)]),
                    )
                });
                StatusCode::OK
            }
            _ => StatusCode::SERVICE_UNAVAILABLE,
        },
        Ok(EnrolOutcome::AlreadyHasPlace { emailed }) => {
            reply.message = Some(already_has_place(locale, emailed));
            StatusCode::CONFLICT
        }
        Ok(EnrolOutcome::Refused(refusal)) => {
            reply.message = Some(w.refusal(refusal).to_owned());
            StatusCode::CONFLICT
        }
        Ok(EnrolOutcome::UnknownSession) => StatusCode::NOT_FOUND,
        Err(error) => {
            tracing::error!(%error, "kiosk enrolment failed");
            StatusCode::SERVICE_UNAVAILABLE
        }
    };
    if status == StatusCode::SERVICE_UNAVAILABLE {
        reply.message = Some(b.request_failed.clone());
    }
    render_page(&state, &page, reply, status).await
}
