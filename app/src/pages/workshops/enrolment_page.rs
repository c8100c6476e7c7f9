//! `/workshops/manage/{token}`: an enrolment's private link — enrolled, or the place on
//! the waitlist; the calendar file; cancel.

use super::session_card::{title, SessionFacts};
use crate::api::workshops::workshop_enrolment;
use crate::components::erase_details::EraseDetails;
use crate::domain::workshop_status::EnrolmentStatus;
use crate::i18n::{fill, translations};
use crate::pages::booking::frame::{BookingFrame, LanguageHrefs};
use crate::pages::booking::manage_page::LinkNotValid;
use crate::pages::booking::query::encode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn EnrolmentPage() -> impl IntoView {
    let (zone, locale) = super::viewer();
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(e)) = workshop_enrolment(token.clone()).await else {
                    return view! { <LinkNotValid locale/> }.into_any();
                };
                let t = translations(locale);
                let w = &t.workshops;
                let base = format!("/workshops/manage/{token}");
                let tz = encode(zone.name());
                let session_cancelled = e.session.cancelled;
                let (heading, body) = match e.status {
                    _ if session_cancelled => (w.refused_cancelled.clone(), String::new()),
                    EnrolmentStatus::Waitlisted => (
                        w.waitlisted_heading.clone(),
                        fill(&w.waitlist_place, &[("place", &e.place.unwrap_or(1).to_string())]),
                    ),
                    EnrolmentStatus::Cancelled => (w.cancelled_heading.clone(), w.cancelled_body.clone()),
                    _ => (w.enrolled_heading.clone(), fill(&w.enrolled_body, &[("name", &e.first_name)])),
                };
                let live = !session_cancelled && e.status.is_live();
                let session_title = title(&e.session, locale);
                view! {
                    <BookingFrame locale title=heading.clone() languages=LanguageHrefs::new(|l| format!("{base}?lang={}&tz={tz}", l.tag()))>
                        <h1 data-testid="enrolment-status">{heading}</h1>
                        <p class="lead" data-testid="enrolment-body">{body}</p>
                        <h2>{session_title}</h2>
                        <SessionFacts session=e.session zone locale/>
                        {live.then(|| view! {
                            <p><a class="secondary-button" href=format!("{base}/calendar.ics") download="worksource-workshop.ics">{t.booking.add_to_calendar.clone()}</a></p>
                            <section class="manage">
                                <p class="field-hint">{t.booking.manage_hint.clone()}</p>
                                <form method="post" action=format!("{base}/cancel")>
                                    <input type="hidden" name="lang" value=locale.tag()/>
                                    <input type="hidden" name="tz" value=zone.name()/>
                                    <button type="submit" class="danger-button">{w.cancel_button.clone()}</button>
                                </form>
                            </section>
                        })}
                        {e.erasable.then(|| view! {
                            <EraseDetails action=format!("{base}/erase") retention_days=e.retention_days locale/>
                        })}
                        <p><a href=format!("/workshops?lang={}&tz={tz}", locale.tag())>{w.back_to_list.clone()}</a></p>
                    </BookingFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}
