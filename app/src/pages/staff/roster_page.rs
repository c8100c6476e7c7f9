//! `/staff/workshops/{id}`: a session's roster — who is enrolled (with attendance) and
//! the waitlist in order, each of whom can be moved to another session — its capacity,
//! and the ways to edit or cancel it. Prints as a plain sign-in sheet.

use super::staff_nav::StaffNav;
use crate::api::staff_workshops::{staff_roster, RosterEntry};
use crate::api::workshops::SessionView;
use crate::components::page_title::PageTitle;
use crate::domain::workshop_status::EnrolmentStatus;
use crate::i18n::dates::date_and_time;
use crate::i18n::{fill, translations, Translations};
use crate::pages::workshops::session_card::title;
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RosterPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let s = &t.staff;
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or(0);
    let notice = use_query_map()
        .read_untracked()
        .get("notice")
        .and_then(|code| notice_text(t, &code));
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=s.roster_heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(roster)) = staff_roster(id).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let session = roster.session;
                let zone: chrono_tz::Tz = session.time_zone.parse().unwrap_or(chrono_tz::UTC);
                let (seated, waiting): (Vec<RosterEntry>, Vec<RosterEntry>) =
                    roster.entries.into_iter().partition(|e| e.status != EnrolmentStatus::Waitlisted);
                let a = &t.session_admin;
                let targets = move_choices(&roster.move_targets, locale);
                let edit = format!("/staff/workshops/{}/edit?lang={}", session.id, locale.tag());
                let cancel_action = format!("/staff/workshops/{}/cancel", session.id);
                let in_series = session.series_id.is_some();
                let live = !session.cancelled;
                let can_manage = roster.can_manage;
                view! {
                    <StaffNav locale staff_name=roster.staff_name current="workshops" center_id=String::new()/>
                    <main id="main" class="page staff roster">
                        {notice.clone().map(|n| view! { <p class="notice notice-ok" role="status">{n}</p> })}
                        <h1>{title(&session, locale)}
                            {session.cancelled.then(|| view! { " " <span class="badge badge-cancelled">{a.cancelled_badge.clone()}</span> })}
                        </h1>
                        <p>{date_and_time(session.starts_at, zone, t.locale)}" · "
                            {session.center_name.clone().unwrap_or_else(|| t.workshops.virtual_place.clone())}
                            {roster.meeting_link.clone().map(|link| view! { " · " <a href=link.clone()>{link.clone()}</a> })}</p>
                        {(!roster.facilitator.is_empty()).then(|| view! { <p>{fill(&a.facilitator_line, &[("name", &roster.facilitator)])}</p> })}
                        {(live && can_manage).then(|| view! { <p class="no-print"><a href=edit.clone()>{a.edit_link.clone()}</a></p> })}
                        <p data-testid="roster-seats">{fill(&s.roster_seats, &[("enrolled", &session.enrolled.to_string()), ("capacity", &session.capacity.to_string())])}</p>
                        {can_manage.then(|| view! {
                            <form method="post" action=format!("/staff/workshops/{}/capacity", session.id) class="inline-form no-print">
                                <input type="hidden" name="lang" value=locale.tag()/>
                                <label for="capacity" class="field-label">{t.workshops.seats_label.clone()}</label>
                                <input id="capacity" name="capacity" type="number" min="1" max="500" class="text-input" value=session.capacity.to_string()/>
                                <button type="submit" class="secondary-button">{s.change_capacity.clone()}</button>
                            </form>
                        })}
                        <h2>{s.roster_enrolled.clone()}</h2>
                        <table class="queue-table">
                            <thead><tr>
                                <th scope="col">"#"</th>
                                <th scope="col">{s.col_name.clone()}</th>
                                <th scope="col">{s.col_status.clone()}</th>
                                <th scope="col" class="no-print">{s.col_actions.clone()}</th>
                            </tr></thead>
                            <tbody>
                                {seated.into_iter().enumerate().map(|(n, e)| seated_row(t, session.id, n + 1, e, &targets)).collect_view()}
                            </tbody>
                        </table>
                        <h2>{s.roster_waitlist.clone()}</h2>
                        {if waiting.is_empty() {
                            view! { <p>{s.none.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="waitlist" data-testid="waitlist">
                                    {waiting.into_iter().map(|e| view! {
                                        <li>{e.name.clone()}" "{move_form(t, session.id, &e, &targets)}</li>
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                        {(live && can_manage).then(|| view! {
                            <section class="no-print cancel-session" aria-labelledby="cancel-heading">
                                <h2 id="cancel-heading">{a.cancel_heading.clone()}</h2>
                                <p>{a.cancel_hint.clone()}</p>
                                <form method="post" action=cancel_action.clone()>
                                    <input type="hidden" name="lang" value=locale.tag()/>
                                    {in_series.then(|| view! {
                                        <label class="choice" for="rest_of_series">
                                            <input type="checkbox" id="rest_of_series" name="rest_of_series" value="yes"/>
                                            <span>{a.cancel_series.clone()}</span>
                                        </label>
                                    })}
                                    <button type="submit" class="danger-button">{a.cancel_button.clone()}</button>
                                </form>
                            </section>
                        })}
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
    targets: &MoveChoices,
) -> impl IntoView {
    let s = &t.staff;
    let status = match e.status {
        EnrolmentStatus::Attended => s.attended.clone(),
        EnrolmentStatus::NoShow => s.no_show.clone(),
        _ => s.roster_enrolled.clone(),
    };
    let button = |value: &'static str, label: String| {
        let described = format!("{label}: {}", e.name);
        view! {
            <form method="post" action=format!("/staff/workshops/{session_id}/attendance") class="inline-form">
                <input type="hidden" name="lang" value=targets.lang/>
                <input type="hidden" name="enrolment" value=e.enrolment_id.to_string()/>
                <input type="hidden" name="status" value=value/>
                <button type="submit" class="action-button" aria-label=described>{label}</button>
            </form>
        }
    };
    view! {
        <tr data-status=e.status.code()>
            <td>{n}</td>
            <th scope="row">{e.name.clone()}</th>
            <td>{status}</td>
            <td class="actions no-print">
                {button("attended", s.attended.clone())}
                {button("no_show", s.no_show.clone())}
                {move_form(t, session_id, &e, targets)}
            </td>
        </tr>
    }
}

/// Where people on this roster can be moved, and the page's language.
struct MoveChoices {
    lang: &'static str,
    /// Id and "Tue, Nov 24, 10:00 AM · Resume writing · Portland".
    sessions: Vec<(i64, String)>,
}

fn move_choices(sessions: &[SessionView], locale: crate::i18n::Locale) -> MoveChoices {
    let t = translations(locale);
    let sessions = sessions
        .iter()
        .map(|w| {
            let zone: chrono_tz::Tz = w.time_zone.parse().unwrap_or(chrono_tz::UTC);
            let place = w
                .center_name
                .clone()
                .unwrap_or_else(|| t.workshops.virtual_place.clone());
            let when = date_and_time(w.starts_at, zone, t.locale);
            (w.id, format!("{when} · {} · {place}", title(w, locale)))
        })
        .collect();
    MoveChoices {
        lang: locale.tag(),
        sessions,
    }
}

/// "Move to [session] [Move]" for one person.
fn move_form(
    t: &'static Translations,
    session_id: i64,
    e: &RosterEntry,
    targets: &MoveChoices,
) -> impl IntoView {
    let a = &t.session_admin;
    let select_id = format!("move-{}", e.enrolment_id);
    let described = fill(&a.move_described, &[("name", &e.name)]);
    (!targets.sessions.is_empty()).then(|| {
        view! {
            <form method="post" action=format!("/staff/workshops/{session_id}/move") class="inline-form no-print">
                <input type="hidden" name="lang" value=targets.lang/>
                <input type="hidden" name="enrolment" value=e.enrolment_id.to_string()/>
                <select id=select_id name="to" class="select" aria-label=format!("{}: {}", a.move_label, e.name)>
                    {targets.sessions.iter().map(|(id, label)| view! { <option value=id.to_string()>{label.clone()}</option> }).collect_view()}
                </select>
                <button type="submit" class="secondary-button" aria-label=described>{a.move_button.clone()}</button>
            </form>
        }
    })
}

/// The message for `?notice=` after a change, or none for an unknown code.
fn notice_text(t: &'static Translations, code: &str) -> Option<String> {
    let a = &t.session_admin;
    let counted = |prefix: &str, template: &str| {
        code.strip_prefix(prefix)
            .and_then(|n| n.parse::<u32>().ok())
            .map(|n| fill(template, &[("count", &n.to_string())]))
    };
    match code {
        "created" => Some(a.notice_created.clone()),
        "saved" => Some(a.notice_saved.clone()),
        "cancelled" => Some(a.notice_cancelled.clone()),
        "moved" => Some(a.notice_moved.clone()),
        "moved_waitlisted" => Some(a.notice_moved_waitlisted.clone()),
        "move_already_there" => Some(a.notice_move_already_there.clone()),
        "move_refused" => Some(a.notice_move_refused.clone()),
        "capacity_changed" => Some(a.notice_capacity_changed.clone()),
        "capacity_refused" => Some(a.notice_capacity_refused.clone()),
        _ => counted("created_series_", &a.notice_created_series)
            .or_else(|| counted("saved_", &a.notice_saved_notified)),
    }
}
