//! `/book/hold/{token}`: a freed time held for one person on the waiting list, by its
//! emailed link: the time in both zones, until when it is held, "Book this time" and
//! "I can't come then". Once the hold is over the page says why.

use super::frame::{BookingFrame, LanguageHrefs};
use super::manage_page::LinkNotValid;
use super::query::encode;
use crate::api::waitlist::{hold_by_token, HoldState, HoldView};
use crate::i18n::dates::{clock, date_and_time, zone_label};
use crate::i18n::{fill, translations, Locale};
use chrono_tz::Tz;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn HoldPage() -> impl IntoView {
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let locale = crate::pages::page_locale();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match hold_by_token(token.clone()).await {
                    Ok(Some(hold)) => view! { <Hold token hold locale/> }.into_any(),
                    _ => view! { <LinkNotValid locale/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Hold(token: String, hold: HoldView, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let (b, w) = (&t.booking, &t.waitlist);
    let base = format!("/book/hold/{}", encode(&token));
    let visitor: Tz = hold.visitor_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let center: Tz = hold.center_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let starts_at = hold.starts_at;
    let at = move |tz: Tz| {
        format!(
            "{} ({})",
            date_and_time(starts_at, tz, locale),
            zone_label(tz.name())
        )
    };
    let until = clock(hold.expires_at.with_timezone(&visitor).time(), locale);
    let offered = hold.state == HoldState::Offered;
    let heading = if offered {
        w.hold_heading.clone()
    } else {
        w.hold_over_heading.clone()
    };
    let status = match hold.state {
        HoldState::Offered => fill(&w.hold_until, &[("time", &until)]),
        HoldState::Claimed => w.hold_claimed_body.clone(),
        HoldState::Expired => fill(&w.hold_expired_body, &[("time", &until)]),
        HoldState::Declined => w.hold_declined_body.clone(),
        HoldState::Void => w.hold_gone_body.clone(),
    };
    let lang = locale.tag();
    view! {
        <BookingFrame locale title=heading.clone() languages=LanguageHrefs::new(|l| format!("{base}?lang={}", l.tag()))>
            <h1>{heading}</h1>
            <p class="lead" data-testid="hold-status">{status}</p>
            <dl class="booking-facts" class:struck=!offered>
                <dt>{b.service_label_short.clone()}</dt>
                <dd>{hold.service.name(locale)}</dd>
                <dt>{b.where_label.clone()}</dt>
                <dd>{crate::pages::center_place(locale, &hold.center_name)}</dd>
                <dt>{b.your_time_label.clone()}</dt>
                <dd data-testid="your-time">{at(visitor)}</dd>
                <dt>{b.center_time_label.clone()}</dt>
                <dd>{at(center)}</dd>
            </dl>
            {offered.then(|| view! {
                <form method="post" action=format!("{base}/claim")>
                    <input type="hidden" name="lang" value=lang/>
                    <button type="submit" class="primary-button">{w.claim_button.clone()}</button>
                </form>
                <form method="post" action=format!("{base}/decline")>
                    <input type="hidden" name="lang" value=lang/>
                    <button type="submit" class="secondary-button">{w.decline_button.clone()}</button>
                </form>
            })}
        </BookingFrame>
    }
}
