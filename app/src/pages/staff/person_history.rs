//! The "History" list of an appointment's details page: the person's other appointments
//! (each a link to its own details), their workshop enrolments and walk-in visits under
//! the same name, newest first, each on the wall clock of where it happened.

use crate::api::calendar::AppointmentInfo;
use crate::domain::service::ServiceNames;
use crate::i18n::dates::date_and_time;
use crate::i18n::{fill, Locale, Translations};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

pub fn person_history(t: &'static Translations, locale: Locale, a: &AppointmentInfo) -> AnyView {
    let c = &t.calendar;
    let zone_of = |name: &str| name.parse().unwrap_or(chrono_tz::UTC);
    let appointment_zone: chrono_tz::Tz = zone_of(&a.time_zone);
    let names = ServiceNames::new(&a.services, locale);
    let mut lines: Vec<(DateTime<Utc>, AnyView)> = Vec::new();
    for h in &a.history {
        let service = names.label(&h.service);
        let text = format!(
            "{} · {service} · {} · {}",
            date_and_time(h.starts_at, zone_of(&h.time_zone), t.locale),
            h.center_name,
            c.status(h.status)
        );
        let href = format!("/staff/calendar/{}?lang={}", h.id, locale.tag());
        lines.push((h.starts_at, view! { <a href=href>{text}</a> }.into_any()));
    }
    for e in &a.enrolments {
        let zone = e
            .time_zone
            .as_deref()
            .map(zone_of)
            .unwrap_or(appointment_zone);
        let text = fill(
            &c.history_enrolment,
            &[
                ("when", &date_and_time(e.starts_at, zone, t.locale)),
                ("title", &e.title),
                (
                    "place",
                    e.center_name.as_deref().unwrap_or(&c.history_online),
                ),
                ("status", c.enrolment_status(e.status)),
            ],
        );
        lines.push((e.starts_at, text.into_any()));
    }
    let names = crate::domain::visit_reason::ReasonNames::new(&a.visit_reasons, locale);
    for v in &a.walk_ins {
        let reasons: Vec<&str> = v.reasons.iter().map(|r| names.label(r)).collect();
        let text = fill(
            &c.history_walk_in,
            &[
                (
                    "when",
                    &date_and_time(v.checked_in_at, zone_of(&v.time_zone), t.locale),
                ),
                ("center", &v.center_name),
                ("reasons", &reasons.join(", ")),
                ("status", t.staff.status_label(v.status)),
            ],
        );
        lines.push((v.checked_in_at, text.into_any()));
    }
    if lines.is_empty() {
        return view! { <p>{c.no_history.clone()}</p> }.into_any();
    }
    lines.sort_by_key(|line| std::cmp::Reverse(line.0));
    view! {
        <ul data-testid="history">
            {lines.into_iter().map(|(_, line)| view! { <li>{line}</li> }).collect_view()}
        </ul>
    }
    .into_any()
}
