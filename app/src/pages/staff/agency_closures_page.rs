//! `/staff/closures/agency`: closures at every center. Managers close one day everywhere,
//! or read the agency's holiday calendar (`.ics`): the days it would close are shown, and
//! added only when the manager confirms. Bookings on those days are refused with their
//! list, or cancelled and emailed, as for one center's closure.

use super::closures_page::{StrandedBookings, StrandedView};
use super::staff_nav::StaffNav;
use crate::api::closures::closures_page;
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::components::stranded_choice::StrandedChoice;
use crate::components::text_field::TextField;
use crate::domain::holiday_import::{Holiday, ImportNotes, ImportProblem};
use crate::i18n::dates::long_date;
use crate::i18n::{fill, translations, Locale};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// A refused post, or the days read from a calendar file, shown on the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgencyClosureSubmission {
    pub day: String,
    pub reason: String,
    pub day_error: Option<String>,
    /// Days read from a file, waiting for the manager's confirmation.
    pub preview: Vec<Holiday>,
    pub notes: Option<ImportNotes>,
    pub import_problem: Option<ImportProblem>,
    pub stranded: Vec<StrandedView>,
    pub cancel_bookings: bool,
    pub message: Option<String>,
}

#[component]
pub fn AgencyClosuresPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let a = &t.agency_closures;
    let query = use_query_map().read_untracked();
    let count = |name: &str| query.get(name).unwrap_or_default();
    let notice = (query.get("notice").as_deref() == Some("closed")).then(|| {
        let (added, cancelled) = (count("added"), count("cancelled"));
        let template = if cancelled.is_empty() || cancelled == "0" {
            &a.notice_closed
        } else {
            &a.notice_closed_cancelled
        };
        fill(template, &[("added", &added), ("cancelled", &cancelled)])
    });
    let sub = use_context::<AgencyClosureSubmission>().unwrap_or_default();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=a.title.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(data)) = closures_page(None).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let sub = sub.clone();
                let problem = sub.import_problem.map(|p| match p {
                    ImportProblem::NotACalendar => a.error_not_a_calendar.clone(),
                    ImportProblem::TooLarge => a.error_too_large.clone(),
                    ImportProblem::TooManyDays => a.error_too_many.clone(),
                    ImportProblem::NothingToAdd => a.error_nothing.clone(),
                });
                let stranded = sub.stranded.clone();
                let forms = if data.can_manage {
                    view! {
                        {(!sub.preview.is_empty()).then(|| view! { <Preview sub=sub.clone() locale/> })}
                        <h2>{a.day_heading.clone()}</h2>
                        <form method="post" action="/staff/closures/agency" class="staff-form" novalidate>
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <TextField name="day" kind="date" label=t.closures.day_label.clone()
                                value=sub.day.clone() error=sub.day_error.clone()/>
                            <TextField name="reason" label=t.closures.reason_label.clone()
                                value=sub.reason.clone() error=None hint=t.closures.reason_hint.clone() required=false/>
                            <StrandedChoice question=t.closures.stranded_question.clone() cancel=sub.cancel_bookings && sub.preview.is_empty() form="day" closing=true locale/>
                            <button type="submit" class="primary-button">{a.close_button.clone()}</button>
                        </form>
                        <h2>{a.import_heading.clone()}</h2>
                        <form method="post" action=format!("/staff/closures/import?lang={}", locale.tag()) enctype="multipart/form-data" class="staff-form">
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <div class="field">
                                <label class="field-label" for="file">{a.file_label.clone()}</label>
                                <p class="field-hint" id="file-hint">{a.import_hint.clone()}</p>
                                {problem.clone().map(|p| view! { <p class="field-error" id="file-error">{p}</p> })}
                                <input type="file" id="file" name="file" accept=".ics,text/calendar" class="text-input"
                                    aria-describedby=if problem.is_some() { "file-hint file-error" } else { "file-hint" }/>
                            </div>
                            <button type="submit" class="secondary-button">{a.read_button.clone()}</button>
                        </form>
                    }
                    .into_any()
                } else {
                    view! { <p data-testid="managers-only">{t.closures.managers_only.clone()}</p> }.into_any()
                };
                view! {
                    <StaffNav locale staff_name=data.staff_name.clone() current="closures" center_id=String::new()/>
                    <main id="main" class="page staff">
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        <h1>{a.title.clone()}</h1>
                        <p>{a.intro.clone()}</p>
                        {sub.message.clone().map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                        {(!stranded.is_empty()).then(|| view! {
                            <p>{t.closures.stranded_hint.clone()}</p>
                            <StrandedBookings bookings=stranded locale/>
                        })}
                        {forms}
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The days a calendar file would close, with the button that adds them.
#[component]
fn Preview(sub: AgencyClosureSubmission, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let a = &t.agency_closures;
    let count = sub.preview.len().to_string();
    let notes = sub
        .notes
        .clone()
        .filter(|n| *n != ImportNotes::default())
        .map(|n| {
            fill(
                &a.preview_notes,
                &[
                    ("timed", &n.timed.to_string()),
                    ("out_of_range", &n.out_of_range.to_string()),
                    ("repeating", &n.repeating.to_string()),
                ],
            )
        });
    let rows = sub.preview.clone();
    let hidden = sub.preview.clone();
    view! {
        <section aria-labelledby="preview-heading">
            <h2 id="preview-heading">{fill(&a.preview_heading, &[("count", &count)])}</h2>
            {notes.map(|n| view! { <p class="field-hint" data-testid="import-notes">{n}</p> })}
            <StaffTable columns=vec![t.closures.col_day.clone(), t.closures.col_reason.clone()] testid="import-preview">
                {rows.into_iter().map(|h| view! {
                    <tr>
                        <th scope="row">{long_date(h.day, t.locale)}</th>
                        <td data-label=t.closures.col_reason.clone()>{h.reason}</td>
                    </tr>
                }).collect_view()}
            </StaffTable>
            <form method="post" action="/staff/closures/import/confirm" class="staff-form">
                <input type="hidden" name="lang" value=locale.tag()/>
                {hidden.into_iter().map(|h| view! {
                    <input type="hidden" name="day" value=h.day.to_string()/>
                    <input type="hidden" name="reason" value=h.reason/>
                }).collect_view()}
                <StrandedChoice question=t.closures.stranded_question.clone() cancel=sub.cancel_bookings form="import" closing=true locale/>
                <button type="submit" class="primary-button">{fill(&a.add_button, &[("count", &count)])}</button>
            </form>
        </section>
    }
}
