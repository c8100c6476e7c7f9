//! `/staff/closures?center=…`: a center's closed days. Managers close a day (choosing what
//! happens to bookings already made for it) or open it again; other staff see the list.
//! Plain forms: a refused post renders the page again with `ClosureSubmission` in context.

use super::staff_nav::StaffNav;
use crate::api::closures::closures_page;
use crate::components::filter_form::{CenterSelect, FilterForm};
use crate::components::page_title::PageTitle;
use crate::components::staff_table::StaffTable;
use crate::i18n::dates::{date_and_time, long_date};
use crate::i18n::{fill, translations};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos_meta::Html;
use leptos_router::hooks::use_query_map;

/// A booking the refused closure would have stranded.
#[derive(Debug, Clone, PartialEq)]
pub struct StrandedView {
    pub starts_at: DateTime<Utc>,
    pub name: String,
    /// The service's name.
    pub service: String,
    pub code: String,
    /// Its center, and the zone its time is shown in.
    pub center: String,
    pub zone: String,
}

#[cfg(feature = "ssr")]
impl StrandedView {
    /// `b` as the list shows it, its service named by `names` (in the page's language).
    pub fn new(
        b: crate::db::closures::StrandedBooking,
        names: &crate::domain::service::ServiceNames,
    ) -> Self {
        StrandedView {
            starts_at: b.starts_at,
            name: format!("{} {}", b.first_name, b.last_name),
            service: names.label(&b.service_id).to_owned(),
            code: b.code,
            center: b.center_name,
            zone: b.time_zone,
        }
    }
}

/// A refused "close a day", shown again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClosureSubmission {
    pub day: String,
    pub reason: String,
    pub cancel_bookings: bool,
    pub day_error: Option<String>,
    pub stranded: Vec<StrandedView>,
    /// Why nothing changed, for the whole form (not a manager).
    pub message: Option<String>,
}

