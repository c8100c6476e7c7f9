//! The queue as a table with an action form per visit. Rendered into the page and, by the
//! live event stream, into every open staff screen when the queue changes; the forms are
//! plain posts to server functions, so they work whether or not the WASM has loaded.

use crate::domain::queue::{QueueAction, Transfer};
use crate::domain::queue_view::{QueueEntry, QueueView};
use crate::domain::visit_reason::ReasonNames;
use crate::i18n::{fill, translations, Locale, Translations};
use leptos::prelude::*;

#[component]
pub fn QueueTable(queue: QueueView, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let s = &t.staff;
    let waiting = fill(&s.waiting_count, &[("count", &queue.waiting().to_string())]);
    let waits = queue.waits;
    let longest = waits.longest_now.to_string();
    let stats = match (waits.median, waits.p90) {
        (Some(median), Some(p90)) => fill(
            &s.wait_stats,
            &[
                ("longest", &longest),
                ("median", &median.to_string()),
                ("p90", &p90.to_string()),
                ("count", &waits.called.to_string()),
            ],
        ),
        _ => fill(&s.wait_stats_none, &[("longest", &longest)]),
    };
    let kiosk_wait = match queue.new_walk_in_wait {
        0 => s.kiosk_wait_next.clone(),
        minutes => fill(&s.kiosk_wait_now, &[("minutes", &minutes.to_string())]),
    };
    let stats = view! {
        <p class="wait-stats" data-testid="wait-stats">{stats}</p>
        <p class="wait-stats" data-testid="kiosk-wait">{kiosk_wait}</p>
    };
    if queue.entries.is_empty() {
        return view! { <p class="queue-summary">{s.nobody_waiting.clone()}</p> {stats} }
            .into_any();
    }
    let center_id = queue.center_id.clone();
    let zone: chrono_tz::Tz = queue.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let names = ReasonNames::new(&queue.reasons, locale);
    let open_slots = open_slots(t, &queue, zone, &names);
    // A visit goes back to the line for a reason handled here and still offered.
    let lines: Vec<(String, String)> = queue
        .reasons
        .iter()
        .filter(|r| !r.hidden && !r.details.handled_elsewhere)
        .map(|r| (r.code.clone(), names.label(&r.code).to_owned()))
        .collect();
    let row = |entry| {
        let where_to = Where {
            center_id: &center_id,
            zone,
            staff_members: &queue.staff_members,
            names: &names,
            lines: &lines,
        };
        queue_row(t, locale.tag(), where_to, entry)
    };
    view! {
        <p class="queue-summary">{waiting}</p>
        {stats}
        {open_slots}
        <table class="queue-table">
            <thead>
                <tr>
                    <th scope="col">{s.col_ticket.clone()}</th>
                    <th scope="col">{s.col_name.clone()}</th>
                    <th scope="col">{s.col_reasons.clone()}</th>
                    <th scope="col">{s.col_accommodations.clone()}</th>
                    <th scope="col">{s.col_waited.clone()}</th>
                    <th scope="col">{s.col_status.clone()}</th>
                    <th scope="col">{s.col_actions.clone()}</th>
                </tr>
            </thead>
            <tbody>
                {queue.entries.into_iter().map(row).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// Today's free appointment times, each beside the walk-in waiting longest for it, with
/// the press that gives it to them.
fn open_slots(
    t: &'static Translations,
    queue: &QueueView,
    zone: chrono_tz::Tz,
    names: &ReasonNames,
) -> Option<impl IntoView> {
    let s = &t.staff;
    (!queue.open_slots.is_empty()).then(|| {
        let lang = t.locale.tag();
        view! {
            <section class="open-slots" aria-labelledby="open-slots-heading" data-testid="open-slots">
                <h2 id="open-slots-heading">{s.open_slots_heading.clone()}</h2>
                <ul>
                    {queue.open_slots.iter().map(|o| {
                        let time = crate::i18n::dates::clock(o.start.with_timezone(&zone).time(), t.locale);
                        let line = fill(&s.open_slot, &[
                            ("time", &time),
                            ("reason", names.label(&o.reason)),
                            ("ticket", &o.ticket),
                            ("minutes", &o.waited_minutes.to_string()),
                        ]);
                        let button = fill(&s.open_slot_button, &[("time", &time), ("ticket", &o.ticket)]);
                        view! {
                            <li>
                                <form method="post" action="/staff/queue/offer-slot">
                                    <input type="hidden" name="lang" value=lang/>
                                    <input type="hidden" name="center_id" value=queue.center_id.clone()/>
                                    <input type="hidden" name="visit_id" value=o.visit_id/>
                                    <input type="hidden" name="service" value=o.service.clone()/>
                                    <input type="hidden" name="start" value=o.start.to_rfc3339()/>
                                    <p>{line}</p>
                                    <button type="submit" class="secondary-button">{button}</button>
                                </form>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// What every row shares: the center, its zone, and where a visit can be sent.
struct Where<'a> {
    center_id: &'a str,
    zone: chrono_tz::Tz,
    staff_members: &'a [(i64, String)],
    names: &'a ReasonNames,
    /// Reasons a visit can go back to the line for: code and name.
    lines: &'a [(String, String)],
}

fn queue_row(
    t: &'static Translations,
    lang: &'static str,
    at: Where<'_>,
    entry: QueueEntry,
) -> impl IntoView {
    let s = &t.staff;
    let (center_id, zone) = (at.center_id, at.zone);
    let appointment = entry.appointment_at.map(|at| {
        let time = crate::i18n::dates::clock(at.with_timezone(&zone).time(), t.locale);
        view! { <span class="badge">{fill(&s.appointment_badge, &[("time", &time)])}</span> }
    });
    let reasons = entry
        .reasons
        .iter()
        .map(|code| match at.names.team(code) {
            Some(team) => fill(
                &s.reason_with_team,
                &[("reason", at.names.label(code)), ("team", team)],
            ),
            None => at.names.label(code).to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ");
    let mut needs: Vec<String> = entry
        .accommodations
        .iter()
        .map(|a| t.kiosk.accommodations.label(*a).to_owned())
        .collect();
    needs.extend(
        entry
            .interpreter_language
            .iter()
            .map(|l| fill(&s.interpreter, &[("language", l)])),
    );
    needs.extend(entry.accommodation_other.iter().cloned());
    let needs = if needs.is_empty() {
        s.none.clone()
    } else {
        needs.join("; ")
    };
    let status = match &entry.staff_name {
        Some(name) => format!(
            "{} {}",
            s.status_label(entry.status),
            fill(&s.served_by, &[("name", name)])
        ),
        None => s.status_label(entry.status).to_owned(),
    };
    let actions = QueueAction::available_for(entry.status)
        .map(|action| {
            view! {
                <form method="post" action="/staff/queue/act" class="inline-form">
                    <input type="hidden" name="lang" value=lang/>
                    <input type="hidden" name="center_id" value=center_id.to_owned()/>
                    <input type="hidden" name="visit_id" value=entry.visit_id.to_string()/>
                    <input type="hidden" name="action" value=action.code()/>
                    <button type="submit" class=format!("action-button action-{}", action.code())
                        aria-label=format!("{} {}", s.action_label(action), entry.ticket)>
                        {s.action_label(action).to_owned()}
                    </button>
                </form>
            }
        })
        .collect_view();
    let transfer = transfer_form(t, lang, center_id, at.staff_members, at.lines, &entry);
    view! {
        <tr data-ticket=entry.ticket.clone() data-status=entry.status.code()>
            <th scope="row">{entry.ticket.clone()}</th>
            <td>{entry.name}" "{appointment}</td>
            <td>{reasons}</td>
            <td>{needs}</td>
            <td>{fill(&s.minutes, &[("minutes", &entry.waited_minutes.to_string())])}</td>
            <td>{status}</td>
            <td class="actions">{actions}{transfer}</td>
        </tr>
    }
    .into_any()
}

/// "Transfer to [a colleague, or the line for another service] [Transfer]".
fn transfer_form(
    t: &'static Translations,
    lang: &'static str,
    center_id: &str,
    staff_members: &[(i64, String)],
    lines: &[(String, String)],
    entry: &QueueEntry,
) -> impl IntoView {
    let s = &t.staff;
    let colleagues: Vec<(String, String)> = staff_members
        .iter()
        .map(|(id, name)| {
            (
                Transfer::ToStaff(*id).value(),
                fill(&s.transfer_to_staff, &[("name", name)]),
            )
        })
        .collect();
    let services: Vec<(String, String)> = lines
        .iter()
        .map(|(code, name)| {
            (
                Transfer::ToService(code.clone()).value(),
                fill(&s.transfer_to_service, &[("service", name)]),
            )
        })
        .collect();
    view! {
        <form method="post" action="/staff/queue/transfer" class="inline-form">
            <input type="hidden" name="lang" value=lang/>
            <input type="hidden" name="center_id" value=center_id.to_owned()/>
            <input type="hidden" name="visit_id" value=entry.visit_id.to_string()/>
            <select name="to" class="select" aria-label=fill(&s.transfer_label, &[("ticket", &entry.ticket)])>
                <optgroup label=s.transfer_colleagues.clone()>
                    {colleagues.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                </optgroup>
                <optgroup label=s.transfer_services.clone()>
                    {services.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
                </optgroup>
            </select>
            <button type="submit" class="action-button" aria-label=fill(&s.transfer_button_label, &[("ticket", &entry.ticket)])>
                {s.transfer_button.clone()}
            </button>
        </form>
    }
}

/// The table as an HTML string, for the live event stream.
#[cfg(feature = "ssr")]
pub fn render_queue_html(queue: QueueView, locale: Locale) -> String {
    Owner::new().with(|| view! { <QueueTable queue locale/> }.to_html())
}
