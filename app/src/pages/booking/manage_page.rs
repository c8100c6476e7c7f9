//! `/book/manage/{token}`: the private link. The confirmation after booking, the booking
//! with both times and its code, the calendar file, cancel and reschedule.

use super::frame::{BookingFrame, LanguageHrefs};
use super::query::{BookingQuery, ANY_CENTER};
use super::times_page::{times_step, Rescheduling};
use crate::api::booking::{booking_by_token, BookingView};
use crate::components::erase_details::EraseDetails;
use crate::domain::appointment_status::AppointmentStatus;
use crate::domain::confirmation_code;
use crate::i18n::dates::{date_and_time, zone_label};
use crate::i18n::{fill, held_sentence, translations, Locale};
use chrono_tz::Tz;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

fn token() -> String {
    use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default()
}

/// Whether the address has `?{name}` (`new` after booking, `changed` after a reschedule).
fn flag(name: &str) -> bool {
    use_query_map().read_untracked().get(name).is_some()
}

#[component]
pub fn ManageBookingPage() -> impl IntoView {
    let token = token();
    let query = BookingQuery::current();
    let (new, changed) = (flag("new"), flag("changed"));
    view! {
        <Suspense>
            {Suspend::new(async move {
                match booking_by_token(token.clone()).await {
                    Ok(Some(booking)) => view! { <ManageBooking token booking locale=query.locale new changed/> }.into_any(),
                    _ => view! { <LinkNotValid locale=query.locale/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// `/book/manage/{token}/reschedule`: the day and time picker for a new time.
#[component]
pub fn RescheduleBookingPage() -> impl IntoView {
    let token = token();
    let query = BookingQuery::current();
    view! {
        <Suspense>
            {Suspend::new(async move {
                let Ok(Some(booking)) = booking_by_token(token.clone()).await else {
                    return view! { <LinkNotValid locale=query.locale/> }.into_any();
                };
                let t = translations(query.locale);
                let zone: Tz = booking.visitor_time_zone.parse().unwrap_or(chrono_tz::UTC);
                let picker = BookingQuery {
                    service: booking.service.code.clone(),
                    center: booking.center_id.clone(),
                    // A zone the link does not name, or names wrongly, is the booking's own.
                    tz: if query.zone().is_some() { query.tz.clone() } else { booking.visitor_time_zone.clone() },
                    ..query
                };
                // A service no longer offered has no times to move to: cancelling stays.
                if !booking.changeable || booking.service.hidden {
                    return view! { <ManageBooking token booking locale=picker.locale new=false changed=false/> }.into_any();
                }
                let rescheduling = Rescheduling {
                    action: format!("/book/manage/{}/reschedule", super::query::encode(&token)),
                    current: date_and_time(booking.starts_at, zone, t.locale),
                };
                times_step(picker, Some(rescheduling)).await
            })}
        </Suspense>
    }
}

#[component]
fn ManageBooking(
    token: String,
    booking: BookingView,
    locale: Locale,
    new: bool,
    changed: bool,
) -> impl IntoView {
    let t = translations(locale);
    let b = &t.booking;
    let visitor: Tz = booking.visitor_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let center: Tz = booking.center_time_zone.parse().unwrap_or(chrono_tz::UTC);
    let yours = format!(
        "{} ({})",
        date_and_time(booking.starts_at, visitor, t.locale),
        zone_label(visitor.name())
    );
    let centers = format!(
        "{} ({})",
        date_and_time(booking.starts_at, center, t.locale),
        zone_label(center.name())
    );
    let cancelled = booking.status == AppointmentStatus::Cancelled;
    let heading = if cancelled {
        b.cancelled_heading.clone()
    } else if new {
        b.confirmed_heading.clone()
    } else {
        b.your_appointment.clone()
    };
    let base = format!("/book/manage/{token}");
    let book_again = BookingQuery {
        service: booking.service.code.clone(),
        center: ANY_CENTER.to_owned(),
        tz: booking.visitor_time_zone.clone(),
        locale,
        ..Default::default()
    }
    .href("/book");
    view! {
        <BookingFrame locale title=heading.clone() languages=LanguageHrefs::new(|l| format!("{base}?lang={}", l.tag()))>
            <h1>{heading}</h1>
            {(new && !cancelled).then(|| view! { <p class="lead">{fill(&b.confirmed_intro, &[("email", &booking.email)])}</p> })}
            {(changed && !cancelled).then(|| view! { <p class="notice notice-ok" role="status">{b.rescheduled_notice.clone()}</p> })}
            {cancelled.then(|| view! { <p class="lead">{b.cancelled_body.clone()}</p> })}
            {(booking.status == AppointmentStatus::Arrived).then(|| view! { <p class="notice notice-ok">{b.arrived_notice.clone()}</p> })}
            <dl class="booking-facts" class:struck=cancelled>
                <dt>{b.service_label_short.clone()}</dt>
                <dd>{booking.service.name(locale)}</dd>
                <dt>{b.your_time_label.clone()}</dt>
                <dd data-testid="your-time">{yours}</dd>
                <dt>{b.center_time_label.clone()}</dt>
                <dd data-testid="center-time">{centers}</dd>
                <dt>{b.where_label.clone()}</dt>
                <dd data-testid="held">{held_sentence(t, booking.held, &crate::pages::center_place(locale, &booking.center_name), &booking.phone, &booking.meeting_link)}
                    // A checked web address (`meeting_link`), safe to follow.
                    {(!booking.meeting_link.is_empty() && !cancelled).then(|| view! {
                        " "<a href=booking.meeting_link.clone() data-testid="join-video">{b.join_video.clone()}</a>
                    })}
                </dd>
                <dt>{b.code_label.clone()}</dt>
                <dd><span class="confirmation-code" data-testid="code">{confirmation_code::display(&booking.code)}</span>
                    <span class="field-hint">{b.code_hint.clone()}</span></dd>
            </dl>
            {booking.erasable.then(|| view! {
                <EraseDetails action=format!("{base}/erase") retention_days=booking.retention_days locale/>
            })}
            {if cancelled {
                view! { <p><a class="primary-button" href=book_again>{b.book_again.clone()}</a></p> }.into_any()
            } else {
                view! {
                    <p><a class="secondary-button" href=format!("{base}/calendar.ics") download="worksource-appointment.ics">{b.add_to_calendar.clone()}</a></p>
                    {booking.changeable.then(|| view! {
                        <section class="manage" aria-labelledby="manage-heading">
                            <h2 id="manage-heading">{b.manage_heading.clone()}</h2>
                            <p class="field-hint">{b.manage_hint.clone()}</p>
                            <p class="private-link">{b.manage_link_label.clone()}": "<a href=base.clone()>{booking.manage_url.clone()}</a></p>
                            {if booking.service.hidden {
                                view! { <p data-testid="no-reschedule">{b.reschedule_unavailable.clone()}</p> }.into_any()
                            } else {
                                view! { <p><a class="secondary-button" href=format!("{base}/reschedule?lang={}", locale.tag())>{b.reschedule_link.clone()}</a></p> }.into_any()
                            }}
                            <form method="post" action=format!("{base}/cancel")>
                                <input type="hidden" name="lang" value=locale.tag()/>
                                <button type="submit" class="danger-button">{b.cancel_button.clone()}</button>
                            </form>
                        </section>
                    })}
                }.into_any()
            }}
        </BookingFrame>
    }
}

#[component]
pub fn LinkNotValid(locale: Locale) -> impl IntoView {
    let t = translations(locale);
    crate::pages::respond_not_found();
    view! {
        <BookingFrame locale title=t.booking.link_invalid_heading.clone() languages=LanguageHrefs::new(|l| format!("/book?lang={}", l.tag()))>
            <h1>{t.booking.link_invalid_heading.clone()}</h1>
            <p class="lead">{t.booking.link_invalid_body.clone()}</p>
            <p><a class="primary-button" href=format!("/book?lang={}", locale.tag())>{t.booking.book_again.clone()}</a></p>
        </BookingFrame>
    }
}
