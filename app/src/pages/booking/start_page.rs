//! `/book`: step 1 — what the appointment is for, where, and the visitor's time zone.

use super::frame::{language_hrefs, BookingFrame};
use super::query::{BookingQuery, ANY_CENTER};
use crate::api::booking::bookable_services;
use crate::api::centers::list_centers;
use crate::domain::center::CenterInfo;
use crate::domain::service::AppointmentService;
use crate::domain::time_zone::listed_zones;
use crate::i18n::translations;
use leptos::prelude::*;

/// Which step-1 answers were refused (shown beside their fields).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StartProblems {
    pub service: bool,
    pub center: bool,
    pub time_zone: bool,
}

impl StartProblems {
    pub fn of(
        query: &BookingQuery,
        centers: &[CenterInfo],
        services: &[AppointmentService],
    ) -> StartProblems {
        StartProblems {
            service: query.service_in(services).is_none(),
            center: match query.center_choice() {
                None => true,
                Some(None) => false,
                Some(Some(id)) => !centers.iter().any(|c| c.id == id),
            },
            time_zone: query.zone().is_none(),
        }
    }

    pub fn any(self) -> bool {
        self.service || self.center || self.time_zone
    }
}

/// Fills in the zone the device is set to, unless the visitor already chose one. Plain
/// script, a few bytes, no WASM: the form works without it.
const DETECT_ZONE: &str =
    "(function(){var i=document.getElementById('tz');if(!i||i.dataset.given)return;\
try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z)i.value=z;}catch(e){}})();";

#[component]
pub fn BookStartPage() -> impl IntoView {
    let query = BookingQuery::current();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let centers = list_centers().await.unwrap_or_default();
                let services = bookable_services().await.unwrap_or_default();
                view! { <StartStep query=query.clone() centers services problems=StartProblems::default()/> }
            })}
        </Suspense>
    }
}

/// Step 1 as a page: shown at `/book`, and again by `/book/times` when an answer is refused.
#[component]
pub fn StartStep(
    query: BookingQuery,
    centers: Vec<CenterInfo>,
    services: Vec<AppointmentService>,
    problems: StartProblems,
) -> impl IntoView {
    let locale = query.locale;
    let t = translations(locale);
    let b = &t.booking;
    let agency = crate::api::agency().public_name;
    // The visitor's zone is filled in by the browser when it can tell; until then, and
    // with JavaScript off, the centers' own zone.
    let zone_given = !query.tz.is_empty();
    let zone_value = if zone_given {
        query.tz.clone()
    } else {
        "America/Los_Angeles".to_owned()
    };
    let chosen_center = if query.center.is_empty() {
        ANY_CENTER.to_owned()
    } else {
        query.center.clone()
    };
    let service_error = problems.service.then(|| b.error_service.clone());
    let center_error = problems.center.then(|| b.error_center.clone());
    let zone_error = problems.time_zone.then(|| b.error_time_zone.clone());
    let describe = |error: &Option<String>, id: &str, hint: &str| {
        if error.is_some() {
            format!("{id}-error {hint}")
        } else {
            hint.to_owned()
        }
    };
    view! {
        <BookingFrame locale title=b.heading.clone() languages=language_hrefs("/book", &query) step=Some(1)>
            <h1>{b.heading.clone()}</h1>
            <p class="lead">{crate::i18n::fill(&b.intro, &[("agency", &crate::api::agency().public_name)])}</p>
            <form method="get" action="/book/times" class="booking-form" novalidate>
                <input type="hidden" name="lang" value=locale.tag()/>
                <fieldset class="field" aria-describedby=service_error.as_ref().map(|_| "service-error")>
                    <legend class="field-label">{b.service_label.clone()}</legend>
                    {services.is_empty().then(|| view! { <p class="notice" data-testid="no-services">{b.no_services.clone()}</p> })}
                    {service_error.clone().map(|e| view! { <p class="field-error" id="service-error">{e}</p> })}
                    <div class="choice-list">
                        {services.iter().map(|s| {
                            let id = format!("service-{}", s.code);
                            let label_for = id.clone();
                            let text = s.details.text(locale);
                            view! {
                                <label class="choice" for=label_for>
                                    <input type="radio" id=id name="service" value=s.code.clone()
                                        checked=query.service == s.code required/>
                                    <span class="choice-label">
                                        {s.name(locale)}
                                        {(!text.hint.is_empty()).then(|| view! { <span class="choice-hint">{text.hint.clone()}</span> })}
                                    </span>
                                </label>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
                <div class="field">
                    <label class="field-label" for="center">{b.center_label.clone()}</label>
                    {center_error.clone().map(|e| view! { <p class="field-error" id="center-error">{e}</p> })}
                    <select id="center" name="center" class="select"
                        aria-invalid=center_error.is_some().then_some("true")
                        aria-describedby=center_error.as_ref().map(|_| "center-error")>
                        <option value=ANY_CENTER selected=chosen_center == ANY_CENTER>{b.any_center.clone()}</option>
                        {centers.into_iter().map(|c| {
                            let selected = c.id == chosen_center;
                            view! { <option value=c.id selected=selected>{crate::i18n::center_title(locale, &agency, &c.name)}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field-label" for="tz">{b.time_zone_label.clone()}</label>
                    <p class="field-hint" id="tz-hint">{b.time_zone_hint.clone()}</p>
                    {zone_error.clone().map(|e| view! { <p class="field-error" id="tz-error">{e}</p> })}
                    <input id="tz" name="tz" class="text-input" list="zones" autocomplete="off"
                        spellcheck="false" value=zone_value data-given=zone_given.then_some("yes")
                        aria-invalid=zone_error.is_some().then_some("true")
                        aria-describedby=describe(&zone_error, "tz", "tz-hint")/>
                    <datalist id="zones">
                        {listed_zones().map(|z| view! { <option value=z></option> }).collect_view()}
                    </datalist>
                </div>
                <button type="submit" class="primary-button">{b.continue_button.clone()}</button>
            </form>
            <script nonce=leptos::nonce::use_nonce() inner_html=DETECT_ZONE></script>
        </BookingFrame>
    }
}
