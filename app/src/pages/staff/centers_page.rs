//! `/staff/centers`: admins set up the agency's centers. The list shows every center and
//! its state; below it, the form to add one, or with `?edit={id}` the form to edit that
//! center and to retire it (or bring it back). A refused post renders the page again with
//! `CenterSubmission` in context, every typed value kept and each refused field marked.

use super::closures_page::{StrandedBookings, StrandedView};
use super::setup_log::SetupLog;
use super::staff_nav::StaffNav;
use crate::api::center_setup::{centers_setup_page, CenterSetup, CentersSetupData};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::components::stranded_choice::StrandedChoice;
use crate::components::text_field::TextField;
use crate::domain::center_setup::{CenterField, TypedCenter};
use crate::domain::time_zone::listed_zones;
use crate::i18n::{fill, translations, CenterSetupStrings, Locale};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// Which form a refused post came from.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum CenterForm {
    #[default]
    Add,
    Edit,
    Retire,
}

/// A refused post, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CenterSubmission {
    pub form: CenterForm,
    pub typed: TypedCenter,
    pub refused: Vec<CenterField>,
    pub short_name_taken: bool,
    pub stranded: Vec<StrandedView>,
    pub cancel_bookings: bool,
    /// Why nothing changed, for the whole form.
    pub message: Option<String>,
}

