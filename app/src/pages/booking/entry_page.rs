//! `/book/waitlist/{token}`: a place on the waiting list, by its emailed link. Unconfirmed,
//! it asks for the press that confirms it (a GET never changes anything: mail scanners
//! follow links); waiting, it says what the person waits for, with the way to leave.

use super::frame::{BookingFrame, LanguageHrefs};
use super::manage_page::LinkNotValid;
use super::query::encode;
use super::waitlist_page::part_label;
use crate::api::waitlist::{entry_by_token, EntryState, EntryView};
use crate::domain::waitlist::{PartOfDay, HOLD_MINUTES};
use crate::i18n::dates::weekday;
use crate::i18n::{fill, translations, Locale};
use chrono::Weekday;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn WaitlistEntryPage() -> impl IntoView {
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let locale = crate::pages::page_locale();
    let confirmed = use_query_map().read_untracked().get("confirmed").is_some();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match entry_by_token(token.clone()).await {
                    Ok(Some(entry)) => view! { <Entry token entry locale confirmed/> }.into_any(),
                    _ => view! { <LinkNotValid locale/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Entry(token: String, entry: EntryView, locale: Locale, confirmed: bool) -> impl IntoView {
    let t = translations(locale);
    let (b, w) = (&t.booking, &t.waitlist);
    let base = format!("/book/waitlist/{}", encode(&token));
    let days: Vec<String> = entry
        .weekdays
        .iter()
        .filter_map(|d| Weekday::try_from(u8::try_from(d.saturating_sub(1)).ok()?).ok())
        .map(|d| weekday(d, false, locale))
        .collect();
    let parts: Vec<String> = entry
        .parts
        .iter()
        .filter_map(|p| PartOfDay::from_code(p))
        .map(|p| part_label(w, p).to_owned())
        .collect();
    let where_ = entry
        .center_name
        .as_ref()
        .map(|c| crate::pages::center_place(locale, c))
        .unwrap_or_else(|| b.any_center.clone());
    let live = matches!(entry.state, EntryState::Unconfirmed | EntryState::Waiting);
    let lang = locale.tag();
    view! {
        <BookingFrame locale title=w.entry_heading.clone() languages=LanguageHrefs::new(|l| format!("{base}?lang={}", l.tag()))>
            <h1>{w.entry_heading.clone()}</h1>
            {(confirmed && entry.state == EntryState::Waiting).then(|| view! {
                <p class="notice notice-ok" role="status" data-testid="waitlist-confirmed">{w.confirmed_notice.clone()}</p>
            })}
            {match entry.state {
                EntryState::Unconfirmed => view! { <p class="lead">{w.confirm_intro.clone()}</p> }.into_any(),
                EntryState::Waiting => view! {
                    <p class="lead">{fill(&w.waiting_body, &[("minutes", &HOLD_MINUTES.to_string())])}</p>
                }.into_any(),
                EntryState::Booked => view! { <p class="lead" data-testid="waitlist-booked">{w.booked_body.clone()}</p> }.into_any(),
                EntryState::Left => view! { <p class="lead" data-testid="waitlist-left">{w.left_body.clone()}</p> }.into_any(),
                EntryState::Dropped => view! { <p class="lead" data-testid="waitlist-dropped">{w.dropped_body.clone()}</p> }.into_any(),
            }}
            <dl class="booking-facts" class:struck=!live>
                <dt>{b.service_label_short.clone()}</dt>
                <dd>{entry.service.name(locale)}</dd>
                <dt>{b.where_label.clone()}</dt>
                <dd>{where_}</dd>
                <dt>{w.wish_days.clone()}</dt>
                <dd>{days.join(", ")}</dd>
                <dt>{w.wish_parts.clone()}</dt>
                <dd>{parts.join(", ")}</dd>
            </dl>
            {(entry.state == EntryState::Unconfirmed).then(|| view! {
                <form method="post" action=format!("{base}/confirm")>
                    <input type="hidden" name="lang" value=lang/>
                    <button type="submit" class="primary-button">{w.confirm_button.clone()}</button>
                </form>
            })}
            {live.then(|| view! {
                <form method="post" action=format!("{base}/leave")>
                    <input type="hidden" name="lang" value=lang/>
                    <button type="submit" class="danger-button">{w.leave_button.clone()}</button>
                </form>
            })}
        </BookingFrame>
    }
}
