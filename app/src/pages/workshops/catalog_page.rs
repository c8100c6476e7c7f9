//! `/workshops?place=…&topic=…&language=…&from=…`: the catalog, filtered by a plain GET
//! form.

use super::session_card::{language_name, title, SessionFacts};
use crate::api::centers::list_centers;
use crate::api::workshops::workshop_catalog;
use crate::domain::booking_form::PREFERRED_LANGUAGES;
use crate::domain::workshop::Topic;
use crate::i18n::translations;
use crate::pages::booking::frame::{BookingFrame, LanguageHrefs};
use crate::pages::booking::query::encode;
use crate::pages::workshops::training_library::TrainingLibrary;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Shows times in the device's zone: without `tz` in the address, reloads once with it.
/// Without JavaScript the times stay in the centers' zone, with its name beside them.
const VIEWER_ZONE: &str = "(function(){try{var u=new URL(location.href);if(u.searchParams.get('tz'))return;\
var z=Intl.DateTimeFormat().resolvedOptions().timeZone;if(z&&z!=='America/Los_Angeles'){u.searchParams.set('tz',z);location.replace(u.href);}}catch(e){}})();";

#[component]
pub fn WorkshopsPage() -> impl IntoView {
    let (zone, locale) = super::viewer();
    let q = use_query_map().read_untracked();
    let given = |name: &str| q.get(name).filter(|v| !v.is_empty());
    let (place, topic, language, from) = (
        given("place"),
        given("topic"),
        given("language"),
        given("from"),
    );
    let t = translations(locale);
    let w = &t.workshops;
    let tz = encode(zone.name());
    let languages = LanguageHrefs::new(|l| format!("/workshops?lang={}&tz={tz}", l.tag()));
    view! {
        <Suspense>
            {Suspend::new(async move {
                let centers = list_centers().await.unwrap_or_default();
                let sessions = workshop_catalog(place.clone(), topic.clone(), language.clone(), from.as_deref().and_then(|d| d.parse().ok()))
                    .await
                    .unwrap_or_default();
                let selected = |current: &Option<String>, value: &str| current.as_deref() == Some(value);
                let agency = crate::api::agency().public_name;
                view! {
                    <BookingFrame locale title=w.heading.clone() languages=languages.clone()>
                        <script nonce=leptos::nonce::use_nonce() inner_html=VIEWER_ZONE></script>
                        <h1>{w.heading.clone()}</h1>
                        <p class="lead">{crate::i18n::fill(&w.intro, &[("agency", &agency)])}</p>
                        <form method="get" action="/workshops" class="filters">
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <input type="hidden" name="tz" value=zone.name()/>
                            <div class="field">
                                <label class="field-label" for="place">{w.filter_place.clone()}</label>
                                <select id="place" name="place" class="select">
                                    <option value="">{w.any_place.clone()}</option>
                                    <option value="virtual" selected=selected(&place, "virtual")>{w.virtual_place.clone()}</option>
                                    {centers.into_iter().map(|c| {
                                        let on = selected(&place, &c.id);
                                        view! { <option value=c.id selected=on>{crate::i18n::center_title(locale, &agency, &c.name)}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label class="field-label" for="topic">{w.filter_topic.clone()}</label>
                                <select id="topic" name="topic" class="select">
                                    <option value="">{w.any_topic.clone()}</option>
                                    {Topic::ALL.into_iter().map(|tp| view! {
                                        <option value=tp.code() selected=selected(&topic, tp.code())>{w.topics.label(tp).to_owned()}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label class="field-label" for="language">{w.filter_language.clone()}</label>
                                <select id="language" name="language" class="select">
                                    <option value="">{w.any_language.clone()}</option>
                                    {PREFERRED_LANGUAGES.into_iter().map(|(code, _)| view! {
                                        <option value=code lang=code selected=selected(&language, code)>{language_name(code)}</option>
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field">
                                <label class="field-label" for="from">{w.filter_from.clone()}</label>
                                <input id="from" name="from" type="date" class="text-input" value=from.clone().unwrap_or_default()/>
                            </div>
                            <button type="submit" class="secondary-button">{w.show.clone()}</button>
                        </form>
                        {if sessions.is_empty() {
                            view! { <p class="notice">{w.no_sessions.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="session-list">
                                    {sessions.into_iter().map(|s| {
                                        let href = format!("/workshops/{}?lang={}&tz={}", s.id, locale.tag(), encode(zone.name()));
                                        let heading = title(&s, locale);
                                        let description = s.description.clone();
                                        view! {
                                            <li class="session-card">
                                                <h2>{heading}</h2>
                                                <SessionFacts session=s zone locale/>
                                                {(!description.is_empty()).then(|| view! { <p>{description}</p> })}
                                                <a class="secondary-button" href=href>{w.details_link.clone()}</a>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <TrainingLibrary locale agency=crate::api::agency()/>
                    </BookingFrame>
                }
            })}
        </Suspense>
    }
}
