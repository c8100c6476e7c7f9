//! `/staff/reasons`: admins set up the reasons the kiosk offers, named in every language:
//! add, edit, hide or offer again, move up or down. `?edit=<code>` opens one reason's
//! form. A refused post renders the page again with `ReasonSubmission` in context, every
//! typed value kept and each refused field marked.

use super::setup_log::SetupLog;
use super::staff_nav::StaffNav;
use crate::api::reason_setup::{reason_setup_page, ReasonSetupData};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::components::text_field::{textarea_text, TextField};
use crate::domain::reason_setup::{ReasonField, TypedReason};
use crate::domain::visit_reason::VisitReason;
use crate::i18n::{fill, translations, Locale, ReasonSetupStrings};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// A refused post, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReasonSubmission {
    pub typed: TypedReason,
    pub refused: Vec<ReasonField>,
    /// The code of the reason being edited; `None` for a new one.
    pub editing: Option<String>,
    /// A new reason was refused: the agency has the most a kiosk lists.
    pub too_many: bool,
}

#[component]
pub fn ReasonsPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let s = &translations(locale).reason_setup;
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
    let submission = use_context::<ReasonSubmission>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=s.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(data) = reason_setup_page().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{s.heading.clone()}</h1>
                            <p data-testid="admins-only">{s.admins_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let ReasonSetupData { staff_name, reasons, log } = data;
                let refused = submission.as_ref().map(|sub| sub.refused.clone()).unwrap_or_default();
                let too_many = submission.as_ref().is_some_and(|sub| sub.too_many);
                // The reason whose form is open: from the refused post, else from `?edit=`.
                let editing = match &submission {
                    Some(sub) => sub.editing.clone(),
                    None => asked_edit.clone(),
                }
                .and_then(|code| reasons.iter().find(|r| r.code == code).cloned());
                let typed = match (&submission, &editing) {
                    (Some(sub), _) => sub.typed.clone(),
                    (None, Some(reason)) => reason.details.typed(&reason.code),
                    (None, None) => TypedReason::default(),
                };
                let list = reason_list(s, locale, &reasons);
                let form = reason_form(s, locale, editing.as_ref(), typed, refused.clone());
                view! {
                    <StaffNav locale staff_name current="reasons" center_id=String::new()/>
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

/// Every reason with its properties and actions, in the kiosk's order.
fn reason_list(s: &'static ReasonSetupStrings, locale: Locale, reasons: &[VisitReason]) -> AnyView {
    if reasons.is_empty() {
        return view! { <p data-testid="no-reasons">{s.none_yet.clone()}</p> }.into_any();
    }
    let last = reasons.len() - 1;
    let columns = vec![
        s.col_reason.clone(),
        s.col_code.clone(),
        s.col_properties.clone(),
        s.col_actions.clone(),
    ];
    let rows = reasons
        .iter()
        .enumerate()
        .map(|(at, r)| {
            let text = r.details.text(locale);
            let name = text.name.clone();
            let mut properties = Vec::new();
            if r.hidden {
                properties.push(s.hidden_badge.clone());
            }
            if r.details.handled_elsewhere {
                properties.push(s.elsewhere_badge.clone());
            }
            if !r.details.team.is_empty() {
                properties.push(fill(&s.team_badge, &[("team", &r.details.team)]));
            }
            let action = |what: &'static str, label: &String, aria: &String| {
                let aria = fill(aria, &[("reason", &name)]);
                view! {
                    <form method="post" action=format!("/staff/reasons/{}/{what}", r.code) class="inline-form">
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
            let edit_href = format!("/staff/reasons?edit={}&lang={}#reason-form", r.code, locale.tag());
            view! {
                <tr data-reason=r.code.clone()>
                    <th scope="row" data-label=s.col_reason.clone()>
                        {name.clone()}
                        {(!text.hint.is_empty()).then(|| view! { <span class="field-hint">" · "{text.hint.clone()}</span> })}
                    </th>
                    <td data-label=s.col_code.clone()><code>{r.code.clone()}</code></td>
                    <td data-label=s.col_properties.clone()>{properties.join(" · ")}</td>
                    <td data-label=s.col_actions.clone() class="actions">
                        {(at > 0).then(|| action("up", &s.move_up, &s.move_up_label))}
                        {(at < last).then(|| action("down", &s.move_down, &s.move_down_label))}
                        {visibility}
                        <a class="action-button" href=edit_href aria-label=fill(&s.edit_label, &[("reason", &name)])>{s.edit.clone()}</a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <StaffTable columns testid="reasons-table" class="reasons-table">{rows}</StaffTable>
    }
    .into_any()
}

/// The message for `field` when it was refused.
fn message(s: &ReasonSetupStrings, refused: &[ReasonField], field: ReasonField) -> Option<String> {
    refused.contains(&field).then(|| {
        match field {
            ReasonField::Code => &s.error_code,
            ReasonField::Name(_) => &s.error_name,
            ReasonField::Hint(_) => &s.error_hint,
            ReasonField::Notice(_) => &s.error_notice,
            ReasonField::Phones => &s.error_phones,
            ReasonField::Team => &s.error_team,
        }
        .clone()
    })
}

/// The form to add a reason, or to edit `editing`.
fn reason_form(
    s: &'static ReasonSetupStrings,
    locale: Locale,
    editing: Option<&VisitReason>,
    typed: TypedReason,
    refused: Vec<ReasonField>,
) -> AnyView {
    let error = |field| message(s, &refused, field);
    let (heading, action, button) = match editing {
        Some(r) => (
            fill(&s.edit_heading, &[("reason", &r.details.text(locale).name)]),
            format!("/staff/reasons/{}/edit", r.code),
            s.save_button.clone(),
        ),
        None => (
            s.add_heading.clone(),
            "/staff/reasons".to_owned(),
            s.add_button.clone(),
        ),
    };
    let code = match editing {
        Some(r) => view! { <p>{fill(&s.code_fixed, &[("code", &r.code)])}</p> }.into_any(),
        None => view! {
            <TextField name="code" label=s.code_label.clone() value=typed.code.clone()
                error=error(ReasonField::Code) hint=s.code_hint.clone() required=false autocomplete="off"/>
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
                        error=error(ReasonField::Name(l)) required=l.has_staff_pages() autocomplete="off"/>
                    <TextField name=format!("hint_{tag}") label=s.hint_label.clone() value=text.hint
                        error=error(ReasonField::Hint(l)) required=false autocomplete="off"/>
                    <TextField name=format!("notice_{tag}") label=s.notice_label.clone() value=text.notice
                        error=error(ReasonField::Notice(l)) hint=s.notice_hint.clone() required=false autocomplete="off"/>
                </fieldset>
            }
        })
        .collect_view();
    let phones_error = error(ReasonField::Phones);
    let phones_described = if phones_error.is_some() {
        "phones-hint phones-error"
    } else {
        "phones-hint"
    };
    view! {
        <section aria-labelledby="reason-form">
            <h2 id="reason-form" tabindex="-1">{heading}</h2>
            <form method="post" action=action class="staff-form" novalidate>
                <input type="hidden" name="lang" value=locale.tag()/>
                {code}
                {languages}
                <fieldset class="form-group">
                    <legend>{s.properties_legend.clone()}</legend>
                    <div class="field">
                        <label class="check-label">
                            <input type="checkbox" class="check-input" name="handled_elsewhere" value="yes"
                                checked=typed.handled_elsewhere aria-describedby="elsewhere-hint"/>
                            {s.elsewhere_label.clone()}
                        </label>
                        <p class="field-hint" id="elsewhere-hint">{s.elsewhere_hint.clone()}</p>
                    </div>
                    <div class="field">
                        <label class="field-label" for="phones">{s.phones_label.clone()}</label>
                        <p class="field-hint" id="phones-hint">{s.phones_hint.clone()}</p>
                        {phones_error.clone().map(|e| view! { <p class="field-error" id="phones-error">{e}</p> })}
                        <textarea id="phones" name="phones" class="text-input" rows="3"
                            aria-invalid=phones_error.is_some().then_some("true")
                            aria-describedby=phones_described>{textarea_text(&typed.phones)}</textarea>
                    </div>
                    <TextField name="team" label=s.team_label.clone() value=typed.team.clone()
                        error=error(ReasonField::Team) hint=s.team_hint.clone() required=false autocomplete="off"/>
                </fieldset>
                <button type="submit" class="primary-button">{button}</button>
                {editing.map(|_| view! {
                    <a class="secondary-button" href=format!("/staff/reasons?lang={}", locale.tag())>{s.back.clone()}</a>
                })}
            </form>
        </section>
    }
    .into_any()
}
