//! `/staff/services`: admins set up the appointment services participants book, named in
//! every language, with how each is held and the visit reason an arrival joins the line
//! with: add, edit, hide or offer again, move up or down. `?edit=<code>` opens one
//! service's form. A refused post renders the page again with `ServiceSubmission` in
//! context, every typed value kept and each refused field marked.

use super::setup_log::SetupLog;
use super::staff_nav::StaffNav;
use crate::api::service_setup::{service_setup_page, ServiceSetupData};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::components::text_field::TextField;
use crate::domain::service::{AppointmentService, HowHeld};
use crate::domain::service_setup::{ServiceField, TypedService};
use crate::domain::visit_reason::{ReasonNames, VisitReason};
use crate::i18n::{fill, translations, Locale, ServiceSetupStrings};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// A refused post, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ServiceSubmission {
    pub typed: TypedService,
    pub refused: Vec<ServiceField>,
    /// The code of the service being edited; `None` for a new one.
    pub editing: Option<String>,
    /// A new service was refused: the agency has the most the booking page lists.
    pub too_many: bool,
}

#[component]
pub fn ServicesPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let s = &translations(locale).service_setup;
    let query = use_query_map().read_untracked().clone();
    let notice = query.get("notice").and_then(|code| {
        Some(match code.as_str() {
            "added" => s.notice_added.clone(),
            "saved" => s.notice_saved.clone(),
            "unchanged" => s.notice_unchanged.clone(),
            "hidden" => s.notice_hidden.clone(),
            "shown" => s.notice_shown.clone(),
            "moved" => s.notice_moved.clone(),
            _ => return None,
        })
    });
    let asked_edit = query.get("edit");
    let submission = use_context::<ServiceSubmission>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=s.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(data) = service_setup_page().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{s.heading.clone()}</h1>
                            <p data-testid="admins-only">{s.admins_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let ServiceSetupData { staff_name, services, reasons, log } = data;
                let refused = submission.as_ref().map(|sub| sub.refused.clone()).unwrap_or_default();
                let too_many = submission.as_ref().is_some_and(|sub| sub.too_many);
                // The service whose form is open: from the refused post, else from `?edit=`.
                let editing = match &submission {
                    Some(sub) => sub.editing.clone(),
                    None => asked_edit.clone(),
                }
                .and_then(|code| services.iter().find(|r| r.code == code).cloned());
                let typed = match (&submission, &editing) {
                    (Some(sub), _) => sub.typed.clone(),
                    (None, Some(service)) => service.details.typed(&service.code),
                    (None, None) => TypedService {
                        held: vec![HowHeld::InPerson.code().to_owned()],
                        ..TypedService::default()
                    },
                };
                let names = ReasonNames::new(&reasons, locale);
                let list = service_list(s, locale, &services, &names);
                let form = service_form(s, locale, editing.as_ref(), typed, refused.clone(), &reasons);
                view! {
                    <StaffNav locale staff_name current="services" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{s.heading.clone()}</h1>
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        {(!refused.is_empty()).then(|| view! {
                            <p class="notice notice-error" role="alert">{s.form_has_problems.clone()}</p>
                        })}
                        {too_many.then(|| view! {
                            <p class="notice notice-error" role="alert">{s.error_too_many.clone()}</p>
                        })}
                        <p>{s.intro.clone()}</p>
                        {list}
                        {form}
                        <SetupLog heading=s.log_heading.clone() log locale/>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The name of one way of holding an appointment.
pub fn held_name(s: &ServiceSetupStrings, held: HowHeld) -> &str {
    match held {
        HowHeld::InPerson => &s.held_in_person,
        HowHeld::Phone => &s.held_phone,
        HowHeld::Video => &s.held_video,
    }
}

/// Every service with how it is held and its actions, in the booking page's order.
fn service_list(
    s: &'static ServiceSetupStrings,
    locale: Locale,
    services: &[AppointmentService],
    reasons: &ReasonNames,
) -> AnyView {
    if services.is_empty() {
        return view! { <p data-testid="no-services">{s.none_yet.clone()}</p> }.into_any();
    }
    let last = services.len() - 1;
    let columns = vec![
        s.col_service.clone(),
        s.col_code.clone(),
        s.col_held.clone(),
        s.col_actions.clone(),
    ];
    let rows = services
        .iter()
        .enumerate()
        .map(|(at, r)| {
            let text = r.details.text(locale);
            let name = r.name(locale);
            let mut held: Vec<String> = r
                .details
                .held
                .iter()
                .map(|h| held_name(s, *h).to_owned())
                .collect();
            if !r.details.arrival_reason.is_empty() {
                let reason = reasons.label(&r.details.arrival_reason);
                held.push(fill(&s.arrival_badge, &[("reason", reason)]));
            }
            if r.hidden {
                held.push(s.hidden_badge.clone());
            }
            let action = |what: &'static str, label: &String, aria: &String| {
                let aria = fill(aria, &[("service", &name)]);
                view! {
                    <form method="post" action=format!("/staff/services/{}/{what}", r.code) class="inline-form">
                        <input type="hidden" name="lang" value=locale.tag()/>
                        <button type="submit" class="action-button" aria-label=aria>{label.clone()}</button>
                    </form>
                }
            };
            let visibility = if r.hidden {
                action("show", &s.show, &s.show_label)
            } else {
                action("hide", &s.hide, &s.hide_label)
            };
            let edit_href = format!("/staff/services?edit={}&lang={}#service-form", r.code, locale.tag());
            view! {
                <tr data-service=r.code.clone()>
                    <th scope="row" data-label=s.col_service.clone()>
                        {name.clone()}
                        {(!text.hint.is_empty()).then(|| view! { <span class="field-hint">" · "{text.hint.clone()}</span> })}
                    </th>
                    <td data-label=s.col_code.clone()><code>{r.code.clone()}</code></td>
                    <td data-label=s.col_held.clone()>{held.join(" · ")}</td>
                    <td data-label=s.col_actions.clone() class="actions">
                        {(at > 0).then(|| action("up", &s.move_up, &s.move_up_label))}
                        {(at < last).then(|| action("down", &s.move_down, &s.move_down_label))}
                        {visibility}
                        <a class="action-button" href=edit_href aria-label=fill(&s.edit_label, &[("service", &name)])>{s.edit.clone()}</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <StaffTable columns testid="services-table" class="reasons-table">{rows}</StaffTable>
    }
    .into_any()
}

/// The message for `field` when it was refused.
fn message(
    s: &ServiceSetupStrings,
    refused: &[ServiceField],
    field: ServiceField,
) -> Option<String> {
    refused.contains(&field).then(|| {
        match field {
            ServiceField::Code => &s.error_code,
            ServiceField::Name(_) => &s.error_name,
            ServiceField::Hint(_) => &s.error_hint,
            ServiceField::Held => &s.error_held,
            ServiceField::ArrivalReason => &s.error_arrival,
        }
        .clone()
    })
}

/// The form to add a service, or to edit `editing`.
fn service_form(
    s: &'static ServiceSetupStrings,
    locale: Locale,
    editing: Option<&AppointmentService>,
    typed: TypedService,
    refused: Vec<ServiceField>,
    reasons: &[VisitReason],
) -> AnyView {
    let error = |field| message(s, &refused, field);
    let (heading, action, button) = match editing {
        Some(r) => (
            fill(&s.edit_heading, &[("service", &r.name(locale))]),
            format!("/staff/services/{}/edit", r.code),
            s.save_button.clone(),
        ),
        None => (
            s.add_heading.clone(),
            "/staff/services".to_owned(),
            s.add_button.clone(),
        ),
    };
    let code = match editing {
        Some(r) => view! { <p>{fill(&s.code_fixed, &[("code", &r.code)])}</p> }.into_any(),
        None => view! {
            <TextField name="code" label=s.code_label.clone() value=typed.code.clone()
                error=error(ServiceField::Code) hint=s.code_hint.clone() required=false autocomplete="off"/>
        }
        .into_any(),
    };
    // One group per language, each titled in its own language.
    let languages = Locale::ALL
        .into_iter()
        .map(|l| {
            let text = typed
                .texts
                .iter()
                .find(|(t, _)| *t == l)
                .map(|(_, t)| t.clone())
                .unwrap_or_default();
            let tag = l.tag();
            let own_name = translations(l).common.language_name.clone();
            view! {
                <fieldset class="form-group" lang=tag>
                    <legend>{fill(&s.texts_legend, &[("language", &own_name)])}</legend>
                    // Names are required in the staff pages' languages; elsewhere English stands in.
                    {(!l.has_staff_pages()).then(|| view! { <p class="field-hint">{s.texts_optional.clone()}</p> })}
                    <TextField name=format!("name_{tag}") label=s.name_label.clone() value=text.name
                        error=error(ServiceField::Name(l)) required=l.has_staff_pages() autocomplete="off"/>
                    <TextField name=format!("hint_{tag}") label=s.hint_label.clone() value=text.hint
                        error=error(ServiceField::Hint(l)) required=false autocomplete="off"/>
                </fieldset>
            }
        })
        .collect_view();
    let held_error = error(ServiceField::Held);
    let ways = HowHeld::ALL
        .into_iter()
        .map(|h| {
            let id = format!("held-{}", h.code());
            let checked = typed.held.iter().any(|c| c == h.code());
            view! {
                <label class="check-label" for=id>
                    <input type="checkbox" class="check-input" id=id.clone() name="held" value=h.code() checked=checked/>
                    {held_name(s, h).to_owned()}
                </label>
            }
        })
        .collect_view();
    let arrival_error = error(ServiceField::ArrivalReason);
    let chosen_reason = typed.arrival_reason.clone();
    let reason_options = reasons
        .iter()
        .filter(|r| !r.hidden || r.code == chosen_reason)
        .map(|r| {
            let selected = r.code == chosen_reason;
            view! { <option value=r.code.clone() selected=selected>{r.details.text(locale).name}</option> }
        })
        .collect_view();
    view! {
        <section aria-labelledby="service-form">
            <h2 id="service-form" tabindex="-1">{heading}</h2>
            <form method="post" action=action class="staff-form" novalidate>
                <input type="hidden" name="lang" value=locale.tag()/>
                {code}
                {languages}
                <fieldset class="form-group" aria-describedby="held-hint">
                    <legend>{s.held_legend.clone()}</legend>
                    <p class="field-hint" id="held-hint">{s.held_hint.clone()}</p>
                    {held_error.map(|e| view! { <p class="field-error" id="held-error">{e}</p> })}
                    <div class="field">{ways}</div>
                </fieldset>
                <div class="field">
                    <label class="field-label" for="arrival_reason">{s.arrival_label.clone()}</label>
                    {arrival_error.clone().map(|e| view! { <p class="field-error" id="arrival-error">{e}</p> })}
                    <select id="arrival_reason" name="arrival_reason" class="select"
                        aria-invalid=arrival_error.is_some().then_some("true")
                        aria-describedby=arrival_error.as_ref().map(|_| "arrival-error")>
                        <option value="" selected=chosen_reason.is_empty()>{s.arrival_none.clone()}</option>
                        {reason_options}
                    </select>
                </div>
                <button type="submit" class="primary-button">{button}</button>
                {editing.map(|_| view! {
                    <a class="secondary-button" href=format!("/staff/services?lang={}", locale.tag())>{s.back.clone()}</a>
                })}
            </form>
        </section>
    }
    .into_any()
}
