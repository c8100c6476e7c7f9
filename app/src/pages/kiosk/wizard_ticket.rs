//! The last screen: the visitor's ticket, place in line and estimated wait. After a check-in
//! made by the browser code it is rendered empty and hidden, and that code fills in the
//! ticket the server sent, then shows it; after one made by a form post (`ticket`) the
//! server renders it filled in.

use super::check_in_steps::Step;
use crate::domain::ticket::spell_out;
use crate::domain::ticket_view::{QrLink, Ticket};
use crate::i18n::{fill, KioskStrings, WizardStrings};
use leptos::prelude::*;

pub(super) fn ticket_step(
    t: &WizardStrings,
    home_url: String,
    ticket: Option<&Ticket>,
) -> impl IntoView {
    let k = &t.kiosk;
    let agency = crate::api::agency().public_name;
    let with_agency = |text: &str| fill(text, &[("agency", &agency)]);
    let number = ticket.map(|t| t.number.clone()).unwrap_or_default();
    let place = ticket.map(|t| place_sentence(k, t.people_ahead));
    let wait = ticket
        .filter(|t| t.people_ahead > 0)
        .map(|t| t.wait_sentence.clone());
    let team = ticket
        .map(|t| t.team_note.clone())
        .filter(|n| !n.is_empty());
    let follow = ticket
        .and_then(|t| t.follow.clone())
        .filter(|l| !l.qr_svg.is_empty());
    let register = ticket
        .and_then(|t| t.registration.clone())
        .filter(|l| !l.qr_svg.is_empty());
    let link = |link: &Option<QrLink>| {
        link.as_ref()
            .map(|l| (l.qr_svg.clone(), l.short.clone()))
            .unwrap_or_default()
    };
    let (follow_qr, follow_short) = link(&follow);
    let (register_qr, register_short) = link(&register);
    view! {
        <div class="step ticket" data-step=Step::Ticket.code() hidden=ticket.is_none()>
            <h1 tabindex="-1" data-autofocus>{k.ticket_heading.clone()}</h1>
            // Speech mode reads all of this on arrival, the number a character at a time
            // (`data-speak`, set with the number).
            <div data-announce>
                <p class="ticket-label">{k.ticket_number_label.clone()}</p>
                <p class="ticket-number" data-testid="ticket-number"
                    data-speak=(!number.is_empty()).then(|| spell_out(&number))>{number.clone()}</p>
                <p class="ticket-place" data-testid="ticket-place">{place}</p>
                <p class="ticket-wait" data-testid="ticket-wait" hidden=wait.is_none()>{wait.clone()}</p>
                <p>{k.ticket_seat.clone()}</p>
                <p class="ticket-team" data-testid="ticket-team" hidden=team.is_none()>{team.clone()}</p>
            </div>
            // Filled in with the ticket's own link and its QR code, then shown. The QR code
            // is an `<svg>` the server drew from an address of its own: no visitor's text.
            <div class="ticket-follow" hidden=follow.is_none()>
                <h2>{k.follow_heading.clone()}</h2>
                <p>{k.follow_hint.clone()}</p>
                <div class="ticket-follow-qr" role="img" aria-label=k.follow_qr_label.clone() data-testid="follow-qr" inner_html=follow_qr></div>
                <p class="ticket-follow-link" dir="ltr" data-testid="follow-link">{follow_short}</p>
            </div>
            // For a visitor who came to register: the agency's registration, to start
            // while waiting. Shown when the server sent its address.
            <div class="ticket-register" hidden=register.is_none()>
                <h2>{k.register_heading.clone()}</h2>
                <ol>
                    <li>{k.register_step_open.clone()}</li>
                    <li>{with_agency(&k.register_step_account)}</li>
                    <li>{k.register_step_profile.clone()}</li>
                </ol>
                <div class="ticket-register-qr" role="img" aria-label=with_agency(&k.register_qr_label) data-testid="register-qr" inner_html=register_qr></div>
                <p class="ticket-register-link" dir="ltr" data-testid="register-link">{register_short}</p>
            </div>
            <a class="primary-button" href=home_url data-end-visit>{k.done.clone()}</a>
        </div>
    }
}

/// "You are next." or "You are number 3 in line.", with `people_ahead` called first.
pub(super) fn place_sentence(k: &KioskStrings, people_ahead: u32) -> String {
    match people_ahead {
        0 => k.you_are_next.clone(),
        ahead => fill(&k.place_in_line, &[("place", &(ahead + 1).to_string())]),
    }
}
