//! `/staff/availability?center=…`: a center's weekly hours and how it offers each
//! service (offered or not, slot length, people per slot, notice, days ahead). Managers change them (choosing what happens to bookings
//! the change would strand); other staff see them. A refused post renders the page again
//! with `AvailabilitySubmission` in context, every typed value kept.

use super::closures_page::{StrandedBookings, StrandedView};
use super::meeting_link_form::{LinkFormText, MeetingLinkForm, StaffLinkText, StaffLinksForm};
use super::staff_nav::StaffNav;
use crate::api::availability::availability_page;
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::page_title::PageTitle;
use crate::domain::availability::SEATS_PER_SLOT;
use crate::domain::service_rules::{
    RuleField, TypedRules, HORIZON_DAYS, LEAD_MINUTES, SLOT_MINUTES,
};
use crate::i18n::dates::weekday;
use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// A refused change, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AvailabilitySubmission {
    /// ISO weekday, opens and closes as typed.
    pub days: Vec<(u32, String, String)>,
    /// Service code and its settings as typed.
    pub rules: Vec<(String, TypedRules)>,
    pub day_errors: Vec<u32>,
    /// Service code and its refused settings.
    pub rule_errors: Vec<(String, Vec<RuleField>)>,
    pub stranded: Vec<StrandedView>,
    pub cancel_bookings: bool,
    pub message: Option<String>,
}