#[component]
pub fn ClosuresPage() -> impl IntoView {
    let locale = crate::pages::staff_locale();
    let t = translations(locale);
    let c = &t.closures;
    let query = use_query_map().read_untracked();
    let center = query.get("center");
    let notice = query.get("notice").and_then(|code| {
        let count = code.strip_prefix("closed_cancelled_").map(str::to_owned);
        match (code.as_str(), count) {
            (_, Some(n)) => Some(fill(&c.notice_closed_cancelled, &[("count", &n)])),
            ("closed", _) => Some(c.notice_closed.clone()),
            ("already_closed", _) => Some(c.notice_already_closed.clone()),
            ("reopened", _) => Some(c.notice_reopened.clone()),
            _ => None,
        }
    });
    let submission = use_context::<ClosureSubmission>().unwrap_or_default();
    view! {
        <Html {..} lang=locale.tag() dir=locale.dir()/>
        <PageTitle text=c.nav.clone()/>
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(data)) = closures_page(center.clone()).await else {
                    return view! { <main class="page staff"><p>{t.common.not_found.clone()}</p></main> }.into_any();
                };
                let center_id = data.center.id.clone();
                let picked = center_id.clone();
                let sub = submission.clone();
                let stranded_count = sub.stranded.len();
                let alert = sub.message.clone().or_else(|| (stranded_count > 0).then(|| c.stranded_heading.count(stranded_count)));
                view! {
                    <StaffNav locale staff_name=data.staff_name.clone() current="closures" center_id=center_id.clone()/>
                    <main id="main" class="page staff">
                        {notice.clone().map(|n| view! { <p class="notice" role="status">{n}</p> })}
                        <h1>{fill(&c.title, &[("center", &data.center.name)])}</h1>
                        <p>{c.intro.clone()}</p>
                        <p><a href=format!("/staff/closures/agency?lang={}", locale.tag())>{t.agency_closures.link.clone()}</a></p>
                        <FilterForm action="/staff/closures" locale button=t.staff.show_center.clone()>
                            <CenterSelect label=t.staff.center_label.clone() centers=data.centers chosen=picked/>
                        </FilterForm>
                        {alert.map(|a| view! { <p class="notice notice-error" role="alert">{a}</p> })}
                        {(stranded_count > 0).then(|| view! {
                            <p>{c.stranded_hint.clone()}</p>
                            <StrandedBookings bookings=sub.stranded.clone() locale/>
                        })}
                        <h2>{c.upcoming_heading.clone()}</h2>
                        {if data.closures.is_empty() {
                            view! { <p>{c.none.clone()}</p> }.into_any()
                        } else {
                            view! {
                                <table class="queue-table" data-testid="closures">
                                    <thead><tr>
                                        <th scope="col">{c.col_day.clone()}</th>
                                        <th scope="col">{c.col_reason.clone()}</th>
                                        {data.can_manage.then(|| view! { <th scope="col">{t.staff.col_actions.clone()}</th> })}
                                    </tr></thead>
                                    <tbody>
                                        {data.closures.iter().map(|(day, reason)| {
                                            let label = long_date(*day, t.locale);
                                            view! {
                                                <tr>
                                                    <th scope="row">{label.clone()}</th>
                                                    <td>{reason.clone()}</td>
                                                    {data.can_manage.then(|| view! {
                                                        <td>
                                                            <form method="post" action="/staff/closures/reopen" class="inline-form">
                                                                <input type="hidden" name="lang" value=locale.tag()/>
                                                                <input type="hidden" name="center" value=center_id.clone()/>
                                                                <input type="hidden" name="day" value=day.to_string()/>
                                                                <button type="submit" class="secondary-button"
                                                                    aria-label=fill(&c.reopen_label, &[("day", &label)])>{c.reopen.clone()}</button>
                                                            </form>
                                                        </td>
                                                    })}
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            }.into_any()
                        }}
                        <h2>{c.add_heading.clone()}</h2>
                        {if data.can_manage {
                            view! {
                                <form method="post" action="/staff/closures" class="staff-form" novalidate>
                                    <input type="hidden" name="lang" value=locale.tag()/>
                                    <input type="hidden" name="center" value=center_id.clone()/>
                                    <crate::components::text_field::TextField name="day" kind="date" label=c.day_label.clone()
                                        value=sub.day.clone() error=sub.day_error.clone()/>
                                    <crate::components::text_field::TextField name="reason" label=c.reason_label.clone()
                                        value=sub.reason.clone() error=None hint=c.reason_hint.clone() required=false/>
                                    <fieldset class="field">
                                        <legend class="field-label">{c.stranded_question.clone()}</legend>
                                        <label class="choice" for="stranded-refuse">
                                            <input type="radio" id="stranded-refuse" name="stranded" value="refuse" checked=!sub.cancel_bookings/>
                                            <span>{c.stranded_refuse.clone()}</span>
                                        </label>
                                        <label class="choice" for="stranded-cancel">
                                            <input type="radio" id="stranded-cancel" name="stranded" value="cancel" checked=sub.cancel_bookings/>
                                            <span>{c.stranded_cancel.clone()}</span>
                                        </label>
                                    </fieldset>
                                    <button type="submit" class="primary-button">{c.close_button.clone()}</button>
                                </form>
                            }.into_any()
                        } else {
                            view! { <p data-testid="managers-only">{c.managers_only.clone()}</p> }.into_any()
                        }}
                    </main>
                }
                .into_any()
            })}
        </Suspense>
    }
}

/// The bookings a refused change would have stranded: time, name, service and code.
#[component]
pub fn StrandedBookings(bookings: Vec<StrandedView>, locale: crate::i18n::Locale) -> impl IntoView {
    let t = translations(locale);
    let c = &t.closures;
    // A list from several centers (closures at every center) says where each one is.
    let centers = bookings
        .first()
        .is_some_and(|first| bookings.iter().any(|b| b.center != first.center));
    let mut columns = vec![
        c.col_time.clone(),
        c.col_name.clone(),
        c.col_service.clone(),
        c.col_code.clone(),
    ];
    if centers {
        columns.insert(1, c.col_center.clone());
    }
    view! {
        <StaffTable columns testid="stranded">
            {bookings.into_iter().map(|b| view! {
                <tr>
                    <td>{date_and_time(b.starts_at, b.zone.parse().unwrap_or(chrono_tz::UTC), t.locale)}</td>
                    {centers.then(|| view! { <td>{b.center.clone()}</td> })}
                    <th scope="row">{b.name}</th>
                    <td>{b.service}</td>
                    <td>{crate::domain::confirmation_code::display(&b.code)}</td>
                </tr>
            }).collect_view()}
        </StaffTable>
    }
}
