//! `/kiosk/{center}/workshops`: this center's sessions today and in the next 7 days, in
//! large print; `/kiosk/{center}/workshops/{id}`: enrol with a name and a phone or email.
//! Plain links and a plain form (no island); the post handler answers on the same page
//! (`KioskEnrolReply` in context).

use super::display::{KioskDisplay, KioskFormFields};
use super::kiosk_frame::{KioskFrame, UnknownCenter};
use crate::api::centers::get_center;
use crate::api::workshops::{workshop_catalog, workshop_session, SessionView};
use crate::components::text_field::TextField;
use crate::domain::workshop::{free_soon, seats, Seats};
use crate::i18n::dates::{clock, long_date};
use crate::i18n::{fill, translations, Locale};
use crate::pages::workshops::session_card::{language_name, title};
use crate::pages::workshops::training_library::TrainingLibrary;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Days after today whose sessions the kiosk lists.
pub const DAYS_AHEAD: i64 = 7;

/// The answer to a posted enrolment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KioskEnrolReply {
    /// The form's key (`new_form_key`): the same form sent twice enrols once.
    pub key: String,
    pub first_name: String,
    pub last_name: String,
    pub contact: String,
    pub first_name_error: Option<String>,
    pub last_name_error: Option<String>,
    pub contact_error: Option<String>,
    pub message: Option<String>,
    /// Done: the heading and the line under it (enrolled, or the place on the waitlist).
    pub done: Option<(String, String)>,
}

fn when(s: &SessionView, locale: Locale) -> String {
    let tz: chrono_tz::Tz = s.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let start = s.starts_at.with_timezone(&tz);
    format!(
        "{}, {} – {}",
        long_date(start.date_naive(), locale),
        clock(start.time(), locale),
        clock(s.ends_at.with_timezone(&tz).time(), locale)
    )
}

/// "Seats free today" (or tomorrow) for a session a walk-in could join now: seats left
/// with nobody waiting for them, starting within a day (`domain::workshop::free_soon`).
fn free_now(s: &SessionView, locale: Locale) -> Option<String> {
    let now = chrono::Utc::now();
    if !free_soon(s.capacity, s.enrolled, s.waitlisted, s.starts_at, now) {
        return None;
    }
    let tz: chrono_tz::Tz = s.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let w = &translations(locale).workshops;
    Some(
        if s.starts_at.with_timezone(&tz).date_naive() == now.with_timezone(&tz).date_naive() {
            w.seats_free_today.clone()
        } else {
            w.seats_free_tomorrow.clone()
        },
    )
}