#[component]
pub fn AvailabilityPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let a = &t.availability;
    let query = use_query_map().read_untracked();
    let center = query.get("center");
    let notice = query.get("notice").and_then(|code| match code.as_str() {
        "saved" => Some(a.notice_saved.clone()),
        "link_saved" => Some(a.notice_link_saved.clone()),
        "staff_link_saved" => Some(a.notice_staff_link_saved.clone()),
        other => other
            .strip_prefix("saved_cancelled_")
            .map(|n| fill(&a.notice_saved_cancelled, &[("count", n)])),
    });
    let submission = use_context::<AvailabilitySubmission>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=a.nav.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(data)) = availability_page(center.clone()).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let sub = submission.clone().unwrap_or_default();
                let zone: chrono_tz::Tz = data.time_zone.parse().unwrap_or(chrono_tz::UTC);
                let center_id = data.center.id.clone();
                let picked = center_id.clone();
                let typed_day = |day: u32, stored: &(u32, String, String)| {
                    sub.days.iter().find(|(d, ..)| *d == day).cloned().unwrap_or_else(|| stored.clone())
                };
                let typed_rules = |code: &str, stored: TypedRules| {
                    sub.rules.iter().find(|(c, _)| c == code).map(|(_, r)| r.clone()).unwrap_or(stored)
                };
                let stranded_count = sub.stranded.len();
                let alert = sub.message.clone().or_else(|| match stranded_count {
                    0 => None,
                    n => Some(a.stranded_heading.count(n)),
                });
                let editable = data.can_manage;
                let names = crate::domain::service::ServiceNames::new(&data.catalog, locale);
                // Its own erased view: one nested type for the whole page is deeper than the
                // compiler follows.
                let services_table = view! {
                                <div class="table-scroll">
                                <table class="queue-table service-rules">
                                    <thead><tr>
                                        <th scope="col">{a.col_service.clone()}</th>
                                        <th scope="col">{a.col_offered.clone()}</th>
                                        <th scope="col">{a.col_slot.clone()}</th>
                                        <th scope="col">{a.col_capacity.clone()}</th>
                                        <th scope="col">{a.col_lead.clone()}</th>
                                        <th scope="col">{a.col_horizon.clone()}</th>
                                    </tr></thead>
                                    <tbody>
                                        {data.services.iter().map(|(service, stored)| {
                                            let label = names.label(service).to_owned();
                                            let code = service.as_str();
                                            let typed = typed_rules(code, TypedRules::from(*stored));
                                            let refused: Vec<RuleField> = sub.rule_errors.iter()
                                                .find(|(c, _)| c == code).map(|(_, f)| f.clone()).unwrap_or_default();
                                            let error_id = format!("rules-{code}-error");
                                            let messages: Vec<String> = refused.iter().map(|f| match f {
                                                RuleField::SlotMinutes => a.error_slot.clone(),
                                                RuleField::Capacity => a.error_capacity.clone(),
                                                RuleField::LeadMinutes => a.error_lead.clone(),
                                                RuleField::HorizonDays => a.error_horizon.clone(),
                                            }).collect();
                                            let any_error = !messages.is_empty();
                                            let number = |field: RuleField, name: String, value: String, label: String, range: (u32, u32)| {
                                                let bad = refused.contains(&field);
                                                let column = match field {
                                                    RuleField::SlotMinutes => a.col_slot.clone(),
                                                    RuleField::Capacity => a.col_capacity.clone(),
                                                    RuleField::LeadMinutes => a.col_lead.clone(),
                                                    RuleField::HorizonDays => a.col_horizon.clone(),
                                                };
                                                view! {
                                                    <td data-label=column><input type="number" min=range.0.to_string() max=range.1.to_string() inputmode="numeric" class="text-input"
                                                        name=name value=value aria-label=label
                                                        aria-invalid=bad.then_some("true") aria-describedby=bad.then(|| error_id.clone())/></td>
                                                }
                                                .into_any()
                                            };
                                            view! {
                                                <tr>
                                                    <th scope="row">{label.clone()}
                                                        {any_error.then(|| view! {
                                                            <p class="field-error" id=error_id.clone()>{messages.join(" ")}</p>
                                                        })}
                                                    </th>
                                                    <td data-label=a.col_offered.clone()><input type="checkbox" class="check-input" name=format!("offered_{code}") value="yes" checked=typed.offered
                                                        aria-label=fill(&a.offered_label, &[("service", &label)])/></td>
                                                    {number(RuleField::SlotMinutes, format!("slot_{code}"), typed.slot_minutes.clone(),
                                                        fill(&a.slot_label, &[("service", &label)]), (*SLOT_MINUTES.start(), *SLOT_MINUTES.end()))}
                                                    {number(RuleField::Capacity, format!("capacity_{code}"), typed.capacity.clone(),
                                                        fill(&a.capacity_label, &[("service", &label)]), (*SEATS_PER_SLOT.start(), *SEATS_PER_SLOT.end()))}
                                                    {number(RuleField::LeadMinutes, format!("lead_{code}"), typed.lead_minutes.clone(),
                                                        fill(&a.lead_label, &[("service", &label)]), (*LEAD_MINUTES.start(), *LEAD_MINUTES.end()))}
                                                    {number(RuleField::HorizonDays, format!("horizon_{code}"), typed.horizon_days.clone(),
                                                        fill(&a.horizon_label, &[("service", &label)]), (*HORIZON_DAYS.start(), *HORIZON_DAYS.end()))}
                                                </tr>
                                            }
                                            .into_any()
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                </div>
                }
                .into_any();
                view! {
                    <StaffNav locale staff_name=data.staff_name.clone() current="availability" center_id=center_id.clone()/>
                    <main id="main" class="page staff">
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        <h1>{fill(&a.title, &[("center", &data.center.name)])}</h1>
                        <p>{a.intro.clone()}</p>
                        <FilterForm action="/staff/availability" locale button=t.staff.show_center.clone()>
                            <CenterSelect label=t.staff.center_label.clone() centers=data.centers.clone() chosen=picked/>
                        </FilterForm>
                        {alert.map(|m| view! { <p class="notice notice-error" role="alert">{m}</p> })}
                        {(stranded_count > 0).then(|| view! {
                            <p>{a.stranded_hint.clone()}</p>
                            <StrandedBookings bookings=sub.stranded.clone() locale/>
                        })}
                        {(!editable).then(|| view! { <p data-testid="managers-only">{a.managers_only.clone()}</p> })}
                        <form method="post" action="/staff/availability" class="staff-form" novalidate>
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <input type="hidden" name="center" value=center_id.clone()/>
                            <fieldset disabled=!editable>
                                <h2>{a.hours_heading.clone()}</h2>
                                <p class="field-hint">{fill(&a.hours_hint, &[("zone", zone.name())])}</p>
                                <table class="queue-table hours-table">
                                    <thead><tr>
                                        <th scope="col">{a.col_day.clone()}</th>
                                        <th scope="col">{a.opens.clone()}</th>
                                        <th scope="col">{a.closes.clone()}</th>
                                    </tr></thead>
                                    <tbody>
                                        {data.days.iter().map(|stored| {
                                            let (day, opens, closes) = typed_day(stored.0, stored);
                                            let name = u8::try_from(day.saturating_sub(1))
                                                .ok()
                                                .and_then(|d| chrono::Weekday::try_from(d).ok())
                                                .map(|d| weekday(d, false, locale))
                                                .unwrap_or_default();
                                            let error = sub.day_errors.contains(&day);
                                            let error_id = format!("hours-{day}-error");
                                            view! {
                                                <tr>
                                                    <th scope="row">{name.clone()}
                                                        {error.then(|| view! { <p class="field-error" id=error_id.clone()>{a.error_hours.clone()}</p> })}
                                                    </th>
                                                    <td><input type="time" class="text-input" name=format!("opens_{day}") value=opens
                                                        aria-label=fill(&a.opens_label, &[("day", &name)])
                                                        aria-invalid=error.then_some("true") aria-describedby=error.then(|| error_id.clone())/></td>
                                                    <td><input type="time" class="text-input" name=format!("closes_{day}") value=closes
                                                        aria-label=fill(&a.closes_label, &[("day", &name)])
                                                        aria-invalid=error.then_some("true") aria-describedby=error.then(|| error_id.clone())/></td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <h2>{a.services_heading.clone()}</h2>
                                <p class="field-hint">{a.services_hint.clone()}</p>
                                {services_table}
                                <fieldset class="field">
                                    <legend class="field-label">{a.stranded_question.clone()}</legend>
                                    <label class="choice" for="stranded-refuse">
                                        <input type="radio" id="stranded-refuse" name="stranded" value="refuse" checked=!sub.cancel_bookings/>
                                        <span>{a.stranded_refuse.clone()}</span>
                                    </label>
                                    <label class="choice" for="stranded-cancel">
                                        <input type="radio" id="stranded-cancel" name="stranded" value="cancel" checked=sub.cancel_bookings/>
                                        <span>{a.stranded_cancel.clone()}</span>
                                    </label>
                                </fieldset>
                                <button type="submit" class="primary-button">{a.save.clone()}</button>
                            </fieldset>
                        </form>
                        <MeetingLinkForm action=format!("/staff/availability/{center_id}/meeting-link") lang=locale.tag()
                            current=data.meeting_link.clone() editable
                            text=LinkFormText {
                                heading: a.link_heading.clone(),
                                hint: a.link_hint.clone(),
                                label: a.link_label.clone(),
                                button: a.link_button.clone(),
                                error: a.error_link.clone(),
                            }/>
                        <StaffLinksForm lang=locale.tag() staff=data.staff_links.clone() editable
                            text=StaffLinkText {
                                link: LinkFormText {
                                    heading: a.staff_links_heading.clone(),
                                    hint: a.staff_links_hint.clone(),
                                    label: a.staff_link_label.clone(),
                                    button: a.link_button.clone(),
                                    error: a.error_link.clone(),
                                },
                                staff_label: a.staff_link_member.clone(),
                                choose: a.staff_link_choose.clone(),
                                choose_error: a.staff_link_choose_error.clone(),
                                col_staff: a.col_staff_member.clone(),
                                col_link: a.col_staff_link.clone(),
                                none: a.no_staff_link.clone(),
                            }/>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}
