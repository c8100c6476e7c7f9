//! [ssr] "I have an appointment" at the kiosk: the search form's post.

use super::{limit, render_page, Form};
use crate::db::arrivals::{arrive, ArrivalOutcome, Lookup};
use crate::db::kiosk_devices::KioskDevice;
use crate::domain::confirmation_code;
use crate::domain::free_text::{parse_required, NAME_MAX_CHARS};
use crate::domain::limits::Limited;
use crate::i18n::dates::{clock, long_date};
use crate::i18n::{fill, translations, Locale};
use crate::pages::kiosk::appointment_page::{ArrivalReply, ArrivalTyped, ArrivedTicket};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Extension;
use chrono::Utc;

/// `POST /kiosk/{center}/appointment`: "I have an appointment". Only from a paired tablet
/// of the center (the kiosk gate), and at most `Limited::KioskArrival` lookups per tablet:
/// the last four digits of a phone cannot be guessed one by one.
pub async fn kiosk_arrival(
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
    let page = format!("/kiosk/{center_id}/appointment{}", display.query());
    let tablet = format!("kiosk:{}", device.id);
    let typed_now = typed(&form);
    let refused = |message| ArrivalReply {
        typed: typed_now,
        message: Some(message),
        ..Default::default()
    };
    if let Err(refused) = limit(
        &state,
        Limited::KioskArrival,
        &tablet,
        display.locale,
        &page,
        refused,
    )
    .await
    {
        return refused;
    }
    let (reply, status) = match arrival_reply(&state, &center_id, &form, display.locale).await {
        Ok(answer) => answer,
        Err(error) => {
            tracing::error!(error = %error, "arrival failed");
            let reply = ArrivalReply {
                typed: typed(&form),
                message: Some(translations(display.locale).kiosk.request_failed.clone()),
                ..Default::default()
            };
            (reply, StatusCode::SERVICE_UNAVAILABLE)
        }
    };
    render_page(&state, &page, reply, status).await
}

fn typed(form: &Form) -> ArrivalTyped {
    ArrivalTyped {
        code: form.get("code"),
        first_name: form.get("first_name"),
        last_name: form.get("last_name"),
        last4: form.get("last4"),
    }
}

async fn arrival_reply(
    state: &AppState,
    center_id: &str,
    form: &Form,
    locale: Locale,
) -> Result<(ArrivalReply, StatusCode), crate::db::Error> {
    let t = translations(locale);
    let a = &t.arrival;
    let typed = typed(form);
    let refuse = |reply: ArrivalReply| {
        Ok((
            ArrivalReply {
                typed: typed.clone(),
                ..reply
            },
            StatusCode::UNPROCESSABLE_ENTITY,
        ))
    };
    let Some(center) = crate::db::centers::find_center(&state.pool, center_id).await? else {
        return refuse(ArrivalReply {
            message: Some(t.kiosk_frame.unknown_center.clone()),
            ..Default::default()
        });
    };
    let by_code = match form.get("by").as_str() {
        "code" => true,
        "name" => false,
        _ => !typed.code.trim().is_empty(),
    };
    let lookup = if by_code {
        match confirmation_code::normalize(&typed.code) {
            Some(code) => Lookup::Code(code),
            None if typed.code.trim().is_empty() => {
                return refuse(ArrivalReply {
                    message: Some(a.error_nothing.clone()),
                    ..Default::default()
                })
            }
            None => {
                return refuse(ArrivalReply {
                    code_error: Some(a.error_code.clone()),
                    ..Default::default()
                })
            }
        }
    } else {
        let first = parse_required(&typed.first_name, NAME_MAX_CHARS);
        let last = parse_required(&typed.last_name, NAME_MAX_CHARS);
        let last4: String = typed.last4.chars().filter(|c| !c.is_whitespace()).collect();
        let last4_ok = last4.len() == 4 && last4.chars().all(|c| c.is_ascii_digit());
        match (first, last, last4_ok) {
            (Ok(first_name), Ok(last_name), true) => Lookup::NameAndPhone {
                first_name,
                last_name,
                last4,
            },
            (first, last, last4_ok) => {
                return refuse(ArrivalReply {
                    name_error: (first.is_err() || last.is_err()).then(|| a.error_nothing.clone()),
                    last4_error: (!last4_ok).then(|| a.error_last4.clone()),
                    ..Default::default()
                })
            }
        }
    };
    let now = Utc::now();
    let reply = match arrive(&state.pool, &center, &lookup, now).await? {
        ArrivalOutcome::Arrived { booking, visit_id } => {
            let ticket = crate::db::visits::ticket(&state.pool, visit_id).await?;
            let zone: chrono_tz::Tz = center.time_zone.parse().unwrap_or(chrono_tz::UTC);
            ArrivalReply {
                arrived: Some(ArrivedTicket {
                    first_name: booking.first_name.clone(),
                    time: clock(booking.starts_at.with_timezone(&zone).time(), t.locale),
                    ticket: ticket.number,
                    people_ahead: ticket.people_ahead,
                }),
                ..Default::default()
            }
        }
        ArrivalOutcome::OtherDay(day) => ArrivalReply {
            message: Some(fill(&a.other_day, &[("date", &long_date(day, t.locale))])),
            ..Default::default()
        },
        ArrivalOutcome::OtherCenter(name) => ArrivalReply {
            message: Some(fill(
                &a.other_center,
                &[(
                    "place",
                    &crate::i18n::center_title(locale, &state.agency.current().public_name, &name),
                )],
            )),
            ..Default::default()
        },
        ArrivalOutcome::NotFound => ArrivalReply {
            message: Some(a.not_found.clone()),
            ..Default::default()
        },
    };
    let status = if reply.arrived.is_some() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        ArrivalReply {
            typed: if reply.arrived.is_some() {
                ArrivalTyped::default()
            } else {
                typed
            },
            ..reply
        },
        status,
    ))
}
