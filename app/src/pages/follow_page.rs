//! `/t/{token}`: a walk-in ticket on the visitor's own phone, reached by the QR code or
//! short link on the kiosk's ticket. Its number, place in line and estimated wait, live
//! (a server-sent event stream of this fragment, fed from every server process), or
//! refreshed every 30 seconds without JavaScript. When staff call the ticket it says which
//! desk in large type. Never a name.

use crate::api::follow::{follow_ticket, FollowView};
use crate::components::feedback_form::FeedbackForm;
use crate::components::live_updater::LiveUpdater;
use crate::domain::follow::FollowStage;
use crate::i18n::{fill, translations, Locale};
use crate::pages::booking::frame::{BookingFrame, LanguageHrefs};
use crate::pages::booking::query::encode;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

/// How often the page reloads itself while the ticket is live, when it has no JavaScript.
pub const REFRESH_SECONDS: u32 = 30;

#[component]
pub fn FollowPage() -> impl IntoView {
    let token = use_params_map()
        .read_untracked()
        .get("token")
        .unwrap_or_default();
    let chosen = use_query_map()
        .read_untracked()
        .get("lang")
        .filter(|tag| !tag.is_empty());
    view! {
        <Suspense>
            {Suspend::new(async move {
                match follow_ticket(token.clone()).await {
                    Ok(Some(ticket)) => {
                        // The language the visitor checked in in, unless they chose another here.
                        let locale = Locale::from_tag(chosen.as_deref().unwrap_or(&ticket.language));
                        view! { <FollowTicket token ticket locale/> }.into_any()
                    }
                    _ => view! { <UnknownTicket token locale=crate::pages::page_locale()/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn FollowTicket(token: String, ticket: FollowView, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let f = &t.follow;
    let base = format!("/t/{}", encode(&token));
    let leave = ticket.stage.can_leave().then(|| {
        view! {
            // Two steps, without JavaScript: the button that gives the place up is inside.
            <details class="follow-leave">
                <summary>{f.leave_open.clone()}</summary>
                <form method="post" action=format!("{base}/leave")>
                    <input type="hidden" name="lang" value=locale.tag()/>
                    <p>{f.leave_question.clone()}</p>
                    <button type="submit" class="danger-button">{f.leave_confirm.clone()}</button>
                </form>
            </details>
        }
    });
    let live = (!ticket.stage.is_final()).then(|| {
        view! {
            <LiveUpdater
                events_url=format!("{base}/events?lang={}", locale.tag())
                target_id="follow-live".to_owned()
                live_label=f.live.clone()
                reconnecting_label=f.reconnecting.clone()
            />
            // Without JavaScript the page cannot hear news: it loads itself again, by its
            // own address (after a refused answer the browser's address is the form's).
            // Only while the ticket is live: a finished one shows a form that must keep
            // what the visitor types.
            <noscript>
                <meta http-equiv="refresh" content=format!("{REFRESH_SECONDS}; url={base}?lang={}", locale.tag())/>
                <p class="follow-refreshes">{f.refreshes.clone()}</p>
            </noscript>
        }
    });
    view! {
        <BookingFrame locale title=f.title.clone() languages=LanguageHrefs::new(|l| format!("{base}?lang={}", l.tag()))>
            <h1>{f.title.clone()}</h1>
            // The container stays while the stream replaces what is inside: screen readers
            // announce changes of a live region that was already there.
            <div id="follow-live" class="follow-live" aria-live="polite">
                <FollowStatus ticket locale/>
            </div>
            {live}
            {leave}
        </BookingFrame>
    }
}

/// The part of the page that changes: sent again, whole, on every change.
#[component]
pub fn FollowStatus(ticket: FollowView, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    let f = &t.follow;
    let (sentence, detail, alert) = match &ticket.stage {
        FollowStage::Waiting {
            people_ahead,
            wait_minutes,
        } => {
            let place = if *people_ahead == 0 {
                t.kiosk.you_are_next.clone()
            } else {
                fill(
                    &t.kiosk.place_in_line,
                    &[("place", &(people_ahead + 1).to_string())],
                )
            };
            let wait =
                (*people_ahead > 0).then(|| t.kiosk_numbers.estimated_wait.count(*wait_minutes));
            (place, wait, false)
        }
        FollowStage::Called { desk } => {
            let sentence = match desk {
                Some(desk) => fill(&f.called_desk, &[("desk", desk)]),
                None => f.called_front_desk.clone(),
            };
            (sentence, None, true)
        }
        FollowStage::Serving => (f.serving.clone(), None, false),
        FollowStage::Done => (f.done.clone(), None, false),
        FollowStage::Left => (f.left.clone(), None, false),
        FollowStage::Expired => (f.expired.clone(), None, false),
    };
    let waiting = matches!(ticket.stage, FollowStage::Waiting { .. });
    // Asked once the visit is done (the stream brings this with the news), thanked after.
    let feedback = (ticket.stage == FollowStage::Done).then(|| {
        if ticket.answered {
            view! { <p class="feedback-thanks" data-testid="feedback-thanks">{t.feedback.thanks.clone()}</p> }.into_any()
        } else {
            view! {
                <FeedbackForm
                    action=format!("/t/{}/feedback", encode(&ticket.token))
                    locale
                    hidden=vec![("lang", locale.tag().to_owned())]
                />
            }
            .into_any()
        }
    });
    view! {
        // A call is an alert, said at once (the container is a polite live region for the
        // rest). The phone buzzes when `data-alert` appears or changes, so once per call.
        <section class="follow-status" data-stage=ticket.stage.code()
            data-final=ticket.stage.is_final().then_some("")
            data-alert=alert.then(|| format!("called-{}", ticket.number))
            role=alert.then_some("alert")>
            <p class="follow-ticket-label">{f.ticket_label.clone()}</p>
            <p class="follow-ticket-number" data-testid="follow-number">{ticket.number.clone()}</p>
            <p class="follow-sentence" class:follow-called=alert data-testid="follow-sentence">{sentence}</p>
            {detail.map(|wait| view! { <p class="follow-wait" data-testid="follow-wait">{wait}</p> })}
            {waiting.then(|| view! { <p class="follow-keep-open">{f.keep_open.clone()}</p> })}
        </section>
        {feedback}
    }
}

/// The fragment the live stream sends.
pub fn render_follow_html(ticket: FollowView, locale: Locale) -> String {
    Owner::new().with(|| view! { <FollowStatus ticket locale/> }.to_html())
}

#[component]
fn UnknownTicket(token: String, locale: Locale) -> impl IntoView {
    let t = translations(locale);
    crate::pages::respond_not_found();
    let base = format!("/t/{}", encode(&token));
    view! {
        <BookingFrame locale title=t.follow.title.clone() languages=LanguageHrefs::new(|l| format!("{base}?lang={}", l.tag()))>
            <h1>{t.follow.title.clone()}</h1>
            <p class="lead" data-testid="follow-unknown">{t.follow.not_found.clone()}</p>
        </BookingFrame>
    }
}
