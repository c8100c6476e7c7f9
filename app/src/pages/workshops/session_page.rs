//! `/workshops/{id}`: one session and its enrolment form (or, for a series, all its
//! dates at once). The form posts to `/workshops/enrol/{id}`; a refusal comes back here
//! with the answers kept (`EnrolSubmission` in context).

use super::session_card::{title, when, SessionFacts};
use crate::api::workshops::workshop_session;
use crate::components::needs_fields::{AccommodationChoices, LanguageSelect};
use crate::components::text_field::TextField;
use crate::domain::enrolment_form::EnrolAnswers;
use crate::domain::workshop::{open_for_enrolment, seats, Seats};
use crate::i18n::translations;
use crate::pages::booking::frame::{BookingFrame, LanguageHrefs};
use crate::pages::booking::manage_page::LinkNotValid;
use crate::pages::booking::query::encode;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A refused enrolment, shown again: messages per field, or one for the whole form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EnrolSubmission {
    pub answers: EnrolAnswers,
    pub first_name_error: Option<String>,
    pub last_name_error: Option<String>,
    pub contact_error: Option<String>,
    pub interpreter_language_error: Option<String>,
    pub accommodation_other_error: Option<String>,
    pub message: Option<String>,
}

#[component]
pub fn WorkshopSessionPage() -> impl IntoView {
    let (zone, locale) = super::viewer();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok());
    let submission = use_context::<EnrolSubmission>();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let detail = match id {
                    Some(id) => workshop_session(id).await.ok().flatten(),
                    None => None,
                };
                let Some(detail) = detail else {
                    return view! { <LinkNotValid locale/> }.into_any();
                };
                let t = translations(locale);
                let w = &t.workshops;
                let s = detail.session;
                let tz = encode(zone.name());
                let languages = LanguageHrefs::new(|l| format!("/workshops/{}?lang={}&tz={tz}", s.id, l.tag()));
                let back = format!("/workshops?lang={}&tz={tz}", locale.tag());
                let heading = title(&s, locale);
                let refusal = open_for_enrolment(s.cancelled, s.starts_at, chrono::Utc::now()).err();
                let full = matches!(seats(s.capacity, s.enrolled, s.waitlisted), Seats::Full { .. });
                let series_dates: Vec<String> = detail.series.iter().map(|d| when(d, zone, locale).0).collect();
                let sub = submission.clone().unwrap_or_default();
                let answers = EnrolAnswers {
                    language: if sub.answers.language.is_empty() { locale.tag().to_owned() } else { sub.answers.language.clone() },
                    key: if sub.answers.key.is_empty() { crate::pages::new_form_key() } else { sub.answers.key.clone() },
                    ..sub.answers.clone()
                };
                let description = s.description.clone();
                let action = format!("/workshops/enrol/{}", s.id);
                view! {
                    <BookingFrame locale title=heading.clone() languages>
                        <p><a href=back>{w.back_to_list.clone()}</a></p>
                        <h1>{heading}</h1>
                        <SessionFacts session=s.clone() zone locale/>
                        {(!description.is_empty()).then(|| view! { <p>{description}</p> })}
                        {match refusal {
                            Some(r) => view! { <p class="notice notice-error" role="alert">{w.refusal(r).to_owned()}</p> }.into_any(),
                            None => view! {
                                <h2>{w.enrol_heading.clone()}</h2>
                                {sub.message.clone().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                                <form method="post" action=action class="booking-form" novalidate>
                                    <input type="hidden" name="key" value=answers.key.clone()/>
                                    <input type="hidden" name="lang" value=locale.tag()/>
                                    <input type="hidden" name="tz" value=zone.name()/>
                                    <TextField name="first_name" label=t.booking.first_name_label.clone() value=answers.first_name.clone() error=sub.first_name_error.clone() autocomplete="given-name"/>
                                    <TextField name="last_name" label=t.booking.last_name_label.clone() value=answers.last_name.clone() error=sub.last_name_error.clone() autocomplete="family-name"/>
                                    <TextField name="contact" label=w.contact_label.clone() value=answers.contact.clone() error=sub.contact_error.clone() autocomplete="email" hint=w.contact_hint.clone()/>
                                    <LanguageSelect locale=locale chosen=answers.language.clone() error=None/>
                                    <AccommodationChoices locale=locale chosen=answers.accommodations.clone()/>
                                    <TextField name="interpreter_language" label=t.booking.interpreter_language_label.clone()
                                        value=answers.interpreter_language.clone() error=sub.interpreter_language_error.clone() required=false/>
                                    <TextField name="accommodation_other" label=t.booking.accommodation_other_label.clone()
                                        value=answers.accommodation_other.clone() error=sub.accommodation_other_error.clone() required=false/>
                                    {(series_dates.len() > 1).then(|| view! {
                                        <fieldset class="field">
                                            <legend class="field-label">{w.topics.job_hunter_series.clone()}</legend>
                                            <ul>{series_dates.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}</ul>
                                            <label class="choice" for="whole_series">
                                                <input type="checkbox" id="whole_series" name="whole_series" value="yes" checked=answers.whole_series/>
                                                <span>{w.whole_series.count(series_dates.len())}</span>
                                            </label>
                                        </fieldset>
                                    })}
                                    <button type="submit" class="primary-button">{if full { w.waitlist_button.clone() } else { w.enrol_button.clone() }}</button>
                                </form>
                            }.into_any(),
                        }}
                    </BookingFrame>
                }
                .into_any()
            })}
        </Suspense>
    }
}
