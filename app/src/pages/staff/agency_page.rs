//! `/staff/agency`: admins set what every visitor screen and email says about the agency
//! (its names, the Language Access Line, where visitors are sent) and how many days
//! personal data is kept. A refused post renders the page again with `AgencySubmission`
//! in context, every typed value kept and each refused field marked.

use super::setup_log::SetupLog;
use super::staff_nav::StaffNav;
use crate::api::agency_settings::{agency_settings_page, AgencySettingsData};
use crate::components::page_title::PageTitle;
use crate::components::text_field::TextField;
use crate::domain::agency::{AgencyField, TypedAgency};
use crate::i18n::{translations, AgencySettingsStrings, Locale};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// A refused post, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AgencySubmission {
    pub typed: TypedAgency,
    pub refused: Vec<AgencyField>,
}

#[component]
pub fn AgencyPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let s = &translations(locale).agency_settings;
    let notice = use_query_map()
        .read_untracked()
        .get("notice")
        .and_then(|code| match code.as_str() {
            "saved" => Some(s.notice_saved.clone()),
            "unchanged" => Some(s.notice_unchanged.clone()),
            _ => None,
        });
    let submission = use_context::<AgencySubmission>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=s.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(data) = agency_settings_page().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{s.heading.clone()}</h1>
                            <p data-testid="admins-only">{s.admins_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let AgencySettingsData { staff_name, saved, log } = data;
                let refused = submission.as_ref().map(|sub| sub.refused.clone()).unwrap_or_default();
                let typed = submission.clone().map_or(saved, |sub| sub.typed);
                let form = settings_form(s, locale, typed, refused.clone());
                view! {
                    <StaffNav locale staff_name current="agency" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{s.heading.clone()}</h1>
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        {(!refused.is_empty()).then(|| view! {
                            <p class="notice notice-error" role="alert">{s.form_has_problems.clone()}</p>
                        })}
                        <p>{s.intro.clone()}</p>
                        {form}
                        <SetupLog heading=s.log_heading.clone() log locale/>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The message for `field` when it was refused.
fn message(
    s: &AgencySettingsStrings,
    refused: &[AgencyField],
    field: AgencyField,
) -> Option<String> {
    refused.contains(&field).then(|| {
        match field {
            AgencyField::Name => &s.error_name,
            AgencyField::PublicName => &s.error_public_name,
            AgencyField::LanguageLine => &s.error_phone,
            AgencyField::RegistrationUrl
            | AgencyField::JobListingsUrl
            | AgencyField::TrainingUrl => &s.error_url,
            AgencyField::TrainingArea => &s.error_training_area,
            AgencyField::RetentionDays => &s.error_retention,
        }
        .clone()
    })
}

fn settings_form(
    s: &'static AgencySettingsStrings,
    locale: Locale,
    typed: TypedAgency,
    refused: Vec<AgencyField>,
) -> AnyView {
    let error = |field| message(s, &refused, field);
    let names = view! {
        <fieldset class="form-group">
            <legend>{s.names_heading.clone()}</legend>
            <TextField name="name" label=s.name_label.clone() value=typed.name.clone()
                error=error(AgencyField::Name) hint=s.name_hint.clone() autocomplete="off"/>
            <TextField name="public_name" label=s.public_name_label.clone() value=typed.public_name.clone()
                error=error(AgencyField::PublicName) hint=s.public_name_hint.clone() autocomplete="off"/>
        </fieldset>
        <fieldset class="form-group">
            <legend>{s.phones_heading.clone()}</legend>
            <TextField name="language_line" kind="tel" label=s.language_line_label.clone() value=typed.language_line.clone()
                error=error(AgencyField::LanguageLine) hint=s.language_line_hint.clone() required=false autocomplete="off"/>
        </fieldset>
    }
    .into_any();
    let handoffs = view! {
        <fieldset class="form-group">
            <legend>{s.handoffs_heading.clone()}</legend>
            <TextField name="registration_url" kind="url" label=s.registration_url_label.clone() value=typed.registration_url.clone()
                error=error(AgencyField::RegistrationUrl) hint=s.url_hint.clone() required=false autocomplete="off"/>
            <TextField name="job_listings_url" kind="url" label=s.job_listings_url_label.clone() value=typed.job_listings_url.clone()
                error=error(AgencyField::JobListingsUrl) hint=s.url_hint.clone() required=false autocomplete="off"/>
            <TextField name="training_url" kind="url" label=s.training_url_label.clone() value=typed.training_url.clone()
                error=error(AgencyField::TrainingUrl) hint=s.url_hint.clone() required=false autocomplete="off"/>
            <TextField name="training_area" label=s.training_area_label.clone() value=typed.training_area.clone()
                error=error(AgencyField::TrainingArea) hint=s.training_area_hint.clone() required=false autocomplete="off"/>
        </fieldset>
        <fieldset class="form-group">
            <legend>{s.retention_heading.clone()}</legend>
            <TextField name="retention_days" label=s.retention_label.clone() value=typed.retention_days.clone()
                error=error(AgencyField::RetentionDays) hint=s.retention_hint.clone() inputmode="numeric" autocomplete="off"/>
        </fieldset>
    }
    .into_any();
    view! {
        <form method="post" action="/staff/agency" class="staff-form" novalidate>
            <input type="hidden" name="lang" value=locale.tag()/>
            {names}
            {handoffs}
            <button type="submit" class="primary-button">{s.save_button.clone()}</button>
        </form>
    }
    .into_any()
}
