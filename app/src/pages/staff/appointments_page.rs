//! `/staff/appointments?center=…&day=…`: one center's booked appointments on one day,
//! with who has arrived.

use crate::api::appointments::staff_appointments;
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::domain::appointment_entry::AppointmentEntry;
use crate::domain::booking_form::PREFERRED_LANGUAGES;
use crate::domain::service::ServiceNames;
use crate::i18n::dates::{clock, long_date};
use crate::i18n::{fill, translations, Translations};
use chrono_tz::Tz;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AppointmentsPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let s = &t.staff;
    let (center, day) = {
        let q = use_query_map().read_untracked();
        (q.get("center"), q.get("day"))
    };
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=s.nav_appointments.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(page)) = staff_appointments(center, day).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let zone: Tz = page.time_zone.parse().unwrap_or(chrono_tz::UTC);
                let center_id = page.center_id.clone();
                let names = ServiceNames::new(&page.services, locale);
                view! {
                    <super::staff_nav::StaffNav locale staff_name=page.staff_name.clone() current="appointments" center_id=center_id.clone()/>
                    <main id="main" class="page staff">
                        <h1>{fill(&s.appointments_title, &[("center", &page.center_name)])}</h1>
                        <FilterForm action="/staff/appointments" locale button=s.show_day.clone()>
                            <CenterSelect label=s.center_label.clone() centers=page.centers chosen=center_id.clone()/>
                            <label for="day" class="field-label">{s.day_label.clone()}</label>
                            <input id="day" name="day" type="date" class="text-input" value=page.day.to_string()/>
                        </FilterForm>
                        <h2>{long_date(page.day, t.locale)}</h2>
                        {if page.entries.is_empty() {
                            view! { <p>{s.no_appointments.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <StaffTable columns=vec![s.col_time.clone(), s.col_name.clone(), s.col_service.clone(), s.col_language.clone(), s.col_accommodations.clone(), s.col_status.clone()] class="appointments-table">
                                    {page.entries.into_iter().map(|e| row(t, &names, zone, e)).collect_view()}
                                </StaffTable>
                            }.into_any()
                        }}
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn row(
    t: &'static Translations,
    names: &ServiceNames,
    zone: Tz,
    e: AppointmentEntry,
) -> impl IntoView {
    let s = &t.staff;
    // Every state staff can set shows as itself (in progress, completed, no-show too).
    let status = t.calendar.status(e.status).to_owned();
    let language = PREFERRED_LANGUAGES
        .iter()
        .find(|(code, _)| *code == e.language)
        .map(|(_, name)| name.to_string())
        .unwrap_or(e.language.clone());
    let mut needs: Vec<String> = e
        .accommodations
        .iter()
        .map(|a| t.kiosk.accommodations.label(*a).to_owned())
        .collect();
    needs.extend(
        e.interpreter_language
            .iter()
            .map(|l| fill(&s.interpreter, &[("language", l)])),
    );
    needs.extend(e.accommodation_other.iter().cloned());
    let needs = if needs.is_empty() {
        s.none.clone()
    } else {
        needs.join("; ")
    };
    view! {
        <tr data-status=e.status.code()>
            <th scope="row">{clock(e.starts_at.with_timezone(&zone).time(), t.locale)}</th>
            <td>{e.name}</td>
            <td>{names.label(&e.service).to_owned()}</td>
            <td>{language}</td>
            <td>{needs}</td>
            <td>{status}</td>
        </tr>
    }
}
