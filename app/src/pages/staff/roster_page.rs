//! `/staff/workshops/{id}`: a session's roster — who is enrolled (with attendance) and
//! the waitlist in order — and its capacity. Prints as a plain sign-in sheet.

use super::staff_nav::StaffNav;
use crate::api::staff_workshops::{staff_roster, RosterEntry};
use crate::i18n::dates::date_and_time;
use crate::i18n::{fill, translations, Translations};
use crate::pages::workshops::session_card::title;
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn RosterPage() -> impl IntoView {
    let locale = crate::pages::page_locale();
    let t = translations(locale);
    let s = &t.staff;
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or(0);
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <Title text=s.roster_heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(roster)) = staff_roster(id).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let session = roster.session;
                let zone: chrono_tz::Tz = session.time_zone.parse().unwrap_or(chrono_tz::UTC);
                let (seated, waiting): (Vec<RosterEntry>, Vec<RosterEntry>) =
                    roster.entries.into_iter().partition(|e| e.status != "waitlisted");
                view! {
                    <StaffNav locale staff_name=roster.staff_name current="workshops" center_id=String::new()/>
                    <main id="main" class="page staff roster">
                        <h1>{title(&session, locale)}</h1>
                        <p>{date_and_time(session.starts_at, zone, &t.common)}" · "
                            {session.center_name.clone().unwrap_or_else(|| t.workshops.virtual_place.clone())}</p>
                        <p data-testid="roster-seats">{fill(&s.roster_seats, &[("enrolled", &session.enrolled.to_string()), ("capacity", &session.capacity.to_string())])}</p>
                        <form method="post" action="/api/staff/workshops/capacity" class="inline-form no-print">
                            <input type="hidden" name="session_id" value=session.id.to_string()/>
                            <label for="capacity" class="field-label">{t.workshops.seats_label.clone()}</label>
                            <input id="capacity" name="capacity" type="number" min="0" class="text-input" value=session.capacity.to_string()/>
                            <button type="submit" class="secondary-button">{s.change_capacity.clone()}</button>
                        </form>
                        <h2>{s.roster_enrolled.clone()}</h2>
                        <table class="queue-table">
                            <thead><tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{s.col_name.clone()}</th>
                                <th scope="col">{s.col_status.clone()}</th>
                                <th scope="col" class="no-print">{s.col_actions.clone()}</th>
                            </tr></thead>
                            <tbody>
                                {seated.into_iter().enumerate().map(|(n, e)| seated_row(t, session.id, n + 1, e)).collect_view()}
                            </tbody>
                        </table>
                        <h2>{s.roster_waitlist.clone()}</h2>
                        {if waiting.is_empty() {
                            view! { <p>{s.none.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="waitlist" data-testid="waitlist">
                                    {waiting.into_iter().map(|e| view! { <li>{e.name}</li> }).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

fn seated_row(
    t: &'static Translations,
    session_id: i64,
    n: usize,
    e: RosterEntry,
) -> impl IntoView {
    let s = &t.staff;
    let status = match e.status.as_str() {
        "attended" => s.attended.clone(),
        "no_show" => s.no_show.clone(),
        _ => s.roster_enrolled.clone(),
    };
    let button = |value: &'static str, label: String| {
        let described = format!("{label}: {}", e.name);
        view! {
            <form method="post" action="/api/staff/workshops/attendance" class="inline-form">
                <input type="hidden" name="session_id" value=session_id.to_string()/>
                <input type="hidden" name="enrolment_id" value=e.enrolment_id.to_string()/>
                <input type="hidden" name="status" value=value/>
                <button type="submit" class="action-button" aria-label=described>{label}</button>
            </form>
        }
    };
    view! {
        <tr data-status=e.status.clone()>
            <td>{n}</td>
            <th scope="row">{e.name.clone()}</th>
            <td>{status}</td>
            <td class="actions no-print">
                {button("attended", s.attended.clone())}
                {button("no_show", s.no_show.clone())}
            </td>
        </tr>
    }
}
