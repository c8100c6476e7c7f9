//! `/staff/calendar?center=…&view=day|week&day=…&service=…&staff=…`: appointments and
//! workshop sessions of a day or week, one center or all. Each appointment links to its
//! details, so a click or Enter on the name opens them.

use super::staff_nav::StaffNav;
use crate::api::calendar::{staff_calendar, CalendarAppointment, CalendarDay};
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::live_updater::LiveUpdater;
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::domain::service::ServiceNames;
use crate::i18n::dates::{clock, long_date};
use crate::i18n::{translations, Locale, Translations};
use crate::pages::booking::held_choice;
use crate::pages::workshops::session_card::title;
use chrono::Duration;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CalendarPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let c = &t.calendar;
    let query = use_query_map().read_untracked();
    let args = (
        query.get("center"),
        query.get("view"),
        query.get("day"),
        query.get("service"),
        query.get("staff"),
    );
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=c.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let (center, view, day, service, staff) = args.clone();
                let Ok(data) = staff_calendar(center, view, day, service, staff).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let step = if data.week { 7 } else { 1 };
                let link = |day: chrono::NaiveDate| {
                    format!(
                        "/staff/calendar?lang={}&center={}&view={}&day={day}&service={}&staff={}",
                        locale.tag(),
                        data.center,
                        if data.week { "week" } else { "day" },
                        data.service.as_deref().unwrap_or(""),
                        data.staff_id.map(|s| s.to_string()).unwrap_or_default(),
                    )
                };
                // The live stream renders the same days for the same filters.
                let live_query = link(data.day).split_once('?').map(|(_, q)| q.to_owned()).unwrap_or_default();
                let earlier = link(data.day - Duration::days(step));
                let later = link(data.day + Duration::days(step));
                let service_code = data.service.clone().unwrap_or_default();
                let staff_value = data.staff_id.map(|s| s.to_string()).unwrap_or_default();
                let names = ServiceNames::new(&data.services, locale);
                let service_options = data.services.iter().filter(|s| !s.hidden || s.code == service_code).map(|s| view! {
                    <option value=s.code.clone() selected=s.code == service_code>{s.name(locale)}</option>
                }).collect_view();
                view! {
                    <StaffNav locale staff_name=data.staff_name.clone() current="calendar" center_id=data.center.clone()/>
                    <main id="main" class="page staff calendar">
                        <h1>{c.heading.clone()}</h1>
                        <FilterForm action="/staff/calendar" locale button=c.show.clone() wide=true>
                            <CenterSelect label=c.center_label.clone() centers=data.centers.clone() chosen=data.center.clone() all=c.all_centers.clone()/>
                            <label for="day" class="field-label">{c.day_label.clone()}</label>
                            <input id="day" name="day" type="date" class="text-input" value=data.day.to_string()/>
                            <label for="view" class="field-label">{c.view_label.clone()}</label>
                            <select id="view" name="view" class="select">
                                <option value="day" selected=!data.week>{c.view_day.clone()}</option>
                                <option value="week" selected=data.week>{c.view_week.clone()}</option>
                            </select>
                            <label for="service" class="field-label">{c.service_label.clone()}</label>
                            <select id="service" name="service" class="select">
                                <option value="">{c.any_service.clone()}</option>
                                {service_options}
                            </select>
                            <label for="staff" class="field-label">{c.staff_label.clone()}</label>
                            <select id="staff" name="staff" class="select">
                                <option value="">{c.any_staff.clone()}</option>
                                {data.staff_members.iter().map(|(id, name)| view! {
                                    <option value=id.to_string() selected=id.to_string() == staff_value>{name.clone()}</option>
                                }).collect_view()}
                            </select>
                        </FilterForm>
                        <p class="calendar-steps">
                            <a href=earlier>{format!("← {}", c.previous)}</a>" "
                            <a href=later>{format!("{} →", c.next)}</a>
                        </p>
                        <LiveUpdater
                            events_url=format!("/staff/calendar/events?{live_query}")
                            target_id="calendar-live".to_owned()
                            live_label=t.staff.live.clone()
                            reconnecting_label=t.staff.reconnecting.clone()
                        />
                        <div id="calendar-live" aria-live="polite">
                            <CalendarDays days=data.days names locale/>
                        </div>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The days of the calendar: rendered into the page and, on every change, into each open
/// calendar by the live stream.
#[component]
pub fn CalendarDays(days: Vec<CalendarDay>, names: ServiceNames, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    days.into_iter()
        .map(|day| day_section(t, names.clone(), locale, day))
        .collect_view()
}

/// The days as HTML, for the live stream.
#[cfg(feature = "ssr")]
pub fn render_calendar_html(days: Vec<CalendarDay>, names: ServiceNames, locale: Locale) -> String {
    Owner::new().with(|| view! { <CalendarDays days names locale/> }.to_html())
}

fn day_section(
    t: &'static Translations,
    names: ServiceNames,
    locale: Locale,
    day: CalendarDay,
) -> impl IntoView {
    let c = &t.calendar;
    let heading_id = format!("day-{}", day.date);
    let labelled_by = heading_id.clone();
    let empty = day.appointments.is_empty() && day.sessions.is_empty();
    // Type-erased: the nested tables otherwise exceed the compiler's query depth in the
    // browser build.
    view! {
        <section class="calendar-day" aria-labelledby=labelled_by data-day=day.date.to_string()>
            <h2 id=heading_id>{long_date(day.date, t.locale)}</h2>
            {empty.then(|| view! { <p>{c.nothing.clone()}</p> })}
            {(!day.appointments.is_empty()).then(|| view! {
                <StaffTable columns=vec![c.col_time.clone(), c.col_name.clone(), c.col_service.clone(), c.col_center.clone(), c.col_status.clone(), c.col_staff.clone(), c.col_needs.clone()] caption=c.appointments_heading.clone()>
                    {day.appointments.into_iter().map(|a| appointment_row(t, &names, locale, a)).collect_view()}
                </StaffTable>
            })}
            {(!day.sessions.is_empty()).then(|| view! {
                <StaffTable columns=vec![c.col_time.clone(), c.col_session.clone(), c.col_center.clone(), c.col_seats.clone()] caption=c.sessions_heading.clone()>
                    {day.sessions.into_iter().map(|s| {
                        let zone: chrono_tz::Tz = s.time_zone.parse().unwrap_or(chrono_tz::UTC);
                        let seats = if s.cancelled {
                            c.status_cancelled.clone()
                        } else {
                            format!("{} / {}", s.enrolled, s.capacity)
                        };
                        view! {
                            <tr>
                                <td>{clock(s.starts_at.with_timezone(&zone).time(), t.locale)}</td>
                                <th scope="row"><a href=format!("/staff/workshops/{}?lang={}", s.id, locale.tag())>{title(&s, locale)}</a></th>
                                <td>{s.center_name.clone().unwrap_or_else(|| t.workshops.virtual_place.clone())}</td>
                                <td data-label=c.col_seats.clone()>{seats}</td>
                            </tr>
                        }
                    }).collect_view()}
                </StaffTable>
            })}
        </section>
    }
    .into_any()
}

fn appointment_row(
    t: &'static Translations,
    names: &ServiceNames,
    locale: Locale,
    a: CalendarAppointment,
) -> impl IntoView {
    let c = &t.calendar;
    let zone: chrono_tz::Tz = a.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let needs = a
        .accommodations
        .iter()
        .map(|n| t.kiosk.accommodations.label(*n).to_owned())
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <tr data-status=a.status.code()>
            <td>{clock(a.starts_at.with_timezone(&zone).time(), t.locale)}</td>
            <th scope="row"><a href=format!("/staff/calendar/{}?lang={}", a.id, locale.tag())>{a.name.clone()}</a></th>
            <td>{format!("{} · {}", names.label(&a.service), held_choice::way_label(&t.booking, a.held).0)}</td>
            <td>{a.center_name.clone()}</td>
            <td><span class=format!("status status-{}", a.status.code())>{c.status(a.status).to_owned()}</span></td>
            <td>{a.staff_name.clone().unwrap_or_else(|| c.unassigned.clone())}</td>
            <td>{if needs.is_empty() { t.staff.none.clone() } else { needs }}</td>
        </tr>
    }
    .into_any()
}
