//! `/staff/availability?center=…`: a center's weekly hours and how many people each
//! service takes per time slot. Managers change them (choosing what happens to bookings
//! the change would strand); other staff see them. A refused post renders the page again
//! with `AvailabilitySubmission` in context, every typed value kept.

use super::closures_page::{StrandedBookings, StrandedView};
use super::staff_nav::StaffNav;
use crate::api::availability::availability_page;
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::domain::availability::SEATS_PER_SLOT;
use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_query_map;

/// A refused change, shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AvailabilitySubmission {
    /// ISO weekday, opens and closes as typed.
    pub days: Vec<(u32, String, String)>,
    /// Service code and capacity as typed.
    pub capacities: Vec<(String, String)>,
    pub day_errors: Vec<u32>,
    pub capacity_errors: Vec<String>,
    pub stranded: Vec<StrandedView>,
    pub cancel_bookings: bool,
    pub message: Option<String>,
}

#[component]
pub fn AvailabilityPage() -> impl IntoView {
    let locale = crate::pages::page_locale();
    let t = translations(locale);
    let a = &t.availability;
    let query = use_query_map().read_untracked();
    let center = query.get("center");
    let notice = query.get("notice").and_then(|code| match code.as_str() {
        "saved" => Some(a.notice_saved.clone()),
        other => other
            .strip_prefix("saved_cancelled_")
            .map(|n| fill(&a.notice_saved_cancelled, &[("count", n)])),
    });
    let submission = use_context::<AvailabilitySubmission>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <Title text=a.nav.clone()/>
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
                let typed_capacity = |code: &str, stored: i32| {
                    sub.capacities
                        .iter()
                        .find(|(c, _)| c == code)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_else(|| stored.to_string())
                };
                let stranded_count = sub.stranded.len();
                let alert = sub.message.clone().or_else(|| match stranded_count {
                    0 => None,
                    1 => Some(a.stranded_one.clone()),
                    n => Some(fill(&a.stranded_heading, &[("count", &n.to_string())])),
                });
                let editable = data.can_manage;
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
                            <StrandedBookings bookings=sub.stranded.clone() zone locale/>
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
                                            let name = t.common.weekdays[(day - 1) as usize].clone();
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
                                <h2>{a.capacity_heading.clone()}</h2>
                                <table class="queue-table">
                                    <thead><tr>
                                        <th scope="col">{a.col_service.clone()}</th>
                                        <th scope="col">{a.col_slot.clone()}</th>
                                        <th scope="col">{a.col_capacity.clone()}</th>
                                    </tr></thead>
                                    <tbody>
                                        {data.services.iter().map(|(service, minutes, seats)| {
                                            let label = t.booking.services.label(*service).to_owned();
                                            let code = service.code();
                                            let error = sub.capacity_errors.iter().any(|c| c == code);
                                            let error_id = format!("capacity-{code}-error");
                                            view! {
                                                <tr>
                                                    <th scope="row">{label.clone()}
                                                        {error.then(|| view! { <p class="field-error" id=error_id.clone()>{a.error_capacity.clone()}</p> })}
                                                    </th>
                                                    <td>{fill(&a.slot_minutes, &[("minutes", &minutes.to_string())])}</td>
                                                    <td><input type="number" min=SEATS_PER_SLOT.start().to_string() max=SEATS_PER_SLOT.end().to_string() inputmode="numeric" class="text-input"
                                                        name=format!("capacity_{code}") value=typed_capacity(code, *seats)
                                                        aria-label=fill(&a.capacity_label, &[("service", &label)])
                                                        aria-invalid=error.then_some("true") aria-describedby=error.then(|| error_id.clone())/></td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
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
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}
