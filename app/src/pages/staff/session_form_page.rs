//! `/staff/workshops/new` and `/staff/workshops/{id}/edit`: the form that creates a
//! session or weekly series, or edits one session. A plain form (no island): a refused
//! post renders it again with every answer and the messages (`SessionSubmission` in
//! context).

use super::staff_nav::StaffNav;
use crate::api::staff_workshops::session_form;
use crate::components::page_title::PageTitle;
use crate::components::text_field::{textarea_text, TextField};
use crate::domain::booking_form::PREFERRED_LANGUAGES;
use crate::domain::session_plan::{PlanField, PlanProblem, SessionFields, MAX_CAPACITY};
use crate::domain::workshop::Topic;
use crate::i18n::{fill, translations, SessionAdminStrings};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_params_map;

/// A refused form, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionSubmission {
    pub fields: SessionFields,
    pub problems: Vec<(PlanField, PlanProblem)>,
    /// A message for the whole form (seats below those taken, a failed request).
    pub message: Option<String>,
}

#[component]
pub fn NewSessionPage() -> impl IntoView {
    session_form_page(None)
}

#[component]
pub fn EditSessionPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or(0);
    session_form_page(Some(id))
}

fn session_form_page(id: Option<i64>) -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let a = &t.session_admin;
    let heading = if id.is_some() {
        a.edit_heading.clone()
    } else {
        a.new_heading.clone()
    };
    let submission = use_context::<SessionSubmission>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(data)) = session_form(id).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let sub = submission.clone().unwrap_or_default();
                let fields = if submission.is_some() {
                    sub.fields.clone()
                } else if id.is_some() {
                    data.fields.clone()
                } else {
                    SessionFields {
                        weeks: "1".into(),
                        capacity: "20".into(),
                        language: locale.tag().into(),
                        ..SessionFields::default()
                    }
                };
                let problem = |field: PlanField| {
                    sub.problems.iter().find(|(f, _)| *f == field).map(|(_, p)| a.problem(*p))
                };
                let zone = data
                    .centers
                    .iter()
                    .find(|(id, ..)| *id == fields.place)
                    .map(|(.., zone)| zone.clone())
                    .unwrap_or_else(|| "America/Los_Angeles".to_owned());
                let (action, back) = match id {
                    Some(id) => (
                        format!("/staff/workshops/{id}/edit"),
                        format!("/staff/workshops/{id}?lang={}", locale.tag()),
                    ),
                    None => (
                        "/staff/workshops/new".to_owned(),
                        format!("/staff/workshops?lang={}", locale.tag()),
                    ),
                };
                let topics: Vec<(String, String)> = Topic::ALL
                    .into_iter()
                    .map(|topic| (topic.code().to_owned(), t.workshops.topics.label(topic).to_owned()))
                    .collect();
                let mut places: Vec<(String, String)> =
                    data.centers.iter().map(|(id, name, _)| (id.clone(), name.clone())).collect();
                places.push(("virtual".to_owned(), t.workshops.virtual_place.clone()));
                let languages: Vec<(String, String)> = PREFERRED_LANGUAGES
                    .into_iter()
                    .map(|(code, name)| (code.to_owned(), name.to_owned()))
                    .collect();
                let general = sub.message.clone().or_else(|| (!sub.problems.is_empty()).then(|| a.form_has_problems.clone()));
                let blocked = data.cancelled.then(|| a.error_cancelled.clone());
                view! {
                    <StaffNav locale staff_name=data.staff_name.clone() current="workshops" center_id=String::new()/>
                    <main id="main" class="page staff session-form">
                        <p><a href=back>{t.workshops.back_to_list.clone()}</a></p>
                        <h1>{heading.clone()}</h1>
                        {general.or(blocked).map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                        <form method="post" action=action class="staff-form" novalidate>
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <SelectField name="topic" label=a.topic_label.clone() options=topics chosen=fields.topic.clone()
                                error=problem(PlanField::Topic) strings=a/>
                            <TextField name="title" label=a.title_label.clone() value=fields.title.clone()
                                error=problem(PlanField::Title) hint=a.title_hint.clone() required=false/>
                            <div class="field">
                                <label class="field-label" for="description">{a.description_label.clone()}</label>
                                {problem(PlanField::Description).map(|e| view! { <p class="field-error" id="description-error">{e}</p> })}
                                <textarea id="description" name="description" class="text-input" rows="3"
                                    aria-describedby=problem(PlanField::Description).map(|_| "description-error")>{textarea_text(&fields.description)}</textarea>
                            </div>
                            <TextField name="employer" label=a.employer_label.clone() value=fields.employer.clone()
                                error=problem(PlanField::Employer) hint=a.employer_hint.clone() required=false/>
                            <SelectField name="place" label=a.place_label.clone() options=places chosen=fields.place.clone()
                                error=problem(PlanField::Place) strings=a/>
                            <TextField name="meeting_link" kind="url" label=a.meeting_link_label.clone() value=fields.meeting_link.clone()
                                error=problem(PlanField::MeetingLink) hint=a.meeting_link_hint.clone() required=false/>
                            <TextField name="date" kind="date" label=a.date_label.clone() value=fields.date.clone()
                                error=problem(PlanField::Date)/>
                            <TextField name="start" kind="time" label=a.start_label.clone() value=fields.start.clone()
                                error=problem(PlanField::Start) hint=fill(&a.time_hint, &[("zone", &zone)])/>
                            <TextField name="end" kind="time" label=a.end_label.clone() value=fields.end.clone()
                                error=problem(PlanField::End)/>
                            {id.is_none().then(|| view! {
                                <TextField name="weeks" kind="number" inputmode="numeric" label=a.weeks_label.clone() value=fields.weeks.clone()
                                    error=problem(PlanField::Weeks) hint=a.weeks_hint.clone()/>
                            })}
                            <TextField name="capacity" kind="number" inputmode="numeric" label=a.capacity_label.clone() value=fields.capacity.clone()
                                error=problem(PlanField::Capacity) hint=format!("1–{MAX_CAPACITY}")/>
                            <SelectField name="language" label=a.language_label.clone() options=languages chosen=fields.language.clone()
                                error=problem(PlanField::Language) strings=a/>
                            <TextField name="facilitator" label=a.facilitator_label.clone() value=fields.facilitator.clone()
                                error=problem(PlanField::Facilitator) required=false autocomplete="off"/>
                            <button type="submit" class="primary-button" disabled=data.cancelled>
                                {if id.is_some() { a.save_button.clone() } else { a.create_button.clone() }}
                            </button>
                        </form>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// A labelled `<select>` with its message when refused. Nothing is chosen until staff
/// choose, so a forgotten choice is caught rather than defaulted.
#[component]
fn SelectField(
    name: &'static str,
    label: String,
    options: Vec<(String, String)>,
    chosen: String,
    error: Option<String>,
    strings: &'static SessionAdminStrings,
) -> impl IntoView {
    let error_id = format!("{name}-error");
    view! {
        <div class="field">
            <label class="field-label" for=name>{label}</label>
            {error.as_ref().map(|e| view! { <p class="field-error" id=error_id.clone()>{e.clone()}</p> })}
            <select id=name name=name class="select" aria-required="true"
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.is_some().then_some(error_id.clone())>
                <option value="" selected=chosen.is_empty()>{strings.choose.clone()}</option>
                {options.into_iter().map(|(value, text)| {
                    let selected = value == chosen;
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}
