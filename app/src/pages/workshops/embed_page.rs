//! `/embed/workshops?center=…&lang=…`: a center's upcoming workshops and hiring events for
//! a partner's page to show in an iframe (a library's job center, a college's career
//! page). Only the list: no header, no language picker, no script; the server lets any
//! site frame this path and no other. Each session links to its page here, where people
//! enrol, in a new tab, so the partner's page stays where it was.

use super::session_card::{title, SessionFacts};
use crate::api::centers::list_centers;
use crate::api::workshops::workshop_catalog;
use crate::components::page_title::PageTitle;
use crate::i18n::translations;
use crate::pages::booking::query::encode;
use leptos::prelude::*;
use leptos_meta::{Html, Stylesheet};
use leptos_router::hooks::use_query_map;

/// How many sessions the list shows; the last link leads to all of them.
pub const EMBED_SESSIONS: usize = 12;

#[component]
pub fn EmbedWorkshopsPage() -> impl IntoView {
    let (zone, locale) = super::viewer();
    let wanted = use_query_map()
        .read_untracked()
        .get("center")
        .filter(|c| !c.is_empty());
    let t = translations(locale);
    let w = &t.workshops;
    // Every visitor of a partner's page loads it: a minute's reuse spares the database
    // without keeping a changed seat count long.
    crate::pages::respond_cacheable_for(60);
    view! {
        <Suspense>
            {Suspend::new(async move {
                let centers = list_centers().await.unwrap_or_default();
                let agency = crate::api::agency().public_name;
                // An unknown center shows the whole agency's list rather than an empty box.
                let center = wanted.and_then(|id| centers.into_iter().find(|c| c.id == id));
                let place = center.as_ref().map(|c| c.id.clone());
                let sessions = workshop_catalog(place.clone(), None, None, None)
                    .await
                    .unwrap_or_default();
                let more = sessions.len() > EMBED_SESSIONS;
                let tag = locale.tag();
                let tz = encode(zone.name());
                let all_href = match &place {
                    Some(id) => format!("/workshops?place={id}&lang={tag}&tz={tz}"),
                    None => format!("/workshops?lang={tag}&tz={tz}"),
                };
                let where_ = center
                    .as_ref()
                    .map(|c| crate::i18n::center_title(locale, &agency, &c.name))
                    .unwrap_or_else(|| agency.clone());
                view! {
                    <Html {..} lang=tag dir=locale.dir()/>
                    <PageTitle text=format!("{} · {where_}", w.heading)/>
                    <Stylesheet id="booking" href="/booking.css"/>
                    // A region, not a `main`: the partner's page around the frame has its own
                    // main landmark, and a page has one.
                    <section class="booking-main embed-main" aria-labelledby="embed-heading">
                        <h1 id="embed-heading">{w.heading.clone()}</h1>
                        <p class="lead">{where_}</p>
                        {if sessions.is_empty() {
                            view! { <p class="notice">{w.no_sessions.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="session-list">
                                    {sessions.into_iter().take(EMBED_SESSIONS).map(|s| {
                                        let href = format!("/workshops/{}?lang={tag}&tz={tz}", s.id);
                                        let heading = title(&s, locale);
                                        view! {
                                            <li class="session-card">
                                                <h2>{heading}</h2>
                                                <SessionFacts session=s zone locale/>
                                                <a class="secondary-button" href=href target="_blank" rel="noopener">
                                                    {w.details_link.clone()}
                                                    <span class="visually-hidden">" "{w.new_tab.clone()}</span>
                                                </a>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                        <p class="embed-all">
                            <a href=all_href target="_blank" rel="noopener" data-more=more.to_string()>
                                {w.embed_all.clone()}
                                <span class="visually-hidden">" "{w.new_tab.clone()}</span>
                            </a>
                        </p>
                    </section>
                }
            })}
        </Suspense>
    }
}
