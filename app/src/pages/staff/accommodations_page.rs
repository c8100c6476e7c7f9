//! `/staff/accommodations?status=…&center=…`: the accommodation work-queue. Each request
//! has its own small form (a plain post), so the page works before any WASM loads and by
//! keyboard alone.

use super::staff_nav::StaffNav;
use crate::api::accommodations::{accommodation_queue, WorkItem};
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::domain::accommodation::Accommodation;
use crate::domain::accommodation_work::WorkStatus;
use crate::i18n::dates::date_and_time;
use crate::i18n::{fill, translations, Translations};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccommodationsPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let a = &t.accommodation_work;
    let query = use_query_map().read_untracked();
    let status = query.get("status").unwrap_or_else(|| "open".to_owned());
    let center = query.get("center").unwrap_or_default();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=a.heading.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(queue) = accommodation_queue(Some(status.clone()), Some(center.clone())).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let mut statuses: Vec<(String, String)> = WorkStatus::ALL
                    .into_iter()
                    .map(|s| (s.code().to_owned(), a.status(s).to_owned()))
                    .collect();
                statuses.push(("all".to_owned(), a.status_all.clone()));
                let filters = Filters {
                    lang: locale.tag(),
                    status: status.clone(),
                    center: center.clone(),
                };
                let count = a.count.count(queue.items.len());
                view! {
                    <StaffNav locale staff_name=queue.staff_name.clone() current="accommodations" center_id=center.clone()/>
                    <main id="main" class="page staff">
                        <h1>{a.heading.clone()}</h1>
                        <p>{a.intro.clone()}</p>
                        <FilterForm action="/staff/accommodations" locale button=a.show.clone()>
                            <label for="status" class="field-label">{a.status_label.clone()}</label>
                            <select id="status" name="status" class="select">
                                {statuses.into_iter().map(|(code, label)| {
                                    let selected = code == status;
                                    view! { <option value=code selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                            <CenterSelect label=a.center_label.clone() centers=queue.centers chosen=center.clone() all=a.all_centers.clone()/>
                        </FilterForm>
                        <p class="queue-summary" data-testid="request-count">{count}</p>
                        {if queue.items.is_empty() {
                            view! { <p>{a.empty.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <StaffTable columns=vec![a.col_when.clone(), a.col_person.clone(), a.col_needed.clone(), a.col_where.clone(), a.col_from.clone(), a.col_status.clone(), a.col_handler.clone(), a.col_update.clone()]>
                                    {queue.items.into_iter().map(|item| row(t, &filters, item)).collect_view()}
                                </StaffTable>
                            }.into_any()
                        }}
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The page's language and filters, which each row's form carries back.
struct Filters {
    lang: &'static str,
    status: String,
    center: String,
}

fn row(t: &'static Translations, filters: &Filters, item: WorkItem) -> impl IntoView {
    let a = &t.accommodation_work;
    let zone: chrono_tz::Tz = item.time_zone.parse().unwrap_or(chrono_tz::UTC);
    let mut needed = t.kiosk.accommodations.label(item.need).to_owned();
    if let Some(detail) = &item.detail {
        needed = match item.need {
            Accommodation::SpokenInterpreter => fill(&t.staff.interpreter, &[("language", detail)]),
            _ => format!("{needed}: {detail}"),
        };
    }
    let place = item
        .center_name
        .clone()
        .unwrap_or_else(|| t.workshops.virtual_place.clone());
    let select_id = format!(
        "status-{}-{}-{}",
        item.source.code(),
        item.source_id,
        item.need.code()
    );
    let labels = [("need", needed.as_str()), ("name", item.name.as_str())];
    let select_label = fill(&a.update_label, &labels);
    let save_label = fill(&a.save_label, &labels);
    view! {
        <tr data-status=item.status.code()>
            <td>{date_and_time(item.needed_at, zone, t.locale)}</td>
            <th scope="row">{item.name.clone()}</th>
            <td>{needed.clone()}</td>
            <td>{place}</td>
            <td>{a.source(item.source).to_owned()}</td>
            <td>{a.status(item.status).to_owned()}</td>
            <td>{item.handler.clone().unwrap_or_else(|| a.nobody.clone())}</td>
            <td>
                <form method="post" action="/staff/accommodations/update" class="inline-form">
                    <input type="hidden" name="lang" value=filters.lang/>
                    <input type="hidden" name="filter_status" value=filters.status.clone()/>
                    <input type="hidden" name="filter_center" value=filters.center.clone()/>
                    <input type="hidden" name="source" value=item.source.code()/>
                    <input type="hidden" name="source_id" value=item.source_id.to_string()/>
                    <input type="hidden" name="need" value=item.need.code()/>
                    <select id=select_id name="status" class="select" aria-label=select_label>
                        {WorkStatus::ALL.into_iter().map(|s| view! {
                            <option value=s.code() selected=s == item.status>{a.status(s).to_owned()}</option>
                        }).collect_view()}
                    </select>
                    <button type="submit" class="secondary-button" aria-label=save_label>{a.save.clone()}</button>
                </form>
            </td>
        </tr>
    }
}
