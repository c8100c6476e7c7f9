//! `/book/times`: step 2 — a day, then a time, listed in the visitor's zone with the
//! center's time beside it. With `reschedule` in context (from a manage link), the same
//! page picks the new time of an existing booking.

use super::calendar::DayPicker;
use super::frame::{language_hrefs, BookingFrame};
use super::query::{BookingQuery, CarriedFields};
use super::start_page::{StartProblems, StartStep};
use super::waitlist_page::waitlist_href;
use crate::api::booking::{bookable_services, free_times};
use crate::api::centers::list_centers;
use crate::domain::availability::{by_visitor_day, Slot};
use crate::i18n::dates::{clock, long_date, zone_label};
use crate::i18n::{fill, translations, Translations};
use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Set by the reschedule form handler when the chosen time was taken meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeTaken {
    pub nearest: Vec<DateTime<Utc>>,
}

/// Rescheduling an existing booking: where the form goes and what is booked now.
#[derive(Debug, Clone, PartialEq)]
pub struct Rescheduling {
    pub action: String,
    pub current: String,
}

#[component]
pub fn BookTimesPage() -> impl IntoView {
    let query = BookingQuery::current();
    view! {
        <Suspense>
            {Suspend::new(async move { times_step(query, None).await })}
        </Suspense>
    }
}

/// Step 2, for a new booking or (with `rescheduling`) a new time for an existing one.
pub async fn times_step(query: BookingQuery, rescheduling: Option<Rescheduling>) -> AnyView {
    let centers = list_centers().await.unwrap_or_default();
    let services = bookable_services().await.unwrap_or_default();
    let problems = StartProblems::of(&query, &centers, &services);
    let (Some(service), Some(zone), Some(center), false) = (
        query.service_in(&services).map(|s| s.name(query.locale)),
        query.zone(),
        query.center_choice(),
        problems.any(),
    ) else {
        // A booking being moved never falls back to the new-booking start, where a
        // second appointment would be made: its service or center is gone.
        if let Some(r) = rescheduling {
            return cannot_reschedule(&query, &r).into_any();
        }
        return view! { <StartStep query centers services problems/> }.into_any();
    };
    let Ok(Some(free)) = free_times(query.service.clone(), center).await else {
        if let Some(r) = rescheduling {
            return cannot_reschedule(&query, &r).into_any();
        }
        let problems = StartProblems {
            center: true,
            ..problems
        };
        return view! { <StartStep query centers services problems/> }.into_any();
    };
    let center_zone: Tz = free.center_time_zone.parse().unwrap_or(chrono_tz::UTC);
    view! { <TimesStep query service zone center_zone starts=free.starts rescheduling/> }.into_any()
}

/// The reschedule page when the booking's service or center can no longer be booked:
/// says so, with the way back to the booking (where cancelling stays).
fn cannot_reschedule(query: &BookingQuery, r: &Rescheduling) -> impl IntoView {
    let b = &translations(query.locale).booking;
    let manage = format!(
        "{}?lang={}",
        r.action.trim_end_matches("/reschedule"),
        query.locale.tag()
    );
    view! {
        <BookingFrame locale=query.locale title=b.reschedule_heading.clone()
            languages=language_hrefs(&r.action, query)>
            <h1>{b.reschedule_heading.clone()}</h1>
            <p class="notice" data-testid="no-reschedule">{b.reschedule_unavailable.clone()}</p>
            <p><a class="secondary-button" href=manage>{b.manage_heading.clone()}</a></p>
        </BookingFrame>
    }
}

#[component]
fn TimesStep(
    query: BookingQuery,
    /// The service's name.
    service: String,
    zone: Tz,
    center_zone: Tz,
    starts: Vec<DateTime<Utc>>,
    rescheduling: Option<Rescheduling>,
) -> impl IntoView {
    let locale = query.locale;
    let t = translations(locale);
    let b = &t.booking;
    let taken = use_context::<TimeTaken>();
    let slots: Vec<Slot> = starts
        .iter()
        .map(|s| Slot {
            start: *s,
            end: *s + Duration::minutes(1),
        })
        .collect();
    let days = by_visitor_day(&slots, zone);
    let counts: BTreeMap<_, _> = days.iter().map(|(d, s)| (*d, s.len())).collect();
    let today = Utc::now().with_timezone(&zone).date_naive();
    let last = counts.keys().next_back().copied().unwrap_or(today);
    // The chosen day if it has times, else the first day that does.
    let chosen = query
        .day()
        .filter(|d| counts.contains_key(d))
        .or_else(|| counts.keys().next().copied());
    let heading = match &rescheduling {
        Some(_) => b.reschedule_heading.clone(),
        None => b.day_heading.clone(),
    };
    let summary = format!("{service} · {}", zone_label(zone.name()));
    let change_href = query.href("/book");
    // Days and languages stay on the page they were chosen on: a new booking's times, or
    // the reschedule page of the booking being moved.
    let path = rescheduling
        .as_ref()
        .map_or("/book/times".to_owned(), |r| r.action.clone());
    let times = chosen.map(|day| {
        let choices = days.get(&day).cloned().unwrap_or_default();
        view! {
            <TimeChoices query=query.clone() day zone center_zone
                choices=choices.into_iter().map(|s| s.start).collect() rescheduling=rescheduling.clone()/>
        }
    });
    view! {
        <BookingFrame locale title=heading.clone() languages=language_hrefs(&path, &query)
            step=rescheduling.is_none().then_some(2u8)>
            <h1>{heading}</h1>
            {rescheduling.as_ref().map(|r| view! { <p class="lead">{fill(&b.reschedule_current, &[("time", &r.current)])}</p> })}
            {taken.map(|taken| taken_notice(t, &query, zone, center_zone, taken, rescheduling.as_ref()))}
            {rescheduling.is_none().then(|| view! {
                <p class="choices-summary">{summary}" " <a href=change_href>{b.change.clone()}</a></p>
            })}
            {if counts.is_empty() {
                view! { <p class="notice">{b.no_times_at_all.clone()}</p> }.into_any()
            } else {
                view! {
                    <p class="field-hint">{fill(&b.day_hint, &[("zone", &zone_label(zone.name()))])}</p>
                    <div class="calendars">
                        <DayPicker query=query.clone() path=path.clone() first=today last free=counts chosen/>
                    </div>
                    {times}
                }.into_any()
            }}
            // No time that suits, or none at all: the waiting list (not when moving a
            // booking, which keeps its time until a new one is chosen).
            {rescheduling.is_none().then(|| view! {
                <section class="waitlist-prompt" aria-labelledby="waitlist-prompt">
                    <p id="waitlist-prompt">{t.waitlist.times_prompt.clone()}</p>
                    <p><a class="secondary-button" href=waitlist_href(&query) data-testid="join-waitlist">{t.waitlist.join_link.clone()}</a></p>
                </section>
            })}
        </BookingFrame>
    }
}