#[component]
pub fn KioskWorkshopsPage() -> impl IntoView {
    let (display, center_id) = crate::pages::kiosk_params();
    let t = translations(display.locale);
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(center)) = get_center(center_id.clone()).await else {
                    return view! { <UnknownCenter locale=display.locale/> }.into_any();
                };
                let until = chrono::Utc::now() + chrono::Duration::days(DAYS_AHEAD + 1);
                let sessions: Vec<SessionView> = workshop_catalog(Some(center.id.clone()), None, None, None)
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|s| s.starts_at < until)
                    .collect();
                let home = format!("/kiosk/{}{}", center.id, display.query());
                view! {
                    <KioskFrame center_id=center.id.clone() center_name=center.name display title=t.workshops.heading.clone()>
                        <div class="step">
                            <h1>{t.workshops.heading.clone()}</h1>
                            {if sessions.is_empty() {
                                view! { <p class="lead">{t.workshops.no_sessions.clone()}</p> }.into_any()
                            } else {
                                view! {
                                    <ul class="kiosk-sessions">
                                        {sessions.into_iter().map(|s| {
                                            let href = format!("/kiosk/{}/workshops/{}{}", center.id, s.id, display.query());
                                            let seat_words = t.workshops.seats(seats(s.capacity, s.enrolled, s.waitlisted));
                                            let free = free_now(&s, display.locale);
                                            let free_soon = free.is_some();
                                            view! {
                                                <li>
                                                    <a class="kiosk-session" class:free-soon=free_soon href=href>
                                                        {free.map(|label| view! { <span class="badge free-soon-badge" data-testid="seats-free">{label}</span> })}
                                                        <span class="kiosk-session-title">{title(&s, display.locale)}</span>
                                                        <span>{when(&s, display.locale)}</span>
                                                        <span>{format!("{} · {}", language_name(&s.language), seat_words)}</span>
                                                    </a>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                            <TrainingLibrary locale=display.locale agency=crate::api::agency() kiosk=true/>
                            <nav class="step-nav">
                                <a class="secondary-button" href=home data-key-back>{t.kiosk.back.clone()}</a>
                            </nav>
                        </div>
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}

#[component]
pub fn KioskWorkshopPage() -> impl IntoView {
    let (display, center_id) = crate::pages::kiosk_params();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let reply = use_context::<KioskEnrolReply>().unwrap_or_default();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let center = get_center(center_id.clone()).await.ok().flatten();
                let detail = match id {
                    Some(id) => workshop_session(id).await.ok().flatten(),
                    None => None,
                };
                let (Some(center), Some(detail)) = (center, detail) else {
                    return view! { <UnknownCenter locale=display.locale/> }.into_any();
                };
                let body = enrol_screen(display, &center.id, detail.session, reply.clone());
                view! {
                    <KioskFrame center_id=center.id.clone() center_name=center.name display title=translations(display.locale).workshops.enrol_heading.clone()>
                        {body}
                    </KioskFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn enrol_screen(
    display: KioskDisplay,
    center_id: &str,
    s: SessionView,
    reply: KioskEnrolReply,
) -> AnyView {
    let t = translations(display.locale);
    let w = &t.workshops;
    let list = format!("/kiosk/{center_id}/workshops{}", display.query());
    let home = format!("/kiosk/{center_id}{}", display.query());
    if let Some((heading, line)) = reply.done {
        // "See you there, Rosa": speech leaves it out unless the visitor wears headphones.
        let named = (heading == w.enrolled_heading).then_some("");
        return view! {
            <div class="step ticket">
                <h1 data-testid="enrolment-status">{heading}</h1>
                <p class="lead">{title(&s, display.locale)}</p>
                <p class="lead">{when(&s, display.locale)}</p>
                <p class="ticket-place" data-speak-private=named>{line}</p>
                <a class="primary-button" href=home data-end-visit>{t.kiosk.done.clone()}</a>
            </div>
        }
        .into_any();
    }
    let full = matches!(
        seats(s.capacity, s.enrolled, s.waitlisted),
        Seats::Full { .. }
    );
    view! {
        <div class="step">
            <h1>{title(&s, display.locale)}</h1>
            <p class="lead">{format!("{} · {}", when(&s, display.locale), w.seats(seats(s.capacity, s.enrolled, s.waitlisted)))}</p>
            {reply.message.map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
            <form method="post" action=format!("/kiosk/{center_id}/workshops/{}", s.id) class="kiosk-enrol" novalidate>
                <input type="hidden" name="key" value=if reply.key.is_empty() { crate::pages::new_form_key() } else { reply.key.clone() }/>
                <KioskFormFields display/>
                <TextField name="first_name" label=t.kiosk.first_name_label.clone() value=reply.first_name error=reply.first_name_error autocomplete="off" letters=true/>
                <TextField name="last_name" label=t.kiosk.last_name_label.clone() value=reply.last_name error=reply.last_name_error autocomplete="off" letters=true/>
                <TextField name="contact" label=w.contact_label.clone() value=reply.contact error=reply.contact_error autocomplete="off" hint=w.contact_hint.clone()/>
                <button type="submit" class="primary-button">{if full { w.waitlist_button.clone() } else { w.enrol_button.clone() }}</button>
            </form>
            <nav class="step-nav">
                <a class="secondary-button" href=list data-key-back>{t.kiosk.back.clone()}</a>
                <a class="secondary-button" href=home>{t.kiosk.start_over.clone()}</a>
            </nav>
        </div>
    }
    .into_any()
}

/// The waitlist line: "You are number 3 on the waitlist…".
pub fn waitlist_line(locale: Locale, place: u32) -> String {
    fill(
        &translations(locale).workshops.waitlist_place,
        &[("place", &place.to_string())],
    )
}
