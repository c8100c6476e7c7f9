//! `/book/details`: step 3 — about you. The form posts to `/book/details`; when something
//! is refused or the time was just taken, the handler shows this page again with
//! everything typed still in place (`DetailsSubmission` in context).

use super::about_you::{field_label, AboutYouFields};
use super::frame::{language_hrefs, BookingFrame};
use super::query::{BookingQuery, CarriedFields};
use super::start_page::{StartProblems, StartStep};
use super::times_page::time_label;
use crate::api::booking::{bookable_services, free_times};
use crate::api::centers::list_centers;
use crate::domain::booking_form::{DetailsAnswers, DetailsField, DetailsProblem};
use crate::domain::service::AppointmentService;
use crate::i18n::dates::{long_date, zone_label};
use crate::i18n::{translations, Translations};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use leptos::prelude::*;

/// A refused submission, shown again.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailsSubmission {
    pub key: String,
    pub answers: DetailsAnswers,
    pub problems: Vec<(DetailsField, DetailsProblem)>,
    /// The chosen time was taken: the nearest free ones instead.
    pub taken: Option<Vec<DateTime<Utc>>>,
    /// The request failed (database unreachable): nothing was booked, try again.
    pub failed: bool,
    /// Refused by a rate limit: the message saying how long to wait.
    pub limited: Option<String>,
}

#[component]
pub fn BookDetailsPage() -> impl IntoView {
    let query = BookingQuery::current();
    let submission = use_context::<DetailsSubmission>();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let centers = list_centers().await.unwrap_or_default();
                let services = bookable_services().await.unwrap_or_default();
                let problems = StartProblems::of(&query, &centers, &services);
                let (Some(service), Some(zone), Some(start), false) = (query.service_in(&services).cloned(), query.zone(), query.start(), problems.any()) else {
                    return view! { <StartStep query centers services problems/> }.into_any();
                };
                let center_name = centers.iter().find(|c| c.id == query.center).map(|c| c.name.clone());
                let center_zone = match query.center_choice() {
                    Some(center) => free_times(query.service.clone(), center).await.ok().flatten(),
                    None => None,
                }
                .and_then(|f| f.center_time_zone.parse::<Tz>().ok())
                .unwrap_or(chrono_tz::America::Los_Angeles);
                view! { <DetailsStep query service zone center_zone start center_name submission=submission.clone()/> }.into_any()
            })}
        </Suspense>
    }
}

#[component]
fn DetailsStep(
    query: BookingQuery,
    service: AppointmentService,
    zone: Tz,
    center_zone: Tz,
    start: DateTime<Utc>,
    center_name: Option<String>,
    submission: Option<DetailsSubmission>,
) -> impl IntoView {
    let locale = query.locale;
    let t = translations(locale);
    let b = &t.booking;
    let (mine, theirs) = time_label(t, start, zone, center_zone);
    let date = long_date(start.with_timezone(&zone).date_naive(), t.locale);
    let (key, answers, problems, taken, failed, limited) = match submission {
        Some(s) => (s.key, s.answers, s.problems, s.taken, s.failed, s.limited),
        None => (
            crate::pages::new_form_key(),
            DetailsAnswers {
                language: locale.tag().to_owned(),
                ..Default::default()
            },
            Vec::new(),
            None,
            false,
            None,
        ),
    };
    let where_ = center_name
        .map(|name| crate::pages::center_place(locale, &name))
        .unwrap_or_else(|| b.any_center.clone());
    let service_name = service.name(locale);
    let change_href = query.href("/book/times");
    view! {
        <BookingFrame locale title=b.details_heading.clone() languages=language_hrefs("/book/details", &query) step=Some(3)>
            <h1>{b.details_heading.clone()}</h1>
            <section class="appointment-summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading">{b.your_appointment.clone()}</h2>
                <p class="summary-service">{service_name}" · "{where_}</p>
                {taken.is_none().then(|| view! {
                    <p class="summary-time">{format!("{date}, {mine}")}" "<span class="zone">{format!("({})", zone_label(zone.name()))}</span></p>
                    {theirs.map(|x| view! { <p class="time-theirs">{x}" "<span class="zone">{format!("({})", zone_label(center_zone.name()))}</span></p> })}
                })}
                <a href=change_href>{b.change.clone()}</a>
            </section>
            {failed.then(|| view! { <p class="notice notice-error" role="alert">{b.request_failed.clone()}</p> })}
            {limited.map(|m| view! { <p class="notice notice-error" role="alert" data-testid="limited">{m}</p> })}
            {(!problems.is_empty()).then(|| view! {
                <div class="notice notice-error" role="alert" id="problems">
                    <p>{b.problems_heading.clone()}</p>
                    <ul>
                        {problems.iter().map(|(field, problem)| view! {
                            <li><a href=format!("#{}", field.name())>{format!("{}: {}", field_label(t, *field), b.problem(*problem))}</a></li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <form method="post" action="/book/details" class="booking-form" novalidate>
                <CarriedFields query=query.clone() with_start=taken.is_none()/>
                <input type="hidden" name="key" value=key/>
                {taken.map(|nearest| taken_choices(t, &query, zone, center_zone, nearest))}
                <AboutYouFields locale ways=service.details.held.clone() answers problems=problems.clone()/>
                <button type="submit" class="primary-button">{b.done_button.clone()}</button>
            </form>
        </BookingFrame>
    }
}

/// The time was just taken: the nearest free times, as choices inside the same form, so
/// the details typed are sent again with the new time.
fn taken_choices(
    t: &'static Translations,
    query: &BookingQuery,
    zone: Tz,
    center_zone: Tz,
    nearest: Vec<DateTime<Utc>>,
) -> impl IntoView {
    let b = &t.booking;
    let another_day = query.href("/book/times");
    view! {
        <fieldset class="notice notice-error field" id="taken">
            <legend class="field-label">{b.taken_heading.clone()}</legend>
            <p role="alert">{if nearest.is_empty() { b.taken_none.clone() } else { b.taken_body.clone() }}</p>
            <div class="time-list">
                {nearest.into_iter().enumerate().map(|(i, start)| {
                    let (mine, theirs) = time_label(t, start, zone, center_zone);
                    let date = long_date(start.with_timezone(&zone).date_naive(), t.locale);
                    let id = format!("alternative-{i}");
                    let label_for = id.clone();
                    view! {
                        <label class="choice time-choice" for=label_for>
                            <input type="radio" id=id name="start" value=start.to_rfc3339() required checked=i == 0/>
                            <span class="time-mine">{format!("{date}, {mine}")}</span>
                            {theirs.map(|x| view! { <span class="time-theirs">{x}</span> })}
                        </label>
                    }
                }).collect_view()}
            </div>
            <a href=another_day>{b.choose_another_day.clone()}</a>
        </fieldset>
    }
}