/// One time as a choice: the visitor's clock, and the center's when it differs.
pub fn time_label(
    t: &Translations,
    start: DateTime<Utc>,
    zone: Tz,
    center_zone: Tz,
) -> (String, Option<String>) {
    let mine = clock(start.with_timezone(&zone).time(), t.locale);
    let theirs = clock(start.with_timezone(&center_zone).time(), t.locale);
    let differs =
        start.with_timezone(&zone).naive_local() != start.with_timezone(&center_zone).naive_local();
    (
        mine,
        differs.then(|| fill(&t.booking.center_time, &[("time", &theirs)])),
    )
}

#[component]
fn TimeChoices(
    query: BookingQuery,
    day: chrono::NaiveDate,
    zone: Tz,
    center_zone: Tz,
    choices: Vec<DateTime<Utc>>,
    rescheduling: Option<Rescheduling>,
) -> impl IntoView {
    let t = translations(query.locale);
    let b = &t.booking;
    let (method, action, button) = match &rescheduling {
        Some(r) => ("post", r.action.clone(), b.reschedule_button.clone()),
        None => ("get", "/book/details".to_owned(), b.continue_button.clone()),
    };
    view! {
        <section id="times" class="times" aria-labelledby="times-heading">
            <h2 id="times-heading">{fill(&b.times_heading, &[("date", &long_date(day, t.locale))])}</h2>
            <form method=method action=action class="booking-form">
                <CarriedFields query=query.clone()/>
                <fieldset class="field">
                    <legend class="field-hint">{b.times_hint.clone()}</legend>
                    <div class="time-list">
                        {choices.into_iter().enumerate().map(|(i, start)| {
                            let (mine, theirs) = time_label(t, start, zone, center_zone);
                            let id = format!("time-{i}");
                            let label_for = id.clone();
                            view! {
                                <label class="choice time-choice" for=label_for>
                                    <input type="radio" id=id name="start" value=start.to_rfc3339() required checked=i == 0/>
                                    <span class="time-mine">{mine}</span>
                                    {theirs.map(|x| view! { <span class="time-theirs">{x}</span> })}
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <button type="submit" class="primary-button">{button}</button>
            </form>
        </section>
    }
}

/// "That time was just taken", with the nearest free times to pick instead.
pub fn taken_notice(
    t: &'static Translations,
    query: &BookingQuery,
    zone: Tz,
    center_zone: Tz,
    taken: TimeTaken,
    rescheduling: Option<&Rescheduling>,
) -> impl IntoView {
    let b = &t.booking;
    let alternatives = (!taken.nearest.is_empty()).then(|| {
        let action = rescheduling
            .map(|r| r.action.clone())
            .unwrap_or_else(|| "/book/details".to_owned());
        let method = if rescheduling.is_some() {
            "post"
        } else {
            "get"
        };
        view! {
            <ul class="alternatives">
                {taken.nearest.iter().map(|start| {
                    let (mine, theirs) = time_label(t, *start, zone, center_zone);
                    let date = long_date(start.with_timezone(&zone).date_naive(), t.locale);
                    view! {
                        <li>
                            <form method=method action=action.clone()>
                                <CarriedFields query=query.clone()/>
                                <input type="hidden" name="start" value=start.to_rfc3339()/>
                                <button type="submit" class="secondary-button">
                                    {format!("{date}, {mine}")}
                                    {theirs.map(|x| format!(" ({x})"))}
                                </button>
                            </form>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <div class="notice notice-error" role="alert">
            <h2>{b.taken_heading.clone()}</h2>
            <p>{if alternatives.is_some() { b.taken_body.clone() } else { b.taken_none.clone() }}</p>
            {alternatives}
        </div>
    }
}
