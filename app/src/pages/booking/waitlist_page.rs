//! `/book/waitlist`: "Tell me when a time opens", reached from the day-and-time step. The
//! participant leaves the days and parts of the day that suit them and what a booking
//! needs; the form posts to `/book/waitlist`, which answers a refusal with this page again
//! (everything typed kept, `WaitlistSubmission` in context) and success with `?sent=1`.

use super::about_you::{field_label, AboutYouFields};
use super::frame::{language_hrefs, BookingFrame};
use super::query::{BookingQuery, CarriedFields};
use super::start_page::{StartProblems, StartStep};
use crate::api::booking::bookable_services;
use crate::api::centers::list_centers;
use crate::domain::booking_form::{DetailsAnswers, DetailsField, DetailsProblem};
use crate::domain::waitlist::{PartOfDay, WishProblem, HOLD_MINUTES};
use crate::i18n::dates::{weekday, zone_label};
use crate::i18n::{fill, translations, Locale, WaitlistStrings};
use chrono::Weekday;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A refused "tell me when a time opens", shown again.
#[derive(Debug, Clone, PartialEq)]
pub struct WaitlistSubmission {
    pub answers: DetailsAnswers,
    /// ISO weekday numbers as ticked.
    pub days: Vec<String>,
    /// Part-of-day codes as ticked.
    pub parts: Vec<String>,
    pub problems: Vec<(DetailsField, DetailsProblem)>,
    pub wish_problems: Vec<WishProblem>,
    /// The request failed: nothing was saved, try again.
    pub failed: bool,
    /// Refused by a rate limit: how long to wait.
    pub limited: Option<String>,
}

/// The link to this page from a booking step, with the choices made so far.
pub fn waitlist_href(query: &BookingQuery) -> String {
    BookingQuery {
        day: String::new(),
        start: String::new(),
        ..query.clone()
    }
    .href("/book/waitlist")
}