#[component]
pub fn CentersPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let s = &t.center_setup;
    let query = use_query_map().read_untracked();
    let editing = query.get("edit").filter(|id| !id.is_empty());
    let count = query.get("count").unwrap_or_default();
    let notice = query.get("notice").and_then(|code| match code.as_str() {
        "created" => Some(s.notice_created.clone()),
        "saved" => Some(s.notice_saved.clone()),
        "saved_cancelled" => Some(fill(&s.notice_saved_cancelled, &[("count", &count)])),
        "retired" => Some(s.notice_retired.clone()),
        "retired_cancelled" => Some(fill(&s.notice_retired_cancelled, &[("count", &count)])),
        "restored" => Some(s.notice_restored.clone()),
        _ => None,
    });
    let submission = use_context::<CenterSubmission>().unwrap_or_default();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=s.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(data) = centers_setup_page().await else {
                    return view! {
                        <main id="main" class="page staff">
                            <h1>{s.heading.clone()}</h1>
                            <p data-testid="admins-only">{s.admins_only.clone()}</p>
                        </main>
                    }.into_any();
                };
                let CentersSetupData { staff_name, centers, log } = data;
                let edited = editing.as_ref().and_then(|id| centers.iter().find(|c| &c.id == id).cloned());
                let sub = submission.clone();
                let alert = sub.message.clone();
                view! {
                    <StaffNav locale staff_name current="centers" center_id=String::new()/>
                    <main id="main" class="page staff">
                        <h1>{s.heading.clone()}</h1>
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        {alert.map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                        <p>{s.intro.clone()}</p>
                        // The center being edited comes first; adding one comes after the list.
                        {edited.clone().map(|center| view! { <EditCenter center sub=sub.clone() locale/> })}
                        <StaffTable columns=vec![s.col_name.clone(), s.col_short_name.clone(), s.col_zone.clone(), s.col_state.clone(), s.col_actions.clone()] testid="centers">
                            {centers.iter().map(|c| row(s, locale, c)).collect_view()}
                        </StaffTable>
                        {edited.is_none().then(|| view! { <AddCenter sub=sub.clone() locale/> })}
                        <datalist id="zones">
                            {listed_zones().map(|z| view! { <option value=z></option> }).collect_view()}
                        </datalist>
                        <SetupLog heading=s.log_heading.clone() log locale/>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn row(s: &'static CenterSetupStrings, locale: Locale, c: &CenterSetup) -> impl IntoView {
    let lang = locale.tag();
    view! {
        <tr data-retired=c.retired.to_string()>
            <th scope="row">{c.name.clone()}</th>
            <td>{c.id.clone()}</td>
            <td>{c.time_zone.clone()}</td>
            <td>{if c.retired { s.state_retired.clone() } else { s.state_open.clone() }}</td>
            <td class="actions">
                <a class="secondary-button" href=format!("/staff/centers?edit={}&lang={lang}", c.id)
                    aria-label=fill(&s.edit_label, &[("center", &c.name)])>{s.edit.clone()}</a>
                <a class="secondary-button" href=format!("/staff/availability?center={}&lang={lang}", c.id)
                    aria-label=fill(&s.hours_link_label, &[("center", &c.name)])>{s.hours_link.clone()}</a>
            </td>
        </tr>
    }
}

/// The message for `field` when it was refused.
fn refused(s: &CenterSetupStrings, sub: &CenterSubmission, field: CenterField) -> Option<String> {
    if field == CenterField::ShortName && sub.short_name_taken {
        return Some(s.error_short_name_taken.clone());
    }
    sub.refused.contains(&field).then(|| {
        match field {
            CenterField::ShortName => &s.error_short_name,
            CenterField::Name => &s.error_name,
            CenterField::Address => &s.error_address,
            CenterField::Phone => &s.error_phone,
            CenterField::Email => &s.error_email,
            CenterField::TimeZone => &s.error_zone,
            CenterField::TargetWait => &s.error_target_wait,
        }
        .clone()
    })
}

/// The fields every center has, filled with `typed`.
#[component]
fn DetailFields(typed: TypedCenter, sub: CenterSubmission, locale: Locale) -> impl IntoView {
    let s = &translations(locale).center_setup;
    let zone_error = refused(s, &sub, CenterField::TimeZone);
    view! {
        <TextField name="name" label=s.name_label.clone() value=typed.name.clone()
            error=refused(s, &sub, CenterField::Name) autocomplete="off"/>
        <TextField name="address" label=s.address_label.clone() value=typed.address.clone()
            error=refused(s, &sub, CenterField::Address) hint=s.address_hint.clone() required=false autocomplete="off"/>
        <TextField name="phone" kind="tel" label=s.phone_label.clone() value=typed.phone.clone()
            error=refused(s, &sub, CenterField::Phone) hint=s.optional_hint.clone() required=false autocomplete="off"/>
        <TextField name="email" kind="email" label=s.email_label.clone() value=typed.email.clone()
            error=refused(s, &sub, CenterField::Email) hint=s.optional_hint.clone() required=false autocomplete="off"/>
        <div class="field">
            <label class="field-label" for="time_zone">{s.zone_label.clone()}</label>
            <p class="field-hint" id="time_zone-hint">{s.zone_hint.clone()}</p>
            {zone_error.clone().map(|e| view! { <p class="field-error" id="time_zone-error">{e}</p> })}
            <input id="time_zone" name="time_zone" list="zones" class="text-input" value=typed.time_zone.clone()
                autocomplete="off" aria-required="true" aria-invalid=zone_error.is_some().then_some("true")
                aria-describedby=if zone_error.is_some() { "time_zone-hint time_zone-error" } else { "time_zone-hint" }/>
        </div>
        <TextField name="target_wait" kind="number" label=s.target_wait_label.clone() value=typed.target_wait.clone()
            error=refused(s, &sub, CenterField::TargetWait) hint=s.target_wait_hint.clone() required=false autocomplete="off"/>
    }
}

#[component]
fn AddCenter(sub: CenterSubmission, locale: Locale) -> impl IntoView {
    let s = &translations(locale).center_setup;
    let typed = if sub.form == CenterForm::Add {
        sub.typed.clone()
    } else {
        TypedCenter {
            time_zone: "America/Los_Angeles".to_owned(),
            target_wait: crate::domain::service_level::DEFAULT_TARGET_WAIT_MINUTES.to_string(),
            ..TypedCenter::default()
        }
    };
    view! {
        <h2>{s.add_heading.clone()}</h2>
        <form method="post" action="/staff/centers" class="staff-form" novalidate>
            <input type="hidden" name="lang" value=locale.tag()/>
            <TextField name="short_name" label=s.short_name_label.clone() value=typed.short_name.clone()
                error=refused(s, &sub, CenterField::ShortName) hint=s.short_name_hint.clone() autocomplete="off"/>
            <DetailFields typed sub=sub.clone() locale/>
            <button type="submit" class="primary-button">{s.add_button.clone()}</button>
        </form>
    }
}

#[component]
fn EditCenter(center: CenterSetup, sub: CenterSubmission, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let s = &t.center_setup;
    let typed = if sub.form == CenterForm::Edit {
        sub.typed.clone()
    } else {
        TypedCenter {
            short_name: center.id.clone(),
            name: center.name.clone(),
            address: center.address.clone(),
            phone: crate::domain::contact_details::display_phone(&center.phone),
            email: center.email.clone(),
            time_zone: center.time_zone.clone(),
            target_wait: center.target_wait_minutes.to_string(),
        }
    };
    let stranded = sub.stranded.clone();
    let has_stranded = !stranded.is_empty();
    let action = |what: &str| format!("/staff/centers/{}/{what}", center.id);
    let retire_or_restore = if center.retired {
        view! {
            <h2>{s.restore_heading.clone()}</h2>
            <form method="post" action=action("restore") class="staff-form">
                <input type="hidden" name="lang" value=locale.tag()/>
                <button type="submit" class="primary-button">{fill(&s.restore_button, &[("center", &center.name)])}</button>
            </form>
        }
        .into_any()
    } else {
        view! {
            <h2>{s.retire_heading.clone()}</h2>
            <p>{s.retire_intro.clone()}</p>
            <form method="post" action=action("retire") class="staff-form">
                <input type="hidden" name="lang" value=locale.tag()/>
                <StrandedChoice question=s.retire_stranded_question.clone()
                    cancel=sub.form == CenterForm::Retire && sub.cancel_bookings form="retire" locale/>
                <button type="submit" class="danger-button">{fill(&s.retire_button, &[("center", &center.name)])}</button>
            </form>
        }
        .into_any()
    };
    view! {
        <h2>{fill(&s.edit_heading, &[("center", &center.name)])}</h2>
        {has_stranded.then(|| view! {
            <p>{t.closures.stranded_hint.clone()}</p>
            <StrandedBookings bookings=stranded locale/>
        })}
        <form method="post" action=action("edit") class="staff-form" novalidate>
            <input type="hidden" name="lang" value=locale.tag()/>
            <p><strong>{s.short_name_label.clone()}": "</strong><code>{center.id.clone()}</code></p>
            <DetailFields typed sub=sub.clone() locale/>
            <StrandedChoice question=s.zone_stranded_question.clone()
                cancel=sub.form == CenterForm::Edit && sub.cancel_bookings form="edit" locale/>
            <button type="submit" class="primary-button">{s.save_button.clone()}</button>
            " "
            <a href=format!("/staff/centers?lang={}", locale.tag())>{s.cancel_edit.clone()}</a>
        </form>
        {retire_or_restore}
    }
}
