//! `/staff/queue?center=…`: the live walk-in queue of one center.

use super::queue_table::QueueTable;
use crate::api::queue::staff_queue_page;
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::live_updater::LiveUpdater;
use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::{Html, Title};
use leptos_router::hooks::use_query_map;

#[component]
pub fn QueuePage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = &translations(locale).staff;
    let center = use_query_map().read_untracked().get("center");
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <Title text=t.queue_heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(page)) = staff_queue_page(center).await else {
                    return view! { <main class="page staff"><p>{translations(locale).common.not_found.clone()}</p></main> }.into_any();
                };
                let center_id = page.queue.center_id.clone();
                let picked = center_id.clone();
                view! {
                    <super::staff_nav::StaffNav locale staff_name=page.staff_name.clone() current="queue" center_id=center_id.clone()/>
                    <main id="main" class="page staff">
                        <h1>{fill(&t.queue_title, &[("center", &page.queue.center_name)])}</h1>
                        <FilterForm action="/staff/queue" locale button=t.show_center.clone()>
                            <CenterSelect label=t.center_label.clone() centers=page.centers chosen=picked/>
                        </FilterForm>
                        <form method="post" action="/staff/queue/call-next" class="call-next">
                            <input type="hidden" name="lang" value=locale.tag()/>
                            <input type="hidden" name="center_id" value=center_id.clone()/>
                            <button type="submit" class="primary-button">{t.call_next.clone()}</button>
                        </form>
                        <LiveUpdater
                            events_url=format!("/staff/queue/events?center={center_id}&lang={}", locale.tag())
                            target_id="queue-live".to_owned()
                            live_label=t.live.clone()
                            reconnecting_label=t.reconnecting.clone()
                        />
                        <div id="queue-live" aria-live="polite">
                            <QueueTable queue=page.queue locale/>
                        </div>
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}