#[component]
pub fn WaitlistPage() -> impl IntoView {
    let query = BookingQuery::current();
    let sent = use_query_map().read_untracked().get("sent").is_some();
    let submission = use_context::<WaitlistSubmission>();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let centers = list_centers().await.unwrap_or_default();
                let services = bookable_services().await.unwrap_or_default();
                let problems = StartProblems::of(&query, &centers, &services);
                let (Some(service), Some(_), Some(center), false) =
                    (query.service_in(&services).cloned(), query.zone(), query.center_choice(), problems.any())
                else {
                    return view! { <StartStep query centers services problems/> }.into_any();
                };
                if sent {
                    return view! { <Sent query/> }.into_any();
                }
                let t = translations(query.locale);
                let where_ = match center {
                    Some(id) => centers.iter().find(|c| c.id == id)
                        .map(|c| crate::pages::center_place(query.locale, &c.name))
                        .unwrap_or_default(),
                    None => t.booking.any_center.clone(),
                };
                let summary = format!("{} · {where_}", service.name(query.locale));
                view! { <JoinForm query summary ways=service.details.held.clone() submission/> }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn Sent(query: BookingQuery) -> impl IntoView {
    let w = &translations(query.locale).waitlist;
    view! {
        <BookingFrame locale=query.locale title=w.sent_heading.clone() languages=language_hrefs("/book/waitlist", &query)>
            <h1>{w.sent_heading.clone()}</h1>
            <p class="notice notice-ok" role="status" data-testid="waitlist-sent">{w.sent_body.clone()}</p>
        </BookingFrame>
    }
}

#[component]
fn JoinForm(
    query: BookingQuery,
    /// "Career coaching · WorkSource Tigard".
    summary: String,
    ways: Vec<crate::domain::service::HowHeld>,
    submission: Option<WaitlistSubmission>,
) -> impl IntoView {
    let locale = query.locale;
    let t = translations(locale);
    let (b, w) = (&t.booking, &t.waitlist);
    let s = submission.unwrap_or_else(|| WaitlistSubmission {
        answers: DetailsAnswers {
            language: locale.tag().to_owned(),
            ..Default::default()
        },
        // Weekdays and the hours most centers keep, as a start the person narrows.
        days: (1..=5).map(|d: u32| d.to_string()).collect(),
        parts: vec!["morning".to_owned(), "afternoon".to_owned()],
        problems: Vec::new(),
        wish_problems: Vec::new(),
        failed: false,
        limited: None,
    });
    let zone = query
        .zone()
        .map(|z| zone_label(z.name()))
        .unwrap_or_default();
    let listed: Vec<(String, String)> = s
        .wish_problems
        .iter()
        .map(|p| match p {
            WishProblem::NoDay => ("days".to_owned(), w.error_no_day.clone()),
            WishProblem::NoPartOfDay => ("parts".to_owned(), w.error_no_part.clone()),
        })
        .chain(s.problems.iter().map(|(field, problem)| {
            (
                field.name().to_owned(),
                format!("{}: {}", field_label(t, *field), b.problem(*problem)),
            )
        }))
        .collect();
    let intro = fill(&w.intro, &[("minutes", &HOLD_MINUTES.to_string())]);
    let change_href = query.href("/book/times");
    view! {
        <BookingFrame locale title=w.heading.clone() languages=language_hrefs("/book/waitlist", &query)>
            <h1>{w.heading.clone()}</h1>
            <p class="lead">{intro}</p>
            <p class="choices-summary">{summary}" · "{zone}" " <a href=change_href>{b.change.clone()}</a></p>
            {s.failed.then(|| view! { <p class="notice notice-error" role="alert">{b.request_failed.clone()}</p> })}
            {s.limited.clone().map(|m| view! { <p class="notice notice-error" role="alert" data-testid="limited">{m}</p> })}
            {(!listed.is_empty()).then(|| view! {
                <div class="notice notice-error" role="alert" id="problems">
                    <p>{b.problems_heading.clone()}</p>
                    <ul>
                        {listed.into_iter().map(|(id, text)| view! { <li><a href=format!("#{id}")>{text}</a></li> }).collect_view()}
                    </ul>
                </div>
            })}
            <form method="post" action="/book/waitlist" class="booking-form" novalidate>
                <CarriedFields query=query.clone()/>
                <DayChoices w locale chosen=s.days.clone()
                    error=s.wish_problems.contains(&WishProblem::NoDay).then(|| w.error_no_day.clone())/>
                <PartChoices w chosen=s.parts.clone()
                    error=s.wish_problems.contains(&WishProblem::NoPartOfDay).then(|| w.error_no_part.clone())/>
                <AboutYouFields locale ways answers=s.answers.clone() problems=s.problems.clone()/>
                <button type="submit" class="primary-button">{w.join_button.clone()}</button>
            </form>
        </BookingFrame>
    }
}

/// The days of the week as checkboxes (`day` = ISO number), named as the language names
/// them.
#[component]
fn DayChoices(
    w: &'static WaitlistStrings,
    locale: Locale,
    chosen: Vec<String>,
    error: Option<String>,
) -> impl IntoView {
    const WEEK: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let described_by = error.as_ref().map(|_| "days-error");
    view! {
        <fieldset class="field" id="days" aria-describedby=described_by>
            <legend class="field-label">{w.days_legend.clone()}</legend>
            {error.map(|e| view! { <p class="field-error" id="days-error">{e}</p> })}
            <div class="choice-list">
                {WEEK.into_iter().map(|day| {
                    let number = day.number_from_monday().to_string();
                    let id = format!("day-{number}");
                    let label_for = id.clone();
                    let checked = chosen.contains(&number);
                    view! {
                        <label class="choice" for=label_for>
                            <input type="checkbox" id=id name="day" value=number checked=checked/>
                            <span class="choice-label">{weekday(day, false, locale)}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

/// Mornings, afternoons, evenings as checkboxes (`part` = code).
#[component]
fn PartChoices(
    w: &'static WaitlistStrings,
    chosen: Vec<String>,
    error: Option<String>,
) -> impl IntoView {
    let described_by = error.as_ref().map(|_| "parts-error");
    view! {
        <fieldset class="field" id="parts" aria-describedby=described_by>
            <legend class="field-label">{w.parts_legend.clone()}</legend>
            {error.map(|e| view! { <p class="field-error" id="parts-error">{e}</p> })}
            <div class="choice-list">
                {PartOfDay::ALL.into_iter().map(|part| {
                    let id = format!("part-{}", part.code());
                    let label_for = id.clone();
                    view! {
                        <label class="choice" for=label_for>
                            <input type="checkbox" id=id name="part" value=part.code()
                                checked=chosen.iter().any(|c| c == part.code())/>
                            <span class="choice-label">{part_label(w, part).to_owned()}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
        </fieldset>
    }
}

pub fn part_label(w: &WaitlistStrings, part: PartOfDay) -> &str {
    match part {
        PartOfDay::Morning => &w.part_morning,
        PartOfDay::Afternoon => &w.part_afternoon,
        PartOfDay::Evening => &w.part_evening,
    }
}
