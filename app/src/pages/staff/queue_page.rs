//! `/staff/queue?center=…`: the live walk-in queue of one center.

use super::queue_table::QueueTable;
use crate::api::queue::staff_queue_page;
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::live_updater::LiveUpdater;
use crate::components::page_title::PageTitle;
use crate::components::text_field::TextField;
use crate::i18n::{fill, translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// A desk name refused by the form handler: what was typed, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct DeskRefused {
    pub typed: String,
    pub message: String,
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = &translations(locale).staff;
    let center = use_query_map().read_untracked().get("center");
    let refused = use_context::<DeskRefused>();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=t.queue_heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(page)) = staff_queue_page(center).await else {
                    return view! { <main class="page staff"><p>{translations(locale).common.not_found.clone()}</p></main> }.into_any();
                };
                let center_id = page.queue.center_id.clone();
                let picked = center_id.clone();
                let call_next = match &page.desk {
                    Some(desk) => fill(&t.call_next_to_desk, &[("desk", desk)]),
                    None => t.call_next.clone(),
                };
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
                            <button type="submit" class="primary-button">{call_next}</button>
                        </form>
                        <DeskForm locale center_id=center_id.clone() desk=page.desk refused=refused.clone()/>
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

/// The desk this staff member calls visitors to, chosen once per session.
#[component]
fn DeskForm(
    locale: crate::i18n::Locale,
    center_id: String,
    desk: Option<String>,
    refused: Option<DeskRefused>,
) -> impl IntoView {
    let t = &translations(locale).staff;
    let now = match &desk {
        Some(desk) => fill(&t.desk_now, &[("desk", desk)]),
        None => t.desk_none.clone(),
    };
    let (value, error) = match refused {
        Some(refused) => (refused.typed, Some(refused.message)),
        None => (desk.unwrap_or_default(), None),
    };
    view! {
        <form method="post" action="/staff/queue/desk" class="desk-form">
            <input type="hidden" name="lang" value=locale.tag()/>
            <input type="hidden" name="center_id" value=center_id/>
            <p class="desk-now" data-testid="desk-now">{now}</p>
            <TextField name="desk" label=t.desk_label.clone() value error hint=t.desk_hint.clone() required=false/>
            <button type="submit" class="secondary-button">{t.desk_save.clone()}</button>
        </form>
    }
}
